/** What an instance or launch template says of its metadata service (model/facts/instance-metadata-facts.ts). */
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { INSTANCE_TYPE, instanceMetadataFacts, LAUNCH_TEMPLATE_TYPE } from '../../src/model/facts/instance-metadata-facts.js';
import { ModelIndex } from '../../src/model/model-index.js';
import { loadApp } from '../../src/scan/scan.js';
import { FIXTURES } from '../helpers/paths.js';

type Seen = { httpTokens?: string; imageDefault: string; launchTemplate?: string; profile: boolean; roles: string[] };

async function factsOf(folder: string): Promise<Record<string, Seen>> {
  const app = await loadApp(path.join(FIXTURES, 'rules', 'ec2-instance-metadata-v1', folder));
  const out: Record<string, Seen> = {};
  for (const r of ModelIndex.of(app.model).resourcesOfTypes([INSTANCE_TYPE, LAUNCH_TEMPLATE_TYPE])) {
    const f = instanceMetadataFacts(app.model, r)!;
    out[r.logicalId] = {
      ...(f.httpTokens !== undefined ? { httpTokens: f.httpTokens } : {}),
      imageDefault: f.imageDefault,
      ...(f.launchTemplate ? { launchTemplate: f.launchTemplate.logicalId } : {}),
      profile: f.profile,
      roles: f.roles.map((role) => role.logicalId),
    };
  }
  return out;
}

describe('instanceMetadataFacts', () => {
  it("reads the AMI's public parameter, the settings, and the roles of the instance profile (Terraform too)", async () => {
    assert.deepEqual(await factsOf('fail'), {
      KafkaClient: { imageDefault: 'v1-allowed', profile: true, roles: ['ClientRole'] },
      Bastion: { httpTokens: 'optional', imageDefault: 'unknown', profile: false, roles: [] },
      Workers: { imageDefault: 'v1-allowed', profile: false, roles: [] },
      'aws_instance.client': { httpTokens: 'optional', imageDefault: 'unknown', profile: true, roles: ['aws_iam_role.client'] },
    });
  });

  it('knows Amazon Linux 2023 requires IMDSv2, and names the launch template an instance takes its settings from', async () => {
    const facts = await factsOf('pass');
    assert.equal(facts['KafkaClient']?.imageDefault, 'v2-required');
    assert.equal(facts['Builder']?.imageDefault, 'unknown');
    assert.equal(facts['Worker']?.launchTemplate, 'WorkerTemplate');
    assert.equal(facts['WorkerTemplate']?.httpTokens, 'required');
  });
});
