// Set-up shared by `npm start` and `npm test`: on a fresh machine with only Node and npm, install what is missing
// (pnpm through npm, the workspace's packages, and for browser tests Debian's Chromium through apt-get when root).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';

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

function ensureChromium() {
  if (chromiumPath()) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    say('Chromium is needed for the browser tests and was not found at /usr/bin/chromium.');
    say('Install it (Debian/Ubuntu): sudo apt-get update && sudo apt-get install -y chromium');
    say('or point CHROME_PATH at an installed Chromium or Chrome, then run npm test again.');
    process.exit(1);
  }
  say("Chromium is missing: installing Debian's chromium with apt-get...");
  run('apt-get', ['update'], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  run('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], {
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (!chromiumPath()) {
    say('apt-get finished but /usr/bin/chromium is still missing.');
    process.exit(1);
  }
}

/** Everything `npm start` and `npm test` need before they can run. */
export function bootstrap({ browser = false } = {}) {
  ensureNode();
  ensurePnpm();
  ensurePackages();
  if (browser) ensureChromium();
  process.env.CHROME_PATH ??= chromiumPath();
  process.env.STORYBOOK_DISABLE_TELEMETRY = '1';
}
