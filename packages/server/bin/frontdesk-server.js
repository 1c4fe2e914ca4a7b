#!/usr/bin/env node
// The `frontdesk-server` command; needs the package built (`pnpm run build` in the workspace).
import { main } from '../dist/cli.js';

main(process.argv.slice(2)).catch((error) => {
  process.stderr.write(`frontdesk-server: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
