/**
 * Variable resolution in serverless.yml: every source, nested fallbacks, files (and their
 * confinement to the project), custom syntax, and the bounds on self-references and depth.
 * Unresolvable values are Unknown with a reason, never a crash.
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import type { LambdaFunction } from '../../src/model/app-model.js';
import { Composite, Unknown, display, type Value } from '../../src/model/value.js';
import { loadApp, type ScanOptions } from '../../src/scan/scan.js';
import { removeProject, tempProject, type ProjectFiles } from '../helpers/temp-project.js';

const dirs: string[] = [];
after(() => dirs.forEach(removeProject));

/** A service with one function whose environment holds the values under test. */
function service(env: Record<string, string>, more: { top?: string; provider?: string } = {}): string {
  const vars = Object.entries(env).map(([k, v]) => `      ${k}: ${v}`).join('\n');
  const provider = more.provider ? `${more.provider}\n` : '';
  const top = more.top ? `${more.top}\n` : '';
  return `service: vars\n${top}provider:\n  name: aws\n  runtime: nodejs20.x\n${provider}functions:\n  probe:\n    handler: h.main\n    environment:\n${vars}\n`;
}

async function load(files: ProjectFiles, options: ScanOptions = {}) {
  const dir = tempProject(files);
  dirs.push(dir);
  const app = await loadApp(dir, options);
  const fn = app.model.functions.find((f) => f.logicalId === 'ProbeLambdaFunction');
  return { app, fn, value: (name: string) => valueOf(fn, name) };
}

function valueOf(fn: LambdaFunction | undefined, name: string): Value | undefined {
  return fn?.environment.find((e) => e.name === name)?.value;
}

function unknownReason(v: Value | undefined): string {
  assert.ok(v instanceof Unknown, `expected Unknown, got ${display(v)}`);
  return v.reason;
}

describe('serverless.yml variables', () => {
  it('resolves fallbacks nested several levels deep', async () => {
    const { value } = await load({
      'serverless.yml': service(
        {
          DEEP: "${opt:color, ${self:custom.missing, ${self:custom.alsoMissing, ${self:custom.fallback}}}}",
          LITERAL: "${self:custom.none, 'plain'}",
          NUMBER: '${self:custom.none, 42}',
          INSIDE: 'prefix-${sls:stage}-${self:custom.fallback}-suffix',
          ADDRESS: '${self:custom.byStage.${sls:stage}}',
        },
        { top: 'custom:\n  fallback: deep\n  byStage:\n    dev: dev-value' },
      ),
    });
    assert.equal(value('DEEP'), 'deep');
    assert.equal(value('LITERAL'), 'plain');
    assert.equal(value('NUMBER'), 42);
    assert.equal(value('INSIDE'), 'prefix-dev-deep-suffix');
    assert.equal(value('ADDRESS'), 'dev-value');
  });

  it('uses --stage and --region, and the framework defaults without them', async () => {
    const files = { 'serverless.yml': service({ STAGE: '${sls:stage}', OPT: "${opt:stage, 'none'}", REGION: '${aws:region}', SELF: '${self:provider.stage}' }) };
    const defaults = await load(files);
    assert.deepEqual(['STAGE', 'OPT', 'REGION'].map(defaults.value), ['dev', 'none', 'us-east-1']);
    assert.ok(defaults.value('SELF') instanceof Unknown, 'provider.stage is not set');
    const given = await load(files, { stage: 'prod', region: 'eu-central-1' });
    assert.deepEqual(['STAGE', 'OPT', 'REGION'].map(given.value), ['prod', 'prod', 'eu-central-1']);
  });

  it('reads the environment only for names --env-vars allows', async () => {
    process.env['FG_TEST_SECRET_NAME'] = 'from-env';
    try {
      const files = { 'serverless.yml': service({ A: '${env:FG_TEST_SECRET_NAME}', B: "${env:FG_TEST_UNSET_NAME, 'fallback'}" }) };
      const closed = await load(files);
      assert.match(unknownReason(closed.value('A')), /--env-vars FG_TEST_SECRET_NAME/);
      assert.ok(closed.value('B') instanceof Unknown, 'a fallback does not stand in for an environment that was not read');
      const open = await load(files, { envVars: ['FG_TEST_SECRET_NAME', 'FG_TEST_UNSET_NAME'] });
      assert.equal(open.value('A'), 'from-env');
      assert.equal(open.value('B'), 'fallback');
      assert.equal((await load(files, { envVars: ['*'] })).value('A'), 'from-env');
    } finally {
      delete process.env['FG_TEST_SECRET_NAME'];
    }
  });

  it('marks values of remote stores unknown, saying which store', async () => {
    const { value } = await load({
      'serverless.yml': service({ SSM: '${ssm:/app/key}', CF: '${cf:other-stack.Output}', CF_REGION: '${cf.eu-west-1:other.Out}', S3: '${s3:bucket/key}', PARAM: '${param:token}', ACCOUNT: 'arn:aws:iam::${aws:accountId}:root' }),
    });
    assert.match(unknownReason(value('SSM')), /SSM Parameter Store/);
    assert.match(unknownReason(value('CF')), /another CloudFormation stack/);
    assert.match(unknownReason(value('CF_REGION')), /another CloudFormation stack/);
    assert.match(unknownReason(value('S3')), /an S3 object/);
    assert.match(unknownReason(value('PARAM')), /Dashboard parameter/);
    const account = value('ACCOUNT');
    assert.ok(account instanceof Composite, 'a string with an unknown part keeps its known parts');
    assert.equal(account.parts[0], 'arn:aws:iam::');
    assert.ok(account.parts[1] instanceof Unknown);
  });

  it("keeps the service's own text that looks like an unknown value's marker as text, its NULs shown as U+FFFD", async () => {
    // A YAML "\0" is a NUL character: the text spells what the loader writes for an unknown value.
    const { value } = await load({ 'serverless.yml': service({ OWN: '"a\\0fg-unknown:0\\0b"', PLAIN: 'x' }) });
    assert.equal(value('OWN'), 'a\uFFFDfg-unknown:0\uFFFDb');
    assert.equal(value('PLAIN'), 'x');
  });

  it('does not let text that spells a marker pass for an unknown value beside real unknown values', async () => {
    // The service's first unknown value gets marker 0: text spelling marker 0 (in any case, in a
    // value, a key or an included file) must not become it. The environment and the command line
    // cannot hold a NUL character.
    const { app, value } = await load(
      {
        'serverless.yml':
          service({ SSM: '${ssm:/app/key}', OWN: '"\\0fg-unknown:0\\0"', UPPER: '"x\\0FG-UNKNOWN:0\\0"', FILE: '${file(./config.yml):forged}' }) +
          '  "\\0fg-unknown:0\\0":\n    handler: h.other\n',
        'config.yml': 'forged: "\\0fg-unknown:0\\0"\n',
      },
    );
    assert.match(unknownReason(value('SSM')), /SSM Parameter Store/);
    assert.equal(value('OWN'), '\uFFFDfg-unknown:0\uFFFD');
    assert.equal(value('UPPER'), 'x\uFFFDFG-UNKNOWN:0\uFFFD');
    assert.equal(value('FILE'), '\uFFFDfg-unknown:0\uFFFD');
    const other = app.model.functions.find((f) => f.handler === 'h.other');
    assert.equal(typeof other?.name, 'string', 'a function named by a key that spells a marker keeps a known name');
    assert.match(String(other?.name), /\uFFFDfg-unknown:0\uFFFD/);
  });

  it('reads YAML and JSON files, whole or by key, with their own locations', async () => {
    const { fn, value } = await load({
      'serverless.yml': service({ FROM_YAML: '${file(./config/app.yml):db.host}', FROM_JSON: '${file(./config/app.json):token}', WHOLE: '${file(./config/flag.json)}' }),
      'config/app.yml': 'db:\n  host: db.internal\n',
      'config/app.json': '{\n  "token": "abc"\n}\n',
      'config/flag.json': '"on"\n',
    });
    assert.equal(value('FROM_YAML'), 'db.internal');
    assert.equal(value('FROM_JSON'), 'abc');
    assert.equal(value('WHOLE'), 'on');
    const loc = fn?.environment.find((e) => e.name === 'FROM_YAML')?.loc;
    assert.deepEqual([loc?.file, loc?.line], ['config/app.yml', 2]);
  });

  it('never reads a file outside the project', async () => {
    const { app, value } = await load({ 'serverless.yml': service({ LEAK: '${file(../../../../etc/hostname)}', CODE: '${file(./values.js):x}' }), 'values.js': 'module.exports = { x: 1 }\n' });
    assert.match(unknownReason(value('LEAK')), /outside the scanned directory/);
    assert.ok(app.diagnostics.some((d) => d.code === 'path-outside-project' && d.severity === 'error'));
    assert.ok(value('CODE') instanceof Unknown, 'code files are never run');
  });

  it('follows functions spread over files, globbed includes too', async () => {
    const { app } = await load({
      'serverless.yml': 'service: split\nprovider:\n  name: aws\nfunctions:\n  - ${file(./fns/*.yml)}\n  - ${file(./more.yml)}\n',
      'fns/a.yml': 'alpha:\n  handler: a.main\n',
      'fns/b.yml': 'beta:\n  handler: b.main\n',
      'more.yml': 'gamma:\n  handler: c.main\n',
    });
    assert.deepEqual(app.model.functions.map((f) => f.logicalId), ['AlphaLambdaFunction', 'BetaLambdaFunction', 'GammaLambdaFunction']);
    assert.deepEqual(app.model.functions.map((f) => f.loc.file), ['fns/a.yml', 'fns/b.yml', 'more.yml']);
    assert.deepEqual(app.templates, ['serverless.yml']);
  });

  it('supports a custom variableSyntax', async () => {
    const { value } = await load({
      'serverless.yml': service({ CUSTOM: "'${{self:custom.word}}'", CFN: "'${AWS::Region}'" }, { top: 'custom:\n  word: hello', provider: `  variableSyntax: "\\\\\${{([ ~:a-zA-Z0-9._@'\\\\-]+?)}}"` }),
    });
    assert.equal(value('CUSTOM'), 'hello');
    assert.equal(value('CFN'), '${AWS::Region}', 'CloudFormation Sub syntax is not a variable');
  });

  it('bounds self-references and runaway depth, and reports values that are not found', async () => {
    const chain = Array.from({ length: 60 }, (_, i) => `  c${i}: \${self:custom.c${i + 1}}`).join('\n');
    const { app, value } = await load({
      'serverless.yml': service({ SELF: '${self:custom.me}', DEEP: '${self:custom.c0}', MISSING: '${self:custom.nothing}', ODD: '${bogus:thing}', MAP: 'x-${self:custom.map}' }, { top: `custom:\n  me: \${self:custom.me}\n  map:\n    a: 1\n${chain}\n  c60: end` }),
    });
    assert.ok(value('SELF') instanceof Unknown);
    assert.ok(value('DEEP') instanceof Unknown);
    assert.match(unknownReason(value('MISSING')), /has no value/);
    assert.ok(value('ODD') instanceof Unknown);
    assert.ok(value('MAP') instanceof Composite || value('MAP') instanceof Unknown);
    const codes = new Set(app.diagnostics.map((d) => d.code));
    for (const code of ['variable-cycle', 'variable-too-deep', 'variable-unresolved', 'variable-unsupported', 'variable-not-string']) assert.ok(codes.has(code), code);
  });

  it('finds a service by content under any name, and scans one file given directly', async () => {
    const dir = tempProject({ 'deploy/api.yaml': service({ A: 'b' }), 'other.yml': 'service: not-this\n' });
    dirs.push(dir);
    const app = await loadApp(dir);
    assert.deepEqual(app.templates, ['deploy/api.yaml']);
    const single = await loadApp(`${dir}/deploy/api.yaml`);
    assert.deepEqual(single.templates, ['api.yaml']);
    assert.equal(single.model.functions.length, 1);
  });

  it('loads serverless.json', async () => {
    const { app } = await load({ 'serverless.json': JSON.stringify({ service: 'j', provider: { name: 'aws' }, functions: { one: { handler: 'h.main', url: true } } }) });
    assert.equal(app.model.functions[0]?.urls[0]?.authType, 'NONE');
  });
});
