// `pnpm run bench`: builds, then prints every measured figure against its budget (DESIGN.md section 8).
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const step = (args) => {
  const result = spawnSync('pnpm', args, { stdio: 'inherit', cwd: root });
  if (result.status !== 0) process.exit(result.status ?? 1);
};
step(['run', 'build']);
step(['exec', 'node', 'bench/size.mjs']);
