/**
 * `public-function-without-alarm` names the alarms that watch other metrics of the function, so
 * that a reader does not take them for the watch it asks for, and says when they have no action.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { publicFunctionWithoutAlarm } from '../../src/rules/monitoring/public-function-without-alarm.js';
import { scan } from '../../src/scan/scan.js';
import { projectsRemovedAfterTests } from '../helpers/temp-project.js';

const project = projectsRemovedAfterTests();

function template(alarm: string): string {
  return `Transform: AWS::Serverless-2016-10-31
Resources:
  Webhook:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: nodejs22.x
      Handler: index.handler
      InlineCode: exports.handler = async () => ({})
      FunctionUrlConfig:
        AuthType: NONE
${alarm}`;
}

function alarm(name: string, metric: string, actions: boolean): string {
  return `  ${name}:
    Type: AWS::CloudWatch::Alarm
    Properties:
      Namespace: AWS/Lambda
      MetricName: ${metric}
      Dimensions:
        - Name: FunctionName
          Value: !Ref Webhook
      Statistic: Sum
      Period: 60
      EvaluationPeriods: 1
      Threshold: 100
      ComparisonOperator: GreaterThanThreshold
${actions ? '      AlarmActions: [arn:aws:sns:us-east-1:123456789012:on-call]\n' : ''}`;
}

describe('public-function-without-alarm and the alarms a function has', () => {
  it('names an alarm on another metric of the function, and says when it has no action', async () => {
    const said = async (text: string): Promise<string[]> =>
      (await scan(project({ 'template.yaml': text }), { noCache: true, rules: [publicFunctionWithoutAlarm] })).findings.map((f) => f.message.slice(f.message.indexOf('goes unnoticed.') + 'goes unnoticed.'.length, f.message.indexOf(' Add CloudWatch alarms')));
    assert.deepEqual(await said(template('')), ['']);
    assert.deepEqual(await said(template(alarm('Calls', 'Invocations', false))), [' Alarm Calls watches its Invocations only, and has no AlarmActions: it tells nobody.']);
    assert.deepEqual(await said(template(alarm('Slow', 'Duration', true))), [' Alarm Slow watches its Duration only.']);
    assert.deepEqual(await said(template(alarm('Failures', 'Errors', true))), []);
  });
});
