// `npm test`: set up what is missing, then type-check, lint, run the unit and browser tests, build everything,
// and end with one line `N passed, N failed` (tests counted one by one; a check without tests counts as one). The
// server's tests start their own PostgreSQL in a temporary folder (Vitest global setup) and stop it afterwards.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { bootstrap, root } from './bootstrap.mjs';

bootstrap({ browser: true, postgres: true });

const reports = join(root, '.cache', 'test-reports');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

const totals = { passed: 0, failed: 0, skipped: 0 };
const lines = [];

function exec(command, args, env = {}) {
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: root, env: { ...process.env, ...env } });
  return { ok: result.status === 0, seconds: ((Date.now() - started) / 1000).toFixed(1) };
}

/** A check that passes or fails as a whole. */
function check(name, command, args, env) {
  console.log(`\n=== ${name}`);
  const { ok, seconds } = exec(command, args, env);
  totals[ok ? 'passed' : 'failed']++;
  lines.push(`${ok ? 'ok  ' : 'FAIL'} ${name} (${seconds}s)`);
  return ok;
}

/** A test run whose reporter writes `{ passed, failed, skipped }` counts to `file`. */
function suite(name, command, args, file, readCounts, env) {
  console.log(`\n=== ${name}`);
  const { ok, seconds } = exec(command, args, env);
  let counts = { passed: 0, failed: 0, skipped: 0 };
  if (existsSync(file)) counts = readCounts(JSON.parse(readFileSync(file, 'utf8')));
  // A runner that failed without reporting a failed test (a crash, a file that did not load) still fails the run.
  if (!ok && counts.failed === 0) counts.failed = 1;
  if (ok && counts.passed === 0) counts.failed = 1; // ran no test: something is misconfigured
  for (const key of Object.keys(totals)) totals[key] += counts[key] ?? 0;
  lines.push(`${ok ? 'ok  ' : 'FAIL'} ${name}: ${counts.passed} passed, ${counts.failed} failed (${seconds}s)`);
}

const vitestCounts = (json) => ({
  passed: json.numPassedTests ?? 0,
  failed: (json.numFailedTests ?? 0) + (json.numRuntimeErrorTestSuites ?? 0),
  skipped: (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0),
});
const plainCounts = (json) => json;

// Building with `tsc -b` is also the type-check of every package.
check('build and type-check packages (tsc -b)', 'pnpm', ['run', 'build']);
check('type-check tests, stories, examples, bench', 'pnpm', ['exec', 'tsc', '-p', 'tsconfig.json', '--noEmit']);
check('lint and format (biome)', 'pnpm', ['exec', 'biome', 'check', '.']);

const unitFile = join(reports, 'vitest.json');
suite(
  'unit tests (vitest, node)',
  'pnpm',
  ['exec', 'vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${unitFile}`],
  unitFile,
  vitestCounts,
);

const browserFile = join(reports, 'wtr.json');
suite('browser tests (web-test-runner, chromium)', 'pnpm', ['exec', 'web-test-runner'], browserFile, plainCounts, {
  CI_COUNT_FILE: browserFile,
});

// Storybook: the manifests come from `pnpm run build`; every story renders without errors and passes axe.
check('storybook build', 'pnpm', ['exec', 'storybook', 'build', '--quiet', '--disable-telemetry'], {
  STORYBOOK_DISABLE_TELEMETRY: '1',
});
const storiesFile = join(reports, 'storybook.json');
suite('stories (chromium: render, play, axe)', 'node', ['test/storybook-check.mjs'], storiesFile, plainCounts, {
  CI_COUNT_FILE: storiesFile,
});

console.log('\n=== summary');
for (const line of lines) console.log(line);
console.log(`\n${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
process.exit(totals.failed === 0 ? 0 : 1);
