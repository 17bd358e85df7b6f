/**
 * A `GET` route whose every stage's cache answers all callers (the cache cluster on, caching on for
 * the method, no path parameters, no cache keys) passes at most one call per time to live on to
 * its function: the WAF and public-function rules do not say floods reach it. Cache keys, a time
 * to live of 0 or a stage without its cache cluster leave it floodable.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { scan } from '../../src/scan/scan.js';
import { publicRestApiWithoutWaf } from '../../src/rules/dos/public-rest-api-without-waf.js';
import { publicFunctionWithoutReservedConcurrency } from '../../src/rules/dos/public-function-without-reserved-concurrency.js';
import { publicFunctionWithoutAlarm } from '../../src/rules/monitoring/public-function-without-alarm.js';
import { apiWithoutThrottling } from '../../src/rules/dos/api-without-throttling.js';
import { projectsRemovedAfterTests } from '../helpers/temp-project.js';

const project = projectsRemovedAfterTests();

interface Options {
  cluster?: boolean;
  ttl?: number;
  keys?: string;
}

function template({ cluster = true, ttl = 10, keys = '' }: Options): string {
  return `Resources:
  Api:
    Type: AWS::ApiGateway::RestApi
    Properties:
      Name: cached
  RootGet:
    Type: AWS::ApiGateway::Method
    Properties:
      RestApiId: !Ref Api
      ResourceId: !GetAtt Api.RootResourceId
      HttpMethod: GET
      AuthorizationType: NONE
      Integration:
        Type: AWS_PROXY
        IntegrationHttpMethod: POST
        Uri: !Sub arn:aws:apigateway:\${AWS::Region}:lambda:path/2015-03-31/functions/\${Handler.Arn}/invocations${keys}
  Handler:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: nodejs22.x
      Handler: index.handler
      Role: arn:aws:iam::123456789012:role/handler
      Code:
        ZipFile: "exports.handler = async () => ({ statusCode: 200 });"
  Deployment:
    Type: AWS::ApiGateway::Deployment
    DependsOn: RootGet
    Properties:
      RestApiId: !Ref Api
  Stage:
    Type: AWS::ApiGateway::Stage
    Properties:
      StageName: prod
      RestApiId: !Ref Api
      DeploymentId: !Ref Deployment
      CacheClusterEnabled: ${cluster}
      CacheClusterSize: '0.5'
      MethodSettings:
        - HttpMethod: GET
          ResourcePath: /
          CachingEnabled: true
          CacheTtlInSeconds: ${ttl}
`;
}

async function ruleIds(options: Options): Promise<string[]> {
  const result = await scan(project({ 'template.yaml': template(options) }), { noCache: true, rules: [publicRestApiWithoutWaf, publicFunctionWithoutReservedConcurrency, publicFunctionWithoutAlarm] });
  return result.findings.map((f) => `${f.ruleId} ${f.location.file}:${f.location.line}`).sort();
}

/** The three findings, at the function's line (one lower when the integration lists cache keys). */
function floodable(handlerLine: number): string[] {
  return [`public-function-without-alarm template.yaml:${handlerLine}`, `public-function-without-reserved-concurrency template.yaml:${handlerLine}`, 'public-rest-api-without-waf template.yaml:2'];
}

describe('a route its stages cache for every caller', () => {
  it('is not said to let floods through to its function', async () => {
    assert.deepEqual(await ruleIds({}), []);
  });

  it('lets floods through with cache keys, a time to live of 0, or no cache cluster', async () => {
    assert.deepEqual(await ruleIds({ keys: '\n        CacheKeyParameters: [method.request.querystring.q]' }), floodable(18));
    assert.deepEqual(await ruleIds({ ttl: 0 }), floodable(17));
    assert.deepEqual(await ruleIds({ cluster: false }), floodable(17));
  });

  it('is not said by api-without-throttling to scale its function; without the cache it is', async () => {
    const effect = async (options: Options): Promise<string[]> =>
      (await scan(project({ 'template.yaml': template(options) }), { noCache: true, rules: [apiWithoutThrottling] })).findings.map((f) => /can send requests up to the account-wide quota, (.*?) and starving/.exec(f.message)?.[1] ?? f.message);
    assert.deepEqual(await effect({}), ["running up the API's bill (the stages' cache answers every route, so what is behind them runs once per time to live)"]);
    assert.deepEqual(await effect({ ttl: 0 }), ['scaling the integrated function (and its bill)']);
  });
});
