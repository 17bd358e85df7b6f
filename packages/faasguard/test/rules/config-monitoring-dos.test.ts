/**
 * What the fixture table of `rules.test.ts` does not check: severities chosen per finding, and
 * edge cases of the configuration, monitoring and denial-of-service rules.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { bucketTriggerWithoutPublicAccessBlock } from '../../src/rules/config/bucket-trigger-without-public-access-block.js';
import { openCorsOnAuthenticatedEndpoint } from '../../src/rules/config/open-cors-on-authenticated-endpoint.js';
import { apiWithoutThrottling } from '../../src/rules/dos/api-without-throttling.js';
import { sqsSourceWithoutRedrive } from '../../src/rules/dos/sqs-source-without-redrive.js';
import { asyncTriggerWithoutFailureDestination } from '../../src/rules/monitoring/async-trigger-without-failure-destination.js';
import { asyncRetriesUnbounded } from '../../src/rules/dos/async-retries-unbounded.js';
import { publicRestApiWithoutWaf } from '../../src/rules/dos/public-rest-api-without-waf.js';
import { apiStageDataTraceEnabled } from '../../src/rules/monitoring/api-stage-data-trace-enabled.js';
import { apiStageWithoutExecutionLogging } from '../../src/rules/monitoring/api-stage-without-execution-logging.js';
import { functionWithoutTracing } from '../../src/rules/monitoring/function-without-tracing.js';
import { apiStageWithoutTracing } from '../../src/rules/monitoring/api-stage-without-tracing.js';
import type { Rule } from '../../src/rules/rule.js';
import { scan } from '../../src/scan/scan.js';
import { FIXTURES } from '../helpers/paths.js';
import { projectsRemovedAfterTests } from '../helpers/temp-project.js';
import { WEBSOCKET_API, WEBSOCKET_AUTHORIZER, websocketFunction, websocketRoute } from '../helpers/websocket-api.js';
import { samApiFunction } from '../helpers/sam-api-function.js';
import { lambdaRole } from '../helpers/lambda-role.js';

const project = projectsRemovedAfterTests();

async function findings(rule: Rule, fixture: string): Promise<Array<[string | undefined, string]>> {
  const result = await scan(path.join(FIXTURES, 'rules', rule.meta.id, fixture), { rules: [rule] });
  return result.findings.map((f) => [f.subject?.logicalId, f.severity]);
}

describe('severities chosen per finding', () => {
  it('bucket-trigger-without-public-access-block: medium when weakened on a bucket that triggers a function, low when left to S3 defaults or on any other bucket', async () => {
    assert.deepEqual((await findings(bucketTriggerWithoutPublicAccessBlock, 'fail')).sort(), [
      ['Archive', 'low'],
      ['Exports', 'low'],
      ['Imports', 'low'],
      ['Uploads', 'medium'],
    ]);
  });

  it('open-cors-on-authenticated-endpoint: high when credentials are allowed', async () => {
    assert.deepEqual((await findings(openCorsOnAuthenticatedEndpoint, 'fail')).sort(), [
      ['AccountApi', 'low'],
      ['Internal', 'high'],
    ]);
  });

  it('api-without-throttling: medium for open APIs, low when every route authenticates', async () => {
    assert.deepEqual(await findings(apiWithoutThrottling, 'fail'), [
      ['PublicApi', 'medium'],
      ['PartnerApi', 'low'],
    ]);
  });
});

describe('what the findings claim', () => {
  it('api-without-throttling speaks of usage plans for a REST API only, which alone has them', async () => {
    const result = await scan(path.join(FIXTURES, 'rules', 'api-without-throttling', 'fail'), { rules: [apiWithoutThrottling] });
    const claims = Object.fromEntries(result.findings.map((f) => [f.subject?.logicalId, f.message]));
    assert.match(claims['PublicApi']!, /^Stage prod of API PublicApi has no throttling: anyone on the internet can send requests .* Set the stage's default route rate and burst limits\.$/);
    assert.match(claims['PartnerApi']!, /^Stage prod of API PartnerApi has no throttling and no usage plan limits its callers: any IAM principal allowed execute-api:Invoke on it can send requests .* Set stage rate and burst limits\.$/);
  });

  it('api-without-throttling says where the limits of an API SAM makes from Api and HttpApi events go: under Globals', async () => {
    const dir = project({ 'template.yaml': `Transform: AWS::Serverless-2016-10-31\nResources:\n${samApiFunction('Rest', undefined, '/rest')}${samApiFunction('Http', undefined, '/http', 'HttpApi')}` });
    const result = await scan(dir, { noCache: true, rules: [apiWithoutThrottling] });
    assert.deepEqual(result.findings.map((f) => [f.subject?.logicalId, f.message.slice(f.message.lastIndexOf('. Set ') + 2)]).sort(), [
      ['ServerlessHttpApi', "Set DefaultRouteSettings rate and burst limits under Globals: HttpApi (SAM makes this API from the functions' events)."],
      ['ServerlessRestApi', "Set MethodSettings rate and burst limits under Globals: Api (SAM makes this API from the functions' events)."],
    ]);
  });

  it("api-without-throttling says anyone on the internet floods an open API whose routes are all mocks, and signed-in callers a WebSocket API whose $connect authenticates", async () => {
    const mock = `Resources:
  Mocked:
    Type: AWS::ApiGateway::RestApi
    Properties:
      Name: mocked
  Get:
    Type: AWS::ApiGateway::Method
    Properties:
      RestApiId: !Ref Mocked
      ResourceId: !GetAtt Mocked.RootResourceId
      HttpMethod: GET
      AuthorizationType: NONE
      Integration:
        Type: MOCK
        RequestTemplates:
          application/json: '{"statusCode": 200}'
  Stage:
    Type: AWS::ApiGateway::Stage
    Properties:
      RestApiId: !Ref Mocked
      StageName: prod
      DeploymentId: abc123
`;
    const sockets = `Transform: AWS::Serverless-2016-10-31
Resources:
${WEBSOCKET_API}${WEBSOCKET_AUTHORIZER}${websocketRoute('Connect', '$connect', 'OnConnect', ['AuthorizationType: CUSTOM', 'AuthorizerId: !Ref ChatAuthorizer'])}${websocketRoute('Send', 'send', 'OnSend')}${websocketFunction('OnConnect')}${websocketFunction('OnSend')}${websocketFunction('Authorize')}  Prod:
    Type: AWS::ApiGatewayV2::Stage
    Properties:
      ApiId: !Ref Chat
      StageName: prod
`;
    const who = async (text: string): Promise<string[]> =>
      (await scan(project({ 'template.yaml': text, 'app.js': 'exports.handler = async () => ({});\n' }), { noCache: true, rules: [apiWithoutThrottling] })).findings.map((f) => `${f.severity} ${/: (.*?) can send requests/.exec(f.message)?.[1]}`);
    assert.deepEqual(await who(mock), ['low anyone on the internet']);
    assert.deepEqual(await who(sockets), ['low any authenticated caller']);
    assert.deepEqual(await who(mock.replace('AuthorizationType: NONE', 'AuthorizationType: AWS_IAM')), ['low any IAM principal allowed execute-api:Invoke on it']);
  });

  it('async-trigger-without-failure-destination says the events are lost and the errors remain, not that nothing does', async () => {
    const result = await scan(path.join(FIXTURES, 'rules', 'async-trigger-without-failure-destination', 'fail'), { rules: [asyncTriggerWithoutFailureDestination] });
    assert.ok(result.findings.length > 0);
    for (const f of result.findings) {
      assert.match(f.message, /events it fails on are dropped after two retries, and only the errors in its logs remain, not the events\./);
      assert.doesNotMatch(f.message, /without a trace/);
    }
  });

  it('api-stage-without-execution-logging names the decisions the API makes, and the access log that records errors', async () => {
    const result = await scan(path.join(FIXTURES, 'rules', 'api-stage-without-execution-logging', 'fail'), { rules: [apiStageWithoutExecutionLogging] });
    const claims = Object.fromEntries(result.findings.map((f) => [f.subject?.logicalId, f.message.slice(f.message.indexOf(': ') + 2)]));
    // No authorizer on the Serverless service's one route: no denial to record.
    assert.match(claims['ApiGatewayRestApi']!, /^integration failures \(timeouts, responses API Gateway cannot use\) leave no record on the API's side, so a failing request cannot be explained\./);
    assert.match(claims['Orders']!, /^authorization denials and integration failures leave no record/);
    // The routes are not in the template: denials may happen.
    assert.match(claims['Quiet']!, /^authorization denials and integration failures leave no record/);
    assert.match(claims['Open']!, /^integration failures are recorded only as the access log's error fields, without API Gateway's account of each step/);
  });

  it('async-retries-unbounded says retries come minutes apart, and six hours bound the events held back, not every retry', async () => {
    const result = await scan(path.join(FIXTURES, 'rules', 'async-retries-unbounded', 'fail'), { rules: [asyncRetriesUnbounded] });
    assert.ok(result.findings.length > 0);
    for (const f of result.findings) {
      assert.match(f.message, /each event that makes it fail runs three times \(the retries a minute, then two minutes apart\), and one throttled or met by a Lambda error is kept and retried for up to six hours\./);
      assert.doesNotMatch(f.message, /three times over up to six hours/);
    }
  });

  it('sqs-source-without-redrive says the queue deletes an expired message, not that it is lost (the code may keep a copy)', async () => {
    const result = await scan(path.join(FIXTURES, 'rules', 'sqs-source-without-redrive', 'fail'), { rules: [sqsSourceWithoutRedrive] });
    assert.ok(result.findings.length > 0);
    for (const f of result.findings) {
      assert.match(f.message, /is retried until it expires \(days\), billed every time, and then the queue deletes it\./);
      assert.doesNotMatch(f.message, /lost/);
    }
  });

  it('function-without-tracing promises no downstream services a function may not have, nor a trace from callers that cannot start one, and names what reaches the function', async () => {
    const result = await scan(path.join(FIXTURES, 'rules', 'function-without-tracing', 'fail'), { rules: [functionWithoutTracing] });
    const said = result.findings.map((f) => [f.subject?.logicalId, f.message.slice(f.message.indexOf(': ') + 2, f.message.indexOf(' cannot'))]);
    assert.deepEqual(said, [
      ['Untraced', 'an invocation that abuses it'],
      ['PassThrough', 'an invocation that abuses it'],
      ['Api', 'a request that abuses it'],
      ['Consumer', 'an event that abuses it'],
      ['Both', 'a request or event that abuses it'],
      ['Gate', 'a request that abuses it'],
      // A schedule's input is written in the template: no one outside shapes it.
      ['Nightly', 'a scheduled run that goes wrong'],
    ]);
    for (const f of result.findings) assert.match(f.message, / (?:that abuses it|that goes wrong) cannot be followed through the function \(with active tracing, X-Ray records a sample of the invocations, the first each second and 5% of the others, and the calls the code makes join the trace where its AWS SDK client is instrumented\)\. Set /);
  });

  it('function-without-tracing names the setting as the source spells it', async () => {
    const dir = project({
      'sam/template.yaml': 'Transform: AWS::Serverless-2016-10-31\nResources:\n  Sam:\n    Type: AWS::Serverless::Function\n    Properties:\n      Runtime: python3.13\n      Handler: app.handler\n      InlineCode: "def handler(e, c): pass"\n',
      'cfn/template.yaml': 'Resources:\n  Plain:\n    Type: AWS::Lambda::Function\n    Properties:\n      Runtime: python3.13\n      Handler: app.handler\n      Role: arn:aws:iam::123456789012:role/plain\n      Code: { ZipFile: "def handler(e, c): pass" }\n',
      'tf/main.tf': 'resource "aws_lambda_function" "worker" {\n  function_name = "worker"\n  role          = "arn:aws:iam::123456789012:role/worker"\n  runtime       = "python3.13"\n  handler       = "app.handler"\n  filename      = "app.zip"\n}\n',
      'sls/serverless.yml': 'service: shop\nprovider:\n  name: aws\n  runtime: python3.13\nfunctions:\n  orders:\n    handler: app.handler\n',
      'module/main.tf': 'module "worker" {\n  source        = "terraform-aws-modules/lambda/aws"\n  version       = "7.2.0"\n  function_name = "worker"\n  handler       = "app.handler"\n  runtime       = "python3.13"\n}\n',
    });
    const result = await scan(dir, { noCache: true, rules: [functionWithoutTracing] });
    assert.deepEqual(result.findings.map((f) => [f.location.file, f.message.slice(f.message.indexOf('Set '))]).sort(), [
      ['cfn/template.yaml', 'Set TracingConfig: { Mode: Active }.'],
      ['module/main.tf', 'Set tracing_mode = "Active" on the module (with attach_tracing_policy = true).'],
      ['sam/template.yaml', 'Set Tracing: Active.'],
      ['sls/serverless.yml', 'Set tracing: Active on the function (or provider.tracing.lambda: true).'],
      ['tf/main.tf', 'Set tracing_config { mode = "Active" }.'],
    ]);
    const cdk = await scan(path.join(FIXTURES, 'cdk', 'orders-app'), { noCache: true, rules: [functionWithoutTracing] });
    assert.ok(cdk.findings.length > 0);
    for (const f of cdk.findings) assert.match(f.message, /\. Set tracing: Tracing\.ACTIVE on the function\.$/);
  });
});

describe('function-without-tracing and the X-Ray permission', () => {
  const role = (name: string, extra = '') => lambdaRole(name, `      ManagedPolicyArns:
        - arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole
${extra}`);
  const fn = (name: string, type: string, roleRef: string) => `  ${name}:
    Type: ${type}
    Properties:
      Runtime: python3.13
      Handler: app.handler
${roleRef ? `      Role: ${roleRef}\n` : ''}${type === 'AWS::Lambda::Function' ? '      Code: { ZipFile: "def handler(e, c): pass" }\n' : '      InlineCode: "def handler(e, c): pass"\n'}`;

  it('asks to grant it to a role the template writes that lacks it, not to one SAM makes or one that has it', async () => {
    const template = `Transform: AWS::Serverless-2016-10-31
Resources:
${role('PlainRole')}${role('TracedRole', '        - arn:aws:iam::aws:policy/AWSXRayDaemonWriteAccess\n')}${fn('Plain', 'AWS::Lambda::Function', '!GetAtt PlainRole.Arn')}${fn('Named', 'AWS::Serverless::Function', '!GetAtt PlainRole.Arn')}${fn('Granted', 'AWS::Lambda::Function', '!GetAtt TracedRole.Arn')}${fn('Generated', 'AWS::Serverless::Function', '')}`;
    const result = await scan(project({ 'template.yaml': template }), { noCache: true, rules: [functionWithoutTracing] });
    assert.deepEqual(result.findings.map((f) => [f.subject?.logicalId, f.message.slice(f.message.indexOf('Set '))]), [
      ['Plain', 'Set TracingConfig: { Mode: Active }. Its role PlainRole does not allow xray:PutTraceSegments, without which Lambda refuses active tracing (the deployment fails: the role "does not have permissions to call PutTraceSegments on XRAY"): add the AWS managed policy AWSXRayDaemonWriteAccess to it.'],
      ['Named', 'Set Tracing: Active. Its role PlainRole does not allow xray:PutTraceSegments, without which Lambda refuses active tracing (the deployment fails: the role "does not have permissions to call PutTraceSegments on XRAY"): add the AWS managed policy AWSXRayDaemonWriteAccess to it.'],
      ['Granted', 'Set TracingConfig: { Mode: Active }.'],
      ['Generated', 'Set Tracing: Active.'],
    ]);
  });

  it('reads a Terraform role whose AWS managed policy a data source looks up by name, and leaves one it cannot know', async () => {
    const tfRole = (name: string, policy: string) => `data "aws_iam_policy" "${name}" {
  name = "${policy}"
}

resource "aws_iam_role" "${name}" {
  name                = "${name}"
  assume_role_policy  = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "lambda.amazonaws.com" } }] })
  managed_policy_arns = [data.aws_iam_policy.${name}.arn]
}

resource "aws_lambda_function" "${name}" {
  function_name = "${name}"
  role          = aws_iam_role.${name}.arn
  runtime       = "python3.13"
  handler       = "app.handler"
  filename      = "code.zip"
}
`;
    const main = tfRole('basic', 'AWSLambdaBasicExecutionRole') + tfRole('traced', 'AWSXRayDaemonWriteAccess') + tfRole('custom', 'team-lambda-policy');
    const result = await scan(project({ 'main.tf': main }), { noCache: true, rules: [functionWithoutTracing] });
    assert.deepEqual(result.findings.map((f) => [f.subject?.logicalId, f.message.slice(f.message.indexOf('Set '))]).sort(), [
      ['aws_lambda_function.basic', 'Set tracing_config { mode = "Active" }. Its role aws_iam_role.basic does not allow xray:PutTraceSegments, without which Lambda refuses active tracing (the deployment fails: the role "does not have permissions to call PutTraceSegments on XRAY"): attach the AWS managed policy arn:aws:iam::aws:policy/AWSXRayDaemonWriteAccess to it, and list that attachment in the function\'s depends_on (else Terraform may turn tracing on before the role has the permission).'],
      ['aws_lambda_function.custom', 'Set tracing_config { mode = "Active" }.'],
      ['aws_lambda_function.traced', 'Set tracing_config { mode = "Active" }.'],
    ]);
  });
});

describe('edge cases', () => {
  it('a usage plan does not cover an API with a route callable without a key', async () => {
    assert.deepEqual(await findings(apiWithoutThrottling, 'edge'), [['MixedApi', 'medium']]);
  });

  it('a web ACL attached through the stage SAM generates protects the API; private APIs are not public', async () => {
    assert.deepEqual(await findings(publicRestApiWithoutWaf, 'edge'), []);
  });
});

describe('Serverless Framework provider.logs.restApi', () => {
  const logsOf = async (fixture: string) => {
    const result = await scan(path.join(FIXTURES, 'serverless-rest-logs', fixture), { rules: [apiStageWithoutExecutionLogging, apiStageDataTraceEnabled] });
    return result.findings.map((f) => [f.ruleId, f.location.line]);
  };

  it('turns on execution logging with full request data by default', async () => {
    assert.deepEqual(await logsOf('defaults'), [['api-stage-data-trace-enabled', 6]]);
  });

  it('keeps the level and data trace it is given', async () => {
    assert.deepEqual(await logsOf('error-level'), []);
  });
});


/** A REST API with one open GET method proxied to an HTTP backend (`method`: more of its properties), and the Deployment that makes its `prod` stage. */
function restApiWithDeployment(api: string, method = ''): string {
  return `  ${api}:
    Type: AWS::ApiGateway::RestApi
    Properties:
      Name: ${api.toLowerCase()}
  Get${api}:
    Type: AWS::ApiGateway::Method
    Properties:
      RestApiId: !Ref ${api}
      ResourceId: !GetAtt ${api}.RootResourceId
      HttpMethod: GET
      AuthorizationType: NONE
${method}      Integration:
        Type: HTTP_PROXY
        IntegrationHttpMethod: GET
        Uri: https://example.com
  ${api}Deployment:
    Type: AWS::ApiGateway::Deployment
    DependsOn: Get${api}
    Properties:
      RestApiId: !Ref ${api}
      StageName: prod
`;
}

describe('api-stage-without-tracing says where the setting goes', () => {
  const fixOf = async (files: Record<string, string>): Promise<string[]> => {
    const result = await scan(project(files), { noCache: true, rules: [apiStageWithoutTracing] });
    return result.findings.map((f) => f.message.slice(f.message.lastIndexOf('. ') + 2));
  };

  it('under Globals for the API SAM makes from events, in the StageDescription of a deployment, under provider for a Serverless service', async () => {
    const implicit = `Transform: AWS::Serverless-2016-10-31
Resources:
${samApiFunction('Reader')}`;
    assert.deepEqual(await fixOf({ 'template.yaml': implicit }), ["Set TracingEnabled: true under Globals: Api (SAM makes this API from the functions' Api events)."]);
    const deployment = `Resources:
${restApiWithDeployment('Api')}`;
    assert.deepEqual(await fixOf({ 'template.yaml': deployment }), ["Set TracingEnabled: true in the deployment's StageDescription."]);
    const service = `service: items
provider:
  name: aws
  runtime: nodejs22.x
functions:
  list:
    handler: handler.list
    events:
      - http:
          path: items
          method: get
`;
    assert.deepEqual(await fixOf({ 'serverless.yml': service, 'handler.js': 'exports.list = async () => ({ statusCode: 200 });\n' }), ['Set tracing: { apiGateway: true } under provider.']);
  });
});

/** A private SAM API of one open mock route, whose resource policy allows invoking under `condition`. */
function privateMockApi(condition: string): string {
  return `Transform: AWS::Serverless-2016-10-31
Resources:
  PrivateApi:
    Type: AWS::Serverless::Api
    Properties:
      EndpointConfiguration: PRIVATE
      StageName: Prod
      DefinitionBody:
        openapi: "3.0.1"
        info:
          title: private
          version: "1.0"
        paths:
          /:
            get:
              x-amazon-apigateway-integration:
                type: mock
                requestTemplates:
                  application/json: '{"statusCode": 200}'
        x-amazon-apigateway-policy:
          Version: "2012-10-17"
          Statement:
            - Effect: Allow
              Principal: "*"
              Action: execute-api:Invoke
              Resource: execute-api:/*
              Condition:
${condition}`;
}

describe('api-without-throttling on an API of mock routes only', () => {
  it('names the callers of its open mock route: the endpoint the private API admits, not authenticated callers', async () => {
    const template = privateMockApi('                StringEquals:\n                  aws:sourceVpce: vpce-0123456789abcdef0\n');
    const result = await scan(project({ 'template.yaml': template }), { noCache: true, rules: [apiWithoutThrottling] });
    assert.deepEqual(result.findings.map((f) => [f.severity, f.message.slice(0, f.message.indexOf(' can send'))]), [['low', "Stage Prod of API PrivateApi has no throttling and no usage plan limits its callers: anyone behind endpoint vpce-0123456789abcdef0 (the only source the private API's resource policy admits)"]]);
  });

  it('names the VPCs that reach the private API where its policy tests more than the source network', async () => {
    const template = privateMockApi('                StringEquals:\n                  aws:sourceVpc: vpc-0123456789abcdef0\n                  aws:PrincipalOrgID: o-a1b2c3d4e5\n');
    const result = await scan(project({ 'template.yaml': template }), { noCache: true, rules: [apiWithoutThrottling] });
    assert.deepEqual(result.findings.map((f) => [f.severity, f.message.slice(0, f.message.indexOf(' can send'))]), [['low', 'Stage Prod of API PrivateApi has no throttling and no usage plan limits its callers: anyone in the VPCs that reach the private API']]);
  });
});

describe('api-without-throttling with a usage plan that limits nobody', () => {
  it('names the plan, declared or made by SAM, and the throttle it could set', async () => {
    const template = `Transform: AWS::Serverless-2016-10-31
Resources:
  KeyedApi:
    Type: AWS::Serverless::Api
    Properties:
      StageName: prod
      Auth:
        ApiKeyRequired: true
        UsagePlan:
          CreateUsagePlan: PER_API
${samApiFunction('Reader', 'KeyedApi')}  Plan:
    Type: AWS::ApiGateway::UsagePlan
    Properties:
      ApiStages:
        - ApiId: !Ref Reports
          Stage: prod
${restApiWithDeployment('Reports', '      ApiKeyRequired: true\n')}`;
    const result = await scan(project({ 'template.yaml': template }), { noCache: true, rules: [apiWithoutThrottling] });
    const said = Object.fromEntries(result.findings.map((f) => [f.subject?.logicalId, [f.message.slice(f.message.indexOf(' has no throttling'), f.message.indexOf(':')), f.message.slice(f.message.lastIndexOf('. ') + 2)]]));
    assert.deepEqual(said, {
      KeyedApi: [" has no throttling and the usage plan of KeyedApi's Auth.UsagePlan sets no throttle or quota", "Set stage rate and burst limits, or a throttle on the usage plan of KeyedApi's Auth.UsagePlan for its API-key holders."],
      Reports: [' has no throttling and usage plan Plan sets no throttle or quota', 'Set stage rate and burst limits, or a throttle on usage plan Plan for its API-key holders.'],
    });
  });
});
