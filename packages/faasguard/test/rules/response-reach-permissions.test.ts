/**
 * A function whose only sign of a caller is its invoke permission (an API whose integrations live
 * in an OpenAPI body, a load balancer's target group): an API Gateway or load balancer permission
 * means the response reaches an HTTP client; another service's permission does not make it one.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { scan } from '../../src/scan/scan.js';
import { removeProject, tempProject } from '../helpers/temp-project.js';

const CODE = [
  'exports.handler = async (event) => {',
  '  try {',
  '    return { statusCode: 200, body: JSON.parse(event.body).id };',
  '  } catch (err) {',
  '    return { statusCode: 500, body: JSON.stringify({ message: err.message, stack: err.stack }) };',
  '  }',
  '};',
  '',
].join('\n');

function template(principal: string): string {
  return `Transform: AWS::Serverless-2016-10-31
Resources:
  Orders:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: nodejs20.x
      Handler: app.handler
      CodeUri: src/
  OrdersPermission:
    Type: AWS::Lambda::Permission
    Properties:
      Action: lambda:InvokeFunction
      FunctionName: !Ref Orders
      Principal: ${principal}
`;
}

async function verboseErrors(principal: string): Promise<string[]> {
  const dir = tempProject({ 'template.yaml': template(principal), 'src/app.js': CODE });
  try {
    const result = await scan(dir);
    return result.findings.filter((f) => f.ruleId === 'verbose-error-response').map((f) => `${f.location.file}:${f.location.line} ${f.severity}`);
  } finally {
    removeProject(dir);
  }
}

describe('the response of a function known only by its invoke permission', () => {
  it('reaches an HTTP client when API Gateway or a load balancer may invoke it', async () => {
    assert.deepEqual(await verboseErrors('apigateway.amazonaws.com'), ['src/app.js:5 medium']);
    assert.deepEqual(await verboseErrors('elasticloadbalancing.amazonaws.com'), ['src/app.js:5 medium']);
  });

  it('reaches no client when only another service may invoke it', async () => {
    assert.deepEqual(await verboseErrors('s3.amazonaws.com'), []);
  });
});
