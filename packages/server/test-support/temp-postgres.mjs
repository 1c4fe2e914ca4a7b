// A throwaway PostgreSQL server for tests and the bench: initdb into a temporary folder, start it on a free port with
// its unix socket in that folder, hand out its URL, and stop and delete it afterwards. PostgreSQL refuses to run as
// root, so as root it runs as an unprivileged system user (`nobody`, or `frontdesk-pg` created for it).
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The folder holding initdb and pg_ctl: PG_BIN, Debian's newest /usr/lib/postgresql/N/bin, or pg_config's. */
export function postgresBinDir() {
  if (process.env.PG_BIN && existsSync(join(process.env.PG_BIN, 'initdb'))) return process.env.PG_BIN;
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    const versions = readdirSync(debian)
      .filter((name) => /^\d+$/.test(name) && existsSync(join(debian, name, 'bin', 'initdb')))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return join(debian, versions[0], 'bin');
  }
  const fromConfig = spawnSync('pg_config', ['--bindir'], { encoding: 'utf8' });
  if (fromConfig.status === 0 && existsSync(join(fromConfig.stdout.trim(), 'initdb'))) return fromConfig.stdout.trim();
  return undefined;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** As root, the user PostgreSQL runs as: `nobody` if it exists, else a system user created once. */
function unprivilegedUser() {
  for (const name of ['nobody', 'frontdesk-pg']) {
    if (spawnSync('id', ['-u', name], { stdio: 'ignore' }).status === 0) return name;
  }
  execFileSync('useradd', ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin', 'frontdesk-pg']);
  return 'frontdesk-pg';
}

/**
 * Starts a PostgreSQL server in a new temporary folder. `durable: false` (tests) turns fsync off for speed; the
 * bench keeps PostgreSQL's default durability. Returns its URL and a stop function that also deletes the folder.
 */
export async function startTempPostgres({ durable = false, maxConnections = 200 } = {}) {
  const bin = postgresBinDir();
  if (!bin) {
    throw new Error(
      'PostgreSQL is not installed (no initdb found). Install it: sudo apt-get install -y postgresql (npm test does this when run as root), or set PG_BIN.',
    );
  }
  const root = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), 'frontdesk-pg-'));
  const data = join(dir, 'data');
  const user = root ? unprivilegedUser() : undefined;
  if (user) {
    const uid = Number(execFileSync('id', ['-u', user], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', user], { encoding: 'utf8' }).trim());
    chownSync(dir, uid, gid);
    chmodSync(dir, 0o700);
  }
  const as = (command, args) =>
    user ? ['runuser', ['-u', user, '--', join(bin, command), ...args]] : [join(bin, command), args];
  const run = (command, args) => {
    const [file, argv] = as(command, args);
    const result = spawnSync(file, argv, { encoding: 'utf8', cwd: dir });
    if (result.status !== 0) {
      throw new Error(`${command} failed (exit ${result.status}): ${(result.stderr || result.stdout).slice(-2000)}`);
    }
  };
  const port = await freePort();
  let started = false;
  const stop = () => {
    if (started) {
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } catch {
        // already gone
      }
      started = false;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    run('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '--no-sync', '-E', 'UTF8', '--locale=C']);
    const settings = [
      `-p ${port}`,
      `-k ${dir}`,
      "-c listen_addresses='127.0.0.1'",
      `-c max_connections=${maxConnections}`,
      '-c shared_buffers=128MB',
      ...(durable ? [] : ['-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off']),
    ].join(' ');
    run('pg_ctl', ['-D', data, '-l', join(dir, 'postgres.log'), '-o', settings, '-w', '-t', '60', 'start']);
    started = true;
  } catch (error) {
    stop();
    throw error;
  }
  // Stopped with the process even if the caller forgets (a crashed test run).
  process.once('exit', stop);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    dir,
    stop() {
      process.removeListener('exit', stop);
      stop();
    },
  };
}

/** A fresh, empty database on the server, for one test file: tests never share tables. */
export async function createDatabase(url, name) {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`create database "${name.replace(/[^a-z0-9_]/g, '_')}"`);
  } finally {
    await client.end();
  }
  const target = new URL(url);
  target.pathname = `/${name.replace(/[^a-z0-9_]/g, '_')}`;
  return target.toString();
}
