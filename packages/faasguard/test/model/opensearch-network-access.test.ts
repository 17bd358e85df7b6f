/** Which collections an OpenSearch Serverless network policy opens to the internet (model/facts/opensearch-network-access.ts). */
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { OPENSEARCH_SECURITY_POLICY_TYPE, publicOpenSearchAccess } from '../../src/model/facts/opensearch-network-access.js';
import { ModelIndex } from '../../src/model/model-index.js';
import { loadApp } from '../../src/scan/scan.js';
import { FIXTURES } from '../helpers/paths.js';
import { projectsRemovedAfterTests } from '../helpers/temp-project.js';

const project = projectsRemovedAfterTests();

type Access = { endpoints: string[]; patterns: string[]; collections: string[] };

async function accessOf(folder: string): Promise<Record<string, Access>> {
  const app = await loadApp(path.join(FIXTURES, 'rules', 'opensearch-collection-publicly-accessible', folder));
  const out: Record<string, Access> = {};
  for (const policy of ModelIndex.of(app.model).resourcesOfType(OPENSEARCH_SECURITY_POLICY_TYPE)) {
    const access = publicOpenSearchAccess(app.model, policy);
    if (access) out[policy.logicalId] = { endpoints: access.endpoints, patterns: access.patterns, collections: access.collections.map((c) => c.logicalId) };
  }
  return out;
}

describe('publicOpenSearchAccess', () => {
  it('reads JSON text and Terraform structures, matches collections by name, wildcard and shared parameter', async () => {
    assert.deepEqual(await accessOf('fail'), {
      // Named by a parameter without a default: the pattern and the collection share it, and the pattern shows its label.
      DocsNetwork: { endpoints: ['collection', 'dashboard'], patterns: ['<CollectionName>'], collections: ['DocsCollection'] },
      // Its private entry (the API behind a VPC endpoint) is left out; the public one opens Dashboards only.
      LogsNetwork: { endpoints: ['dashboard'], patterns: ['logs-*'], collections: ['LogsCollection'] },
      // One entry written without the list around it; no collection of that name in the stack.
      ArchiveNetwork: { endpoints: ['collection'], patterns: ['archive'], collections: [] },
      'aws_opensearchserverless_security_policy.events': { endpoints: ['collection'], patterns: ['events'], collections: ['aws_opensearchserverless_collection.events'] },
    });
  });

  it('has nothing for encryption policies and network policies limited to VPC endpoints or services', async () => {
    assert.deepEqual(await accessOf('pass'), {});
  });

  it('warns at its line of a policy that is not JSON, and goes on with the others', async () => {
    const policy = (name: string, text: string): string => `  ${name}:
    Type: AWS::OpenSearchServerless::SecurityPolicy
    Properties:
      Name: ${name.toLowerCase()}
      Type: network
      Policy: '${text}'
`;
    const dir = project({
      'template.yaml': `Resources:\n${policy('Broken', '[{"Rules": [')}${policy('Open', '[{"Rules":[{"ResourceType":"collection","Resource":["collection/docs"]}],"AllowFromPublic":true}]')}`,
    });
    const app = await loadApp(dir);
    assert.deepEqual(
      app.diagnostics.filter((d) => d.code === 'malformed-policy').map((d) => [d.loc.file, d.loc.line, d.message]),
      [['template.yaml', 7, 'the Policy of Broken is text that is not JSON: AWS would refuse it, and it is not judged']],
    );
    const open = ModelIndex.of(app.model).resourcesOfType(OPENSEARCH_SECURITY_POLICY_TYPE).filter((p) => publicOpenSearchAccess(app.model, p));
    assert.deepEqual(open.map((p) => p.logicalId), ['Open']);
  });
});
