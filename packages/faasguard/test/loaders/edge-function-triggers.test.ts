/**
 * A CloudFront distribution's Lambda@Edge associations are ways in: anyone on the internet sends
 * the requests CloudFront runs the function on. They are read from CloudFormation (a published
 * version, SAM's `Fn.Version`, the default and ordered cache behaviors), Terraform and the
 * Serverless Framework; the viewer's request is what the code analysis follows; and the rules whose
 * fix lives in the function's own Region (reserved concurrency, alarms) leave edge runs alone, while
 * the log retention rule names the log groups of the Regions where they happen.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { computeExposure } from '../../src/analysis/exposure.js';
import type { AppModel } from '../../src/model/app-model.js';
import { commandInjection } from '../../src/rules/injection/command-injection.js';
import { eventLogged } from '../../src/rules/code/event-logged.js';
import { hardCodedCredentialCheck } from '../../src/rules/code/hard-coded-credential-check.js';
import { functionWithoutLogRetention } from '../../src/rules/monitoring/function-without-log-retention.js';
import { publicFunctionWithoutReservedConcurrency } from '../../src/rules/dos/public-function-without-reserved-concurrency.js';
import { publicFunctionWithoutAlarm } from '../../src/rules/monitoring/public-function-without-alarm.js';
import { loadApp, scan } from '../../src/scan/scan.js';
import { projectsRemovedAfterTests } from '../helpers/temp-project.js';
import { terraformFunction } from '../helpers/terraform-function.js';

const project = projectsRemovedAfterTests();

const TEMPLATE = `Transform: AWS::Serverless-2016-10-31
Resources:
  Gate:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: nodejs20.x
      Handler: gate.handler
      Code: src/
      Role: arn:aws:iam::123456789012:role/edge
  GateVersion:
    Type: AWS::Lambda::Version
    Properties:
      FunctionName: !Ref Gate
  Rewrite:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: nodejs20.x
      Handler: rewrite.handler
      CodeUri: src/
      AutoPublishAlias: live
  Site:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        Enabled: true
        DefaultCacheBehavior:
          TargetOriginId: site
          ViewerProtocolPolicy: redirect-to-https
          LambdaFunctionAssociations:
            - EventType: viewer-request
              LambdaFunctionARN: !Ref GateVersion
        CacheBehaviors:
          - PathPattern: /api/*
            TargetOriginId: api
            ViewerProtocolPolicy: https-only
            LambdaFunctionAssociations:
              - EventType: origin-request
                IncludeBody: true
                LambdaFunctionARN: !Ref Rewrite.Version
`;

const GATE = `const { execSync } = require('child_process');

exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  console.log(JSON.stringify(event));
  const auth = request.headers.authorization;
  if (!auth || auth[0].value !== 'Basic YWRtaW46YWRtaW4=') {
    return { status: '401', statusDescription: 'Unauthorized' };
  }
  execSync('touch /tmp/' + request.uri);
  execSync('echo ' + event.Records[0].cf.config.distributionId);
  return request;
};
`;

const REWRITE = `exports.handler = async (event) => {
  console.log('event', JSON.stringify(event));
  return event.Records[0].cf.request;
};
`;

function edgeTriggers(model: AppModel): Array<[string, string, string, string]> {
  return model.triggers
    .filter((t) => t.kind === 'cloudfront')
    .map((t) => [model.functions.find((f) => f.id === t.functionId)!.logicalId, String(t.details['eventType']), String(t.details['pathPattern']), String(t.details['includeBody'])] as [string, string, string, string])
    .sort();
}

function exposureOf(model: AppModel, logicalId: string): { level: string; description: string } {
  const fn = model.functions.find((f) => f.logicalId === logicalId)!;
  const e = computeExposure(model).get(fn.id)!;
  return { level: e.level, description: e.paths[0]!.description };
}

describe('Lambda@Edge associations', () => {
  it('are triggers of the function whose version or alias a cache behavior names', async () => {
    const { model } = await loadApp(project({ 'template.yaml': TEMPLATE }));
    assert.deepEqual(edgeTriggers(model), [
      ['Gate', 'viewer-request', '*', 'false'],
      ['Rewrite', 'origin-request', '/api/*', 'true'],
    ]);
    assert.ok(model.triggers.filter((t) => t.kind === 'cloudfront').every((t) => t.sourceId === 'template.yaml/Site' && !t.asynchronous));
  });

  it('make the function public, on the requests its event type runs it on', async () => {
    const { model } = await loadApp(project({ 'template.yaml': TEMPLATE }));
    assert.deepEqual(exposureOf(model, 'Gate'), { level: 'public', description: 'anyone on the internet can send requests to distribution Site, which runs Gate on every request' });
    assert.deepEqual(exposureOf(model, 'Rewrite'), { level: 'public', description: 'anyone on the internet can send requests to distribution Site, which runs Rewrite on each request it forwards to the origin (a cache miss) to /api/*' });
  });

  it("carry the viewer's request to the code, not the distribution's config", async () => {
    const result = await scan(project({ 'template.yaml': TEMPLATE, 'src/gate.js': GATE, 'src/rewrite.js': REWRITE }), { noCache: true, rules: [commandInjection, eventLogged, hardCodedCredentialCheck] });
    const found = result.findings.map((f) => [f.ruleId, f.location.file, f.location.line]).sort();
    assert.deepEqual(found, [
      ['command-injection', 'src/gate.js', 10],
      ['event-logged', 'src/gate.js', 5],
      ['event-logged', 'src/rewrite.js', 2],
      ['hard-coded-credential-check', 'src/gate.js', 7],
    ]);
    const message = (rule: string, file = 'src/gate.js') => result.findings.find((f) => f.ruleId === rule && f.location.file === file)!.message;
    assert.match(message('command-injection'), /^Request path of a CloudFront request from Site \(open to anyone\) reaches `execSync`/);
    assert.match(message('hard-coded-credential-check'), /authorization header/);
    // The gate reads the Authorization header itself: its callers send credentials.
    assert.match(message('event-logged'), /headers with tokens, cookies and personal data end up in the logs/);
    assert.match(message('event-logged', 'src/rewrite.js'), /the viewer's IP address and request headers \(tokens and cookies among them, where the viewer sends them and CloudFront passes them on\) end up in the logs/);
  });

  it('are left out of the rules whose fix is set in the function\'s own Region; the log retention rule names the edge log groups', async () => {
    const result = await scan(project({ 'template.yaml': TEMPLATE, 'src/gate.js': GATE }), { noCache: true, rules: [publicFunctionWithoutReservedConcurrency, publicFunctionWithoutAlarm, functionWithoutLogRetention] });
    assert.deepEqual(result.findings.map((f) => [f.ruleId, f.subject?.id]).sort(), [
      ['function-without-log-retention', 'template.yaml/Gate'],
      ['function-without-log-retention', 'template.yaml/Rewrite'],
    ]);
    assert.match(result.findings[0]!.message, / CloudFront runs it at the edge too \(Lambda@Edge\), and those runs log to \/aws\/lambda\/us-east-1\.<function name> in each Region where they happen/);
  });

  it('are read from Terraform, in the default and the ordered cache behaviors', async () => {
    const dir = project({
      'main.tf': `${['gate', 'rewrite'].map(terraformFunction).join('\n')}
resource "aws_cloudfront_distribution" "site" {
  enabled = true
  default_cache_behavior {
    target_origin_id       = "site"
    viewer_protocol_policy = "redirect-to-https"
    lambda_function_association {
      event_type = "viewer-request"
      lambda_arn = aws_lambda_function.gate.qualified_arn
    }
  }
  ordered_cache_behavior {
    path_pattern           = "/api/*"
    target_origin_id       = "api"
    viewer_protocol_policy = "https-only"
    lambda_function_association {
      event_type   = "origin-request"
      lambda_arn   = aws_lambda_function.rewrite.qualified_arn
      include_body = true
    }
  }
}
`,
    });
    const { model } = await loadApp(dir, { terraform: true });
    assert.deepEqual(edgeTriggers(model), [
      ['aws_lambda_function.gate', 'viewer-request', '*', 'false'],
      ['aws_lambda_function.rewrite', 'origin-request', '/api/*', 'true'],
    ]);
    assert.equal(exposureOf(model, 'aws_lambda_function.gate').level, 'public');
  });

  it("are read from a Serverless Framework service's cloudFront events", async () => {
    const dir = project({
      'serverless.yml': `service: edge
provider:
  name: aws
  runtime: nodejs20.x
functions:
  gate:
    handler: gate.handler
    events:
      - cloudFront:
          eventType: viewer-request
          origin: s3://bucket.s3.amazonaws.com/files
`,
    });
    const { model } = await loadApp(dir);
    assert.deepEqual(edgeTriggers(model), [['GateLambdaFunction', 'viewer-request', '*', 'false']]);
    assert.deepEqual(exposureOf(model, 'GateLambdaFunction'), { level: 'public', description: "anyone on the internet can send requests to the service's CloudFront distribution, which runs gate on every request" });
  });
});
