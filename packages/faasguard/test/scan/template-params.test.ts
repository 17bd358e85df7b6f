/**
 * Template parameters per template: a configuration's values for the templates matching a glob,
 * under the values of `--param`.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { paramsResolver } from '../../src/scan/template-params.js';

const GLOBAL = new Map([['Env', 'cli']]);

describe('paramsResolver', () => {
  it('gives every template the global values when the configuration has none', () => {
    const paramsFor = paramsResolver('/repo', GLOBAL, []);
    assert.equal(paramsFor('any.yaml'), GLOBAL);
  });

  it('adds the values of each matching glob, later ones over earlier ones, and global values over all', () => {
    const paramsFor = paramsResolver('/repo/app', GLOBAL, [
      { dir: '/repo', pattern: '**/*.yaml', values: new Map([['Stage', 'dev'], ['Env', 'config']]) },
      { dir: '/repo', pattern: './app/stacks/api.yaml', values: new Map([['Stage', 'prod']]) },
    ]);
    assert.deepEqual([...paramsFor('stacks/api.yaml')], [['Stage', 'prod'], ['Env', 'cli']]);
    assert.deepEqual([...paramsFor('stacks/db.yaml')], [['Stage', 'dev'], ['Env', 'cli']]);
    assert.deepEqual([...paramsFor('stacks/db.json')], [['Env', 'cli']]);
  });
});
