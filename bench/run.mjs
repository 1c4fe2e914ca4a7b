// `pnpm run bench`: builds, then prints every measured figure against its budget (docs/design.md section 8): what
// each page puts on the wire and how long the patient waits (wire.mjs), that the script-tag build is fully minified
// (minified.mjs), the npm packages and the peers (size.mjs), render speed (speed.mjs). Exits non-zero when any budget is missed, after naming each miss.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const started = performance.now();
const build = spawnSync('pnpm', ['run', 'build'], { stdio: 'inherit', cwd: root });
if (build.status !== 0) process.exit(build.status ?? 1);

// After the build: every module reads built output.
const { budgetsOf, printWire, wireRows } = await import('./wire.mjs');
const { minificationProblems } = await import('./minified.mjs');
const { sizeReport } = await import('./size.mjs');
const { printSpeed, speedRows } = await import('./speed.mjs');

const wire = await wireRows();
const wireFailed = printWire(wire);
const unminified = minificationProblems();
console.log(
  `\nscript-tag build fully minified (no comment but licences, no removable whitespace): ${unminified.length ? 'FAIL' : 'pass'}`,
);
for (const problem of unminified) console.log(`  BUDGET MISSED: ${problem}`);
sizeReport(wire);
const speed = await speedRows();
const speedFailed = printSpeed(speed);

const total =
  wire.reduce((sum, row) => sum + budgetsOf(row), 0) + 1 + speed.filter((row) => row.budget !== undefined).length;
const failed = wireFailed + (unminified.length ? 1 : 0) + speedFailed;
const seconds = ((performance.now() - started) / 1000).toFixed(0);
const line = `budgets: ${total - failed} pass, ${failed} fail`;
if (failed) {
  console.log(`\n${'!'.repeat(72)}\n${line}: BUDGETS MISSED (each marked FAIL above)  (bench took ${seconds} s)`);
  console.log('!'.repeat(72));
  process.exitCode = 1;
} else {
  console.log(`\n${line}  (bench took ${seconds} s)`);
}
await (await import('./server.mjs')).serverBench(); // the server's own table (bench/server.mjs)
