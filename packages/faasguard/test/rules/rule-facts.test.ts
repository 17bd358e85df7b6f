/**
 * Typed facts read from resource properties, in the forms templates write them.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { LambdaFunction, Resource } from '../../src/model/app-model.js';
import { alarmFacts, watchesFunctionMetric } from '../../src/model/facts/alarm-facts.js';
import { corsFacts } from '../../src/model/facts/cors-facts.js';
import { acceptsTls10, domainNameFacts } from '../../src/model/facts/domain-name-facts.js';
import { eventSourceMappingFacts, retriesWithoutBound } from '../../src/model/facts/event-source-mapping-facts.js';
import { functionLoggingFacts } from '../../src/model/facts/function-logging-facts.js';
import { isDefaultLogGroupName, logGroupFacts } from '../../src/model/facts/log-group-facts.js';
import { queueFacts } from '../../src/model/facts/queue-facts.js';
import { usagePlanFacts } from '../../src/model/facts/usage-plan-facts.js';
import { webAclAssociationFacts } from '../../src/model/facts/web-acl-association-facts.js';
import { Composite, ResourceRef, Unknown, type ValueMap } from '../../src/model/value.js';

const LOC = { file: 'template.yaml', line: 1, column: 1 };

function resource(type: string, properties: ValueMap, logicalId = 'R'): Resource {
  return { id: `t/${logicalId}`, logicalId, stack: 't', loc: LOC, type, kind: 'other', properties, policies: [], locate: () => LOC };
}

function fn(logicalId: string, name?: string): LambdaFunction {
  return { id: `t/${logicalId}`, logicalId, stack: 't', loc: LOC, ...(name ? { name } : {}), code: { kind: 'unknown' }, environment: [], layers: [], inVpc: false, urls: [] };
}

const ref = (logicalId: string, attribute?: string) => new ResourceRef(`t/${logicalId}`, logicalId, attribute);

describe('queueFacts', () => {
  it('reads a redrive policy written as an object or as JSON text', () => {
    const asObject = queueFacts(resource('AWS::SQS::Queue', { RedrivePolicy: { deadLetterTargetArn: ref('Dlq', 'Arn'), maxReceiveCount: 5 } }));
    assert.equal(asObject?.redrive?.maxReceiveCount, 5);
    const asText = queueFacts(resource('AWS::SQS::Queue', { RedrivePolicy: '{"deadLetterTargetArn":"arn:aws:sqs:eu-west-1:1:dlq","maxReceiveCount":"3"}' }));
    assert.deepEqual(asText?.redrive, { deadLetterTarget: 'arn:aws:sqs:eu-west-1:1:dlq', maxReceiveCount: 3 });
  });

  it('counts a policy built with Fn::Sub as present, and no policy as absent', () => {
    const built = queueFacts(resource('AWS::SQS::Queue', { RedrivePolicy: new Composite(['{"deadLetterTargetArn":"', ref('Dlq', 'Arn'), '"}']) }));
    assert.deepEqual(built?.redrive, {});
    assert.equal(queueFacts(resource('AWS::SQS::Queue', {}))?.redrive, undefined);
    assert.equal(queueFacts(resource('AWS::SNS::Topic', {})), undefined);
  });
});

describe('corsFacts', () => {
  it('sees every origin in the SAM, HTTP API and Function URL forms', () => {
    assert.equal(corsFacts("'*'")?.anyOrigin, true);
    assert.equal(corsFacts({ AllowOrigin: "'*'" })?.anyOrigin, true);
    assert.equal(corsFacts(true)?.anyOrigin, true);
    assert.deepEqual(corsFacts({ AllowOrigins: ['*'], AllowCredentials: true }), { anyOrigin: true, allowCredentials: true });
  });

  it('leaves named origins and absent CORS alone', () => {
    assert.equal(corsFacts({ AllowOrigins: ['https://app.example.com'] })?.anyOrigin, false);
    assert.equal(corsFacts("'https://app.example.com'")?.anyOrigin, false);
    assert.equal(corsFacts(undefined), undefined);
    assert.equal(corsFacts(false), undefined);
  });
});

describe('alarmFacts', () => {
  const target = fn('Hook', 'hook-fn');

  it('reads a single-metric alarm and its function dimension', () => {
    const alarm = alarmFacts(resource('AWS::CloudWatch::Alarm', { Namespace: 'AWS/Lambda', MetricName: 'Errors', Dimensions: [{ Name: 'FunctionName', Value: ref('Hook') }] }));
    assert.equal(alarm?.metrics.length, 1);
    assert.ok(watchesFunctionMetric(alarm!.metrics[0]!, target, 'Errors'));
    assert.ok(!watchesFunctionMetric(alarm!.metrics[0]!, fn('Other'), 'Errors'));
    assert.ok(!watchesFunctionMetric(alarm!.metrics[0]!, target, 'Throttles'));
  });

  it('reads metric-math alarms, literal names and account-wide alarms', () => {
    const math = alarmFacts(resource('AWS::CloudWatch::Alarm', { Metrics: [{ Id: 'e', MetricStat: { Metric: { Namespace: 'AWS/Lambda', MetricName: 'Throttles', Dimensions: [{ Name: 'FunctionName', Value: 'hook-fn' }] } } }, { Id: 'x', Expression: 'e * 2' }] }));
    assert.equal(math?.metrics.length, 1);
    assert.ok(watchesFunctionMetric(math!.metrics[0]!, target, 'Throttles'));
    const accountWide = alarmFacts(resource('AWS::CloudWatch::Alarm', { Namespace: 'AWS/Lambda', MetricName: 'Errors' }));
    assert.ok(watchesFunctionMetric(accountWide!.metrics[0]!, fn('Anything'), 'Errors'));
  });
});

describe('log group facts', () => {
  it('matches the default group name of a function by reference or by literal name', () => {
    assert.ok(isDefaultLogGroupName(new Composite(['/aws/lambda/', ref('Hook')]), fn('Hook')));
    assert.ok(isDefaultLogGroupName('/aws/lambda/hook-fn', fn('Hook', 'hook-fn')));
    assert.ok(!isDefaultLogGroupName(new Composite(['/aws/lambda/', ref('Hook', 'Arn')]), fn('Hook')));
    assert.ok(!isDefaultLogGroupName(new Composite(['/custom/', ref('Hook')]), fn('Hook')));
    assert.ok(!isDefaultLogGroupName('/aws/lambda/hook-fn', fn('Hook')));
  });

  it('reads retention, and a function pointing at its own group', () => {
    assert.equal(logGroupFacts(resource('AWS::Logs::LogGroup', { RetentionInDays: '30' }))?.retentionDays, 30);
    assert.deepEqual(functionLoggingFacts(resource('AWS::Lambda::Function', { LoggingConfig: { LogGroup: ref('Logs') } })), { logGroup: ref('Logs'), logGroupId: 't/Logs' });
    assert.deepEqual(functionLoggingFacts(undefined), {});
  });
});

describe('usagePlanFacts', () => {
  it('reads declared plans and SAM plans, not SAM APIs without one', () => {
    const declared = usagePlanFacts(resource('AWS::ApiGateway::UsagePlan', { ApiStages: [{ ApiId: ref('Api'), Stage: 'prod' }], Throttle: { RateLimit: 10 } }));
    assert.deepEqual([declared?.apiIds, declared?.throttled, declared?.quota], [['t/Api'], true, false]);
    const sam = usagePlanFacts(resource('AWS::Serverless::Api', { Auth: { UsagePlan: { CreateUsagePlan: 'PER_API', Quota: { Limit: 1000, Period: 'DAY' } } } }, 'Api'));
    assert.deepEqual([sam?.apiIds, sam?.throttled, sam?.quota], [['t/Api'], false, true]);
    assert.equal(usagePlanFacts(resource('AWS::Serverless::Api', { Auth: { UsagePlan: { CreateUsagePlan: 'NONE' } } })), undefined);
  });
});

describe('domainNameFacts', () => {
  it('treats a REST custom domain without a policy as TLS 1.0, an HTTP API domain as TLS 1.2', () => {
    assert.ok(acceptsTls10(domainNameFacts(resource('AWS::ApiGateway::DomainName', { DomainName: 'a.example.com' }))!));
    assert.ok(!acceptsTls10(domainNameFacts(resource('AWS::ApiGateway::DomainName', { SecurityPolicy: 'TLS_1_2' }))!));
    assert.ok(!acceptsTls10(domainNameFacts(resource('AWS::ApiGatewayV2::DomainName', { DomainNameConfigurations: [{}] }))!));
    assert.ok(acceptsTls10(domainNameFacts(resource('AWS::Serverless::HttpApi', { Domain: { SecurityPolicy: 'TLS_1_0' } }))!));
    assert.equal(domainNameFacts(resource('AWS::Serverless::Api', {})), undefined);
  });
});

describe('webAclAssociationFacts', () => {
  it('lists the resources the protected ARN is built from', () => {
    const arn = new Composite(['arn:aws:apigateway:eu-west-1::/restapis/', ref('Api'), '/stages/', ref('ApiStage')]);
    const facts = webAclAssociationFacts(resource('AWS::WAFv2::WebACLAssociation', { ResourceArn: arn, WebACLArn: ref('Acl', 'Arn') }));
    assert.deepEqual(facts?.referenced.map((r) => r.logicalId), ['Api', 'ApiStage']);
  });
});

describe('eventSourceMappingFacts', () => {
  it('sees retries as unbounded when neither bound is set, or both are -1', () => {
    assert.ok(retriesWithoutBound(eventSourceMappingFacts({})));
    assert.ok(retriesWithoutBound(eventSourceMappingFacts({ MaximumRetryAttempts: -1, MaximumRecordAgeInSeconds: '-1' })));
  });

  it('sees either bound, or one known only at deploy time, as a bound', () => {
    assert.ok(!retriesWithoutBound(eventSourceMappingFacts({ MaximumRetryAttempts: 3 })));
    assert.ok(!retriesWithoutBound(eventSourceMappingFacts({ MaximumRecordAgeInSeconds: 3600 })));
    assert.ok(!retriesWithoutBound(eventSourceMappingFacts({ MaximumRetryAttempts: new Unknown('parameter Retries') })));
  });
});
