import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { apiKeyAuth, authorizerContext, guard, hashApiKey } from '../src/index.js';
import { captureLog, context, loadEvent, restEvent } from '../testkit/fixtures.js';

describe('API Gateway authorizer context', () => {
  const handler = guard(async (req) => ({ statusCode: 200, body: `${req.principal?.scheme}:${req.principal?.id}` }), {
    allow: ['apigw-rest', 'apigw-http', 'apigw-websocket'],
    auth: [authorizerContext(), apiKeyAuth({ keys: [{ id: 'ci', sha256: hashApiKey('k-123456789') }] })],
    logger: captureLog().options,
  });
  const body = async (event: unknown) => {
    const r = (await handler(event, context())) as { statusCode: number; body: string };
    return `${r.statusCode} ${r.body}`;
  };

  it('trusts an HTTP API JWT authorizer', async () => {
    const event = loadEvent('apigw-http');
    event.requestContext.authorizer = { jwt: { claims: { sub: 'user-7', scope: 'orders' }, scopes: ['orders'] } };
    assert.equal(await body(event), '200 authorizer:user-7');
  });

  it('trusts a REST Cognito authorizer and a Lambda authorizer', async () => {
    const cognito = restEvent({});
    cognito.requestContext.authorizer = { claims: { sub: 'cognito-user', email: 'a@example.com' } };
    assert.equal(await body(cognito), '200 authorizer:cognito-user');
    const lambda = restEvent({});
    lambda.requestContext.authorizer = { principalId: 'tenant-9', tenant: 'acme', integrationLatency: 12 };
    assert.equal(await body(lambda), '200 authorizer:tenant-9');
  });

  it('trusts an HTTP API Lambda authorizer (simple response) and IAM authorization', async () => {
    const lambda = loadEvent('apigw-http');
    lambda.requestContext.authorizer = { lambda: { sub: 'device-3' } };
    assert.equal(await body(lambda), '200 authorizer:device-3');
    const iam = loadEvent('apigw-http');
    iam.requestContext.authorizer = { iam: { userArn: 'arn:aws:iam::123456789012:user/ci', accountId: '123456789012' } };
    assert.equal(await body(iam), '200 authorizer:arn:aws:iam::123456789012:user/ci');
  });

  it('falls through to the next scheme on routes without an authorizer', async () => {
    assert.equal(await body(restEvent({ 'x-api-key': 'k-123456789' })), '200 api-key:ci');
    assert.equal(await body(restEvent({})), '401 {"error":"Unauthorized","correlationId":"c0ffee00-1111-2222-3333-444455556666"}');
  });

  it('does not accept an authorizer block without an identity', async () => {
    const event = restEvent({});
    event.requestContext.authorizer = { integrationLatency: 3 };
    assert.match(await body(event), /^401 /);
  });

  it('a bad credential stops the chain: it is not rescued by a later scheme', async () => {
    const event = restEvent({ 'x-api-key': 'wrong' });
    const chained = guard(async () => ({ statusCode: 200 }), {
      allow: ['apigw-rest'],
      auth: [apiKeyAuth({ keys: [{ id: 'ci', sha256: hashApiKey('k-123456789') }] }), authorizerContext()],
      logger: captureLog().options,
    });
    event.requestContext.authorizer = { principalId: 'someone' };
    assert.equal(((await chained(event, context())) as any).statusCode, 401);
  });
});
