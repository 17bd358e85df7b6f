/**
 * A secret finding about a parameter as a whole (one without NoEcho) points at the parameter's
 * name: the name is no secret and stays readable in every message, in JSON templates (where the
 * name is quoted) as in YAML. A finding at a value still masks the value everywhere.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { scan } from '../../src/scan/scan.js';
import { projectsRemovedAfterTests } from '../helpers/temp-project.js';

const project = projectsRemovedAfterTests();

const JSON_TEMPLATE = JSON.stringify(
  {
    Parameters: { DirectoryAdminParameter: { Type: 'String' } },
    Resources: {
      Directory: {
        Type: 'AWS::DirectoryService::SimpleAD',
        Properties: { Name: 'corp.example.com', Size: 'Small', Password: { Ref: 'DirectoryAdminParameter' }, VpcSettings: { SubnetIds: ['subnet-1', 'subnet-2'], VpcId: 'vpc-1' } },
      },
      Cache: {
        Type: 'AWS::ElastiCache::ReplicationGroup',
        Properties: { ReplicationGroupDescription: 'sessions', AuthToken: 'Qm4vZ8rT2xW9kLp7NsYb' },
      },
    },
  },
  null,
  2,
);

describe('secret names in messages', () => {
  it('keeps a parameter name readable in a JSON template, and masks a written value', async () => {
    const result = await scan(project({ 'template.json': JSON_TEMPLATE }), { noCache: true });
    const parameter = result.findings.find((f) => f.ruleId === 'template-parameter-secret-default');
    assert.ok(parameter, result.findings.map((f) => f.ruleId).join(', '));
    assert.match(parameter.message, /^Parameter DirectoryAdminParameter gives the directory administrator's password of Directory but has no NoEcho/);
    const written = result.findings.find((f) => f.ruleId === 'credential-in-template');
    assert.ok(written);
    assert.doesNotMatch(JSON.stringify(result.findings), /Qm4vZ8rT2xW9kLp7NsYb/);
  });
});
