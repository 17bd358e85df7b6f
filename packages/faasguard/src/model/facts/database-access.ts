/**
 * Whether an RDS database asks for an address on the internet: `PubliclyAccessible`
 * (`publicly_accessible`) set to true on a DB instance (Aurora's included) or a Multi-AZ DB cluster.
 * Left out, RDS decides by the subnet group and VPC; only a literal true is taken as a request.
 */
import type { Resource } from '../app-model.js';
import type { SourceLocation } from '../location.js';
import { asBoolean, asString } from '../value.js';
import { DB_CLUSTER_TYPE, DB_INSTANCE_TYPE } from './database-storage.js';

export interface DatabaseAccessFacts {
  resource: Resource;
  kind: 'instance' | 'cluster';
  engine?: string;
  /** Where `PubliclyAccessible: true` is written */
  loc: SourceLocation;
}

/** The facts of a database that is publicly accessible; undefined for others. */
export function publiclyAccessibleDatabase(resource: Resource): DatabaseAccessFacts | undefined {
  const kind = resource.type === DB_INSTANCE_TYPE ? 'instance' : resource.type === DB_CLUSTER_TYPE ? 'cluster' : undefined;
  if (!kind || asBoolean(resource.properties['PubliclyAccessible']) !== true) return undefined;
  const engine = asString(resource.properties['Engine']);
  return { resource, kind, ...(engine !== undefined ? { engine } : {}), loc: resource.locate('PubliclyAccessible') };
}
