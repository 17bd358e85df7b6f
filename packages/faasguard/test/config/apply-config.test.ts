/**
 * Precedence: a flag given on the command line wins over the configuration, which wins over the
 * built-in default; lists add up.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyConfig, failOnOf } from '../../src/config/apply-config.js';
import type { FaasguardConfig } from '../../src/config/config.js';
import { ALL_RULES } from '../../src/rules/index.js';

const CONFIG: FaasguardConfig = {
  file: '/repo/faasguard.config.yaml',
  dir: '/repo',
  rules: new Map([['iam-wildcard-action', 'off']]),
  failOn: 'high',
  exclude: ['test/**'],
  parameters: [{ dir: '/repo', pattern: 'api.yaml', values: new Map([['Stage', 'prod']]) }],
  stage: 'prod',
  region: 'eu-west-1',
  osvDb: '/repo/.osv',
  cacheDir: '/repo/cache',
};

describe('applyConfig', () => {
  it('changes nothing without a configuration', () => {
    const flags = { exclude: ['x/**'], stage: 'dev' };
    assert.equal(applyConfig(flags, undefined), flags);
  });

  it('fills what the command line did not say from the configuration', () => {
    const options = applyConfig({ exclude: [] }, CONFIG);
    assert.deepEqual([options.stage, options.region, options.osvDb, options.cacheDir], ['prod', 'eu-west-1', '/repo/.osv', '/repo/cache']);
    assert.deepEqual(options.excludeElsewhere, [{ dir: '/repo', globs: ['test/**'] }]);
    assert.deepEqual(options.fileParams, CONFIG.parameters);
    assert.equal(options.rules?.length, ALL_RULES.length - 1);
    assert.ok(!options.rules?.some((r) => r.meta.id === 'iam-wildcard-action'));
  });

  it('lets flags win', () => {
    const options = applyConfig({ exclude: ['legacy/**'], stage: 'dev', region: 'us-east-2', osvDb: '/data/osv.zip', cacheDir: '/tmp/c' }, CONFIG);
    assert.deepEqual([options.stage, options.region, options.osvDb, options.cacheDir], ['dev', 'us-east-2', '/data/osv.zip', '/tmp/c']);
    assert.deepEqual(options.exclude, ['legacy/**']);
  });

  it('does not read the configured OSV export when --online asks the API', () => {
    const options = applyConfig({ online: true }, CONFIG);
    assert.equal(options.osvDb, undefined);
    assert.equal(options.online, true);
  });
});

describe('failOnOf', () => {
  it('takes the flag, else the configuration, else low', () => {
    assert.equal(failOnOf('critical', CONFIG), 'critical');
    assert.equal(failOnOf(undefined, CONFIG), 'high');
    assert.equal(failOnOf(undefined, undefined), 'low');
  });
});
