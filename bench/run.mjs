// `pnpm run bench`: builds, then prints every measured figure against its budget (docs/design.md section 8): sizes, then
// speed, one table each, and a last line counting budgets passed and failed. A report: it exits 0 even when a budget
// fails, and says FAIL on the row that did.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const started = performance.now();
const build = spawnSync('pnpm', ['run', 'build'], { stdio: 'inherit', cwd: root });
if (build.status !== 0) process.exit(build.status ?? 1);

// After the build: both modules read built output.
const { sizeReport, countBudgets } = await import('./size.mjs');
const { printSpeed, speedRows } = await import('./speed.mjs');

const sizes = await sizeReport();
const rows = await speedRows();
const speedFailed = printSpeed(rows);
const total = countBudgets.total + rows.filter((row) => row.budget !== undefined).length;
const failed = sizes + speedFailed;
const seconds = ((performance.now() - started) / 1000).toFixed(0);
const line = `budgets: ${total - failed} pass, ${failed} fail`;
console.log(`\n${failed ? `${line}  <-- FAILURES above, marked FAIL` : line}  (bench took ${seconds} s)`);
await (await import('./server.mjs')).serverBench(); // the server's own table (bench/server.mjs)
