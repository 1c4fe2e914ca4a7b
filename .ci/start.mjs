// `npm start`: set up, build, then serve the demo clinic site from examples/ on localhost.
import { bootstrap, run } from './bootstrap.mjs';

bootstrap();
run('pnpm', ['run', 'build']);
run('node', ['examples/serve.mjs', ...process.argv.slice(2)]);
