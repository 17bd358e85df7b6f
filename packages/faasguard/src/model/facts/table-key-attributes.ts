/**
 * The attributes that make a DynamoDB table's key (partition and sort key): an item is the one of
 * its key values, so a write keyed by a value never used before creates an item and changes none.
 *
 * `KeySchema` on `AWS::DynamoDB::Table` and `AWS::DynamoDB::GlobalTable`; SAM's
 * `AWS::Serverless::SimpleTable` has one key, `PrimaryKey.Name`, which is `id` when `PrimaryKey` is
 * left out (SAM's default). Terraform's `hash_key` and `range_key` are not translated: unknown.
 */
import type { Resource } from '../app-model.js';
import { asArray, asString, isValueMap, valueAt } from '../value.js';
import { GLOBAL_TABLE_TYPE, SIMPLE_TABLE_TYPE, TABLE_TYPE } from './table-recovery-facts.js';

/** The key's attribute names; undefined when not a table or when a name cannot be read. */
export function tableKeyAttributes(table: Resource): string[] | undefined {
  const p = table.properties;
  if (table.type === SIMPLE_TABLE_TYPE) {
    if (p['PrimaryKey'] === undefined) return ['id'];
    const name = asString(valueAt(p['PrimaryKey'], 'Name'));
    return name === undefined ? undefined : [name];
  }
  if (table.type !== TABLE_TYPE && table.type !== GLOBAL_TABLE_TYPE) return undefined;
  const names = asArray(p['KeySchema']).map((k) => (isValueMap(k) ? asString(k['AttributeName']) : undefined));
  return names.length > 0 && names.every((n) => n !== undefined) ? (names as string[]) : undefined;
}
