/**
 * What an AWS IoT topic rule writes into DynamoDB tables: a `DynamoDB` action writes each message
 * it selects as an item keyed by the values it names, a `DynamoDBv2` action writes each message's
 * fields as an item (`PutItem`). Either way an item of the same key is replaced, and whoever may
 * publish to the rule's topic chooses what is written, unless each message gets a key of its own.
 */
import type { Resource } from '../app-model.js';
import type { SourceLocation } from '../location.js';
import { asArray, display, isValueMap, type Value } from '../value.js';

export const TOPIC_RULE_TYPE = 'AWS::IoT::TopicRule';

export interface IotRuleTableWrite {
  /** The table as the action names it (a reference or a name) */
  table: Value;
  /** The role the rule writes with, as written */
  role?: Value;
  /**
   * Each message gets a key of its own (`${timestamp()}`, `${newuuid()}` in a key value, or
   * `newuuid()` in the rule's query): the rule creates items and replaces none
   */
  createsOnly: boolean;
  loc: SourceLocation;
}

/** IoT SQL functions that give each message a key of its own. */
const FRESH_KEY = /\b(timestamp|newuuid)\s*\(/i;

export function iotRuleTableWrites(rule: Resource): IotRuleTableWrite[] {
  if (rule.type !== TOPIC_RULE_TYPE) return [];
  const payload = rule.properties['TopicRulePayload'];
  if (!isValueMap(payload)) return [];
  return asArray(payload['Actions']).flatMap((action, i) => {
    if (!isValueMap(action)) return [];
    const v1 = action['DynamoDB'];
    const v2 = action['DynamoDBv2'];
    const config = isValueMap(v1) ? v1 : isValueMap(v2) ? v2 : undefined;
    const table = isValueMap(v1) ? v1['TableName'] : isValueMap(v2) && isValueMap(v2['PutItem']) ? v2['PutItem']['TableName'] : undefined;
    if (!config || table === undefined) return [];
    const key = isValueMap(v1) ? 'DynamoDB' : 'DynamoDBv2';
    const keyValues = isValueMap(v1) ? [v1['HashKeyValue'], v1['RangeKeyValue']] : [payload['Sql']];
    const createsOnly = keyValues.some((v) => v !== undefined && FRESH_KEY.test(display(v)));
    return [{ table, ...(config['RoleArn'] !== undefined ? { role: config['RoleArn'] } : {}), createsOnly, loc: rule.locate('TopicRulePayload', 'Actions', String(i), key) }];
  });
}
