// The script-tag build is fully minified (docs/design.md section 8): no whitespace a minifier would remove, and no
// comment but licences and the source-map link (no `node_modules` paths, no notes). Checked with the minifier Vite
// builds with: re-minifying a file (names and code left as they are) must not make it shorter.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { minifySync, parseSync } from 'vite';

const cdn = resolve(import.meta.dirname, '../packages/frontdesk/dist/cdn');
const isLicence = (comment) => /@license|@preserve|^!/.test(comment.value.trim());
const isSourceMap = (comment) => comment.type === 'Line' && comment.value.startsWith('# sourceMappingURL=');

function scripts(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name.startsWith('.') ? [] : scripts(path);
    return name.endsWith('.js') ? [path] : [];
  });
}

/** Each file of the build that is not fully minified, with why. */
export function minificationProblems() {
  const problems = [];
  for (const file of scripts(cdn)) {
    const name = relative(cdn, file);
    const code = readFileSync(file, 'utf8');
    const { comments } = parseSync(name, code);
    const stray = comments.filter((comment) => !isLicence(comment) && !isSourceMap(comment));
    if (stray.length > 0) problems.push(`${name}: ${stray.length} comment(s), first: ${stray[0].value.slice(0, 60)}`);
    const kept = comments.filter((c) => isLicence(c) || isSourceMap(c)).reduce((n, c) => n + (c.end - c.start), 0);
    const again = minifySync(name, code, { compress: false, mangle: false }).code;
    const spare = code.length - kept - again.length;
    if (spare > Math.max(64, code.length * 0.002)) problems.push(`${name}: ${spare} bytes of removable whitespace`);
  }
  return problems;
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(minificationProblems());
