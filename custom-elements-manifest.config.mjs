// Custom Elements Manifest analyzer settings, shared by every package. `.ci/manifest.mjs` runs
// `cem analyze --config <this file>` from each package directory (cwd), so globs are relative to the package.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(fileURLToPath(import.meta.url));
const DEFINE_HELPERS = new Set(['defineWithClinic', 'defineElement']);

/** package name -> directory, for every workspace package. */
function workspacePackages() {
  const packages = new Map();
  for (const dir of readdirSync(join(root, 'packages'))) {
    const file = join(root, 'packages', dir, 'package.json');
    if (existsSync(file)) packages.set(JSON.parse(readFileSync(file, 'utf8')).name, join(root, 'packages', dir));
  }
  return packages;
}

/**
 * Elements extend classes from other workspace packages (`FrontdeskElement` from `@frontdesk/core/element`). The
 * analyzer applies inheritance from "third-party" manifests it is given, so hand it the already generated manifests
 * of this package's `@frontdesk/*` dependencies (`.ci/manifest.mjs` generates them in dependency order).
 */
function workspaceDependencyManifests() {
  /** Class name -> the workspace package whose manifest declares it. */
  const declaredIn = new Map();
  return {
    name: 'frontdesk-workspace-dependency-manifests',
    initialize({ context }) {
      const own = JSON.parse(readFileSync('package.json', 'utf8'));
      const packages = workspacePackages();
      const manifests = [];
      for (const name of Object.keys(own.dependencies ?? {})) {
        const dir = packages.get(name);
        const file = dir && join(dir, 'custom-elements.json');
        if (!file || !existsSync(file)) continue;
        const manifest = JSON.parse(readFileSync(file, 'utf8'));
        manifests.push(manifest);
        for (const module of manifest.modules) {
          for (const declaration of module.declarations ?? []) declaredIn.set(declaration.name, name);
        }
      }
      context.thirdPartyCEMs = [...(context.thirdPartyCEMs ?? []), ...manifests];
    },
    // Inherited members point at their class's module; say which package that module is in.
    packageLinkPhase({ customElementsManifest }) {
      const local = new Set(
        customElementsManifest.modules.flatMap((module) => (module.declarations ?? []).map((item) => item.name)),
      );
      for (const module of customElementsManifest.modules) {
        for (const declaration of module.declarations ?? []) {
          for (const kind of ['attributes', 'members', 'events', 'slots', 'cssParts', 'cssProperties', 'cssStates']) {
            for (const item of declaration[kind] ?? []) {
              const from = item.inheritedFrom;
              if (from && !local.has(from.name) && declaredIn.has(from.name)) from.package = declaredIn.get(from.name);
            }
          }
        }
      }
    },
  };
}

/**
 * Our define modules call `defineWithClinic('fd-x', FdX)` (a guarded `customElements.define`), which the analyzer
 * does not recognise; record those calls as custom-element definitions so each class gets its `tagName`.
 */
function defineHelperCalls() {
  return {
    name: 'frontdesk-define-helper-calls',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isCallExpression(node) || !ts.isIdentifier(node.expression)) return;
      if (!DEFINE_HELPERS.has(node.expression.text)) return;
      const [tag, klass] = node.arguments;
      if (!tag || !klass || !ts.isStringLiteral(tag) || !ts.isIdentifier(klass)) return;
      moduleDoc.exports = [
        ...(moduleDoc.exports ?? []),
        {
          kind: 'custom-element-definition',
          name: tag.text,
          declaration: { name: klass.text, ...declarationSource(ts, node.getSourceFile(), klass.text, moduleDoc.path) },
        },
      ];
    },
  };
}

/**
 * The lit plugin lists `static properties` entries declared `{ state: true }` as attributes; they are internal
 * reactive state, so drop them from the attributes and mark public ones private.
 */
function litStateProperties() {
  const stateByClass = new Map();
  return {
    name: 'frontdesk-lit-state-properties',
    analyzePhase({ ts, node }) {
      if (!ts.isClassDeclaration(node) || !node.name) return;
      for (const member of node.members) {
        const isStatic = member.modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.StaticKeyword);
        if (!isStatic || !ts.isPropertyDeclaration(member) || member.name.getText() !== 'properties') continue;
        const object = member.initializer;
        if (!object || !ts.isObjectLiteralExpression(object)) continue;
        const states = new Set();
        for (const property of object.properties) {
          if (!ts.isPropertyAssignment(property) || !ts.isObjectLiteralExpression(property.initializer)) continue;
          const isState = property.initializer.properties.some(
            (option) =>
              ts.isPropertyAssignment(option) &&
              option.name.getText() === 'state' &&
              option.initializer.kind === ts.SyntaxKind.TrueKeyword,
          );
          if (isState) states.add(property.name.getText().replace(/^['"]|['"]$/g, ''));
        }
        stateByClass.set(node.name.text, states);
      }
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules) {
        for (const declaration of module.declarations ?? []) {
          const states = stateByClass.get(declaration.name);
          if (!states?.size) continue;
          declaration.attributes = declaration.attributes?.filter((attribute) => !states.has(attribute.fieldName));
          for (const member of declaration.members ?? []) {
            if (states.has(member.name) && (member.privacy ?? 'public') === 'public') member.privacy = 'private';
          }
        }
      }
    },
  };
}

/**
 * `this.dispatchEvent(new Event(CHANGE))` is recorded as an event named `CHANGE`; replace such names with the value
 * of the module's `const CHANGE = 'fd-clinic-change'`.
 */
function eventNameConstants() {
  const constantsByModule = new Map();
  return {
    name: 'frontdesk-event-name-constants',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isVariableStatement(node) || !ts.isSourceFile(node.parent)) return;
      if (!(node.declarationList.flags & ts.NodeFlags.Const)) return;
      const constants = constantsByModule.get(moduleDoc.path) ?? new Map();
      for (const declaration of node.declarationList.declarations) {
        if (
          ts.isIdentifier(declaration.name) &&
          declaration.initializer &&
          ts.isStringLiteral(declaration.initializer)
        ) {
          constants.set(declaration.name.text, declaration.initializer.text);
        }
      }
      constantsByModule.set(moduleDoc.path, constants);
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules) {
        const constants = constantsByModule.get(module.path);
        if (!constants) continue;
        for (const declaration of module.declarations ?? []) {
          for (const event of declaration.events ?? []) {
            if (constants.has(event.name)) event.name = constants.get(event.name);
          }
        }
      }
    },
  };
}

/** Where `name` comes from, seen from the module at `path`: an imported module or package, or this module. */
function declarationSource(ts, sourceFile, name, path) {
  for (const statement of sourceFile.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    const bindings = statement.importClause?.namedBindings;
    if (!bindings || !ts.isNamedImports(bindings)) continue;
    if (!bindings.elements.some((element) => element.name.text === name)) continue;
    const specifier = statement.moduleSpecifier.text;
    if (!specifier.startsWith('.')) return { package: specifier };
    return { module: posix.join(posix.dirname(path), specifier).replace(/\.js$/, '.ts') };
  }
  return { module: path };
}

const API_START =
  '<!-- API: generated from custom-elements.json by custom-elements-manifest.config.mjs; do not edit by hand -->';
const API_END = '<!-- end of generated API -->';

const cell = (text) =>
  String(text ?? '')
    .replace(/\s+/g, ' ')
    .replaceAll('|', '\\|')
    .trim();
const code = (text) => (text ? `\`${cell(text)}\`` : '');

/** A Markdown table with its columns padded, as the formatter (Biome) writes them. */
function table(title, headers, rows) {
  if (rows.length === 0) return '';
  const widths = headers.map((header, i) => Math.max(3, header.length, ...rows.map((row) => [...row[i]].length)));
  const line = (cells) => `| ${cells.map((text, i) => text + ' '.repeat(widths[i] - [...text].length)).join(' | ')} |`;
  return [`**${title}**`, '', line(headers), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join(
    '\n',
  );
}

/** The API of each element in `manifest` as Markdown: attributes, properties, events, slots, parts, custom properties. */
export function apiMarkdown(manifest) {
  const sections = [];
  for (const module of manifest.modules) {
    for (const element of module.declarations ?? []) {
      if (!element.customElement || !element.tagName) continue;
      const attributes = element.attributes ?? [];
      const attributeFields = new Set(attributes.map((attribute) => attribute.fieldName));
      const properties = (element.members ?? []).filter(
        (member) =>
          member.kind === 'field' &&
          !member.static &&
          (member.privacy ?? 'public') === 'public' &&
          !attributeFields.has(member.name) &&
          member.description,
      );
      const methods = (element.members ?? []).filter(
        (member) =>
          member.kind === 'method' && !member.static && (member.privacy ?? 'public') === 'public' && member.description,
      );
      sections.push(
        [
          `### \`<${element.tagName}>\``,
          cell(element.summary ?? ''),
          table(
            'Attributes',
            ['attribute', 'type', 'default', 'what it does'],
            attributes.map((a) => [code(a.name), code(a.type?.text), code(a.default), cell(a.description)]),
          ),
          table(
            'Properties (JavaScript only)',
            ['property', 'type', 'what it is'],
            properties.map((p) => [code(p.name), code(p.type?.text), cell(p.description)]),
          ),
          table(
            'Methods',
            ['method', 'what it does'],
            methods.map((m) => [code(`${m.name}()`), cell(m.description)]),
          ),
          table(
            'Events',
            ['event', 'detail', 'when'],
            (element.events ?? []).map((e) => [code(e.name), code(e.type?.text), cell(e.description)]),
          ),
          table(
            'Slots',
            ['slot', 'what goes in it'],
            (element.slots ?? []).map((s) => [code(s.name || '(default)'), cell(s.description)]),
          ),
          table(
            'CSS parts',
            ['part', 'what it is'],
            (element.cssParts ?? []).map((p) => [code(p.name), cell(p.description)]),
          ),
          table(
            'CSS custom properties',
            ['property', 'what it sets'],
            (element.cssProperties ?? []).map((p) => [code(p.name), cell(p.description)]),
          ),
        ]
          .filter((part) => part !== '')
          .join('\n\n'),
      );
    }
  }
  return sections.join('\n\n');
}

/**
 * Each package's README carries its elements' API between two markers, rewritten from the manifest on every build,
 * so the tables on npm never drift from the code's JSDoc.
 */
function readmeApi() {
  return {
    name: 'frontdesk-readme-api',
    packageLinkPhase({ customElementsManifest }) {
      if (!existsSync('README.md')) return;
      const readme = readFileSync('README.md', 'utf8');
      const start = readme.indexOf(API_START);
      const end = readme.indexOf(API_END);
      if (start < 0 || end < start) return;
      const api = apiMarkdown(customElementsManifest);
      const next = `${readme.slice(0, start + API_START.length)}\n\n${api}\n${readme.slice(end)}`;
      if (next !== readme) writeFileSync('README.md', next);
    },
  };
}

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.stories.ts'],
  litelement: true,
  // The analyzer would otherwise write a `customElements` field into package.json; the package.json files declare it.
  packagejson: false,
  quiet: true,
  plugins: [
    workspaceDependencyManifests(),
    defineHelperCalls(),
    litStateProperties(),
    eventNameConstants(),
    readmeApi(),
  ],
};
