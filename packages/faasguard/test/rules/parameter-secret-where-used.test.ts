/**
 * A secret parameter's finding says where its value ends up: each credential property that takes
 * it is a related location (the reader fixes both places, and the finding reads as the resource's).
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { templateParameterSecretDefault } from '../../src/rules/secrets/template-parameter-secret-default.js';
import { scan } from '../../src/scan/scan.js';
import { FIXTURES } from '../helpers/paths.js';

const FAIL = path.join(FIXTURES, 'rules', 'template-parameter-secret-default', 'fail');

describe('template-parameter-secret-default: where the secret goes', () => {
  it('names the property that takes the parameter, at its line; a parameter nothing takes has none', async () => {
    const { findings } = await scan(FAIL, { noCache: true, rules: [templateParameterSecretDefault] });
    const related = (subject: string) => findings.find((f) => f.subject?.logicalId === subject)?.related.map((r) => [r.loc.file, r.loc.line, r.message]);
    assert.deepEqual(related('BrokerLogin'), [['template.yaml', 41, "Users[0].Password of Broker takes this parameter: a broker user's password"]]);
    assert.deepEqual(related('CacheAuth'), [['template.yaml', 46, 'AuthToken of Cache takes this parameter: the cache\'s AUTH token']]);
    assert.deepEqual(related('DbPassword'), []);
    assert.match(findings.find((f) => f.subject?.logicalId === 'CacheAuth')!.message, /gives the cache's AUTH token of Cache/);
  });
});
