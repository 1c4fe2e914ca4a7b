import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { BACKENDS, post, serverForSuite, spawnServer } from '../test-support/server.js';
import { staffCommand } from './cli.js';

/**
 * `frontdesk-server staff …`: the first admin from the command line (the password from stdin or a prompt, never a
 * flag), accounts listed, API tokens made, listed and revoked, each act in the audit trail as `cli`.
 */
function io(input = '') {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    io: {
      stdin: Readable.from([input]) as unknown as NodeJS.ReadStream,
      stdout: (text: string) => out.push(text),
      stderr: (text: string) => err.push(text),
    },
  };
}

describe.each(BACKENDS)('staff commands on %s', (backend) => {
  const server = serverForSuite(backend);

  const run = (args: string[], values: Record<string, unknown> = {}, input = '') => {
    const streams = io(input);
    return staffCommand(server.db, server.clock, args, values, streams.io).then(() => streams);
  };

  it('adds the first admin with the password from stdin, who can then sign in', async () => {
    const { out } = await run(
      ['staff', 'add'],
      { email: ' Ada@Clinic.Example ', role: 'admin', name: 'Ada' },
      'a long first password\nignored\n',
    );
    expect(out.join('')).toMatch(/^created admin ada@clinic\.example \(st-[A-Za-z0-9_-]{22}\)\n$/);
    const signIn = await post(`${server.api}/staff/session`, {
      email: 'ada@clinic.example',
      password: 'a long first password',
    });
    expect(signIn.status).toBe(200);
    const listed = (await run(['staff', 'list'])).out.join('');
    expect(listed).toMatch(/^ID +E-MAIL +NAME +ROLE +STATE\nst-\S+ +ada@clinic\.example +Ada +admin +active\n$/);
    const audit = await server.db.query<{ actor_kind: string; actor_id: string }>(
      `select actor_kind, actor_id from audit_events where action = 'staff.create'`,
    );
    expect(audit.rows).toEqual([{ actor_kind: 'system', actor_id: 'cli' }]);
  });

  it('refuses a short password, an unknown role and a second account with the same address', async () => {
    await expect(run(['staff', 'add'], { email: 'bob@clinic.example', role: 'admin' }, 'short\n')).rejects.toThrow(
      'password: at least 12 characters',
    );
    await expect(
      run(['staff', 'add'], { email: 'bob@clinic.example', role: 'owner' }, 'a long enough password\n'),
    ).rejects.toThrow('role: one of front-desk, clinician, admin');
    await expect(
      run(['staff', 'add'], { email: 'ADA@clinic.example', role: 'clinician' }, 'a long enough password\n'),
    ).rejects.toThrow('an account with this e-mail address exists');
    await expect(run(['staff', 'add'], { role: 'admin' })).rejects.toThrow('staff add needs --email and --role');
    await expect(run(['staff', 'fly'])).rejects.toThrow('unknown command');
  });

  it('makes a scoped token, printed once; lists it without its secret; revokes it', async () => {
    const made = await run(['staff', 'token', 'create'], {
      name: 'EHR sync',
      scope: ['bookings:read'],
      'expires-days': '7',
    });
    const token = made.out.join('').trim();
    expect(token).toMatch(/^fdt_[A-Za-z0-9_-]{43}$/);
    expect(made.err.join('')).toMatch(/^token tk-\S+ "EHR sync" \(bookings:read\), valid until /);
    const headers = { Authorization: `Bearer ${token}` };
    expect((await fetch(`${server.api}/staff/bookings`, { headers })).status).toBe(200);
    expect((await fetch(`${server.api}/staff/survey-responses`, { headers })).status).toBe(403);
    const listed = (await run(['staff', 'token', 'list'])).out.join('');
    expect(listed).toContain('EHR sync');
    expect(listed).not.toContain(token);
    const id = /tk-\S+/.exec(made.err.join(''))![0];
    expect((await run(['staff', 'token', 'revoke', id])).out.join('')).toBe(`revoked ${id}\n`);
    expect((await fetch(`${server.api}/staff/bookings`, { headers })).status).toBe(401);
    await expect(run(['staff', 'token', 'create'], { name: 'x', scope: ['staff:manage'] })).rejects.toThrow(
      'scopes[0]',
    );
    await expect(run(['staff', 'token', 'revoke', 'tk-nope'])).rejects.toThrow('no token has this id');
  });

  it('sets a new password, ending that person’s sessions', async () => {
    const first = await post(`${server.api}/staff/session`, {
      email: 'ada@clinic.example',
      password: 'a long first password',
    });
    const cookie = first.headers.getSetCookie()[0]!.split(';')[0]!;
    await run(['staff', 'password'], { email: 'ada@clinic.example' }, 'another long password\n');
    expect((await fetch(`${server.api}/staff/session`, { headers: { Cookie: cookie } })).status).toBe(401);
    const again = await post(`${server.api}/staff/session`, {
      email: 'ada@clinic.example',
      password: 'another long password',
    });
    expect(again.status).toBe(200);
  });
});

describe('the frontdesk-server command', () => {
  const dir = mkdtempSync(join(tmpdir(), 'frontdesk-staff-cli-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const bin = fileURLToPath(new URL('../../bin/frontdesk-server.js', import.meta.url));

  async function command(args: string[], input: string): Promise<{ code: number | null; out: string; err: string }> {
    const child = spawn(process.execPath, [bin, ...args, '--data', dir], { stdio: ['pipe', 'pipe', 'pipe'] });
    child.stdin.end(input);
    const [out, err, [code]] = await Promise.all([text(child.stdout), text(child.stderr), once(child, 'close')]);
    return { code, out, err };
  }

  it('creates the first admin from stdin, never from a flag, and the server signs them in', async () => {
    const refused = await command(
      ['staff', 'add', '--email', 'first@clinic.example', '--role', 'admin', '--password', 'x'],
      '',
    );
    expect(refused.code).toBe(1);
    expect(refused.err).toContain("Unknown option '--password'");
    const made = await command(
      ['staff', 'add', '--email', 'first@clinic.example', '--role', 'admin'],
      'the first admin password\n',
    );
    expect(made.err).toBe('');
    expect(made.code).toBe(0);
    expect(made.out).toMatch(/^created admin first@clinic\.example/);
    const running = await spawnServer(['--data', dir, '--seed', 'demo', '--quiet']);
    try {
      const response = await post(
        `${running.origin}/api/staff/session`,
        { email: 'first@clinic.example', password: 'the first admin password' },
        { Origin: running.origin },
      );
      expect(response.status).toBe(200);
    } finally {
      running.child.kill('SIGTERM');
      await running.exited;
    }
  }, 60_000);
});
