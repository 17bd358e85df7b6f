import { ModelIndex } from '../../model/model-index.js';
import { DB_CLUSTER_TYPE, DB_INSTANCE_TYPE, DOCDB_CLUSTER_TYPE, databaseStorageFacts, type DatabaseStorageFacts } from '../../model/facts/database-storage.js';
import type { Rule, RuleResult } from '../rule.js';
import { nameOf, subjectOf } from '../subject.js';
import { sourceWords } from '../source-words.js';

export const databaseStorageUnencrypted: Rule = {
  meta: {
    id: 'database-storage-unencrypted',
    title: 'Database storage not encrypted',
    category: 'SAS-3',
    cwe: ['CWE-311'],
    severity: 'medium',
    description:
      "An RDS DB instance or cluster (Aurora included), or an Amazon DocumentDB cluster, does not encrypt its storage: `StorageEncrypted` is false, or left out, which is the default of both services' APIs, of CloudFormation and of Terraform. Its data files, automated backups, snapshots and read replicas are then stored in the clear, and anyone who gets a snapshot (shared by mistake, copied to another account, or restored by a role allowed to) reads every row (every document) without needing a KMS key. Encryption cannot be turned on later in place: the database has to be restored from an encrypted copy of a snapshot. Not reported: Aurora Serverless v1 clusters (always encrypted), Aurora instances (their cluster decides), and databases made from a snapshot, a source database or a replica source, which take its encryption.",
    remediation:
      'Set `StorageEncrypted: true` (Terraform: `storage_encrypted = true`), with `KmsKeyId` naming a customer managed key when you want to control who may decrypt. For an existing RDS database, copy a snapshot with encryption and restore from it; for an existing DocumentDB cluster, restore its snapshot into a new cluster and give the restore a KMS key (DocumentDB does not encrypt a snapshot copy).',
    example: {
      language: 'yaml',
      vulnerable: 'Database:\n  Type: AWS::RDS::DBInstance\n  Properties:\n    Engine: postgres\n    DBInstanceClass: db.t4g.micro\n    AllocatedStorage: 20',
      fixed: 'Database:\n  Type: AWS::RDS::DBInstance\n  Properties:\n    Engine: postgres\n    DBInstanceClass: db.t4g.micro\n    AllocatedStorage: 20\n    StorageEncrypted: true\n    KmsKeyId: !Ref DatabaseKey',
    },
    references: ['https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Overview.Encryption.html', 'https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/Overview.Encryption.html'],
    judges: [DB_INSTANCE_TYPE, DB_CLUSTER_TYPE, DOCDB_CLUSTER_TYPE],
    peerChecks: ['Checkov CKV_AWS_16', 'Checkov CKV_AWS_74', 'CIS AWS Foundations 2.3.1', 'KICS DOCDB Cluster Not Encrypted'],
  },
  check({ model }) {
    const results: RuleResult[] = [];
    for (const resource of ModelIndex.of(model).resourcesOfTypes([DB_INSTANCE_TYPE, DB_CLUSTER_TYPE, DOCDB_CLUSTER_TYPE])) {
      const facts = databaseStorageFacts(resource);
      if (facts?.encrypted === false) results.push(resultFor(facts));
    }
    return results;
  },
};

function resultFor(facts: DatabaseStorageFacts): RuleResult {
  const db = facts.resource;
  const what = facts.service === 'DocumentDB' ? 'DocumentDB cluster' : facts.kind === 'cluster' ? 'DB cluster' : 'DB instance';
  const setting = db.properties['StorageEncrypted'] === undefined ? `StorageEncrypted is left out, and ${facts.service} then does not encrypt` : 'StorageEncrypted is false';
  return {
    message: `${what} ${nameOf(db)} stores its data unencrypted (${setting}): its data files, automated backups, snapshots and replicas are readable by whoever gets hold of them, without a KMS key. ${sourceWords(db.loc.file).terraform ? 'Set storage_encrypted = true' : 'Set StorageEncrypted to true'}; ${existingText(facts)}`,
    location: facts.loc,
    subject: subjectOf(db),
    key: [db.logicalId],
  };
}

/**
 * How an existing database gets encrypted storage: RDS copies a snapshot with encryption and
 * restores the copy; DocumentDB refuses to copy an unencrypted snapshot with a key, and restores the
 * unencrypted snapshot into a new cluster given a KMS key instead.
 */
function existingText(facts: DatabaseStorageFacts): string {
  if (facts.service === 'DocumentDB') return 'an existing cluster must be restored from a snapshot into a new cluster given a KMS key (KmsKeyId), since DocumentDB does not encrypt a snapshot copy.';
  return 'an existing database must be restored from an encrypted snapshot copy.';
}
