import { createInterface } from 'node:readline';
import { isFrontdeskError } from '@frontdesk/core';
import type { Clock } from '../clock.js';
import type { Database } from '../db/database.js';
import { createStaff, listStaff, normalizeEmail, updateStaff } from './accounts.js';
import { type Actor, auditedChange } from './audit.js';
import { runRetention } from './retention.js';
import { TOKEN_SCOPES } from './roles.js';
import { createApiToken, listApiTokens, revokeApiToken } from './tokens.js';

/** The command line acts as the server itself: its entries in the audit trail say `cli`. */
const CLI: Actor = { kind: 'system', id: 'cli' };

export const STAFF_USAGE = `  frontdesk-server staff add --email ADDRESS --role ROLE [--name NAME]
                                         create a staff account (front-desk, clinician or admin); the password is
                                         asked for, or read from the first line of stdin
  frontdesk-server staff password --email ADDRESS   set a new password (ends that person's sessions)
  frontdesk-server staff list            the staff accounts
  frontdesk-server staff token create --name NAME --scope SCOPE [--scope SCOPE] [--expires-days N]
                                         an API token for an integration, printed once (scopes: ${TOKEN_SCOPES.join(', ')})
  frontdesk-server staff token list      the API tokens (never their secrets)
  frontdesk-server staff token revoke ID revoke a token at once
  frontdesk-server retention run         delete what is older than the retention setting now`;

export interface StaffCliValues {
  email?: string | undefined;
  name?: string | undefined;
  role?: string | undefined;
  scope?: string[] | undefined;
  'expires-days'?: string | undefined;
}

export interface StaffCliIo {
  stdin: NodeJS.ReadStream;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const defaultIo: StaffCliIo = {
  stdin: process.stdin,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

/** Reads a password: typed twice without echo on a terminal, else the first line of stdin. Never a flag. */
async function readPassword(io: StaffCliIo): Promise<string> {
  if (!io.stdin.isTTY) {
    let text = '';
    for await (const chunk of io.stdin) {
      text += chunk.toString();
      if (text.includes('\n')) break;
    }
    return text.split(/\r?\n/)[0] ?? '';
  }
  const ask = (question: string) =>
    new Promise<string>((resolve) => {
      const rl = createInterface({ input: io.stdin, output: process.stderr, terminal: true });
      const output = rl as unknown as { _writeToOutput(text: string): void };
      let muted = false;
      // Echo the question, not the keystrokes.
      output._writeToOutput = (text) => {
        if (!muted) io.stderr(text);
      };
      rl.question(question, (answer) => {
        rl.close();
        io.stderr('\n');
        resolve(answer);
      });
      muted = true;
    });
  const first = await ask('Password (at least 12 characters): ');
  const second = await ask('The same again: ');
  if (first !== second) throw new Error('the two passwords differ');
  return first;
}

/** The rows under their header in aligned columns, or `empty` when there are none. */
function listing(empty: string, header: string[], body: string[][]): string {
  if (body.length === 0) return empty;
  const rows = [header, ...body];
  const widths = header.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return `${rows
    .map((row) =>
      row
        .map((cell, column) => cell.padEnd(widths[column]!))
        .join('  ')
        .trimEnd(),
    )
    .join('\n')}\n`;
}

/** `frontdesk-server staff …` and `frontdesk-server retention run`, on an open, migrated database. */
export async function staffCommand(
  db: Database,
  clock: Clock,
  args: readonly string[],
  values: StaffCliValues,
  io: StaffCliIo = defaultIo,
): Promise<void> {
  const [command, sub, third] = args;
  const now = clock.now();
  try {
    if (command === 'retention' && sub === 'run') {
      const result = await runRetention(db, now);
      io.stdout(
        result.months === null
          ? 'no retention is set: nothing deleted\n'
          : `deleted ${result.bookings} bookings, ${result.waitlistEntries} waitlist places, ${result.surveyResponses} survey responses and ${result.idempotencyRecords} idempotency records older than ${result.cutoff}\n`,
      );
      return;
    }
    if (command !== 'staff') throw new Error(`unknown command: ${args.join(' ')}`);
    if (sub === 'add') {
      if (!values.email || !values.role) throw new Error('staff add needs --email and --role');
      const email = normalizeEmail(values.email);
      const password = await readPassword(io);
      const account = await auditedChange(
        db,
        (tx) => createStaff(tx, { email, name: values.name, role: values.role, password }, now),
        (created) => ({ actor: CLI, action: 'staff.create', resourceType: 'StaffAccount', resourceIds: [created.id] }),
        now,
      );
      io.stdout(`created ${account.role} ${account.email} (${account.id})\n`);
      return;
    }
    if (sub === 'password') {
      if (!values.email) throw new Error('staff password needs --email');
      const email = normalizeEmail(values.email);
      const account = (await listStaff(db)).find((candidate) => candidate.email === email);
      if (!account) throw new Error('no account has this e-mail address');
      const password = await readPassword(io);
      await auditedChange(
        db,
        (tx) => updateStaff(tx, account.id, { password }, now),
        () => ({ actor: CLI, action: 'staff.update', resourceType: 'StaffAccount', resourceIds: [account.id] }),
        now,
      );
      io.stdout(`new password set for ${account.email}; their sessions have ended\n`);
      return;
    }
    if (sub === 'list') {
      const accounts = await listStaff(db);
      io.stdout(
        listing(
          'no staff accounts yet: frontdesk-server staff add --email you@clinic.example --role admin\n',
          ['ID', 'E-MAIL', 'NAME', 'ROLE', 'STATE'],
          accounts.map((a) => [a.id, a.email, a.name, a.role, a.disabled ? 'disabled' : 'active']),
        ),
      );
      return;
    }
    if (sub === 'token' && third === 'create') {
      const days = values['expires-days'];
      const expiresInDays = days === undefined ? undefined : Number(days);
      const token = await auditedChange(
        db,
        (tx) => createApiToken(tx, { name: values.name, scopes: values.scope ?? [], expiresInDays }, CLI.id!, now),
        (created) => ({ actor: CLI, action: 'token.create', resourceType: 'ApiToken', resourceIds: [created.id] }),
        now,
      );
      io.stderr(`token ${token.id} "${token.name}" (${token.scopes.join(' ')}), valid until ${token.expiresAt}:\n`);
      io.stdout(`${token.token}\n`);
      return;
    }
    if (sub === 'token' && third === 'list') {
      const tokens = await listApiTokens(db);
      io.stdout(
        listing(
          'no API tokens\n',
          ['ID', 'NAME', 'SCOPES', 'EXPIRES', 'STATE'],
          tokens.map((t) => [t.id, t.name, t.scopes.join(' '), t.expiresAt, t.revokedAt ? 'revoked' : 'active']),
        ),
      );
      return;
    }
    if (sub === 'token' && third === 'revoke') {
      const id = args[3];
      if (!id) throw new Error('staff token revoke needs the token id');
      await auditedChange(
        db,
        async (tx) => {
          if (!(await revokeApiToken(tx, id, now))) throw new Error('no token has this id');
        },
        () => ({ actor: CLI, action: 'token.revoke', resourceType: 'ApiToken', resourceIds: [id] }),
        now,
      );
      io.stdout(`revoked ${id}\n`);
      return;
    }
    throw new Error(`unknown command: ${args.join(' ')}\n\n${STAFF_USAGE}`);
  } catch (error) {
    // The core's errors name the field and the problem, never the value.
    if (isFrontdeskError(error)) throw new Error(error.message);
    throw error;
  }
}
