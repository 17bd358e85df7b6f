/**
 * Whether a DynamoDB table keeps continuous backups (point-in-time recovery), and whether an AWS
 * Backup plan of the model may back it up instead.
 *
 * `PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled` left out means off, on
 * `AWS::DynamoDB::Table` and on SAM's `AWS::Serverless::SimpleTable`, which passes it on
 * (Terraform's `point_in_time_recovery { enabled }` is translated to it). A global table sets it
 * per replica.
 */
import type { Resource } from '../app-model.js';
import type { SourceLocation } from '../location.js';
import type { ModelIndex } from '../model-index.js';
import { asArray, asBoolean, isValueMap, referencedResource, valueAt, type Value } from '../value.js';

export const TABLE_TYPE = 'AWS::DynamoDB::Table';
export const SIMPLE_TABLE_TYPE = 'AWS::Serverless::SimpleTable';
export const GLOBAL_TABLE_TYPE = 'AWS::DynamoDB::GlobalTable';
const BACKUP_SELECTION_TYPE = 'AWS::Backup::BackupSelection';

/** Typed view of a table's point-in-time recovery. */
export interface TableRecoveryFacts {
  resource: Resource;
  /**
   * `on`, `off` (left out or false), or `unknown` (a value the scan cannot read, such as a
   * parameter without a default); for a global table, `off` when a replica has it off.
   */
  state: 'on' | 'off' | 'unknown';
  /** Whether `PointInTimeRecoveryEnabled` is written (a global table: false) */
  written: boolean;
  /** Whether `PointInTimeRecoverySpecification` is written, with or without the setting (a global table: false) */
  specificationWritten: boolean;
  /** Where a finding points: the setting when written, else the table (or the replica) */
  loc: SourceLocation;
  /** For a global table: the regions of the replicas without it, as written */
  replicasOff?: string[];
}

export function tableRecoveryFacts(resource: Resource): TableRecoveryFacts | undefined {
  if (resource.type === TABLE_TYPE || resource.type === SIMPLE_TABLE_TYPE) return singleTable(resource);
  if (resource.type === GLOBAL_TABLE_TYPE) return globalTable(resource);
  return undefined;
}

function singleTable(resource: Resource): TableRecoveryFacts {
  const spec = resource.properties['PointInTimeRecoverySpecification'];
  const enabled = valueAt(spec, 'PointInTimeRecoveryEnabled');
  const written = enabled !== undefined;
  const specificationWritten = spec !== undefined;
  const loc = specificationWritten ? resource.locate('PointInTimeRecoverySpecification', 'PointInTimeRecoveryEnabled') : resource.loc;
  return { resource, state: stateOf(spec, enabled), written, specificationWritten, loc };
}

/** A specification that is not a map (a parameter, a condition) may turn it on. */
function stateOf(spec: Value | undefined, enabled: Value | undefined): TableRecoveryFacts['state'] {
  if (spec !== undefined && !isValueMap(spec)) return 'unknown';
  if (enabled === undefined) return 'off';
  const on = asBoolean(enabled);
  return on === undefined ? 'unknown' : on ? 'on' : 'off';
}

function globalTable(resource: Resource): TableRecoveryFacts {
  const replicas = resource.properties['Replicas'];
  if (!Array.isArray(replicas) || replicas.some((r) => !isValueMap(r))) return { resource, state: 'unknown', written: false, specificationWritten: false, loc: resource.loc };
  const states = replicas.map((r) => stateOf(valueAt(r, 'PointInTimeRecoverySpecification'), valueAt(r, 'PointInTimeRecoverySpecification', 'PointInTimeRecoveryEnabled')));
  if (states.includes('unknown')) return { resource, state: 'unknown', written: false, specificationWritten: false, loc: resource.loc };
  const off = replicas.filter((_, i) => states[i] === 'off');
  if (off.length === 0) return { resource, state: 'on', written: true, specificationWritten: true, loc: resource.loc };
  const first = replicas.indexOf(off[0]!);
  return { resource, state: 'off', written: false, specificationWritten: false, loc: resource.locate('Replicas', String(first)), replicasOff: off.map((r) => regionOf(r)) };
}

function regionOf(replica: Value): string {
  const region = valueAt(replica, 'Region');
  return typeof region === 'string' ? region : 'a region the template does not name';
}

/**
 * Whether an AWS Backup selection of the model may back the table up: one that names it, names
 * resources by a wildcard, or selects by tags or conditions (which the scan does not evaluate).
 */
export function mayBeBackedUp(table: Resource, index: ModelIndex): boolean {
  return index.resourcesOfType(BACKUP_SELECTION_TYPE).some((s) => selectionMayInclude(s, table));
}

function selectionMayInclude(selection: Resource, table: Resource): boolean {
  const spec = selection.properties['BackupSelection'];
  if (!isValueMap(spec)) return true;
  if (asArray(spec['ListOfTags']).length > 0 || spec['Conditions'] !== undefined) return true;
  return asArray(spec['Resources']).some((r) => (typeof r === 'string' ? r.includes('*') : referencedResource(r)?.target === table.id || !referencedResource(r)));
}
