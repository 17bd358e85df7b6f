/**
 * A key given twice in a mapping keeps its last value, as in SAM CLI and CloudFormation.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseJsonTemplate } from '../../src/parse/json-template.js';
import { get, toJs } from '../../src/parse/tree.js';
import { parseYamlTemplate } from '../../src/parse/yaml-template.js';

describe('a key given twice, as SAM CLI and CloudFormation read it', () => {
  it('keeps the last value in YAML and warns where the key is repeated', () => {
    const r = parseYamlTemplate('Api:\n  AuthenticationType: AMAZON_COGNITO_USER_POOLS\n  Name: x\n  AuthenticationType: API_KEY\n', 't.yaml');
    assert.deepEqual(toJs(r.root!), { Api: { Name: 'x', AuthenticationType: 'API_KEY' } });
    const value = get(get(r.root, 'Api'), 'AuthenticationType');
    assert.deepEqual([value?.loc.line, value?.loc.column], [4, 23]);
    assert.deepEqual(r.diagnostics.map((d) => [d.severity, d.code, d.loc.line, d.loc.column]), [['warning', 'duplicate-key', 4, 3]]);
  });

  it('keeps the last value in JSON and warns where the key is repeated', () => {
    const r = parseJsonTemplate('{\n  "A": {"Mfa": "ON",\n    "Mfa": "OPTIONAL"}\n}\n', 't.json');
    assert.deepEqual(toJs(r.root!), { A: { Mfa: 'OPTIONAL' } });
    assert.deepEqual(r.diagnostics.map((d) => [d.severity, d.code, d.loc.line]), [['warning', 'duplicate-key', 3]]);
  });

  it('is silent when every key is given once', () => {
    assert.deepEqual(parseYamlTemplate('A: 1\nB: {A: 2}\n', 't.yaml').diagnostics, []);
    assert.deepEqual(parseJsonTemplate('{"A": 1, "B": {"A": 2}}', 't.json').diagnostics, []);
  });
});
