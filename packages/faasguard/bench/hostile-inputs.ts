/**
 * How work grows with hostile inputs: each case at a size and at twice that size, each run in a
 * process of its own, with wall time and peak memory. Linear work doubles (ratio ≈ 2); the bounded
 * cases stay flat.
 *
 *   node dist/bench/hostile-inputs.js [--cases report,chain,lockfile,serverless,osv,imports] [--scale 1]
 *
 * - report: pretty and HTML code frames of n findings in an n-line file, and of n findings along one minified line
 * - chain: a package-lock whose packages form one chain n deep
 * - lockfile: a whole scan of a function whose package-lock and package.json declare n packages
 * - serverless: a serverless.yml doubling a string and a mapping n times through variables
 * - osv: an OSV zip of n entries that each inflate to 15 MB (a zip bomb of n × 15 KB)
 * - imports: the imports of a one-line bundle of n ES imports, and of a Python file of n imports in one `try`
 *
 * Results go to `bench/results/hostile-inputs-<timestamp>.json`.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipOf } from '../test/helpers/zip-bomb.js';
import type { ScanResult } from '../src/scan/scan-result.js';
import { arg } from './figures.js';

type CaseName = 'report' | 'chain' | 'lockfile' | 'serverless' | 'osv' | 'imports';

/** What one child reports. */
interface Run {
  wallMs: number;
  peakRssMb: number;
  /** A count showing the work was done (findings, packages, records) */
  count: number;
}

/** Base sizes; `--scale` multiplies them. */
const BASE: Record<CaseName, number> = { report: 20_000, chain: 20_000, lockfile: 10_000, serverless: 40, osv: 150, imports: 20_000 };

const CASES: Record<CaseName, (size: number, dir: string) => Promise<number>> = {
  async report(size) {
    const { renderReport } = await import('../src/report/reporter.js');
    const { buildReportData } = await import('../src/report/html/report-data.js');
    const lines = Array.from({ length: size }, (_, i) => `  Key${i}: value${i}`).join('\n');
    const minified = `{${Array.from({ length: size }, (_, i) => `"k${i}":"v${i}"`).join(',')}}`;
    const many = resultWith(lines, Array.from({ length: size }, (_, i) => ({ line: i + 1, column: 3 })));
    const along = resultWith(minified, Array.from({ length: size }, (_, i) => ({ line: 1, column: minified.indexOf(`"k${i}"`) + 1 })));
    for (const result of [many, along]) {
      renderReport(result, 'pretty', { color: false, redactLine: (l) => l });
      buildReportData(result, { redactLine: (l) => l });
    }
    return 2 * size;
  },
  async imports(size) {
    const { extractImports } = await import('../src/deps/imports.js');
    const bundle = Array.from({ length: size }, (_, i) => `import{a${i}}from"m${i}";`).join('');
    const tried = ['try:', ...Array.from({ length: size }, (_, i) => `    import m${i}`), 'except ImportError:', '    pass', ''].join('\n');
    return extractImports('bundle.mjs', bundle).length + extractImports('app.py', tried).length;
  },
  async chain(size) {
    const { parseNpmLock } = await import('../src/deps/lockfiles/npm-lock.js');
    return parseNpmLock(npmLock(size, true), 'package-lock.json').dependencies.length;
  },
  async lockfile(size, dir) {
    const { scan } = await import('../src/scan/scan.js');
    writeProject(dir, size);
    return (await scan(dir, { noCache: true })).findings.length;
  },
  async serverless(size, dir) {
    const { loadApp } = await import('../src/scan/scan.js');
    const custom = ['  s0: abcdefgh', '  m0:', '    k: v'];
    for (let i = 1; i <= size; i++) custom.push(`  s${i}: \${self:custom.s${i - 1}}\${self:custom.s${i - 1}}`, `  m${i}:`, `    a: \${self:custom.m${i - 1}}`, `    b: \${self:custom.m${i - 1}}`);
    const env = [`      S: \${self:custom.s${size}}`, `      M: \${self:custom.m${size}}`];
    writeFileSync(path.join(dir, 'serverless.yml'), ['service: bomb', 'provider:', '  name: aws', '  runtime: nodejs20.x', 'custom:', ...custom, 'functions:', '  probe:', '    handler: h.main', '    environment:', ...env, ''].join('\n'));
    return (await loadApp(dir)).model.functions.length;
  },
  async osv(size, dir) {
    const { loadOsvDb } = await import('../src/deps/osv/load-osv-db.js');
    const { packageKey } = await import('../src/deps/osv/match.js');
    const file = path.join(dir, 'all.zip');
    writeFileSync(file, bombZip(size, 15_000_000));
    return (await loadOsvDb(file, { packages: new Set([packageKey('npm', 'ms')]) })).count;
  },
};

function resultWith(text: string, places: { line: number; column: number }[]): ScanResult {
  return {
    toolVersion: 'bench',
    target: '.',
    templates: ['big.yaml'],
    findings: places.map((loc, i) => ({ ruleId: 'r', severity: 'medium' as const, category: 'SAS-4' as const, cwe: [], title: 't', message: `finding ${i}`, location: { file: 'big.yaml', ...loc }, related: [], fingerprint: String(i) })),
    diagnostics: [],
    rules: [],
    attackSurface: () => ({ map: { schemaVersion: '1.0.0' as const, entryPoints: [], functions: [], resources: [], edges: [] }, subjectFunctions: {} }),
    readSource: (file: string) => (file === 'big.yaml' ? text : undefined),
  };
}

/** n packages, each depending on the next (`chain`), or all declared by the project. */
function npmLock(size: number, chain: boolean): string {
  const root = { name: 'app', version: '1.0.0', dependencies: chain ? { p0: '1.0.0' } : declared(size) };
  const packages: Record<string, unknown> = { '': root };
  for (let i = 0; i < size; i++) {
    const next = chain && i + 1 < size ? { dependencies: { [`p${i + 1}`]: '1.0.0' } } : {};
    packages[`node_modules/p${i}`] = { version: '1.0.0', resolved: `https://registry.npmjs.org/p${i}/-/p${i}-1.0.0.tgz`, ...next };
  }
  return JSON.stringify({ name: 'app', lockfileVersion: 3, packages }, null, 2);
}

function declared(size: number): Record<string, string> {
  return Object.fromEntries(Array.from({ length: size }, (_, i) => [`p${i}`, '1.0.0']));
}

function writeProject(dir: string, size: number): void {
  mkdirSync(path.join(dir, 'fn'));
  writeFileSync(path.join(dir, 'fn/package-lock.json'), npmLock(size, false));
  writeFileSync(path.join(dir, 'fn/package.json'), JSON.stringify({ name: 'app', dependencies: declared(size) }, null, 2));
  writeFileSync(path.join(dir, 'fn/index.js'), 'exports.handler = async () => 1;\n');
  const template = ['Transform: AWS::Serverless-2016-10-31', 'Resources:', '  Fn:', '    Type: AWS::Serverless::Function', '    Properties:', '      CodeUri: fn/', '      Handler: index.handler', '      Runtime: nodejs20.x', ''];
  writeFileSync(path.join(dir, 'template.yaml'), template.join('\n'));
}

/** A zip of `count` entries holding the same record for `ms`, padded to `size` bytes. */
function bombZip(count: number, size: number): Buffer {
  const head = '{"id":"BOMB","affected":[{"package":{"ecosystem":"npm","name":"ms"},"versions":["';
  const tail = '"]}]}';
  return zipOf(count, Buffer.from(head + '9'.repeat(size - head.length - tail.length) + tail));
}

/** In the child: runs one case once and prints its `Run`. */
async function child(name: CaseName, size: number): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'faasguard-hostile-'));
  try {
    const start = performance.now();
    const count = await CASES[name](size, dir);
    const run: Run = { wallMs: Math.round(performance.now() - start), peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024), count };
    process.stdout.write(`${JSON.stringify(run)}\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function measure(name: CaseName, size: number): Run | { error: string } {
  const out = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', name, String(size)], { encoding: 'utf8', maxBuffer: 1 << 20 });
  const line = out.stdout.trim().split('\n').pop() ?? '';
  return out.status === 0 && line.startsWith('{') ? (JSON.parse(line) as Run) : { error: (out.stderr || `exit ${out.status}`).trim().split('\n').slice(-3).join(' ') };
}

async function main(argv: readonly string[]): Promise<void> {
  if (argv[0] === '--child') return child(argv[1] as CaseName, Number(argv[2]));
  const scale = Number(arg(argv, '--scale') ?? '1');
  const names = (arg(argv, '--cases')?.split(',') ?? Object.keys(BASE)) as CaseName[];
  const results: Record<string, unknown> = {};
  for (const name of names) {
    const size = Math.max(1, Math.round(BASE[name] * scale));
    const [one, two] = [measure(name, size), measure(name, 2 * size)];
    results[name] = { size, one, two };
    const ratio = 'wallMs' in one && 'wallMs' in two ? ` (×${(two.wallMs / Math.max(1, one.wallMs)).toFixed(1)})` : '';
    console.log(`${name} ${size} → ${2 * size}: ${JSON.stringify(one)} → ${JSON.stringify(two)}${ratio}`);
  }
  const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../bench/results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, `hostile-inputs-${new Date().toISOString().replace(/[:.]/g, '-')}.json`), `${JSON.stringify({ date: new Date().toISOString(), node: process.version, results }, null, 2)}\n`);
}

await main(process.argv.slice(2));
