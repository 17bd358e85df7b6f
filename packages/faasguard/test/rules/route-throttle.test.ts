/**
 * The limit API Gateway puts on a REST route: the method's own settings, else the stage's for every
 * method, over every stage of the API.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Api, ApiStage, Route, StageMethodSetting } from '../../src/model/app-model.js';
import { routeThrottle } from '../../src/rules/dos/route-throttle.js';

const loc = { file: 'template.yaml', line: 1, column: 1 };

function setting(httpMethod: string, resourcePath: string, rateLimit?: number | string, burstLimit?: number | string): StageMethodSetting {
  return { httpMethod, resourcePath, loc, ...(rateLimit !== undefined ? { throttling: { rateLimit, burstLimit } } : {}) };
}

function api(stages: StageMethodSetting[][], protocol: Api['protocol'] = 'rest'): Api {
  const stageList: ApiStage[] = stages.map((methodSettings, i) => ({ name: `s${i}`, methodSettings, loc }));
  return { id: 'a', logicalId: 'Api', loc, protocol, implicit: false, authorizers: [], apiKeyRequiredByDefault: false, stages: stageList, disableExecuteApiEndpoint: false } as unknown as Api;
}

const route = { id: 'r', apiId: 'a', method: 'POST', path: '/orders/{id}', auth: { type: 'none', apiKeyRequired: false, loc }, loc } as unknown as Route;

describe('route throttle', () => {
  it("reads the method's own settings, its resource written with `~1` (CloudFormation) or `/` (Terraform)", () => {
    const wide = setting('*', '/*', 2000, 1000);
    assert.deepEqual(routeThrottle(route, api([[wide, setting('POST', '/~1orders~1{id}', 50, 25)]])), { rate: 50, burst: 25 });
    assert.deepEqual(routeThrottle(route, api([[wide, setting('post', '/orders/{id}', 40, 20)]])), { rate: 40, burst: 20 });
  });

  it("falls back to the stage's settings for every method, and takes the loosest stage", () => {
    assert.deepEqual(routeThrottle(route, api([[setting('GET', '/~1orders~1{id}', 5, 5), setting('*', '/*', 100, 50)]])), { rate: 100, burst: 50 });
    assert.deepEqual(routeThrottle(route, api([[setting('*', '/*', 100, 50)], [setting('*', '/*', 300, 10)]])), { rate: 300, burst: 50 });
  });

  it('knows no limit where a stage sets none, the method overrides without one, a value is not a number or is negative', () => {
    assert.equal(routeThrottle(route, api([[setting('*', '/*', 100, 50)], []])), undefined);
    assert.equal(routeThrottle(route, api([[setting('*', '/*', 100, 50), setting('POST', '/~1orders~1{id}')]])), undefined);
    assert.equal(routeThrottle(route, api([[setting('*', '/*', 'a lot', 50)]])), undefined);
    assert.equal(routeThrottle(route, api([[setting('*', '/*', -1, 50)]])), undefined);
    assert.equal(routeThrottle(route, api([])), undefined);
  });

  it('leaves HTTP APIs alone: their routes can have settings of their own', () => {
    assert.equal(routeThrottle(route, api([[setting('*', '/*', 100, 50)]], 'http')), undefined);
  });
});
