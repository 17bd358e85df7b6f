/**
 * How an ElastiCache replication group (Valkey or Redis OSS) protects its data: on the wire
 * between the functions and the nodes, on disk (swap, sync files, backups in S3), and by making
 * clients sign in.
 *
 * Defaults as the ElastiCache API documents them: encryption in transit is off unless
 * `TransitEncryptionEnabled` is true; encryption at rest is off for Redis OSS (the default engine)
 * and on for Valkey unless `AtRestEncryptionEnabled` says otherwise. A secondary of a global
 * datastore (`GlobalReplicationGroupId`) takes both from the datastore, so it is not judged here.
 */
import type { Resource } from '../app-model.js';
import type { SourceLocation } from '../location.js';
import { asBoolean, asString, type Value } from '../value.js';

export const REPLICATION_GROUP_TYPE = 'AWS::ElastiCache::ReplicationGroup';

/** One protection, as the template decides it. */
export interface EncryptionSetting {
  /** True or false when the template decides it (written as a literal, or by the default); undefined when known only at deploy time */
  enabled: boolean | undefined;
  /** Whether the setting is written */
  written: boolean;
  /** Where it is written, else the replication group */
  loc: SourceLocation;
}

/** Typed view of an `AWS::ElastiCache::ReplicationGroup` (Terraform's `aws_elasticache_replication_group`). */
export interface CacheEncryptionFacts {
  resource: Resource;
  /** `valkey` or `redis` (lower case; `redis` when left out) */
  engine: string;
  inTransit: EncryptionSetting;
  atRest: EncryptionSetting;
  /** `TransitEncryptionMode: preferred`: TLS is offered, and plain connections are still accepted */
  acceptsPlainConnections: boolean;
  /** Where `TransitEncryptionMode` is written, when it is */
  modeLoc?: SourceLocation;
  /** Whether clients must sign in: an `AuthToken` (Redis AUTH) or `UserGroupIds` (RBAC users, IAM authentication) is written */
  requiresSignIn: boolean;
}

export function cacheEncryptionFacts(resource: Resource): CacheEncryptionFacts | undefined {
  if (resource.type !== REPLICATION_GROUP_TYPE) return undefined;
  const p = resource.properties;
  if (p['GlobalReplicationGroupId'] !== undefined) return undefined;
  const engine = (asString(p['Engine']) ?? 'redis').toLowerCase();
  const mode = asString(p['TransitEncryptionMode'])?.toLowerCase();
  return {
    resource,
    engine,
    inTransit: setting(resource, 'TransitEncryptionEnabled', false),
    atRest: setting(resource, 'AtRestEncryptionEnabled', engine === 'valkey'),
    acceptsPlainConnections: mode === 'preferred',
    ...(p['TransitEncryptionMode'] !== undefined ? { modeLoc: resource.locate('TransitEncryptionMode') } : {}),
    requiresSignIn: p['AuthToken'] !== undefined || p['UserGroupIds'] !== undefined,
  };
}

function setting(resource: Resource, property: string, byDefault: boolean): EncryptionSetting {
  const v: Value | undefined = resource.properties[property];
  if (v === undefined) return { enabled: byDefault, written: false, loc: resource.loc };
  return { enabled: asBoolean(v), written: true, loc: resource.locate(property) };
}
