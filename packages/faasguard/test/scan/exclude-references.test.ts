/**
 * An excluded path is never read, whatever names it: a Serverless `${file(...)}`, an API's
 * DefinitionUri, a CDK assembly's template, source map or the original sources a source map names,
 * and the code `faasguard policy` analyses. A note says what was left unread.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { withReadLog } from '../../src/cache/read-log.js';
import { loadApp, scan } from '../../src/scan/scan.js';
import { fake } from '../secrets/fakes.js';
import { FIXTURES, PACKAGE_ROOT, REPO_ROOT } from '../helpers/paths.js';
import { removeProject, tempProject } from '../helpers/temp-project.js';

const BIN = path.join(PACKAGE_ROOT, 'bin', 'faasguard.js');
const made: string[] = [];
after(() => made.forEach(removeProject));

function project(files: Record<string, string>): string {
  const dir = tempProject(files);
  made.push(dir);
  return dir;
}

/** Paths read, relative to `dir`. */
function relative(dir: string, read: Set<string>): string[] {
  return [...read].map((abs) => path.relative(dir, abs).split(path.sep).join('/')).sort();
}

interface JsonReport {
  findings: Array<{ ruleId: string; location: { file: string } }>;
  diagnostics: Array<{ severity: string; code: string; message: string; location: { file: string; line: number } }>;
}

function cli(...args: string[]): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 120_000, stdio: ['ignore', 'pipe', 'pipe'] });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const SERVERLESS = `service: orders
provider:
  name: aws
  runtime: nodejs20.x
  environment: \${file(./config/env.yml)}
custom:
  all: \${file(./config/*.yml)}
functions:
  api:
    handler: handler.main
    url: true
`;

describe('--exclude reaches files that templates name', () => {
  const sls = (): string => project({ 'serverless.yml': SERVERLESS, 'config/env.yml': `DB_PASSWORD: ${fake.password()}\n`, 'handler.js': 'exports.main = async () => 1;\n' });

  it('a Serverless ${file(...)} target that is excluded is not read, and a note says so', async () => {
    const dir = sls();
    const { read: readAll } = await withReadLog(() => scan(dir, { threads: 1 }));
    assert.ok(relative(dir, readAll).includes('config/env.yml'), 'read when not excluded');
    const { value: result, read } = await withReadLog(() => scan(dir, { threads: 1, exclude: ['config/**'] }));
    assert.deepEqual(relative(dir, read).filter((rel) => rel.startsWith('config/')), []);
    const notes = result.diagnostics.filter((d) => d.code === 'variable-unresolved' && d.severity === 'note');
    assert.deepEqual(notes.map((d) => [d.loc.file, d.loc.line]), [['serverless.yml', 5], ['serverless.yml', 7]]);
    assert.match(notes[0]!.message, /^file\(\.\/config\/env\.yml\) is excluded from the scan/);
  });

  it('the command line: no finding from the excluded file, and the note in the JSON report', () => {
    const dir = sls();
    const all = cli('scan', dir, '--format', 'json', '--no-cache', '--quiet');
    assert.equal(all.code, 1, all.err);
    assert.ok((JSON.parse(all.out) as JsonReport).findings.some((f) => f.ruleId === 'env-plaintext-secret' && f.location.file === 'config/env.yml'));
    const excluded = cli('scan', dir, '--format', 'json', '--no-cache', '--quiet', '--exclude', 'config/**');
    assert.equal(excluded.code, 1, excluded.err);
    const report = JSON.parse(excluded.out) as JsonReport;
    assert.deepEqual([...new Set(report.findings.map((f) => f.location.file))], ['serverless.yml']);
    assert.ok(report.diagnostics.some((d) => d.code === 'variable-unresolved' && /config\/env\.yml\) is excluded/.test(d.message)));
  });

  it("an API's DefinitionUri in an excluded folder is not read", async () => {
    const dir = project({
      'template.yaml': [
        'Transform: AWS::Serverless-2016-10-31',
        'Resources:',
        '  Api:',
        '    Type: AWS::Serverless::Api',
        '    Properties:',
        '      StageName: prod',
        '      DefinitionUri: ./api/openapi.yaml',
        '',
      ].join('\n'),
      'api/openapi.yaml': 'openapi: 3.0.1\ninfo: { title: t, version: "1" }\npaths: {}\n',
    });
    const { read: readAll } = await withReadLog(() => scan(dir, { threads: 1 }));
    assert.ok(relative(dir, readAll).includes('api/openapi.yaml'), 'read when not excluded');
    const { value: result, read } = await withReadLog(() => scan(dir, { threads: 1, exclude: ['api/**'] }));
    assert.ok(!relative(dir, read).includes('api/openapi.yaml'));
    const note = result.diagnostics.find((d) => d.code === 'file-excluded');
    assert.equal(note?.loc.file, 'template.yaml');
    assert.equal(note?.loc.line, 7);
  });
});

describe('--exclude reaches a CDK assembly', () => {
  const CDK = path.join(FIXTURES, 'cdk/orders-app');
  const sourcesOf = async (exclude: string[]): Promise<Record<string, string[]>> => {
    const app = await loadApp(CDK, { exclude });
    return Object.fromEntries(app.model.functions.map((f) => [f.logicalId.replace(/[0-9A-F]{8}$/, ''), f.code.sourceFiles ?? []]));
  };

  it('original sources in an excluded path are not named (so never read) as the function code', async () => {
    const all = await sourcesOf([]);
    assert.ok(Object.values(all).flat().includes('src/worker/handler.ts'), JSON.stringify(all));
    const excluded = await sourcesOf(['src/worker/**']);
    assert.ok(!Object.values(excluded).flat().includes('src/worker/handler.ts'), JSON.stringify(excluded));
    assert.ok(Object.values(excluded).flat().includes('src/api/handler.ts'), 'the other function keeps its sources');
  });

  it('excluded source maps are not read', async () => {
    const { read: readAll } = await withReadLog(() => loadApp(CDK));
    assert.ok(relative(CDK, readAll).some((rel) => rel.endsWith('.js.map')), 'read when not excluded');
    const { value: app, read } = await withReadLog(() => loadApp(CDK, { exclude: ['cdk.out/**/*.map'] }));
    assert.deepEqual(relative(CDK, read).filter((rel) => rel.endsWith('.map')), []);
    assert.deepEqual(app.model.functions.flatMap((f) => f.code.sourceFiles ?? []), []);
  });

  it('an excluded stack template named by the manifest is not read, and a note says so', async () => {
    const nested = 'cdk.out/OrdersAppWorkersB2F4F6CE.nested.template.json';
    const { value: app, read } = await withReadLog(() => loadApp(CDK, { exclude: [nested] }));
    assert.ok(!relative(CDK, read).includes(nested));
    assert.ok(!app.templates.includes(nested));
    assert.ok(app.diagnostics.some((d) => d.code === 'file-excluded' && d.loc.file === nested));
  });
});

describe('faasguard policy --exclude', () => {
  it("does not read excluded code: the function's calls are unknown", () => {
    const example = path.join(REPO_ROOT, 'examples/order-app/vulnerable');
    const actionsOf = (out: string): string[] => (JSON.parse(out) as Array<{ policy: { Statement: Array<{ Action: string[] }> } }>).flatMap((p) => p.policy.Statement.flatMap((s) => s.Action));
    const all = cli('policy', example, '--function', 'CreateOrderFunction');
    assert.equal(all.code, 0, all.err);
    assert.deepEqual(actionsOf(all.out), ['dynamodb:PutItem']);
    const excluded = cli('policy', example, '--function', 'CreateOrderFunction', '--exclude', 'src/**');
    assert.equal(excluded.code, 0, excluded.err);
    assert.deepEqual(actionsOf(excluded.out), []);
  });
});
