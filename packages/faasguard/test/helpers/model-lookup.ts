/**
 * Lookups that fail the test with a clear message when the model lacks what is looked for.
 */
import assert from 'node:assert/strict';
import type { Api, AppModel, EnvironmentVariable, LambdaFunction } from '../../src/model/app-model.js';

export function functionNamed(model: AppModel, logicalId: string): LambdaFunction {
  const f = model.functions.find((x) => x.logicalId === logicalId);
  assert.ok(f, `function ${logicalId} is in the model`);
  return f;
}

export function envVar(f: LambdaFunction, name: string): EnvironmentVariable {
  const v = f.environment.find((e) => e.name === name);
  assert.ok(v, `${f.logicalId} has ${name}`);
  return v;
}

export function apiNamed(model: AppModel, logicalId: string): Api {
  const api = model.apis.find((a) => a.logicalId === logicalId);
  assert.ok(api, `API ${logicalId} is in the model (have: ${model.apis.map((a) => a.logicalId).join(', ')})`);
  return api;
}
