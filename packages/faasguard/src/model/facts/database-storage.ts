/**
 * Whether an RDS database or a DocumentDB cluster encrypts its storage (and so its backups,
 * snapshots and replicas), as CloudFormation and Terraform decide it: `StorageEncrypted`
 * (`storage_encrypted`) is off unless set,
 * a KMS key implies it, an Aurora Serverless v1 cluster is always encrypted, and a database made from
 * another (a snapshot, a source cluster or instance, a replica) takes that one's encryption, which
 * the template does not show. An Aurora instance's storage is its cluster's.
 */
import type { Resource } from '../app-model.js';
import type { SourceLocation } from '../location.js';
import { asBoolean, asString, type ValueMap } from '../value.js';

export const DB_INSTANCE_TYPE = 'AWS::RDS::DBInstance';
export const DB_CLUSTER_TYPE = 'AWS::RDS::DBCluster';
export const DOCDB_CLUSTER_TYPE = 'AWS::DocDB::DBCluster';

export interface DatabaseStorageFacts {
  resource: Resource;
  kind: 'instance' | 'cluster';
  /** The service: RDS (Aurora included) or DocumentDB, whose API leaves storage unencrypted alike */
  service: 'RDS' | 'DocumentDB';
  /** Undefined when another resource decides it or the template does not say it literally */
  encrypted: boolean | undefined;
  /** Where `StorageEncrypted` is written, else the database */
  loc: SourceLocation;
}

/** Properties that make a database from another one, whose encryption it takes. */
const COPIED_FROM: Readonly<Record<'instance' | 'cluster', readonly string[]>> = {
  instance: ['DBClusterIdentifier', 'SourceDBInstanceIdentifier', 'DBSnapshotIdentifier', 'SourceDBClusterIdentifier', 'SourceDbiResourceId'],
  cluster: ['SnapshotIdentifier', 'SourceDBClusterIdentifier', 'ReplicationSourceIdentifier', 'GlobalClusterIdentifier'],
};

export function databaseStorageFacts(resource: Resource): DatabaseStorageFacts | undefined {
  const kind = resource.type === DB_INSTANCE_TYPE ? 'instance' : resource.type === DB_CLUSTER_TYPE || resource.type === DOCDB_CLUSTER_TYPE ? 'cluster' : undefined;
  if (!kind) return undefined;
  const p = resource.properties;
  const loc = p['StorageEncrypted'] !== undefined ? resource.locate('StorageEncrypted') : resource.loc;
  return { resource, kind, service: resource.type === DOCDB_CLUSTER_TYPE ? 'DocumentDB' : 'RDS', encrypted: encryption(kind, p), loc };
}

function encryption(kind: 'instance' | 'cluster', p: ValueMap): boolean | undefined {
  if (COPIED_FROM[kind].some((key) => p[key] !== undefined)) return undefined;
  if (kind === 'instance' && asString(p['Engine'])?.toLowerCase().startsWith('aurora')) return undefined;
  if (p['KmsKeyId'] !== undefined) return true;
  if (kind === 'cluster' && asString(p['EngineMode'])?.toLowerCase() === 'serverless') return true;
  if (p['StorageEncrypted'] === undefined) return false;
  return asBoolean(p['StorageEncrypted']);
}
