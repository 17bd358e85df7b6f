/**
 * The command line runs bundled (`dist/bundle/`, `scripts/build-bundle.mjs`): it must be the same
 * program as the modules it is made of, find the package's own files from its new place, start
 * its code-analysis worker, load with its code cache, read code with its trimmed TypeScript as with
 * the whole package, and carry the notices of the packages it bundles.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { Writable } from 'node:stream';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { describe, it } from 'node:test';
import { main } from '../../src/cli/main.js';
import { PACKAGE_ROOT as FOUND_ROOT, packageFile } from '../../src/files/package-root.js';
import { PACKAGE_ROOT, REPO_ROOT } from '../helpers/paths.js';
import { runCliProcess } from '../helpers/run-cli.js';

const BUNDLE = path.join(PACKAGE_ROOT, 'dist', 'bundle');
const EXAMPLE = path.join(REPO_ROOT, 'examples', 'order-app', 'vulnerable');

/** What `main` of the modules writes to standard output, in this process. */
async function modulesOutput(args: string[]): Promise<string> {
  const chunks: string[] = [];
  const out = new Writable({ write: (chunk, _encoding, done) => void (chunks.push(String(chunk)), done()) });
  await main(args, out, new Writable({ write: (_chunk, _encoding, done) => done() }));
  return chunks.join('');
}

describe('bundled command line', () => {
  it('gives the report the modules give, byte for byte', async () => {
    const args = ['scan', EXAMPLE, '--format', 'json', '--no-cache', '--no-config', '--exit-zero'];
    const bundled = runCliProcess(args);
    assert.equal(bundled.code, 0, bundled.err);
    const modules = await modulesOutput(args);
    assert.equal(bundled.out, modules);
    const report = JSON.parse(modules) as { findings: Array<{ ruleId: string }>; diagnostics: Array<{ severity: string }> };
    assert.ok(report.findings.some((f) => f.ruleId === 'iam-action-granted-never-used'), 'the IAM data was found');
    assert.deepEqual(report.diagnostics.filter((d) => d.severity === 'error'), [], 'the managed policies were found');
  });

  it('gives the attack-surface map the modules give, from the file that scans', async () => {
    const args = ['map', EXAMPLE, '--format', 'json', '--no-config'];
    const bundled = runCliProcess(args);
    assert.equal(bundled.code, 0, bundled.err);
    const modules = await modulesOutput(args);
    assert.equal(bundled.out, modules);
    assert.ok((JSON.parse(modules) as { entryPoints: unknown[] }).entryPoints.length > 0, 'the map has entry points');
  });

  it('answers the commands that scan nothing from its modules, as the modules do', async () => {
    for (const args of [['rules', '--format', 'json'], ['explain', 'command-injection'], ['--version']]) {
      const bundled = runCliProcess(args);
      assert.equal(bundled.code, 0, bundled.err);
      assert.equal(bundled.out, await modulesOutput(args), args.join(' '));
    }
  });

  it('starts its code-analysis worker from the bundle', async () => {
    const worker = new Worker(path.join(BUNDLE, 'code-facts-worker.js'), { workerData: { root: EXAMPLE, functions: [], triggers: [], python: false, exclusion: {} } });
    const answer = await new Promise<{ functions: unknown[] }>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    await worker.terminate();
    assert.deepEqual(answer.functions, []);
  });

  it('keeps its compiled code after a scan, takes it in the next, and compiles again when it is damaged', () => {
    const cacheRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'faasguard-bundle-cache-'));
    try {
      const env = { FAASGUARD_CACHE_DIR: cacheRoot, FAASGUARD_CODE_CACHE: undefined };
      const codeDir = path.join(cacheRoot, 'code');
      const bundleCache = (): string[] => (fs.existsSync(codeDir) ? fs.readdirSync(codeDir).filter((f) => /^main-[0-9a-f]+\.bin$/.test(f)) : []);
      assert.equal(runCliProcess(['--version'], env).code, 0);
      assert.deepEqual(bundleCache(), [], 'not kept after a command that compiles little of it');

      const args = ['scan', EXAMPLE, '--format', 'json', '--no-cache', '--no-config', '--exit-zero'];
      const first = runCliProcess(args, env);
      assert.equal(first.code, 0, first.err);
      const [name] = bundleCache();
      assert.ok(name, 'kept after a scan');
      const cacheFile = path.join(codeDir, name);
      fs.utimesSync(cacheFile, 1_000_000, 1_000_000);

      const second = runCliProcess(args, env);
      assert.equal(second.out, first.out);
      assert.equal(fs.statSync(cacheFile).mtimeMs, 1_000_000_000, 'taken as it was, not written again');

      fs.writeFileSync(cacheFile, 'not V8 code');
      const third = runCliProcess(args, env);
      assert.equal(third.out, first.out);
      assert.ok(fs.statSync(cacheFile).size > 1000, 'the damaged cache was replaced');
    } finally {
      fs.rmSync(cacheRoot, { recursive: true, force: true });
    }
  });

  it('finds the package folder from the modules as from the bundle', () => {
    assert.equal(FOUND_ROOT, PACKAGE_ROOT);
    assert.equal(JSON.parse(fs.readFileSync(packageFile('package.json'), 'utf8')).name, 'faasguard');
  });

  it('reads code with its trimmed TypeScript as with the package it was made from', async () => {
    const { namesReadFromTs } = (await import(pathToFileURL(path.join(PACKAGE_ROOT, 'scripts', 'trim-typescript.mjs')).href)) as { namesReadFromTs: (dir: string) => string[] };
    const require = createRequire(import.meta.url);
    const minified = require(path.join(BUNDLE, 'typescript.cjs')) as typeof import('typescript');
    const installed = require('typescript') as typeof import('typescript');
    assert.match(fs.readFileSync(path.join(BUNDLE, 'typescript.cjs'), 'utf8'), /^\/\*! \*+\s+Copyright \(c\) Microsoft Corporation/, 'its license header is kept');
    const trimmed = minified as unknown as Record<string, unknown>;
    const whole = installed as unknown as Record<string, unknown>;
    const read = namesReadFromTs(path.join(PACKAGE_ROOT, 'dist', 'src'));
    assert.ok(read.includes('createSourceFile') && read.includes('isIdentifier'), 'the names the modules read were found');
    for (const name of read.filter((n) => whole[n] !== undefined)) assert.equal(typeof trimmed[name], typeof whole[name], `ts.${name}`);
    assert.ok(fs.statSync(path.join(BUNDLE, 'typescript.cjs')).size < 600_000, 'the checker, emitter, language service, tsserver and the messages the parser never gives were left out');
    assert.equal(typeof trimmed.getServicesObjectAllocator, 'undefined', "the language service's node objects were left out");
    assert.doesNotMatch(fs.readFileSync(path.join(BUNDLE, 'typescript.cjs'), 'utf8'), /require\("perf_hooks"\)/, "Node's performance module is not loaded with it");
    const sources: Array<[string, string]> = [
      ['a.js', "import { x } from './x.js';\nexport async function handler(event) {\n  const { id } = event.pathParameters ?? {};\n  return x(`${id}`, /a+b/g, [1, ...rest]);\n}\n"],
      ['b.ts', 'import type { T } from "t";\nexport class C<U extends T> implements I { private m?: U; #p = 1; f = (a: number): void => { for await (const v of g()) {} }; }\n'],
      ['c.tsx', 'export const App = () => <div a={1}>{items.map((i) => <i key={i} />)}</div>;\n'],
      ['d.js', 'function broken( {\n  return 1 +;\n'],
    ];
    for (const [file, text] of sources) assert.deepEqual(shape(minified, file, text), shape(installed, file, text), file);
    assert.deepEqual(minified.preProcessFile(sources[0]![1], true, true), installed.preProcessFile(sources[0]![1], true, true));
  });

  it('is plain ASCII, which Node decodes at every start several times faster than UTF-8 with other characters', () => {
    const text = fs.readFileSync(path.join(BUNDLE, 'main.cjs'), 'latin1');
    const at = text.search(/[^\x00-\x7f]/);
    const line = at < 0 ? undefined : text.slice(text.lastIndexOf('\n', at) + 1, text.indexOf('\n', at));
    assert.equal(line, undefined, 'a character outside ASCII in a comment or a regular expression of the sources: write it in ASCII or as \\u…');
  });

  it('carries the license notice of every package it bundles', () => {
    const notices = fs.readFileSync(path.join(BUNDLE, 'THIRD-PARTY-NOTICES.txt'), 'utf8');
    for (const name of ['yaml', '@stoplight/yaml-ast-parser', 'jsonc-parser', 'semver', 'typescript']) assert.match(notices, new RegExp(`^== ${name} `, 'm'), name);
    const text = fs.readdirSync(BUNDLE).filter((f) => /\.c?js$/.test(f)).map((f) => fs.readFileSync(path.join(BUNDLE, f), 'utf8')).join('\n');
    assert.doesNotMatch(text, /from ["']typescript["']|require\(["']typescript["']\)/, 'TypeScript is loaded through the code cache, not bundled');
  });
});

/**
 * Every node of a parsed file (kind, start, end, and its identifiers' text) and the syntax errors:
 * what the scanner reads of a tree, read as src/code/ts-positions.ts reads it, with the compiler's
 * functions (the trimmed compiler's nodes have no methods).
 */
function shape(ts: typeof import('typescript'), file: string, text: string): unknown {
  const tokenStart = (ts as unknown as { getTokenPosOfNode(node: import('typescript').Node, file: import('typescript').SourceFile): number }).getTokenPosOfNode;
  const kind = file.endsWith('.tsx') ? ts.ScriptKind.TSX : file.endsWith('.ts') ? ts.ScriptKind.TS : ts.ScriptKind.JS;
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, kind);
  const nodes: unknown[] = [];
  const visit = (node: import('typescript').Node): void => {
    const start = tokenStart(node, source);
    nodes.push([ts.SyntaxKind[node.kind], node.pos, node.end, start, text.slice(start, node.end), ts.isIdentifier(node) ? node.text : undefined]);
    ts.forEachChild(node, visit);
  };
  visit(source);
  const diagnostics = (source as unknown as { parseDiagnostics: import('typescript').Diagnostic[] }).parseDiagnostics.map((d) => [d.start, d.code, ts.flattenDiagnosticMessageText(d.messageText, ' ')]);
  return { nodes, diagnostics, lines: ts.getLineAndCharacterOfPosition(source, text.length), made: ts.factory.createTrue().kind };
}

