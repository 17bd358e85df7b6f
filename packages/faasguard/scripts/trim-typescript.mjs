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
//    `registerRefactor`), which only the service's code-fix and refactor requests read;
//  - the language service's node objects, and the settings the compiler reads from the environment
//    for watching files (`if (sys && sys.…)`);
//  - what the file does on load for names nothing keeps (see `withoutLoadTimeWork`);
//  - the diagnostic messages the kept code never names (see `diagnosticsEdit`).
// Every namespace object the kept code refers to (`ts_textChanges_exports`…) keeps its contents.
// What is left is the parser and the helpers the scanner calls, 0.4 MB minified.
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
  const source = kept.join('\n');
  for (const [name, declaration] of Object.entries(IDENTIFIER_TEXT_NEEDS)) {
    if (!declaration.test(source)) throw new Error(`${compilerFile}: no top-level ${name}, which the identifiers' text getter calls; see scripts/trim-typescript.mjs`);
  }
  const whole = `${source.replace(/^module\.exports = __toCommonJS\(typescript_exports\);$/m, '')}\n${IDENTIFIER_TEXT}`;
  // Bundled once to learn which diagnostic messages the kept code names, then again with those alone.
  const messages = diagnosticsNamed(usedNamespaces(withoutLoadTimeWork(whole), exports).bundled);
  const body = withoutLoadTimeWork(whole, messages);
  const { namespaces, bundled } = usedNamespaces(body, exports);
  checkNothingNamesDropped(bundled, dropped);
  return { contents: `${withNamespaces(body, namespaces)}\nexport { ${exports.join(', ')} };\n`, license };
}

/**
 * `body` with what it does on load that no exported name needs left for tree shaking to drop:
 *  - each top-level `var` whose initializer calls or reads a property (`var sys = (() => …)()`,
 *    `var getEmitScriptTarget = _computedOptions.target.computeValue`) is kept only when named,
 *    its initializer wrapped in a call marked pure (esbuild keeps any statement that might have
 *    side effects, and with it everything that statement names);
 *  - so is each namespace (`((Parser2) => { … })(Parser || (Parser = {}))`), returned from its
 *    function into its `var`;
 *  - the registrations of code fixes and refactorings (`registerCodeFix(…)`), which only the
 *    language service's code-fix and refactor requests read, are removed;
 *  - so is `setObjectAllocator(getServicesObjectAllocator())`: the language service's node objects
 *    (with methods such as `node.getStart()`) reach its documentation-comment and symbol-display
 *    code. Nodes are the compiler's plain ones, identifiers with the service's `text` getter
 *    (`IDENTIFIER_TEXT`); the scanner reads positions with the compiler's functions
 *    (src/code/ts-positions.ts);
 *  - so are the `if (sys && sys.…)` statements, which read the environment for file watching and
 *    debugging settings and, with `sys`, keep the compiler's whole file-system layer;
 *  - the initializers of `REPLACED_INITIALIZERS` are replaced;
 *  - with `messages` (the names of the diagnostic messages to keep), `Diagnostics` holds those alone.
 */
function withoutLoadTimeWork(body, messages) {
  const file = ts.createSourceFile('typescript.js', body, ts.ScriptTarget.Latest, false, ts.ScriptKind.JS);
  const edits = [];
  const namespaces = new Set();
  for (const statement of file.statements) {
    const edit = (messages && diagnosticsEdit(statement, file, messages)) || loadTimeEdit(statement, file);
    if (!edit) continue;
    if (edit.namespace !== undefined && namespaces.has(edit.namespace)) throw new Error(`the compiler opens its namespace ${edit.namespace} twice, which the trimming would split; see scripts/trim-typescript.mjs`);
    if (edit.namespace !== undefined) namespaces.add(edit.namespace);
    edits.push(edit);
  }
  let out = '';
  let at = 0;
  for (const { start, end, text } of edits) {
    out += body.slice(at, start) + text;
    at = end;
  }
  return out + body.slice(at);
}

/**
 * The compiler's messages (`var Diagnostics = { Unterminated_string_literal: diag(…), … }`, some
 * 2,000 of them, a third of the parser's text) cut down to `messages`, the ones kept code names.
 */
function diagnosticsEdit(statement, file, messages) {
  if (!ts.isVariableStatement(statement)) return undefined;
  const declaration = statement.declarationList.declarations[0];
  if (declaration.name.getText(file) !== 'Diagnostics' || !declaration.initializer || !ts.isObjectLiteralExpression(declaration.initializer)) return undefined;
  const kept = declaration.initializer.properties.filter((p) => messages.has(p.name.getText(file))).map((p) => `  ${p.getText(file)}`);
  return { start: statement.getStart(file), end: statement.end, text: `var Diagnostics = /* @__PURE__ */ (() => ({\n${kept.join(',\n')}\n}))();` };
}

/**
 * The messages that `bundled` (a bundle of the compiler, not minified) names as `Diagnostics.name`.
 * Fails when it reads `Diagnostics` any other way (`Diagnostics[key]`, `Object.keys(Diagnostics)`):
 * then no message could be left out.
 */
function diagnosticsNamed(bundled) {
  const file = ts.createSourceFile('bundled.js', bundled, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  const names = new Set();
  const visit = (node) => {
    if (ts.isIdentifier(node) && node.text === 'Diagnostics' && !isPropertyName(node)) {
      const parent = node.parent;
      if (ts.isPropertyAccessExpression(parent) && parent.expression === node) names.add(parent.name.text);
      else if (!(ts.isVariableDeclaration(parent) && parent.name === node)) throw new Error(`the compiler reads its Diagnostics otherwise than by name (${parent.getText(file).slice(0, 80)}); see scripts/trim-typescript.mjs`);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return names;
}

/**
 * The language service's identifiers (installed by `setObjectAllocator(getServicesObjectAllocator())`,
 * which is dropped) have a `text` getter, which the package's types declare and the scanner reads
 * everywhere; the compiler's own identifiers get the same getter. Its other node methods
 * (`node.getStart()`…) the scanner does without (src/code/ts-positions.ts).
 */
const IDENTIFIER_TEXT = `{
  const withText = (Node) => {
    function Named(kind, pos, end) {
      Node.call(this, kind, pos, end);
    }
    Named.prototype = Object.create(Node.prototype, { text: { get() { return idText(this); } } });
    return Named;
  };
  const identifier = withText(objectAllocator.getIdentifierConstructor());
  const privateIdentifier = withText(objectAllocator.getPrivateIdentifierConstructor());
  setObjectAllocator({ getIdentifierConstructor: () => identifier, getPrivateIdentifierConstructor: () => privateIdentifier });
}`;

/** What `IDENTIFIER_TEXT` calls, as the package declares it. */
const IDENTIFIER_TEXT_NEEDS = { objectAllocator: /^var objectAllocator = /m, setObjectAllocator: /^function setObjectAllocator\(/m, idText: /^function idText\(/m };

/**
 * Initializers replaced: `tryGetPerformanceHooks()` requires Node's performance module (some ten
 * modules, 1.5 ms) for the compiler's own timing marks, which are off unless its tracing is on;
 * without it the compiler times with `Date.now`.
 */
const REPLACED_INITIALIZERS = new Map([['nativePerformanceHooks', 'void 0']]);

const DROPPED_CALLS = new Set(['registerCodeFix', 'registerRefactor']);

/** The replacement of `statement` (start, end and new text), or undefined when it stays as it is. */
function loadTimeEdit(statement, file) {
  const start = statement.getStart(file);
  if (ts.isIfStatement(statement) && /^sys && sys\./.test(statement.expression.getText(file))) return { start, end: statement.end, text: '' };
  if (ts.isExpressionStatement(statement) && ts.isCallExpression(statement.expression)) {
    const call = statement.expression;
    if (ts.isIdentifier(call.expression) && DROPPED_CALLS.has(call.expression.text)) return { start, end: statement.end, text: '' };
    if (call.getText(file) === 'setObjectAllocator(getServicesObjectAllocator())') return { start, end: statement.end, text: '' };
    return namespaceEdit(call, statement, file);
  }
  if (!ts.isVariableStatement(statement) || statement.declarationList.declarations.length !== 1) return undefined;
  const declaration = statement.declarationList.declarations[0];
  const init = declaration.initializer;
  const replaced = REPLACED_INITIALIZERS.get(declaration.name.getText(file));
  if (init && replaced !== undefined) return { start: init.getStart(file), end: init.end, text: replaced };
  if (!init || isFreeOfLoadTimeWork(init) || /@__PURE__/.test(file.text.slice(init.pos, init.getStart(file)))) return undefined;
  const text = `/* @__PURE__ */ (() => (${file.text.slice(init.getStart(file), init.end)}))()`;
  return { start: init.getStart(file), end: init.end, text };
}

/**
 * `((X2) => { … })(X || (X = {}))` as `var X = /* @__PURE__ *\/ ((X2) => { …; return X2; })({})`: the
 * object is made in the call, which then assigns nothing (esbuild keeps a call, pure or not, whose
 * arguments assign). A namespace opened twice would lose its first part: the build stops on one.
 */
function namespaceEdit(call, statement, file) {
  const fn = ts.isParenthesizedExpression(call.expression) ? call.expression.expression : undefined;
  const arg = call.arguments[0];
  if (!fn || !ts.isArrowFunction(fn) || !ts.isBlock(fn.body) || fn.parameters.length !== 1 || call.arguments.length !== 1) return undefined;
  if (!arg || !ts.isBinaryExpression(arg) || !ts.isIdentifier(arg.left) || arg.operatorToken.kind !== ts.SyntaxKind.BarBarToken) return undefined;
  const inner = fn.parameters[0].name.getText(file);
  const text = file.text;
  const bodyEnd = fn.body.end - 1;
  const rewritten = `var ${arg.left.text} = /* @__PURE__ */ (${text.slice(fn.getStart(file), bodyEnd)}return ${inner};\n})({});`;
  return { start: statement.getStart(file), end: statement.end, text: rewritten, namespace: arg.left.text };
}

/** Literals, functions and names: an initializer that does nothing on load worth keeping for. */
function isFreeOfLoadTimeWork(init) {
  return (
    ts.isStringLiteral(init) ||
    ts.isNumericLiteral(init) ||
    ts.isNoSubstitutionTemplateLiteral(init) ||
    ts.isRegularExpressionLiteral(init) ||
    ts.isArrowFunction(init) ||
    ts.isFunctionExpression(init) ||
    ts.isClassExpression(init) ||
    ts.isIdentifier(init) ||
    init.kind === ts.SyntaxKind.TrueKeyword ||
    init.kind === ts.SyntaxKind.FalseKeyword
  );
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
