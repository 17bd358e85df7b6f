import { ModelIndex } from '../../model/model-index.js';
import { OPENSEARCH_COLLECTION_TYPE, OPENSEARCH_SECURITY_POLICY_TYPE, publicOpenSearchAccess, type PublicOpenSearchAccess } from '../../model/facts/opensearch-network-access.js';
import type { Rule, RuleResult } from '../rule.js';
import { nameOf, subjectOf } from '../subject.js';

export const opensearchCollectionPubliclyAccessible: Rule = {
  meta: {
    id: 'opensearch-collection-publicly-accessible',
    title: 'OpenSearch Serverless collection reachable from the internet',
    category: 'SAS-3',
    cwe: ['CWE-284', 'CWE-668'],
    severity: 'low',
    description:
      'An OpenSearch Serverless network policy has `AllowFromPublic: true` for a collection\'s OpenSearch endpoint (`ResourceType: collection`) or its OpenSearch Dashboards (`dashboard`): any network can then reach them. Requests still need an IAM signature (or a SAML sign-in for Dashboards) of a principal that the collection\'s data access policy grants, so the network is the layer that is missing: a key leaked from a function\'s environment, a developer\'s machine or a CI log reads and writes the index from anywhere, where a private collection answers only inside its VPC endpoints. Collections behind a serverless application usually hold what its functions index (documents for retrieval, logs, events), and only those functions, and the services that feed them, need to reach them.\n\n' +
      'Severity: `low`: no request is served without a signature the data access policy accepts. Encryption policies are not judged here (collections are always encrypted at rest).',
    remediation:
      'Set `AllowFromPublic: false` and list the interface VPC endpoints of OpenSearch Serverless that the functions use (`SourceVPCEs`, from an `AWS::OpenSearchServerless::VpcEndpoint`), and the services that index for you (`SourceServices: ["bedrock.amazonaws.com"]`). A collection\'s Dashboards can stay public in an entry of their own while its API is private.',
    example: {
      language: 'yaml',
      vulnerable:
        'NetworkPolicy:\n  Type: AWS::OpenSearchServerless::SecurityPolicy\n  Properties:\n    Name: docs-network\n    Type: network\n    Policy: \'[{"Rules":[{"ResourceType":"collection","Resource":["collection/docs"]}],"AllowFromPublic":true}]\'',
      fixed:
        'NetworkPolicy:\n  Type: AWS::OpenSearchServerless::SecurityPolicy\n  Properties:\n    Name: docs-network\n    Type: network\n    Policy: !Sub \'[{"Rules":[{"ResourceType":"collection","Resource":["collection/docs"]}],"AllowFromPublic":false,"SourceVPCEs":["${SearchEndpoint}"]}]\'',
    },
    references: ['https://docs.aws.amazon.com/opensearch-service/latest/developerguide/serverless-network.html', 'https://docs.aws.amazon.com/opensearch-service/latest/developerguide/serverless-vpc.html'],
    judges: [OPENSEARCH_SECURITY_POLICY_TYPE, OPENSEARCH_COLLECTION_TYPE],
    peerChecks: ['CloudSploit OpenSearch Collection Public Access'],
  },
  check({ model }) {
    const results: RuleResult[] = [];
    for (const policy of ModelIndex.of(model).resourcesOfType(OPENSEARCH_SECURITY_POLICY_TYPE)) {
      const access = publicOpenSearchAccess(model, policy);
      if (access) results.push(resultFor(access));
    }
    return results;
  },
};

const ENDPOINT_WORDS = { collection: 'OpenSearch API', dashboard: 'OpenSearch Dashboards' } as const;

function resultFor(access: PublicOpenSearchAccess): RuleResult {
  const policy = access.policy;
  const what = access.endpoints.map((e) => ENDPOINT_WORDS[e]).join(' and ');
  return {
    message: `Network policy ${nameOf(policy)} opens the ${what} of ${collectionsText(access)} to the internet (AllowFromPublic: true): only IAM or SAML sign-in and the data access policy keep others out, so a leaked key of a granted principal reaches the data from anywhere. Set AllowFromPublic to false and list the VPC endpoints (SourceVPCEs) or services (SourceServices) that need it.`,
    location: access.loc,
    related: access.collections.map((c) => ({ loc: c.loc, message: `collection ${nameOf(c)}, reachable from the internet` })),
    subject: subjectOf(policy),
    key: [policy.logicalId],
  };
}

function collectionsText(access: PublicOpenSearchAccess): string {
  if (access.collections.length > 0) return `collection ${access.collections.map(nameOf).join(', ')}`;
  if (access.patterns.length === 0) return 'the collections it names';
  if (access.patterns.length === 1 && !access.patterns[0]!.includes('*')) return `collection ${access.patterns[0]}`;
  return `the collections matching ${access.patterns.join(', ')}`;
}
