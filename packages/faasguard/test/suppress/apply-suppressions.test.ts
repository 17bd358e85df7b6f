/**
 * Suppressions through a whole scan: YAML comments on and above resources and properties, Metadata
 * in YAML, JSON and CDK templates, serverless.yml, and code comments at a data flow's sink; what a
 * suppression without a reason, of an unknown rule or covering nothing gives.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import type { Finding } from '../../src/findings/finding.js';
import { functionUrlWithoutAuth } from '../../src/rules/auth/function-url-without-auth.js';
import { staleSuppression } from '../../src/rules/suppressions/stale-suppression.js';
import { scan } from '../../src/scan/scan.js';
import { FIXTURES } from '../helpers/paths.js';
import { lineOf, removeProject, tempProject } from '../helpers/temp-project.js';
import { webhookTemplate } from '../fixtures/suppress/webhook-template.js';

// Runtime deprecation depends on the scan date: pin it so that the findings keep their meaning.
process.env['FAASGUARD_NOW'] ??= '2026-11-23';

const dirs: string[] = [];
after(() => dirs.forEach(removeProject));

function project(files: Record<string, string>): string {
  const dir = tempProject(files);
  dirs.push(dir);
  return dir;
}

/** Rule, place and subject of findings, in a form that reads well in a failing assertion. */
function places(findings: readonly Finding[], ruleId?: string): string[] {
  return findings.filter((f) => ruleId === undefined || f.ruleId === ruleId).map((f) => `${f.ruleId} ${f.location.file}:${f.location.line}${f.subject ? ` ${f.subject.logicalId}` : ''}`);
}

function suppressions(findings: readonly Finding[]): string[] {
  return findings.map((f) => `${f.ruleId} ${f.location.file}:${f.location.line} by ${f.suppression?.kind} ${f.suppression?.location.file}:${f.suppression?.location.line}:${f.suppression?.location.column} "${f.suppression?.reason}"`);
}

const SAM = `Transform: AWS::Serverless-2016-10-31
Resources:
  # faasguard-ignore function-url-without-auth: payment webhook, every request carries an HMAC signature
  # (reviewed in SEC-7)
  Webhook:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: app.handler
      InlineCode: 'def handler(e, c): return 1'
      FunctionUrlConfig:
        AuthType: NONE
  Health:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12  # faasguard-ignore function-url-without-auth: only on the Runtime line
      Handler: app.handler
      InlineCode: 'def handler(e, c): return 1'
      FunctionUrlConfig:  # faasguard-ignore function-url-without-auth: returns a constant, nothing else
        AuthType: NONE
  Open:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: app.handler
      InlineCode: 'def handler(e, c): return 1'
      # faasguard-ignore function-url-without-auth: a blank line follows

      FunctionUrlConfig:
        AuthType: NONE
`;

describe('suppressions in a SAM template', async () => {
  const dir = project({ 'template.yaml': SAM });
  const result = await scan(dir);

  it('suppresses a resource from a comment above it, and a property from a comment on its line', () => {
    const webhook = lineOf(SAM, 'AuthType: NONE');
    const health = lineOf(SAM, 'AuthType: NONE', 2);
    assert.deepEqual(suppressions(result.suppressed ?? []), [
      `function-url-without-auth template.yaml:${webhook} by inline template.yaml:3:3 "payment webhook, every request carries an HMAC signature"`,
      `function-url-without-auth template.yaml:${health} by inline template.yaml:19:27 "returns a constant, nothing else"`,
    ]);
  });

  it('keeps reporting what no suppression covers', () => {
    assert.deepEqual(places(result.findings, 'function-url-without-auth'), [`function-url-without-auth template.yaml:${lineOf(SAM, 'AuthType: NONE', 3)} Open`]);
  });

  it('reports a comment on another property, and one cut off by a blank line, as stale', () => {
    assert.deepEqual(places(result.findings, 'stale-suppression'), ['stale-suppression template.yaml:16', 'stale-suppression template.yaml:27']);
    const blank = result.findings.find((f) => f.ruleId === 'stale-suppression' && f.location.line === 27);
    assert.equal(blank?.message, 'faasguard-ignore function-url-without-auth matches no finding: there is no function-url-without-auth finding in the blank line 28. Remove the suppression, or move it where it takes effect.');
    assert.equal(blank?.severity, 'info');
    assert.equal(blank?.category, 'SAS-5');
  });
});

describe('suppressions in Metadata', () => {
  it('covers the findings inside a resource of a YAML template', async () => {
    const template = `Transform: AWS::Serverless-2016-10-31
Resources:
  Webhook:
    Type: AWS::Serverless::Function
    Metadata:
      faasguard:
        ignore:
          - rule: function-url-without-auth
            reason: payment webhook, every request carries an HMAC signature
    Properties:
      Runtime: python3.12
      Handler: app.handler
      InlineCode: 'def handler(e, c): return 1'
      FunctionUrlConfig:
        AuthType: NONE
`;
    const result = await scan(project({ 'template.yaml': template }));
    assert.deepEqual(suppressions(result.suppressed ?? []), [`function-url-without-auth template.yaml:15 by metadata template.yaml:8:13 "payment webhook, every request carries an HMAC signature"`]);
    assert.deepEqual(places(result.findings, 'function-url-without-auth'), []);
  });

  it('covers the findings about a resource of a JSON template, wherever they are located', async () => {
    const template = JSON.stringify({
      Resources: {
        Role: { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: { Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] } } },
        Hook: {
          Type: 'AWS::Lambda::Function',
          Metadata: { faasguard: { ignore: [{ rule: 'function-url-without-auth', reason: 'signed webhook' }, { rule: 'runtime-deprecated', reason: 'retired with the v1 API in Q1' }] } },
          Properties: { Runtime: 'nodejs16.x', Handler: 'index.handler', Role: { 'Fn::GetAtt': ['Role', 'Arn'] }, Code: { ZipFile: 'exports.handler = async () => 1;' } },
        },
        HookUrl: { Type: 'AWS::Lambda::Url', Properties: { AuthType: 'NONE', TargetFunctionArn: { 'Fn::GetAtt': ['Hook', 'Arn'] } } },
      },
    }, null, 2);
    const result = await scan(project({ 'template.json': template }));
    const entry = lineOf(template, '"rule": "function-url-without-auth"');
    // runtime-deprecated is inside the function's definition; the URL finding is about the function, in another resource.
    assert.deepEqual(suppressions(result.suppressed ?? []), [
      `runtime-deprecated template.json:${lineOf(template, '"Runtime": "nodejs16.x"')} by metadata template.json:${entry + 3}:13 "retired with the v1 API in Q1"`,
      `function-url-without-auth template.json:${lineOf(template, '"AuthType": "NONE"')} by metadata template.json:${entry - 1}:13 "signed webhook"`,
    ]);
  });

  it('covers a CDK construct given Metadata with addMetadata, and reports its entry without a reason', async () => {
    const result = await scan(path.join(FIXTURES, 'suppress/cdk-app'));
    const file = 'cdk.out/WebhookStack.template.json';
    assert.deepEqual(suppressions(result.suppressed ?? []), [`function-url-without-auth ${file}:59 by metadata ${file}:45:7 "payment provider webhook; every request is verified by its HMAC signature"`]);
    const withoutReason = result.findings.filter((f) => f.ruleId === 'suppression-without-reason');
    assert.deepEqual(places(withoutReason), [`suppression-without-reason ${file}:49 Webhook3B2D4D6C`]);
    assert.equal(withoutReason[0]?.subject?.constructPath, 'WebhookStack/Webhook/Resource');
    assert.equal(withoutReason[0]?.message, 'The faasguard.ignore entry for function-without-tracing in the Metadata of WebhookStack/Webhook/Resource gives no reason, so it suppresses nothing. Add a `reason` beside its `rule`: why the risk is accepted.');
    assert.deepEqual(places(result.findings, 'function-without-tracing'), [`function-without-tracing ${file}:23 Webhook3B2D4D6C`]);
  });
});

describe('suppressions in serverless.yml', () => {
  it('covers a function from a comment above it', async () => {
    const config = `service: shop
provider:
  name: aws
  runtime: nodejs22.x
functions:
  # faasguard-ignore function-url-without-auth: public status page, returns no data
  status:
    handler: status.handler
    url: true
  admin:
    handler: admin.handler
    url: true
`;
    const result = await scan(project({ 'serverless.yml': config }));
    assert.deepEqual(suppressions(result.suppressed ?? []), ['function-url-without-auth serverless.yml:9 by inline serverless.yml:6:3 "public status page, returns no data"']);
    assert.deepEqual(places(result.findings, 'function-url-without-auth'), ['function-url-without-auth serverless.yml:12 AdminLambdaFunction']);
  });
});

describe('suppressions in code', () => {
  const template = (runtime: string, handler: string) => `Transform: AWS::Serverless-2016-10-31
Resources:
  Uploads:
    Type: AWS::S3::Bucket
  Thumbnail:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: ${runtime}
      Handler: ${handler}
      CodeUri: src/
      Events:
        Upload:
          Type: S3
          Properties:
            Bucket: !Ref Uploads
            Events: s3:ObjectCreated:*
`;

  it('covers a JavaScript data flow at its sink, with the next-line and the same-line form', async () => {
    const js = [
      "const { execSync } = require('node:child_process');",
      'exports.handler = async (event) => {',
      '  const key = event.Records[0].s3.object.key;',
      '  // faasguard-ignore-next-line command-injection: keys are UUIDs, enforced by the upload API',
      '  execSync(`convert /tmp/${key} /tmp/a.png`);',
      '  execSync(`convert /tmp/${key} /tmp/b.png`); // faasguard-ignore command-injection: same UUID key',
      '  execSync(`convert /tmp/${key} /tmp/c.png`);',
      '};',
      '',
    ].join('\n');
    const result = await scan(project({ 'template.yaml': template('nodejs22.x', 'app.handler'), 'src/app.js': js }));
    assert.deepEqual(suppressions(result.suppressed ?? []), [
      'command-injection src/app.js:5 by inline src/app.js:4:3 "keys are UUIDs, enforced by the upload API"',
      'command-injection src/app.js:6 by inline src/app.js:6:47 "same UUID key"',
    ]);
    assert.deepEqual(places(result.findings, 'command-injection'), ['command-injection src/app.js:7 Thumbnail']);
  });

  it('covers a Python data flow at its sink', async () => {
    const py = [
      'import subprocess',
      '',
      'def handler(event, context):',
      '    key = event["Records"][0]["s3"]["object"]["key"]',
      '    # faasguard-ignore-next-line command-injection: keys are UUIDs, enforced by the upload API',
      '    subprocess.check_output("convert /tmp/%s /tmp/a.png" % key, shell=True)',
      '',
    ].join('\n');
    const result = await scan(project({ 'template.yaml': template('python3.12', 'app.handler'), 'src/app.py': py }));
    assert.deepEqual(suppressions(result.suppressed ?? []), ['command-injection src/app.py:6 by inline src/app.py:5:5 "keys are UUIDs, enforced by the upload API"']);
    assert.deepEqual(places(result.findings, 'command-injection'), []);
    assert.deepEqual(places(result.findings, 'stale-suppression'), []);
  });
});

describe('suppressions that cannot work', () => {
  const template = webhookTemplate;

  it('does not suppress without a reason, and says how to give one', async () => {
    const result = await scan(project({ 'template.yaml': template('# faasguard-ignore function-url-without-auth signed webhook') }));
    assert.deepEqual(result.suppressed, []);
    assert.deepEqual(places(result.findings, 'function-url-without-auth'), ['function-url-without-auth template.yaml:11 Webhook']);
    const [problem] = result.findings.filter((f) => f.ruleId === 'suppression-without-reason');
    assert.equal(problem?.location.line, 3);
    assert.equal(problem?.location.column, 3);
    assert.equal(problem?.severity, 'low');
    assert.equal(problem?.message, 'faasguard-ignore function-url-without-auth gives no reason (the text "signed webhook" has no colon before it, so it is not read as the reason), so it suppresses nothing. Write it after a colon: `faasguard-ignore function-url-without-auth: <reason>`: why the risk is accepted.');
    assert.deepEqual(places(result.findings, 'stale-suppression'), [], 'a suppression without a reason is not also stale');
  });

  it('reports an unknown rule id, and one of several ids that matches nothing as stale', async () => {
    const result = await scan(project({ 'template.yaml': template('# faasguard-ignore function-url-without-auth, function-url-no-auth, iam-wildcard-action: signed webhook') }));
    assert.deepEqual(places(result.suppressed ?? []), ['function-url-without-auth template.yaml:11 Webhook']);
    const unknown = result.findings.filter((f) => f.ruleId === 'suppression-unknown-rule');
    assert.deepEqual(places(unknown), ['suppression-unknown-rule template.yaml:3']);
    assert.equal(unknown[0]?.message, 'faasguard-ignore function-url-without-auth, function-url-no-auth, iam-wildcard-action names function-url-no-auth, which is not a faasguard rule, so it suppresses nothing. Use the rule id the finding shows (`faasguard rules` lists them).');
    const stale = result.findings.filter((f) => f.ruleId === 'stale-suppression');
    assert.deepEqual(stale.map((f) => f.message), ['faasguard-ignore function-url-without-auth, function-url-no-auth, iam-wildcard-action matches no finding: there is no iam-wildcard-action finding in Resources.Webhook (lines 4-11). Remove the suppression, or move it where it takes effect.']);
  });

  it('calls a suppression stale only for rules that ran', async () => {
    const dir = project({ 'template.yaml': template('# faasguard-ignore runtime-deprecated, function-url-without-auth: signed webhook') });
    const result = await scan(dir, { rules: [functionUrlWithoutAuth, staleSuppression] });
    assert.deepEqual(places(result.suppressed ?? []), ['function-url-without-auth template.yaml:11 Webhook']);
    assert.deepEqual(result.findings, []);
  });

  it('gives problems a fingerprint that survives moved lines', async () => {
    const comment = '# faasguard-ignore iam-wildcard-action: nothing to cover';
    const before = await scan(project({ 'template.yaml': template(comment) }));
    const after = await scan(project({ 'template.yaml': template(comment).replace('Resources:\n', 'Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n') }));
    const fingerprints = (r: typeof before) => r.findings.filter((f) => f.ruleId === 'stale-suppression').map((f) => [f.location.line, f.fingerprint]);
    const [[lineBefore, fpBefore]] = fingerprints(before) as [[number, string]];
    const [[lineAfter, fpAfter]] = fingerprints(after) as [[number, string]];
    assert.deepEqual([lineBefore, lineAfter], [3, 5]);
    assert.equal(fpAfter, fpBefore);
  });
});
