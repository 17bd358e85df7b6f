/**
 * `function-without-log-retention` and `log-group-without-retention` speak as the resource's source does: a template, its stack and
 * `RetentionInDays`, or a Terraform configuration, its state and `retention_in_days`; the group a
 * function lacks is named as Lambda names it, and pointed at through LoggingConfig where a custom resource
 * runs the function while its stack deploys.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { scan } from '../../src/scan/scan.js';
import { functionWithoutLogRetention } from '../../src/rules/monitoring/function-without-log-retention.js';
import { logGroupWithoutRetention } from '../../src/rules/monitoring/log-group-without-retention.js';
import { projectsRemovedAfterTests } from '../helpers/temp-project.js';
import { FIXTURES } from '../helpers/paths.js';

const project = projectsRemovedAfterTests();

describe('function-without-log-retention wording', () => {
  it('names the Terraform resource and argument for a Terraform function', async () => {
    const dir = project({
      'main.tf': `resource "aws_lambda_function" "worker" {
  function_name = "worker"
  role          = "arn:aws:iam::123456789012:role/worker"
  runtime       = "python3.13"
  handler       = "app.handler"
  filename      = "app.zip"
}

resource "aws_lambda_function" "export" {
  function_name = "export"
  role          = "arn:aws:iam::123456789012:role/export"
  runtime       = "python3.13"
  handler       = "app.handler"
  filename      = "app.zip"
}

resource "aws_cloudwatch_log_group" "export" {
  name = "/aws/lambda/export"
}
`,
    });
    const result = await scan(dir, { noCache: true, rules: [functionWithoutLogRetention] });
    assert.deepEqual(result.findings.map((f) => [f.location.line, f.message]).sort(), [
      [1, "Function aws_lambda_function.worker has no log group in the configuration: Lambda creates one on first use, outside Terraform's state, and keeps its logs forever. Declare an aws_cloudwatch_log_group with name = \"/aws/lambda/worker\" (the group Lambda writes to) and retention_in_days."],
      [17, 'Log group aws_cloudwatch_log_group.export of function aws_lambda_function.export has no retention_in_days: its logs are kept forever. Set a retention period.'],
    ]);
  });

  it("names a module's function's group through the resource, whose name the module's caller may set", async () => {
    const dir = project({
      'main.tf': 'module "worker" {\n  source = "./modules/worker"\n}\n',
      'modules/worker/main.tf': `variable "name" {\n  default = "worker"\n}\n\nresource "aws_lambda_function" "this" {\n  function_name = var.name\n  role          = "arn:aws:iam::123456789012:role/worker"\n  runtime       = "python3.13"\n  handler       = "app.handler"\n  filename      = "app.zip"\n}\n`,
    });
    const result = await scan(dir, { noCache: true, rules: [functionWithoutLogRetention] });
    assert.deepEqual(result.findings.map((f) => f.message.slice(f.message.indexOf('forever. ') + 9)), [
      'Declare an aws_cloudwatch_log_group in its module with name = "/aws/lambda/${aws_lambda_function.this.function_name}" (the group Lambda writes to) and retention_in_days.',
    ]);
  });

  it("says to point LoggingConfig at the group where a custom resource of the stack runs the function while it deploys", async () => {
    const dir = project({
      'template.yaml': `Resources:
  Lookup:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: python3.13
      Handler: index.handler
      Role: arn:aws:iam::123456789012:role/lookup
      Code:
        ZipFile: "def handler(event, context):\\n    pass"
  Zone:
    Type: Custom::Zone
    Properties:
      ServiceToken: !GetAtt Lookup.Arn
`,
    });
    const result = await scan(dir, { noCache: true, rules: [functionWithoutLogRetention] });
    assert.deepEqual(result.findings.map((f) => f.message.slice(f.message.indexOf('forever. ') + 9)), [
      "Declare an AWS::Logs::LogGroup with RetentionInDays and point the function's LoggingConfig.LogGroup at it, so that the group exists before the function runs: custom resource Zone invokes it while the stack deploys, and a group named !Sub /aws/lambda/${Lookup} could come after Lambda made one on that first run (the stack would fail: the group already exists).",
    ]);
  });

  it('keeps the template words for a template', async () => {
    const dir = project({
      'template.yaml': 'Resources:\n  Worker:\n    Type: AWS::Lambda::Function\n    Properties:\n      Runtime: python3.13\n      Handler: app.handler\n      Role: arn:aws:iam::123456789012:role/worker\n      Code: { ZipFile: "def handler(e, c): pass" }\n',
    });
    const result = await scan(dir, { noCache: true, rules: [functionWithoutLogRetention] });
    assert.deepEqual(result.findings.map((f) => f.message), ['Function Worker has no log group in the template: Lambda creates one on first use, outside the stack, and keeps its logs forever. Declare an AWS::Logs::LogGroup named !Sub /aws/lambda/${Worker} (the group Lambda writes to) with RetentionInDays, or point the function\'s LoggingConfig.LogGroup at one.']);
  });

  it('says to set the group in the CDK app for a function of a CDK assembly', async () => {
    const result = await scan(path.join(FIXTURES, 'cdk/orders-app'), { noCache: true, rules: [functionWithoutLogRetention] });
    const messages = result.findings.map((f) => f.message.slice(f.message.indexOf('forever. ') + 9));
    assert.ok(messages.length > 0);
    for (const m of messages) assert.equal(m, 'In the CDK app, give the function a log group with a retention (the logGroup property of its construct, or logRetention).');
  });

  it('names retention_in_days for a Terraform log group no function writes, RetentionInDays for a template one', async () => {
    const dir = project({
      'infra/main.tf': 'resource "aws_cloudwatch_log_group" "audit" {\n  name = "/shop/audit"\n}\n',
      'stack/template.yaml': 'Resources:\n  Audit:\n    Type: AWS::Logs::LogGroup\n',
    });
    const result = await scan(dir, { noCache: true, rules: [logGroupWithoutRetention] });
    assert.deepEqual(result.findings.map((f) => [f.location.file, f.message]).sort(), [
      ['infra/main.tf', 'Log group aws_cloudwatch_log_group.audit has no retention_in_days: its events are kept forever. Set a retention period.'],
      ['stack/template.yaml', 'Log group Audit has no RetentionInDays: its events are kept forever. Set a retention period.'],
    ]);
  });

  it('names a group declared for the function under another path, which receives none of its logs', async () => {
    const dir = project({
      'main.tf': `locals {
  name = "genai-app"
}

resource "aws_cloudwatch_log_group" "app" {
  name              = "/aws/\${local.name}"
  retention_in_days = 30
}

resource "aws_lambda_function" "app" {
  function_name = local.name
  role          = "arn:aws:iam::123456789012:role/app"
  runtime       = "python3.13"
  handler       = "app.handler"
  filename      = "app.zip"
}

resource "aws_cloudwatch_log_group" "logged" {
  name              = "/custom/logged-app"
  retention_in_days = 30
}

resource "aws_lambda_function" "logged" {
  function_name = "logged-app"
  role          = "arn:aws:iam::123456789012:role/app"
  runtime       = "python3.13"
  handler       = "app.handler"
  filename      = "app.zip"
  logging_config {
    log_format = "Text"
    log_group  = aws_cloudwatch_log_group.logged.name
  }
}
`,
    });
    const result = await scan(dir, { noCache: true, rules: [functionWithoutLogRetention] });
    assert.deepEqual(result.findings.map((f) => [f.location.line, f.related?.map((r) => r.loc.line), f.message]), [
      [
        10,
        [5],
        "Function aws_lambda_function.app logs to /aws/lambda/genai-app, not to aws_cloudwatch_log_group.app (/aws/genai-app), which is declared for it under another path: Lambda creates /aws/lambda/genai-app on first use, outside Terraform's state, and keeps its logs forever. Name that group /aws/lambda/genai-app, or point the function's logging_config { log_group } at it.",
      ],
    ]);
  });

  it("names the registry Lambda module's input for the group the module makes", async () => {
    const module = (retention: string) => `module "worker" {
  source  = "terraform-aws-modules/lambda/aws"
  version = "~> 7.0"

  function_name = "worker"
  handler       = "app.handler"
  runtime       = "python3.13"
  source_path   = "\${path.module}/src"
${retention}}
`;
    const messages = async (retention: string) => (await scan(project({ 'main.tf': module(retention), 'src/app.py': 'def handler(event, context):\n    return {}\n' }), { noCache: true, rules: [functionWithoutLogRetention] })).findings.map((f) => f.message);
    assert.deepEqual(await messages(''), ['Log group module.worker.aws_cloudwatch_log_group.lambda[0] of function module.worker.aws_lambda_function.this[0] has no retention_in_days: its logs are kept forever. Set cloudwatch_logs_retention_in_days on the module.']);
    assert.deepEqual(await messages('  cloudwatch_logs_retention_in_days = 30\n'), []);
  });
});
