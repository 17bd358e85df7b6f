/**
 * Templates read as SAM CLI and CloudFormation read them: indented as they accept, they are scanned
 * with findings at their lines; one they reject gives one diagnostic and the scan goes on; a key
 * given twice is checked with its last value, the one deployed.
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { iamWildcardResourceWrite } from '../../src/rules/privilege/iam-wildcard-resource-write.js';
import { scan } from '../../src/scan/scan.js';
import { lineOf, removeProject, tempProject } from '../helpers/temp-project.js';

const made: string[] = [];
after(() => made.forEach(removeProject));

/** A `!Sub '{…}'` closed at its key's indentation, then flow sequences with their items at the key's indentation. */
const LENIENT = `Transform: AWS::Serverless-2016-10-31
Resources:
  Notifier:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: nodejs20.x
      Handler: index.handler
      CodeUri: src/
      Environment:
        Variables:
          CONFIG: !Sub '{
            "region": "\${AWS::Region}"
          }'
      Policies:
        - Statement:
            - Effect: Allow
              Action: [
              dynamodb:DeleteItem
              ]
              Resource: [
              "*"
              ]
`;

/** The same statement limited to one table. */
const LENIENT_SCOPED = LENIENT.replace('"*"', '!GetAtt Jobs.Arn') + '  Jobs:\n    Type: AWS::DynamoDB::Table\n';

const UNCLOSED_QUOTE = `Resources:
  Topic:
    Type: AWS::SNS::Topic
    Properties:
      TopicName: 'alerts
${Array.from({ length: 100 }, (_, i) => `  Queue${i}:\n    Type: AWS::SQS::Queue`).join('\n')}
`;

async function scanProject(files: Record<string, string>) {
  const dir = tempProject(files);
  made.push(dir);
  return scan(dir, { rules: [iamWildcardResourceWrite] });
}

describe('templates indented as SAM CLI and CloudFormation accept them', () => {
  it('are scanned, and a finding points at its statement', async () => {
    const result = await scanProject({ 'template.yaml': LENIENT });
    assert.deepEqual(result.templates, ['template.yaml']);
    assert.deepEqual(result.diagnostics.filter((d) => d.severity === 'error'), []);
    const got = result.findings.map((f) => [f.ruleId, f.location.file, f.location.line, f.subject?.logicalId]);
    assert.deepEqual(got, [['iam-wildcard-resource-write', 'template.yaml', lineOf(LENIENT, '- Effect: Allow'), 'NotifierRole']]);
  });

  it('give no finding when the same statement names its resource', async () => {
    const result = await scanProject({ 'template.yaml': LENIENT_SCOPED });
    assert.deepEqual(result.templates, ['template.yaml']);
    assert.deepEqual(result.findings, []);
  });

  it('a template with a quote never closed gives one diagnostic at the quote, and the other templates are scanned', async () => {
    const result = await scanProject({ 'broken.yaml': UNCLOSED_QUOTE, 'template.yaml': LENIENT });
    assert.deepEqual(result.templates, ['template.yaml']);
    const syntax = result.diagnostics.filter((d) => d.code === 'yaml-syntax');
    assert.deepEqual(syntax.map((d) => [d.loc.file, d.loc.line]), [['broken.yaml', lineOf(UNCLOSED_QUOTE, "TopicName: 'alerts")]]);
    assert.equal(result.findings.length, 1);
  });
});

/** `Resource` given twice in one statement: the last one is deployed. */
function twice(first: string, last: string): string {
  const text = LENIENT_SCOPED.replace(`Resource: [\n              !GetAtt Jobs.Arn\n              ]`, `Resource: ${first}\n              Resource: ${last}`);
  assert.notEqual(text, LENIENT_SCOPED);
  return text;
}

describe('a key given twice', () => {
  it('is checked with its last value: a wildcard given last is reported', async () => {
    const text = twice('!GetAtt Jobs.Arn', '"*"');
    const result = await scanProject({ 'template.yaml': text });
    assert.deepEqual(result.findings.map((f) => [f.ruleId, f.location.line]), [['iam-wildcard-resource-write', lineOf(text, '- Effect: Allow')]]);
    assert.deepEqual(result.diagnostics.filter((d) => d.code === 'duplicate-key').map((d) => d.loc.line), [lineOf(text, 'Resource: "*"')]);
  });

  it('is checked with its last value: a wildcard given first and replaced is not reported', async () => {
    const result = await scanProject({ 'template.yaml': twice('"*"', '!GetAtt Jobs.Arn') });
    assert.deepEqual(result.findings, []);
  });
});
