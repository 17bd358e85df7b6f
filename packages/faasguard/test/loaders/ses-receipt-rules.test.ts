/**
 * An SES receipt rule is an entry point: its `LambdaAction` invokes a function with each e-mail its
 * recipients receive (asynchronously unless `RequestResponse`), and its `S3Action` stores each one
 * in a bucket, whose object events then run a function. Anyone on the internet can send the mail,
 * so both functions are public, and the mail's headers and addresses are the sender's text.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { computeExposure } from '../../src/analysis/exposure.js';
import { commandInjection } from '../../src/rules/injection/command-injection.js';
import { publicFunctionWithoutReservedConcurrency } from '../../src/rules/dos/public-function-without-reserved-concurrency.js';
import { loadApp, scan } from '../../src/scan/scan.js';
import { functionNamed } from '../helpers/model-lookup.js';
import { projectsRemovedAfterTests } from '../helpers/temp-project.js';
import { terraformFunction } from '../helpers/terraform-function.js';

const project = projectsRemovedAfterTests();

const TEMPLATE = `Transform: AWS::Serverless-2016-10-31
Resources:
  Inbox:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.13
      Handler: inbox.handler
      CodeUri: src/
  Filter:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.13
      Handler: filter.handler
      CodeUri: src/
  Archive:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.13
      Handler: archive.handler
      CodeUri: src/
      Events:
        Stored:
          Type: S3
          Properties:
            Bucket: !Ref Mail
            Events: s3:ObjectCreated:*
  Mail:
    Type: AWS::S3::Bucket
  Receive:
    Type: AWS::SES::ReceiptRule
    Properties:
      RuleSetName: inbound
      Rule:
        Recipients: [support@example.com]
        Actions:
          - S3Action:
              BucketName: !Ref Mail
          - LambdaAction:
              FunctionArn: !GetAtt Inbox.Arn
          - LambdaAction:
              FunctionArn: !GetAtt Filter.Arn
              InvocationType: RequestResponse
`;

const INBOX = `import subprocess


def handler(event, context):
    mail = event["Records"][0]["ses"]["mail"]
    subject = mail["commonHeaders"]["subject"]
    # ruleid: command-injection
    subprocess.run(f"echo {subject} >> /tmp/subjects", shell=True)
    message_id = mail["messageId"]
    # ok: command-injection
    subprocess.run(f"echo {message_id} >> /tmp/ids", shell=True)
`;

function app(): string {
  return project({ 'template.yaml': TEMPLATE, 'src/inbox.py': INBOX, 'src/filter.py': 'def handler(event, context):\n    return {"disposition": "CONTINUE"}\n', 'src/archive.py': 'def handler(event, context):\n    return None\n' });
}

describe('SES receipt rules', () => {
  it('make each LambdaAction an ses trigger, asynchronous unless RequestResponse', async () => {
    const { model } = await loadApp(app());
    const triggers = model.triggers.filter((t) => t.kind === 'ses').map((t) => [functionNamed(model, 'Inbox').id === t.functionId ? 'Inbox' : 'Filter', t.asynchronous, t.loc.line]);
    assert.deepEqual(triggers, [
      ['Inbox', true, 38],
      ['Filter', false, 40],
    ]);
  });

  it('make the functions they invoke, and those the bucket they store mail in invokes, public', async () => {
    const { model } = await loadApp(app());
    const exposure = computeExposure(model);
    const paths = (name: string) => exposure.get(functionNamed(model, name).id)!.paths.map((p) => [p.level, p.description]);
    assert.deepEqual(paths('Inbox'), [['public', 'anyone on the internet can send an e-mail that receipt rule Receive passes to Inbox']]);
    assert.deepEqual(paths('Archive'), [['public', 'anyone on the internet can send an e-mail that receipt rule Receive stores in Mail, which invokes Archive']]);
  });

  it('are floods of events, not of requests, to the rules that size a flood', async () => {
    const result = await scan(app(), { noCache: true, rules: [publicFunctionWithoutReservedConcurrency] });
    assert.deepEqual(result.findings.map((f) => [f.subject?.logicalId, /no reserved concurrency: (a flood of events|a request flood) scales it/.exec(f.message)?.[1]]).sort(), [
      ['Archive', 'a flood of events'],
      ['Filter', 'a flood of events'],
      ['Inbox', 'a flood of events'],
    ]);
  });

  it("take the mail's headers for the sender's text, not the message id SES gives it", async () => {
    const result = await scan(app(), { noCache: true, rules: [commandInjection] });
    assert.deepEqual(result.findings.map((f) => [f.ruleId, f.location.file, f.location.line]), [['command-injection', 'src/inbox.py', 8]]);
    assert.match(result.findings[0]!.message, /^E-mail headers of an e-mail received by receipt rule Receive \(anyone can send one\) reaches `subprocess.run` at src\/inbox.py:8 in Inbox/);
  });

  it('are read from Terraform: lambda_action and s3_action blocks alike', async () => {
    const dir = project({
      'main.tf': `${terraformFunction('inbox')}
resource "aws_s3_bucket" "mail" {
  bucket = "mail-store"
}

resource "aws_ses_receipt_rule" "receive" {
  name          = "receive"
  rule_set_name = "inbound"
  recipients    = ["support@example.com"]

  s3_action {
    bucket_name = aws_s3_bucket.mail.id
    position    = 1
  }

  lambda_action {
    function_arn    = aws_lambda_function.inbox.arn
    invocation_type = "Event"
    position        = 2
  }
}
`,
    });
    const { model } = await loadApp(dir, { terraform: true });
    const fn = model.functions.find((f) => f.logicalId === 'aws_lambda_function.inbox')!;
    assert.deepEqual(model.triggers.filter((t) => t.kind === 'ses').map((t) => [t.functionId, t.asynchronous, t.loc.line]), [[fn.id, true, 23]]);
    assert.deepEqual(computeExposure(model).get(fn.id)!.level, 'public');
  });
});
