// `npm start`: set up, build, then serve the demo clinic site on localhost. By default @frontdesk/server runs it on
// the embedded database in .frontdesk/data (a booking survives a restart); `npm start -- --backend=fhir` serves the
// same pages on Medplum's FHIR router instead (examples/serve.mjs). Other arguments go to frontdesk-server.
import { bootstrap, run } from './bootstrap.mjs';

bootstrap();
run('pnpm', ['run', 'build']);
const args = process.argv.slice(2);
const chosen =
  args.find((arg) => arg.startsWith('--backend='))?.split('=')[1] ?? process.env.FRONTDESK_BACKEND ?? 'rest';
const rest = args.filter((arg) => !arg.startsWith('--backend='));
if (chosen.toLowerCase() === 'fhir') {
  run('node', ['examples/serve.mjs', '--backend=fhir', ...rest]);
} else {
  console.log(`\nFrontdesk demo clinic: http://127.0.0.1:${process.env.PORT ?? '8080'}/  (Ctrl+C to stop)\n`);
  run('pnpm', [
    'exec',
    'frontdesk-server',
    '--data',
    '.frontdesk/data',
    '--seed',
    'demo',
    '--site',
    'examples',
    // The links in the messages open the demo's own pages (the cdn, like the site, is served from here).
    '--manage-page',
    `http://127.0.0.1:${process.env.PORT ?? '8080'}/manage.html`,
    ...rest,
  ]);
}
