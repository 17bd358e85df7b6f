/**
 * A WebSocket API authorizes a client once, on `$connect`: who can send a message to another route
 * (or make API Gateway run `$disconnect`) is who can connect.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { computeExposure } from '../../src/analysis/exposure.js';
import { loadApp } from '../../src/scan/scan.js';
import { projectsRemovedAfterTests } from '../helpers/temp-project.js';
import { WEBSOCKET_API, WEBSOCKET_AUTHORIZER, websocketFunction, websocketRoute } from '../helpers/websocket-api.js';

const project = projectsRemovedAfterTests();

async function exposureOfSend(connectAuth: string[]): Promise<{ level: string; description: string | undefined; steps: string[] }> {
  const template = `Transform: AWS::Serverless-2016-10-31
Resources:
${WEBSOCKET_API}${WEBSOCKET_AUTHORIZER}${websocketRoute('Connect', '$connect', 'OnConnect', connectAuth)}${websocketRoute('Send', 'send', 'OnSend')}${websocketFunction('OnConnect')}${websocketFunction('OnSend')}${websocketFunction('Authorize')}`;
  const { model } = await loadApp(project({ 'template.yaml': template, 'app.js': 'exports.handler = async () => ({ statusCode: 200 });\n' }));
  const fn = model.functions.find((f) => f.logicalId === 'OnSend')!;
  const e = computeExposure(model).get(fn.id)!;
  return { level: e.level, description: e.paths[0]?.description, steps: e.paths[0]?.steps.map((s) => `${s.loc.line}: ${s.message}`) ?? [] };
}

describe('WebSocket exposure', () => {
  it('a route behind an authorized $connect is reached by authenticated callers only', async () => {
    const e = await exposureOfSend(['AuthorizationType: CUSTOM', 'AuthorizerId: !Ref ChatAuthorizer']);
    assert.equal(e.level, 'authenticated');
    assert.equal(e.description, 'any signed-in user or API-key holder can call send of Chat (lambda authorizer ChatAuthorizer on $connect, which admits the connection), which invokes OnSend');
    // The step points at $connect's AuthorizationType, where the decision is made.
    assert.deepEqual(e.steps, ['23: route $connect: lambda authorizer ChatAuthorizer, for the connections send serves']);
  });

  it('a route behind an open $connect is public, and says that $connect is open', async () => {
    const e = await exposureOfSend([]);
    assert.equal(e.level, 'public');
    assert.equal(e.description, 'anyone on the internet can call send of Chat (no authorization on $connect, which admits the connection), which invokes OnSend');
  });
});
