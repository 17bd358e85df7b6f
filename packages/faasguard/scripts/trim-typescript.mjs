// The TypeScript compiler cut down to what the scanner calls, for scripts/build-bundle.mjs.
//
// The scanner uses TypeScript's parser and a few helpers (`ts.createSourceFile`, `ts.forEachChild`,
// `ts.isIdentifier`, `ts.preProcessFile`…), yet every run that reads code loaded the whole compiler:
// the checker, the emitter, the language service and tsserver, 3.6 MB minified, read, decoded,
// deserialized from the code cache and evaluated on each thread. The package ships as one CommonJS
// file whose body is an esbuild bundle of ES modules wrapped in a function; unwrapped, with only
// the names the scanner uses exported, esbuild's tree shaking drops what nothing reaches.
//
// Dropped besides what is unreachable, each checked here or by the build:
//  - the export list of the whole API (`__export(typescript_exports, …)`), which reaches everything;
//  - the tsserver parts (src/server, src/typingsInstallerCore, src/deprecatedCompat), which nothing
//    else in the file refers to: the build fails if a kept part names one of their declarations;
//  - the language service's registrations of code fixes and refactorings (`registerCodeFix`,
//    `registerRefactor`), which only the service's code-fix and refactor requests read.
// Every namespace object the kept code refers to (`ts_textChanges_exports`…) keeps its contents.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import ts from 'typescript';

const DROPPED_SECTIONS = ['server', 'typingsInstallerCore', 'deprecatedCompat'];
const OPENING = 'var ts = {}; ((module) => {';
const CLOSING = '})({ get exports() { return ts; }';

/**
 * The source of an ES module holding the compiler of `compilerFile` (the package's
 * lib/typescript.js) that exports `names` (names of the package's API; those it lacks, such as
 * type-only names, are left out), and the file's license header, which the bundle must begin with.
 * Bundled by esbuild with tree shaking, the module keeps only what the names reach.
 */
export function trimmedTypeScriptSource(compilerFile, names) {
  const lines = readFileSync(compilerFile, 'utf8').split('\n');
  const open = lines.indexOf(OPENING);
  const close = lines.findIndex((l) => l.startsWith(CLOSING));
  if (open < 0 || close < open) throw new Error(`${compilerFile}: not laid out as the TypeScript 5 package is (a module wrapped in a function); see scripts/trim-typescript.mjs`);
  const license = lines.slice(0, open).join('\n');
  const { kept, dropped } = splitSections(lines.slice(open + 1, close));
  const api = apiExports(kept);
  const exports = [...new Set(names)].filter((n) => api.has(n)).sort().map((n) => `${api.get(n)} as ${n}`);
  const body = kept
    .join('\n')
    .replace(/^module\.exports = __toCommonJS\(typescript_exports\);$/m, '')
    .replace(/^(registerCodeFix|registerRefactor)\(/gm, '/* @__PURE__ */ $1(');
  const { namespaces, bundled } = usedNamespaces(body, exports);
  checkNothingNamesDropped(bundled, dropped);
  return { contents: `${withNamespaces(body, namespaces)}\nexport { ${exports.join(', ')} };\n`, license };
}

/** `body` with the `__export` calls of the namespace objects not in `kept` marked pure: dropped unless used. */
function withNamespaces(body, kept) {
  return body.replace(/^__export\((\w+),/gm, (all, ns) => (ns !== 'typescript_exports' && kept.has(ns) ? all : `/* @__PURE__ */ __export(${ns},`));
}

/**
 * The names of the API the scanner's compiled modules (the `.js` files under `dir`) read from
 * `ts.`: `ts.createSourceFile` gives `createSourceFile`.
 */
export function namesReadFromTs(dir) {
  const names = new Set();
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.js')) continue;
    const text = readFileSync(join(entry.parentPath ?? entry.path, entry.name), 'utf8');
    for (const m of text.matchAll(/\bts\.([A-Za-z_$][\w$]*)/g)) names.add(m[1]);
  }
  return [...names];
}

function splitSections(body) {
  const kept = [];
  const dropped = [];
  let drop = false;
  for (const line of body) {
    const section = /^\/\/ src\/([^/]+)\//.exec(line);
    if (section) drop = DROPPED_SECTIONS.includes(section[1]);
    (drop ? dropped : kept).push(line);
  }
  return { kept, dropped };
}

/** The public API: each exported name and the declaration it stands for (`BreakpointResolver` is `ts_BreakpointResolver_exports`). */
function apiExports(kept) {
  const start = kept.indexOf('__export(typescript_exports, {');
  const api = new Map();
  for (const line of kept.slice(start + 1)) {
    if (line === '});') break;
    const m = /^\s+(\w+): \(\) => (\w+),?$/.exec(line);
    if (m) api.set(m[1], m[2]);
  }
  if (api.size === 0) throw new Error('the TypeScript package exports nothing this script recognizes; see scripts/trim-typescript.mjs');
  return api;
}

/** What the bundle kept must not name a top-level declaration of the dropped sections. */
function checkNothingNamesDropped(bundled, dropped) {
  const droppedNames = topLevelNames(dropped.join('\n'));
  const keptFile = ts.createSourceFile('kept.js', bundled, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  const declared = topLevelNames(keptFile);
  const named = new Set();
  const visit = (node) => {
    if (ts.isIdentifier(node) && droppedNames.has(node.text) && !declared.has(node.text) && !isPropertyName(node)) named.add(node.text);
    ts.forEachChild(node, visit);
  };
  visit(keptFile);
  if (named.size > 0) throw new Error(`the trimmed compiler names declarations of the dropped tsserver sections: ${[...named].join(', ')}; see scripts/trim-typescript.mjs`);
}

function topLevelNames(source) {
  const file = typeof source === 'string' ? ts.createSourceFile('part.js', source, ts.ScriptTarget.Latest, false, ts.ScriptKind.JS) : source;
  const names = new Set();
  for (const s of file.statements) {
    if ((ts.isFunctionDeclaration(s) || ts.isClassDeclaration(s)) && s.name) names.add(s.name.text);
    if (ts.isVariableStatement(s)) for (const d of s.declarationList.declarations) if (ts.isIdentifier(d.name)) names.add(d.name.text);
  }
  return names;
}

/** `a.name`, `{ name: … }`: a property, not a reference to a declaration. */
function isPropertyName(node) {
  const parent = node.parent;
  if (!parent) return false;
  if (ts.isPropertyAccessExpression(parent) && parent.name === node) return true;
  return (ts.isPropertyAssignment(parent) || ts.isMethodDeclaration(parent) || ts.isPropertyDeclaration(parent)) && parent.name === node;
}

/**
 * The namespace objects (`ts_textChanges_exports`…) that the code reachable from `exports` refers
 * to: their `__export` calls stay, so that each is whole. Found by bundling until no new one
 * appears; `bundled` is the last bundle, not minified.
 */
function usedNamespaces(body, exports) {
  const namespaces = new Set();
  for (;;) {
    const contents = `${withNamespaces(body, namespaces)}\nexport { ${exports.join(', ')} };\n`;
    const bundled = buildSync({ stdin: { contents, sourcefile: 'typescript.mjs' }, bundle: true, platform: 'node', format: 'esm', treeShaking: true, write: false, logLevel: 'error' }).outputFiles[0].text;
    const added = [...bundled.matchAll(/\b(ts_\w+_exports)\b(?! = \{\})/g)].map((m) => m[1]).filter((ns) => !namespaces.has(ns));
    if (added.length === 0) return { namespaces, bundled };
    for (const ns of added) namespaces.add(ns);
  }
}
