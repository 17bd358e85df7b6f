/**
 * Terraform root modules (read by default; `--no-terraform` leaves them out): `.tf` files translated into the resources
 * they create and judged by the same rules as a template. The same app written in SAM gives the
 * same findings; findings point at the `.tf` lines; variables come from defaults and variable
 * files; a file that does not parse is reported with its line and the rest is scanned.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import fs from 'node:fs';
import os from 'node:os';
import { loadApp, scan, type ScanOptions } from '../../src/scan/scan.js';
import type { ScanResult } from '../../src/scan/scan-result.js';
import { FIXTURES } from '../helpers/paths.js';
import { removeProject, tempProject } from '../helpers/temp-project.js';
import { layerCodeFacts } from '../../src/model/facts/layer-facts.js';

const DIR = path.join(FIXTURES, 'terraform');

function found(result: ScanResult): string[] {
  return result.findings.map((f) => `${f.ruleId} ${f.location.file}:${f.location.line} ${f.subject?.logicalId ?? ''}`).sort();
}

describe('terraform loader', () => {
  it('gives the findings of the same app written in SAM, located in main.tf', async () => {
    const tf = await scan(path.join(DIR, 'url-app'), { terraform: true });
    const sam = await scan(path.join(DIR, 'url-app-sam'));
    assert.deepEqual(tf.templates, ['main.tf']);
    assert.deepEqual(tf.findings.map((f) => f.ruleId).sort(), sam.findings.map((f) => f.ruleId).sort());
    const lines = found(tf);
    assert.ok(lines.includes('function-url-without-auth main.tf:53 aws_lambda_function.export'), lines.join('\n'));
    assert.ok(lines.includes('iam-wildcard-action main.tf:35 aws_iam_role.exec'));
    // The archive's source folder is the function's code: its flows are found.
    assert.ok(lines.includes('command-injection src/index.js:4 aws_lambda_function.export'));
    assert.deepEqual(tf.diagnostics.filter((d) => d.severity !== 'note'), []);
  });

  it('links an HTTP API route to its function, and reads the stage\'s access logs and throttling and the permission\'s source', async () => {
    const result = await scan(path.join(DIR, 'http-api'), { terraform: true });
    const lines = found(result);
    assert.ok(lines.includes('api-route-without-auth main.tf:35 aws_apigatewayv2_route.status'), lines.join('\n'));
    for (const rule of ['api-stage-without-access-logs', 'api-without-throttling', 'lambda-permission-service-without-source', 'function-without-tracing']) {
      assert.ok(!result.findings.some((f) => f.ruleId === rule), `no ${rule}`);
    }
  });

  it('makes an instance per count index and for_each key, addressed as Terraform does; count = 0 makes none', async () => {
    const result = await scan(path.join(DIR, 'instances'), { terraform: true });
    const lines = found(result);
    assert.ok(lines.includes('public-source-triggers-function main.tf:44 aws_sqs_queue.jobs["orders"]'), lines.join('\n'));
    assert.ok(lines.includes('public-source-triggers-function main.tf:44 aws_sqs_queue.jobs["refunds"]'));
    assert.ok(lines.includes('runtime-deprecated main.tf:19 aws_lambda_function.worker[1]'));
    // Each function's log group, made by count with the function's name, sets a retention.
    assert.ok(!result.findings.some((f) => f.ruleId === 'function-without-log-retention'));
    assert.ok(!result.findings.some((f) => f.subject?.logicalId.startsWith('aws_sns_topic')));
  });

  it('evaluates a local module with each call\'s inputs, addressed by the module path, and never alone', async () => {
    const result = await scan(path.join(DIR, 'modules'), { terraform: true });
    const lines = found(result);
    assert.deepEqual(result.templates, ['main.tf']);
    // Only the call that asks for a public URL makes one.
    // A call's known for_each and count make one instance each, addressed as Terraform does, with its own each/count.index.
    assert.deepEqual(lines.filter((l) => l.startsWith('function-url-without-auth')), [
      'function-url-without-auth modules/function/main.tf:23 module.batch[1].aws_lambda_function.this',
      'function-url-without-auth modules/function/main.tf:23 module.export.aws_lambda_function.this',
      'function-url-without-auth modules/function/main.tf:23 module.regional["eu"].aws_lambda_function.this',
    ]);
    assert.equal(result.findings.filter((f) => f.ruleId === 'runtime-deprecated').length, 6);
    // Where the module is called is a related location of what it makes.
    const url = result.findings.find((f) => f.ruleId === 'function-url-without-auth' && f.subject?.logicalId === 'module.export.aws_lambda_function.this');
    assert.deepEqual(url?.related.filter((r) => r.message.endsWith('is called here')).map((r) => `${r.loc.file}:${r.loc.line} ${r.message}`), ['main.tf:1 module.export is called here']);
    // An output of a module links the root's permission to the module's function.
    assert.ok(lines.includes('lambda-permission-public main.tf:13 aws_lambda_permission.partner'), lines.join('\n'));
    // path.module is the module's folder: its code is found.
    assert.deepEqual(result.diagnostics.filter((d) => d.code === 'handler-not-found'), []);
  });

  it('finds a module called from a sibling folder (`../`) as no root of its own, and a file calling only registry modules as a root', async () => {
    const fn = 'resource "aws_lambda_function" "this" {\n  function_name = "f"\n  runtime = "nodejs20.x"\n  handler = "index.handler"\n  role = "arn:aws:iam::123456789012:role/r"\n  filename = "f.zip"\n}\n';
    const dir = tempProject({
      'stacks/app/main.tf': 'module "shared" {\n  source = "../../shared/fn"\n}\n',
      'stacks/registry/main.tf': 'module "vpc" {\n  source = "terraform-aws-modules/vpc/aws"\n}\n',
      'shared/fn/main.tf': fn,
    });
    try {
      const result = await scan(dir, { terraform: true });
      assert.deepEqual(result.templates, ['stacks/app/main.tf', 'stacks/registry/main.tf']);
      assert.ok(result.findings.some((f) => f.ruleId === 'runtime-deprecated' && f.location.file === 'shared/fn/main.tf' && f.location.line === 3), 'the module is evaluated through its call');
    } finally {
      removeProject(dir);
    }
  });

  it('reads variables from terraform.tfvars and *.auto.tfvars over their defaults', async () => {
    const result = await scan(path.join(DIR, 'tfvars'), { terraform: true });
    const lines = found(result);
    assert.ok(lines.includes('function-url-without-auth main.tf:31 aws_lambda_function.reports'), lines.join('\n'));
    assert.ok(lines.includes('lambda-permission-public main.tf:34 aws_lambda_permission.anyone'));
  });

  it('reads *.auto.tfvars in the byte order of their names, as Terraform does: the last one read wins, whatever the locale', async () => {
    const main = fs.readFileSync(path.join(DIR, 'tfvars', 'main.tf'), 'utf8');
    // Terraform reads B.auto.tfvars before a.auto.tfvars (uppercase sorts first): a's value holds.
    const urlFindings = async (files: Record<string, string>): Promise<string[]> => {
      const dir = tempProject({ 'main.tf': main, ...files });
      try {
        return found(await scan(dir, { terraform: true })).filter((l) => l.startsWith('function-url-without-auth'));
      } finally {
        removeProject(dir);
      }
    };
    assert.deepEqual(await urlFindings({ 'B.auto.tfvars': 'url_auth = "NONE"\n', 'a.auto.tfvars': 'url_auth = "AWS_IAM"\n' }), []);
    assert.deepEqual(await urlFindings({ 'B.auto.tfvars': 'url_auth = "AWS_IAM"\n', 'a.auto.tfvars': 'url_auth = "NONE"\n' }), ['function-url-without-auth main.tf:31 aws_lambda_function.reports']);
  });

  it('takes TF_VAR_ values the scan may read below the variable files, and --var-file and --var values over them', async () => {
    const dir = path.join(DIR, 'tfvars');
    const withVar = await scan(dir, { terraform: true, terraformVars: { values: ['url_auth=AWS_IAM'] } });
    assert.ok(!withVar.findings.some((f) => f.ruleId === 'function-url-without-auth'), '--var wins over terraform.tfvars');
    const withFile = await scan(dir, { terraform: true, terraformVars: { files: [{ file: 'prod.tfvars.json', text: '{"url_auth": "AWS_IAM", "exposed": false}' }] } });
    assert.ok(!withFile.findings.some((f) => f.ruleId === 'function-url-without-auth' || f.ruleId === 'lambda-permission-public'));
    const ordered = await scan(dir, { terraform: true, terraformVars: { files: [{ file: 'a.tfvars', text: 'url_auth = "AWS_IAM"\n' }], values: ['url_auth=NONE'] } });
    assert.ok(ordered.findings.some((f) => f.ruleId === 'function-url-without-auth'), '--var wins over --var-file');
    // Without the variable files, the default (AWS_IAM) holds unless TF_VAR_url_auth may be read.
    const bare = fs.mkdtempSync(path.join(os.tmpdir(), 'faasguard-tfvars-'));
    fs.copyFileSync(path.join(dir, 'main.tf'), path.join(bare, 'main.tf'));
    const saved = process.env['TF_VAR_url_auth'];
    process.env['TF_VAR_url_auth'] = 'NONE';
    try {
      const urlFindings = async (options: ScanOptions): Promise<number> => (await scan(bare, { terraform: true, ...options })).findings.filter((f) => f.ruleId === 'function-url-without-auth').length;
      assert.equal(await urlFindings({}), 0, 'the environment is not read unless allowed');
      assert.equal(await urlFindings({ envVars: ['TF_VAR_url_auth'] }), 1);
      assert.equal(await urlFindings({ envVars: ['*'], terraformVars: { values: ['url_auth=AWS_IAM'] } }), 0, '--var wins over TF_VAR_');
      process.env['TF_VAR_url_auth'] = 'AWS_IAM';
      const belowFiles = await scan(dir, { terraform: true, envVars: ['TF_VAR_url_auth'] });
      assert.ok(belowFiles.findings.some((f) => f.ruleId === 'function-url-without-auth'), 'terraform.tfvars wins over TF_VAR_');
    } finally {
      if (saved === undefined) delete process.env['TF_VAR_url_auth'];
      else process.env['TF_VAR_url_auth'] = saved;
      fs.rmSync(bare, { recursive: true, force: true });
    }
  });

  it('reports a file that does not parse with its line, and scans what could be read', async () => {
    const result = await scan(path.join(DIR, 'broken'), { terraform: true });
    const syntax = result.diagnostics.filter((d) => d.code === 'hcl-syntax');
    assert.equal(syntax.length, 1);
    assert.deepEqual([syntax[0]!.loc?.file, syntax[0]!.loc?.line], ['main.tf', 8]);
    assert.ok(result.findings.some((f) => f.subject?.logicalId === 'aws_sns_topic.alerts'));
  });

  it('holds a value not known offline as unknown, never as absent or as a literal', async () => {
    const result = await scan(path.join(DIR, 'unknowns'), { terraform: true });
    assert.deepEqual(found(result), ['lambda-permission-service-without-source main.tf:14 aws_lambda_permission.from_any_rule']);
  });

  it('stays bounded on a module that calls its own folder, and says so', async () => {
    const result = await scan(path.join(DIR, 'self-calling'), { terraform: true });
    assert.deepEqual(result.templates, ['main.tf']);
    assert.deepEqual(result.diagnostics.filter((d) => d.code === 'tf-module-calls').map((d) => d.loc.file), ['main.tf']);
    assert.deepEqual(result.findings, []);
  });

  it('is on by default, and off when turned off (--no-terraform)', async () => {
    const on = await scan(path.join(DIR, 'url-app'));
    assert.deepEqual(on.templates, ['main.tf']);
    assert.ok(on.findings.some((f) => f.ruleId === 'function-url-without-auth'));
    const off = await scan(path.join(DIR, 'url-app'), { terraform: false });
    assert.deepEqual(off.templates, []);
    assert.deepEqual(off.findings, []);
  });

  it('summarizes registry modules by their inputs, addressed as Terraform does, and notes the others with their inputs', async () => {
    const result = await scan(path.join(DIR, 'annotated', 'registry-modules'), { terraform: true });
    const lines = found(result);
    assert.ok(lines.includes('function-url-without-auth main.tf:16 module.export.aws_lambda_function.this[0]'), lines.join('\n'));
    assert.ok(lines.includes('api-route-without-auth main.tf:64 module.api.aws_apigatewayv2_route.this["POST /orders"]'));
    const notes = result.diagnostics.filter((d) => d.code === 'tf-module-not-evaluated');
    assert.deepEqual(notes.map((d) => [d.message, d.loc?.line]), [['module other (example-corp/widget/aws) is not on disk and has no built-in summary: what it creates is not judged (inputs: name)', 139]]);
  });
  it('marks what a registry module makes with the module, and nothing declared in the configuration', async () => {
    const { model } = await loadApp(path.join(DIR, 'annotated', 'registry-modules'), { terraform: true, noCache: true });
    const exported = model.functions.find((f) => f.logicalId === 'module.export.aws_lambda_function.this[0]');
    assert.equal(exported?.registryModule, 'terraform-aws-modules/lambda/aws');
    const declared = (await loadApp(path.join(DIR, 'url-app'), { terraform: true, noCache: true })).model.functions;
    assert.ok(declared.length > 0);
    assert.deepEqual(declared.map((f) => f.registryModule), declared.map(() => undefined));
  });
  it('reads suppressions in the comments of .tf files, covering the attribute or block below, never a string', async () => {
    const result = await scan(path.join(DIR, 'suppressions'), { terraform: true });
    const suppressed = (result.suppressed ?? []).map((f) => `${f.ruleId} ${f.location.line} ${f.suppression?.location.line}`).sort();
    assert.deepEqual(suppressed, ['function-url-without-auth 20 19', 'function-without-tracing 29 28']);
    // The text in the queue's name is a string, not a comment; the last directive covers nothing.
    assert.ok(result.findings.some((f) => f.ruleId === 'stale-suppression' && f.location.line === 37));
    assert.equal(result.findings.filter((f) => f.ruleId === 'stale-suppression').length, 1);
    assert.ok(result.findings.some((f) => f.ruleId === 'function-without-tracing' && f.location.line === 9));
  });
  it('reads a plan (terraform show -json) as the same app: the same findings, linked by the configuration\'s references', async () => {
    const tf = await scan(path.join(DIR, 'url-app'), { terraform: true });
    const plan = await scan(path.join(DIR, 'url-app-plan'), { terraform: true });
    const pairs = (r: ScanResult): string[] => r.findings.map((f) => `${f.ruleId} ${f.subject?.logicalId ?? ''}`).sort();
    assert.deepEqual(plan.templates, ['plan.json']);
    assert.deepEqual(pairs(plan), pairs(tf));
    assert.ok(found(plan).includes('command-injection src/index.js:4 aws_lambda_function.export'), 'the archive the plan builds stands for its folder');
    assert.ok(found(plan).includes('function-url-without-auth plan.json:51 aws_lambda_function.export'));
    assert.deepEqual(plan.diagnostics.filter((d) => d.severity !== 'note'), []);
  });

  it('locates a plan\'s resources at their blocks in the .tf files beside it, which are not scanned again', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'faasguard-tf-plan-'));
    try {
      fs.cpSync(path.join(DIR, 'url-app-plan'), dir, { recursive: true });
      fs.copyFileSync(path.join(DIR, 'url-app', 'main.tf'), path.join(dir, 'main.tf'));
      const tf = await scan(path.join(DIR, 'url-app'), { terraform: true });
      const both = await scan(dir, { terraform: true });
      assert.deepEqual(both.templates, ['plan.json']);
      // At the same blocks and attributes; a statement inside a policy document is at its attribute.
      const atAttribute = (l: string): string => l.replace('main.tf:35 ', 'main.tf:33 ');
      assert.deepEqual(found(both), found(tf).map(atAttribute));
      fs.writeFileSync(path.join(dir, 'plan.json'), JSON.stringify({ format_version: '2.0', planned_values: {} }));
      const future = await scan(dir, { terraform: true });
      assert.deepEqual(future.diagnostics.filter((d) => d.code === 'tf-plan').map((d) => d.message), ['plan.json is a plan of format 2.0; only format 1.x is read']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
  it('reads the JSON syntax (.tf.json, as cdktf writes it) as the same app, located in the JSON', async () => {
    const tf = await scan(path.join(DIR, 'url-app'), { terraform: true });
    const json = await scan(path.join(DIR, 'url-app-json'), { terraform: true });
    const pairs = (r: ScanResult): string[] => r.findings.map((f) => `${f.ruleId} ${f.subject?.logicalId ?? ''}`).sort();
    assert.deepEqual(json.templates, ['main.tf.json']);
    assert.deepEqual(pairs(json), pairs(tf));
    const lines = found(json);
    assert.ok(lines.includes('function-url-without-auth main.tf.json:53 aws_lambda_function.export'), lines.join('\n'));
    assert.ok(lines.includes('runtime-deprecated main.tf.json:46 aws_lambda_function.export'));
    assert.deepEqual(json.diagnostics.filter((d) => d.severity !== 'note'), []);
  });
  it('reports what the grammar accepts and Terraform rejects: an attribute set twice, two attributes on one line', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'faasguard-tf-strict-'));
    try {
      fs.writeFileSync(path.join(dir, 'main.tf'), 'resource "aws_sqs_queue" "q" {\n  name = "a"\n  name = "b"\n}\nresource "aws_sns_topic" "t" {\n  name = "t" kms_master_key_id = "k"\n}\n');
      const result = await scan(dir, { terraform: true });
      const errors = result.diagnostics.filter((d) => d.code === 'hcl-syntax').map((d) => `${d.loc?.line} ${d.message}`);
      assert.deepEqual(errors, [
        '3 main.tf: attribute name is set twice in the same block (first on line 2); Terraform rejects the file',
        '6 main.tf: two attributes on line 6; Terraform requires a line break after each',
      ]);
      assert.ok(result.templates.includes('main.tf'), 'the rest is still scanned');
      // A JSON-syntax file and a plan that are not JSON: one error each, named with file and line; the rest goes on.
      fs.writeFileSync(path.join(dir, 'extra.tf.json'), '{"resource": {"aws_sqs_queue": {"r": {"name": "x",}}}}');
      fs.mkdirSync(path.join(dir, 'deploy'));
      fs.writeFileSync(path.join(dir, 'deploy', 'plan.json'), '{"format_version": "1.2", "planned_values": ');
      const broken = await scan(dir, { terraform: true });
      const messages = broken.diagnostics.filter((d) => d.severity === 'error' && d.loc.file !== 'main.tf').map((d) => `${d.code} ${d.loc.file}:${d.loc.line}`);
      assert.deepEqual(messages.sort(), ['hcl-syntax extra.tf.json:1', 'tf-plan deploy/plan.json:1']);
      assert.ok(broken.templates.includes('main.tf'), 'main.tf is still scanned');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
  it('says when a finding holds only for some values: a count or for_each not known offline is 0 or more, never silently 1', async () => {
    const result = await scan(path.join(DIR, 'conditional'), { terraform: true });
    const message = (rule: string): string | undefined => result.findings.find((f) => f.ruleId === rule && !f.subject?.logicalId.startsWith('module.'))?.message;
    assert.match(message('function-url-without-auth') ?? '', /This holds only when var\.public_url is true\.$/);
    assert.match(message('public-function-without-reserved-concurrency') ?? '', /only when var\.public_url is true\.$/, 'public through the conditional URL');
    assert.doesNotMatch(message('function-without-log-retention') ?? '', /only when/, 'the function itself is not conditional');
    const queue = result.findings.find((f) => f.ruleId === 'messaging-policy-public');
    assert.equal(queue?.subject?.logicalId, 'aws_sqs_queue.jobs');
    assert.match(queue?.message ?? '', /only when var\.queues is not empty\.$/);
    const unknownCount = (address: string): string => `the count of ${address} is not known offline (0 or more): it is judged as one instance, and its findings hold only when var.public_url is true`;
    assert.deepEqual(result.diagnostics.filter((d) => d.code === 'tf-unknown-count').map((d) => d.message), ['aws_lambda_function_url.report', 'aws_lambda_permission.report_url', 'aws_lambda_permission.report_invoke'].map(unknownCount));
    // A module call with count = 0 makes nothing; one whose count is not known makes what holds only then.
    const urls = result.findings.filter((f) => f.ruleId === 'function-url-without-auth').map((f) => `${f.subject?.logicalId} ${/only when (.*)\.$/.exec(f.message)?.[1]}`).sort();
    assert.deepEqual(urls, ['aws_lambda_function.report var.public_url is true', 'module.maybe.aws_lambda_function.this var.public_url is true']);
  });
  it('says for which value a finding holds when a condition not known offline picks an attribute\'s value', async () => {
    const result = await scan(path.join(DIR, 'conditional-attributes'), { terraform: true });
    const when = (f: ScanResult['findings'][number]): string => /This holds only when (.*)\.$/.exec(f.message)?.[1] ?? 'always';
    const urls = result.findings.filter((f) => f.ruleId === 'function-url-without-auth').map((f) => `${f.location.file}:${f.location.line} ${when(f)}`);
    assert.deepEqual(urls, [
      'main.tf:32 var.public is true',
      'main.tf:45 var.private_only is false',
      'main.tf:70 var.with_admin is true, and var.public is true',
      'modules/url/main.tf:23 var.open_to_all is true in module.partner, which is given var.public',
    ]);
    // Both values of var.legacy are runtimes past their end of support: the finding holds whatever the value.
    const runtime = result.findings.filter((f) => f.ruleId === 'runtime-deprecated');
    assert.deepEqual(runtime.map((f) => `${f.location.line} ${when(f)}`), ['39 always']);
    // A URL that requires IAM for either value is never public.
    assert.equal(result.findings.some((f) => f.subject?.logicalId === 'aws_lambda_function.internal' && /public|url/.test(f.ruleId)), false);
    // The scan's own model keeps the value unknown: the attack surface does not pick a value.
    const app = await loadApp(path.join(DIR, 'conditional-attributes'), { terraform: true });
    const report = app.model.functions.find((f) => f.logicalId === 'aws_lambda_function.report');
    assert.equal(typeof report?.urls[0]?.authType, 'object');
    assert.deepEqual(app.openConditions.map((o) => o.conditions.map((c) => c.text)), [['var.open_to_all', 'var.public', 'var.legacy', 'var.private_only']], 'a count\'s condition has its own qualifier');
  });
  it('reads a module `terraform init` installed from the folder .terraform/modules/modules.json names', async () => {
    const result = await scan(path.join(DIR, 'installed'), { terraform: true });
    assert.ok(found(result).includes('function-url-without-auth .terraform/modules/url/main.tf:23 module.reports.aws_lambda_function.this'), found(result).join('\n'));
    assert.deepEqual(result.templates, ['main.tf'], 'an installed copy is not a root module of its own');
    assert.equal(result.diagnostics.some((d) => d.code === 'tf-module-not-evaluated'), false);
  });
  it('reads a bucket\'s provider-3 inline encryption into the model', async () => {
    const app = await loadApp(path.join(DIR, 'annotated', 'domains'), { terraform: true });
    const bucket = app.model.resources.find((r) => r.logicalId === 'aws_s3_bucket.reports');
    assert.equal(bucket?.encryption?.kmsKey, 'arn:aws:kms:eu-west-1:123456789012:key/abcd');
  });

  it('evaluates operations whose operands read attributes and indexes (`var.m["k"] > 2`, `!var.on`, `count.index == 1`)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'faasguard-tf-ops-'));
    fs.writeFileSync(path.join(dir, 'main.tf'), [
      'variable "on" { default = true }',
      'variable "m" { default = { k = 3 } }',
      'resource "aws_sqs_queue" "q" {',
      '  count = 2',
      '  name  = "q-${count.index == 1}-${!var.on}-${var.m["k"] > 2 && var.on}-${1 == count.index}-${var.m.k * 2}"',
      '}',
    ].join('\n'));
    const app = await loadApp(dir, { terraform: true });
    fs.rmSync(dir, { recursive: true, force: true });
    assert.deepEqual(app.model.resources.map((r) => r.properties['QueueName']), ['q-false-false-true-false-6', 'q-true-false-true-true-6']);
  });

  it('reads the code of a function whose archive the module uploads (s3_key of an aws_s3_object with a local source)', async () => {
    const result = await scan(path.join(DIR, 'uploaded-code'), { terraform: true });
    const lines = found(result);
    assert.ok(lines.includes('command-injection src/app.py:7 aws_lambda_function.search'), lines.join('\n'));
    const app = await loadApp(path.join(DIR, 'uploaded-code'), { terraform: true });
    const code = (id: string): unknown[] => {
      const fn = app.model.functions.find((f) => f.logicalId === id);
      return [fn?.code.kind, fn?.code.path];
    };
    assert.deepEqual(code('aws_lambda_function.search'), ['path', 'src']);
    // A key written as text names an archive built elsewhere: no local folder is guessed.
    assert.notEqual(code('aws_lambda_function.prebuilt')[0], 'path');
    assert.ok(!lines.some((l) => l.includes('aws_lambda_function.prebuilt') && l.startsWith('command-injection')));
  });

  it('reads a bucket\'s versioning in both provider forms into the model', async () => {
    const app = await loadApp(path.join(DIR, 'bucket-versioning'), { terraform: true });
    const status = (id: string): unknown => {
      const v = app.model.resources.find((r) => r.logicalId === id)?.properties['VersioningConfiguration'];
      return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>)['Status'] : undefined;
    };
    assert.deepEqual([status('aws_s3_bucket.legacy'), status('aws_s3_bucket.current'), status('aws_s3_bucket.suspended')], ['Enabled', 'Enabled', 'Suspended']);
  });

  it('links a pipe\'s enrichment and target functions to its source, and reads a layer\'s code folder and its permission', async () => {
    const app = await loadApp(path.join(DIR, 'annotated', 'pipes-and-secrets'), { terraform: true });
    const triggers = app.model.triggers.map((t) => `${t.id.replace(/^main\.tf\//, '')} ${t.kind} ${t.functionId.replace(/^main\.tf\//, '')} ${t.sourceId?.replace(/^main\.tf\//, '') ?? '-'} ${t.asynchronous}`).sort();
    assert.deepEqual(triggers, [
      'aws_pipes_pipe.clicks#target kinesis-stream aws_lambda_function.worker aws_kinesis_stream.clicks false',
      'aws_pipes_pipe.jobs#enrichment sqs aws_lambda_function.worker aws_sqs_queue.jobs false',
      'aws_pipes_pipe.orders#target dynamodb-stream aws_lambda_function.worker aws_dynamodb_table.orders false',
    ]);
    const layer = app.model.resources.find((r) => r.logicalId === 'aws_lambda_layer_version.util');
    assert.equal(layer && layerCodeFacts(layer)?.path, 'layer');
    const permission = app.model.resources.find((r) => r.logicalId === 'aws_lambda_layer_version_permission.org');
    assert.deepEqual([permission?.type, permission?.properties['Principal'], permission?.properties['OrganizationId']], ['AWS::Lambda::LayerVersionPermission', '*', 'o-example123']);
  });
});
