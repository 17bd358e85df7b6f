import type { Severity } from '../../findings/finding.js';
import { REPLICATION_GROUP_TYPE, cacheEncryptionFacts, type CacheEncryptionFacts, type EncryptionSetting } from '../../model/facts/cache-encryption-facts.js';
import { ModelIndex } from '../../model/model-index.js';
import type { Rule, RuleResult } from '../rule.js';
import { nameOf, subjectOf } from '../subject.js';

export const cacheWithoutEncryption: Rule = {
  meta: {
    id: 'cache-without-encryption',
    title: 'ElastiCache replication group without encryption or sign-in',
    category: 'SAS-3',
    cwe: ['CWE-319', 'CWE-311'],
    severity: 'medium',
    description:
      'A Valkey or Redis OSS replication group (`AWS::ElastiCache::ReplicationGroup`, Terraform\'s `aws_elasticache_replication_group`) that functions use for sessions, tokens, rate limits or cached records leaves encryption off. Without encryption in transit (`TransitEncryptionEnabled`, false unless set) every command and value crosses the VPC in cleartext, and the cache cannot require a password at all: an AUTH token and RBAC users both need TLS, so any client its security groups admit can read and change every key. With TLS but neither an `AuthToken` nor `UserGroupIds`, clients still connect as the default user without a password. With `TransitEncryptionMode: preferred` it offers TLS but still accepts plain connections. Without encryption at rest (`AtRestEncryptionEnabled`, false for Redis OSS unless set, true for Valkey) the nodes\' swap and sync files and the backups kept in S3 hold the data unencrypted.\n\n' +
      'Severity: `medium` for no encryption in transit and for no sign-in; `low` for plain connections still accepted and for no encryption at rest. A secondary of a global datastore takes its settings from the datastore and is not judged; neither is a value known only at deploy time.',
    remediation:
      'Create the replication group with `TransitEncryptionEnabled: true` (and `TransitEncryptionMode: required` once every client connects with TLS), `AtRestEncryptionEnabled: true`, and an `AuthToken` from Secrets Manager or RBAC user groups; connect from the functions with TLS (`rediss://`). Encryption at rest can only be chosen when the group is created: enable it on a new group and move the data over. Terraform: `transit_encryption_enabled`, `transit_encryption_mode`, `at_rest_encryption_enabled`.',
    example: {
      language: 'yaml',
      vulnerable: 'Sessions:\n  Type: AWS::ElastiCache::ReplicationGroup\n  Properties:\n    ReplicationGroupDescription: sessions\n    Engine: redis\n    CacheNodeType: cache.t4g.micro\n    NumCacheClusters: 2',
      fixed: 'Sessions:\n  Type: AWS::ElastiCache::ReplicationGroup\n  Properties:\n    ReplicationGroupDescription: sessions\n    Engine: redis\n    CacheNodeType: cache.t4g.micro\n    NumCacheClusters: 2\n    TransitEncryptionEnabled: true\n    AtRestEncryptionEnabled: true\n    AuthToken: "{{resolve:secretsmanager:sessions-cache:SecretString:token}}"',
    },
    references: ['https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/in-transit-encryption.html', 'https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/at-rest-encryption.html', 'https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/auth.html'],
    judges: ['AWS::ElastiCache::ReplicationGroup'],
    peerChecks: ['Checkov CKV_AWS_29', 'Checkov CKV_AWS_30', 'Checkov CKV_AWS_31', 'cfn-nag F25', 'cfn-nag F33', 'KICS ElastiCache With Disabled at Rest Encryption', 'KICS ElastiCache With Disabled Transit Encryption'],
  },
  check({ model }) {
    const results: RuleResult[] = [];
    for (const resource of ModelIndex.of(model).resourcesOfType(REPLICATION_GROUP_TYPE)) {
      const facts = cacheEncryptionFacts(resource);
      if (facts) results.push(...resultsFor(facts));
    }
    return results;
  },
};

function resultsFor(facts: CacheEncryptionFacts): RuleResult[] {
  const results: RuleResult[] = [];
  const name = nameOf(facts.resource);
  if (facts.inTransit.enabled === false) {
    results.push(result(facts, 'in-transit', facts.inTransit.loc, 'medium', `Cache ${name} does not encrypt in transit (${off('TransitEncryptionEnabled', facts.inTransit)}): what the functions read from and write to it crosses the network in cleartext, and without TLS it cannot require an AUTH token or RBAC users, so any client its security groups admit can read and change every key. Set TransitEncryptionEnabled to true and connect with TLS.`));
  } else if (facts.inTransit.enabled === true) {
    if (facts.acceptsPlainConnections) results.push(result(facts, 'plain-connections', facts.modeLoc ?? facts.inTransit.loc, 'low', `Cache ${name} has TransitEncryptionMode preferred: it offers TLS but still accepts unencrypted connections, and a client that connects without TLS sends its AUTH token and data in cleartext. Set the mode to required once every client uses TLS.`));
    if (!facts.requiresSignIn) results.push(result(facts, 'no-sign-in', facts.resource.loc, 'medium', `Cache ${name} encrypts in transit but sets neither an AuthToken nor UserGroupIds: clients connect as the default user without a password, so any client its security groups admit can read and change every key. Add an AuthToken from Secrets Manager, or RBAC user groups.`));
  }
  if (facts.atRest.enabled === false) {
    results.push(result(facts, 'at-rest', facts.atRest.loc, 'low', `Cache ${name} does not encrypt at rest (${off('AtRestEncryptionEnabled', facts.atRest)}): its nodes' swap and sync files and its backups in S3 hold the cached data unencrypted. Create it with AtRestEncryptionEnabled true; the setting cannot be changed later.`));
  }
  return results;
}

function off(property: string, s: EncryptionSetting): string {
  return s.written ? `${property} is false` : `${property} is left out, which means false`;
}

function result(facts: CacheEncryptionFacts, aspect: string, location: RuleResult['location'], severity: Severity, message: string): RuleResult {
  return { message, location, subject: subjectOf(facts.resource), key: [facts.resource.logicalId, aspect], severity };
}
