// Builds the speed pages into .cache/bench-speed (Vite, the workspace's source condition, production mode) and
// serves them with the peers' files from node_modules, each at the path its docs load it from.
import { createReadStream, existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { packageDir } from '../peers.mjs';

const root = resolve(import.meta.dirname, '../..');
export const outDir = join(root, '.cache/bench-speed');
const entries = ['ours-survey', 'ours-slots', 'surveyjs', 'lforms'];

const page = (title, head, entry) => `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title><link rel="icon" href="data:,">
${head}
<script type="module" src="./${entry}.js"></script>
</head>
<body></body>
</html>
`;

const PAGES = {
  'ours-survey': page('fd-survey', '', 'ours-survey'),
  'ours-slots': page('fd-slot-picker', '', 'ours-slots'),
  surveyjs: page(
    'SurveyJS',
    `<link rel="stylesheet" href="/peer/survey-core/survey-core.min.css">
<script src="/peer/survey-core/survey.core.min.js"></script>
<script src="/peer/survey-js-ui/survey-js-ui.min.js"></script>`,
    'surveyjs',
  ),
  lforms: page(
    'LHC-Forms',
    `<link rel="stylesheet" href="/peer/lforms/dist/lforms/webcomponent/styles.css">
<script defer src="/peer/lforms/dist/lforms/webcomponent/assets/lib/zone.min.js"></script>
<script type="module" src="/peer/lforms/dist/lforms/webcomponent/runtime.js"></script>
<script type="module" src="/peer/lforms/dist/lforms/webcomponent/polyfills.js"></script>
<script type="module" src="/peer/lforms/dist/lforms/webcomponent/main.js"></script>
<script defer src="/peer/lforms/dist/lforms/fhir/R4/lformsFHIR.min.js"></script>`,
    'lforms',
  ),
};

export async function buildSpeedPages() {
  const { build } = await import('vite');
  await build({
    configFile: false,
    root,
    logLevel: 'silent',
    resolve: { conditions: ['source'] },
    define: { 'import.meta.env.DEV': 'false', 'process.env.NODE_ENV': '"production"' },
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      minify: true,
      reportCompressedSize: false,
      lib: {
        entry: Object.fromEntries(entries.map((e) => [e, join(import.meta.dirname, `${e}.js`)])),
        formats: ['es'],
      },
    },
  });
  mkdirSync(outDir, { recursive: true });
  for (const [name, html] of Object.entries(PAGES)) writeFileSync(join(outDir, `${name}.html`), html);
}

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.png': 'image/png' };

/** A static server for the built pages and /peer/<package>/... from node_modules. */
export async function serveSpeedPages() {
  const mounts = [
    ['/peer/survey-core/', packageDir('survey-core')],
    ['/peer/survey-js-ui/', packageDir('survey-js-ui')],
    ['/peer/lforms/', packageDir('lforms')],
    ['/', outDir],
  ];
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const [prefix, dir] = mounts.find(([p]) => path.startsWith(p));
    const file = normalize(join(dir, path.slice(prefix.length)));
    if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': `${TYPES[extname(file)] ?? 'application/octet-stream'}; charset=utf-8` });
    createReadStream(file).pipe(res);
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  return { server, origin: `http://127.0.0.1:${server.address().port}` };
}
