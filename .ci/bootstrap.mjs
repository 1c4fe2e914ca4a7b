// Set-up shared by `npm start` and `npm test`: on a fresh machine with only Node and npm, install what is missing
// (pnpm through npm, the workspace's packages, and for the tests Debian's Chromium and PostgreSQL through apt-get
// when root).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';
// Node built-ins only at its top level, so it loads before the workspace's packages are installed.
import { postgresBinDir } from '../packages/server/test-support/temp-postgres.mjs';

export const root = resolve(import.meta.dirname, '..');
const PNPM_VERSION = '12';
const localPnpmPrefix = join(root, '.cache', 'pnpm');

function say(message) {
  console.log(`[frontdesk] ${message}`);
}

function works(command, args) {
  const result = spawnSync(command, args, { stdio: 'ignore', shell: process.platform === 'win32' });
  return result.status === 0;
}

/** Run a command with inherited output; exit with its status when it fails. */
export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: root, ...options });
  if (result.status !== 0) {
    say(`${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status || 1);
  }
}

function ensureNode() {
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major < 20 || (major === 20 && minor < 19)) {
    say(`Node ${process.versions.node} is too old: install Node 20.19 or newer.`);
    process.exit(1);
  }
}

function ensurePnpm() {
  // A pnpm installed by an earlier run into the project's cache comes first.
  process.env.PATH = [join(localPnpmPrefix, 'node_modules', '.bin'), process.env.PATH].join(delimiter);
  if (works('pnpm', ['--version'])) return;
  say(`pnpm is missing: installing pnpm@${PNPM_VERSION} with npm...`);
  if (
    works('npm', ['install', '--global', '--no-fund', '--no-audit', `pnpm@${PNPM_VERSION}`]) &&
    works('pnpm', ['--version'])
  )
    return;
  // Not allowed to write the global prefix (not root): install into the project's own cache instead.
  mkdirSync(localPnpmPrefix, { recursive: true });
  run('npm', ['install', '--no-fund', '--no-audit', '--prefix', localPnpmPrefix, `pnpm@${PNPM_VERSION}`]);
  if (!works('pnpm', ['--version'])) {
    say('Could not install pnpm. Install it yourself with: npm install --global pnpm@12');
    process.exit(1);
  }
}

function ensurePackages() {
  run('pnpm', ['install', '--frozen-lockfile', '--prefer-offline', '--reporter=append-only'], {
    env: { ...process.env, CI: 'true' },
  });
}

export function chromiumPath() {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((path) => path && existsSync(path));
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;
let aptUpdated = false;

/** Installs a Debian package with apt-get (root only); exits with the command to run when it cannot. */
function aptInstall(pkg, why, instead) {
  if (!isRoot()) {
    say(`${why}`);
    say(`Install it (Debian/Ubuntu): sudo apt-get update && sudo apt-get install -y ${pkg}`);
    if (instead) say(instead);
    say('then run npm test again.');
    process.exit(1);
  }
  say(`${why} Installing Debian's ${pkg} with apt-get...`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if (!aptUpdated) run('apt-get', ['update'], { env });
  aptUpdated = true;
  run('apt-get', ['install', '-y', '--no-install-recommends', pkg], { env });
}

function ensureChromium() {
  if (chromiumPath()) return;
  aptInstall(
    'chromium',
    'Chromium is needed for the browser tests and was not found at /usr/bin/chromium.',
    'or point CHROME_PATH at an installed Chromium or Chrome,',
  );
  if (!chromiumPath()) {
    say('apt-get finished but /usr/bin/chromium is still missing.');
    process.exit(1);
  }
}

/** The server's tests run against a real PostgreSQL too, started in a temporary folder (not as a system service). */
function ensurePostgres() {
  if (postgresBinDir()) return;
  aptInstall(
    'postgresql',
    "PostgreSQL is needed for the server's tests and was not found (no initdb in /usr/lib/postgresql/*/bin).",
    'or set PG_BIN to the folder of an installed initdb and pg_ctl,',
  );
  if (!postgresBinDir()) {
    say('apt-get finished but initdb is still missing from /usr/lib/postgresql/*/bin.');
    process.exit(1);
  }
}

/** Everything `npm start` and `npm test` need before they can run. */
export function bootstrap({ browser = false, postgres = false } = {}) {
  ensureNode();
  ensurePnpm();
  ensurePackages();
  if (browser) ensureChromium();
  if (postgres) ensurePostgres();
  process.env.CHROME_PATH ??= chromiumPath();
  process.env.STORYBOOK_DISABLE_TELEMETRY = '1';
}
