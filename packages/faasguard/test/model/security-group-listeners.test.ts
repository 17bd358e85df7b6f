/** What accepts connections through each security group (model/facts/security-group-listeners.ts). */
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { securityGroupListeners } from '../../src/model/facts/security-group-listeners.js';
import { loadApp } from '../../src/scan/scan.js';
import { FIXTURES } from '../helpers/paths.js';

async function listenersOf(folder: string): Promise<Record<string, string[]>> {
  const app = await loadApp(path.join(FIXTURES, 'rules', 'security-group-open-ingress', folder));
  const out: Record<string, string[]> = {};
  for (const [id, resources] of securityGroupListeners(app.model)) out[id] = resources.map((r) => r.logicalId);
  return out;
}

describe('securityGroupListeners', () => {
  it('names what uses each group, functions and the groups own rules left out', async () => {
    assert.deepEqual(await listenersOf('fail'), {
      'template.yaml/BastionSecurityGroup': ['Bastion'],
      'template.yaml/DatabaseSecurityGroup': ['Database'],
      'template.yaml/TasksSecurityGroup': ['Worker'],
      'main.tf/aws_security_group.broker': ['aws_mq_broker.jobs'],
    });
  });

  it('has no entry for a group only a function uses, or one nothing uses', async () => {
    assert.deepEqual(await listenersOf('pass'), {
      'template.yaml/LoadBalancerSecurityGroup': ['LoadBalancer'],
      'template.yaml/DatabaseSecurityGroup': ['Database'],
    });
  });
});
