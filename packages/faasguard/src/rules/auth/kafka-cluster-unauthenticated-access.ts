import type { LambdaFunction } from '../../model/app-model.js';
import { ModelIndex } from '../../model/model-index.js';
import { MSK_CLUSTER_TYPE, unauthenticatedKafkaCluster, type OpenKafkaCluster } from '../../model/facts/kafka-cluster-access.js';
import type { Rule, RuleResult } from '../rule.js';
import { nameOf, subjectOf } from '../subject.js';

export const kafkaClusterUnauthenticatedAccess: Rule = {
  meta: {
    id: 'kafka-cluster-unauthenticated-access',
    title: 'MSK cluster admits unauthenticated clients',
    category: 'SAS-2',
    cwe: ['CWE-306'],
    severity: 'medium',
    description:
      'An Amazon MSK cluster has unauthenticated access turned on (`ClientAuthentication: Unauthenticated: Enabled: true`). Any host that can reach its brokers (every host of its VPC and peered networks, and the internet when the brokers have public addresses) connects without credentials, and Kafka ACLs cannot tell such clients apart: it reads every topic, and writes records into them. A function or pipe that consumes a topic takes those records as events from the application: a rogue entry point for event-data injection (SAS-1), and a way to flood the consumers.\n\n' +
      'Severity: `high` when a function or pipe of the scan consumes from the cluster or its brokers have public addresses, else `medium`. A cluster that also lets clients connect without TLS is named so in the message.',
    remediation:
      'Turn unauthenticated access off and authenticate clients with IAM (`Sasl: Iam: Enabled: true`, and `kafka-cluster:*` permissions for the producers and for the function or pipe roles), SASL/SCRAM or mutual TLS; a Lambda event source mapping or pipe then names the same method in its `SourceAccessConfigurations`. Require TLS between clients and brokers (`ClientBroker: TLS`).',
    example: {
      language: 'yaml',
      vulnerable: 'Cluster:\n  Type: AWS::MSK::Cluster\n  Properties:\n    ClusterName: orders\n    KafkaVersion: 3.6.0\n    NumberOfBrokerNodes: 2\n    BrokerNodeGroupInfo: { InstanceType: kafka.m5.large, ClientSubnets: [!Ref SubnetA, !Ref SubnetB] }\n    ClientAuthentication:\n      Unauthenticated:\n        Enabled: true',
      fixed: 'Cluster:\n  Type: AWS::MSK::Cluster\n  Properties:\n    ClusterName: orders\n    KafkaVersion: 3.6.0\n    NumberOfBrokerNodes: 2\n    BrokerNodeGroupInfo: { InstanceType: kafka.m5.large, ClientSubnets: [!Ref SubnetA, !Ref SubnetB] }\n    ClientAuthentication:\n      Sasl:\n        Iam:\n          Enabled: true\n    EncryptionInfo:\n      EncryptionInTransit:\n        ClientBroker: TLS',
    },
    references: ['https://docs.aws.amazon.com/msk/latest/developerguide/kafka_apis_iam.html', 'https://docs.aws.amazon.com/lambda/latest/dg/with-msk.html', 'https://docs.aws.amazon.com/config/latest/developerguide/msk-unrestricted-access-check.html'],
    judges: [MSK_CLUSTER_TYPE],
    peerChecks: ['AWS Config msk-unrestricted-access-check', 'Prowler kafka_cluster_unrestricted_access_disabled'],
  },
  check({ model }) {
    const index = ModelIndex.of(model);
    const results: RuleResult[] = [];
    for (const resource of index.resourcesOfType(MSK_CLUSTER_TYPE)) {
      const facts = unauthenticatedKafkaCluster(resource);
      if (facts) results.push(resultFor(facts, consumersOf(facts, index)));
    }
    return results;
  },
};

/** The functions the cluster's records reach, through event source mappings or pipes of the scan. */
function consumersOf(facts: OpenKafkaCluster, index: ModelIndex): LambdaFunction[] {
  const fns = index.triggersFrom(facts.resource.id).map((t) => index.function(t.functionId));
  return [...new Set(fns.filter((f): f is LambdaFunction => f !== undefined))];
}

function resultFor(facts: OpenKafkaCluster, consumers: readonly LambdaFunction[]): RuleResult {
  const cluster = facts.resource;
  const where = facts.publicAccess ? 'from the internet (its brokers have public addresses) and from its VPC' : 'from its VPC and peered networks';
  const plain = facts.plaintext ? ', also without TLS,' : '';
  const fed = consumers.length > 0 ? ` Function${consumers.length === 1 ? '' : 's'} ${consumers.map(nameOf).join(', ')} consume${consumers.length === 1 ? 's' : ''} its records as trusted events.` : '';
  return {
    message: `MSK cluster ${nameOf(cluster)} admits clients without authentication: anyone who reaches its brokers ${where} connects${plain} and reads and writes every topic.${fed} Turn unauthenticated access off and require IAM, SASL/SCRAM or mutual TLS.`,
    location: facts.loc,
    related: [{ loc: cluster.loc, message: `MSK cluster ${nameOf(cluster)}` }],
    subject: subjectOf(cluster),
    key: [cluster.logicalId],
    ...(consumers.length > 0 || facts.publicAccess ? { severity: 'high' as const } : {}),
  };
}
