// `node .ci/manifest.mjs`: writes `custom-elements.json` for every package under packages/ (the Custom Elements
// Manifest analyzer, `cem analyze`, with custom-elements-manifest.config.mjs, run from each package's directory),
// folds the widgets' manifests into the all-in-one `frontdesk` package's manifest, and generates VS Code custom data
// (`packages/frontdesk/vscode.html-custom-data.json`) from it. Storybook's controls and docs tables read these files.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cem = join(root, 'node_modules', '@custom-elements-manifest', 'analyzer', 'cem.js');
const config = join(root, 'custom-elements-manifest.config.mjs');
const ALL_IN_ONE = 'frontdesk';
const CONCURRENCY = 2;

/** Every workspace package with a `src/`, and the workspace packages it depends on. */
function readPackages() {
  const packages = [];
  for (const dir of readdirSync(join(root, 'packages')).sort()) {
    const path = join(root, 'packages', dir);
    if (!existsSync(join(path, 'package.json')) || !existsSync(join(path, 'src'))) continue;
    const json = JSON.parse(readFileSync(join(path, 'package.json'), 'utf8'));
    packages.push({ name: json.name, dir: path, deps: Object.keys(json.dependencies ?? {}) });
  }
  const names = new Set(packages.map((pkg) => pkg.name));
  for (const pkg of packages) pkg.deps = pkg.deps.filter((dep) => names.has(dep));
  return packages;
}

function analyze(pkg) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cem, 'analyze', '--config', config], { cwd: pkg.dir, stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`cem analyze failed for ${pkg.name}`))));
  });
}

/**
 * Analyze in dependency order (a package's manifest inherits members from its dependencies' manifests), running
 * up to CONCURRENCY independent packages at once.
 */
async function analyzeAll(packages) {
  const done = new Set();
  const pending = new Map(packages.map((pkg) => [pkg.name, pkg]));
  const running = new Map();
  for (const pkg of packages) rmSync(join(pkg.dir, 'custom-elements.json'), { force: true });
  while (pending.size > 0 || running.size > 0) {
    for (const pkg of pending.values()) {
      if (running.size >= CONCURRENCY) break;
      if (!pkg.deps.every((dep) => done.has(dep))) continue;
      pending.delete(pkg.name);
      running.set(
        pkg.name,
        analyze(pkg).then(() => pkg.name),
      );
    }
    if (running.size === 0) throw new Error(`dependency cycle among: ${[...pending.keys()].join(', ')}`);
    const finished = await Promise.race(running.values());
    running.delete(finished);
    done.add(finished);
  }
}

const readManifest = (pkg) => JSON.parse(readFileSync(join(pkg.dir, 'custom-elements.json'), 'utf8'));

/**
 * Point a dependency's module paths (`src/x.ts`, or the analyzer's `/src/x.js`) at the installed package; a reference
 * that names its own package (an inherited member) points into that package instead.
 */
function relocate(value, prefix) {
  if (Array.isArray(value)) return value.map((item) => relocate(item, prefix));
  if (value === null || typeof value !== 'object') return value;
  const base = typeof value.package === 'string' ? `node_modules/${value.package}` : prefix;
  const copy = {};
  for (const [key, item] of Object.entries(value)) {
    copy[key] =
      (key === 'path' || key === 'module') && typeof item === 'string'
        ? `${base}/${item.replace(/^\/+/, '')}`
        : relocate(item, prefix);
  }
  return copy;
}

/** The all-in-one package ships its own modules plus those of every workspace package it bundles. */
function mergeIntoAllInOne(packages) {
  const allInOne = packages.find((pkg) => pkg.name === ALL_IN_ONE);
  if (!allInOne) return undefined;
  const manifest = readManifest(allInOne);
  const byName = new Map(packages.map((pkg) => [pkg.name, pkg]));
  for (const dep of allInOne.deps) {
    manifest.modules.push(...relocate(readManifest(byName.get(dep)), `node_modules/${dep}`).modules);
  }
  writeFileSync(join(allInOne.dir, 'custom-elements.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return { pkg: allInOne, manifest };
}

/** `'a' | 'b' | undefined` -> ['a', 'b']; anything that is not a union of string literals -> []. */
function literalValues(typeText) {
  if (!typeText) return [];
  const parts = typeText.split('|').map((part) => part.trim());
  const literals = parts.filter((part) => /^(['"]).*\1$/.test(part)).map((part) => part.slice(1, -1));
  const rest = parts.filter((part) => !/^(['"]).*\1$/.test(part) && part !== 'undefined' && part !== 'null');
  return rest.length === 0 ? literals : [];
}

function listSection(title, items, describe) {
  if (!items?.length) return '';
  return `\n\n**${title}**\n${items.map((item) => `- \`${describe(item)}\`${item.description ? `: ${item.description}` : ''}`).join('\n')}`;
}

/** VS Code's HTML custom data (https://github.com/microsoft/vscode-custom-data) for every element in `manifest`. */
function vscodeCustomData(manifest) {
  const tags = [];
  for (const module of manifest.modules) {
    for (const declaration of module.declarations ?? []) {
      if (!declaration.customElement || !declaration.tagName) continue;
      const text = [declaration.summary, declaration.description].filter(Boolean).join('\n\n');
      const value =
        text +
        listSection('Events', declaration.events, (event) => event.name) +
        listSection('Slots', declaration.slots, (slot) => slot.name || '(default)') +
        listSection('CSS parts', declaration.cssParts, (part) => `::part(${part.name})`) +
        listSection('CSS custom properties', declaration.cssProperties, (property) => property.name);
      tags.push({
        name: declaration.tagName,
        description: { kind: 'markdown', value: value.trim() },
        attributes: (declaration.attributes ?? []).map((attribute) => {
          const values = literalValues(attribute.type?.text);
          return {
            name: attribute.name,
            ...(attribute.description ? { description: attribute.description } : {}),
            ...(attribute.type?.text === 'boolean' ? { valueSet: 'v' } : {}),
            ...(values.length ? { values: values.map((name) => ({ name })) } : {}),
          };
        }),
      });
    }
  }
  tags.sort((a, b) => a.name.localeCompare(b.name));
  return { version: 1.1, tags };
}

const started = Date.now();
const packages = readPackages();
await analyzeAll(packages);
const merged = mergeIntoAllInOne(packages);
if (merged) {
  const data = vscodeCustomData(merged.manifest);
  writeFileSync(join(merged.pkg.dir, 'vscode.html-custom-data.json'), `${JSON.stringify(data, null, 2)}\n`);
  console.log(`custom elements: ${data.tags.map((tag) => tag.name).join(', ') || '(none yet)'}`);
}
console.log(
  `custom-elements.json written for ${packages.length} packages in ${((Date.now() - started) / 1000).toFixed(1)}s`,
);
