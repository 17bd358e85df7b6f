/**
 * The query objects whose properties are sinks whatever call they
 * go to. The sink calls themselves are data: `models/javascript-sinks.ts` and
 * `models/python-sinks.ts`.
 */
import { deepTaints } from './propagation.js';
import type { Value } from './types.js';

export { FIXED_ORIGIN } from './models/predicates.js';

/** DynamoDB request properties that are expressions or raw filters: built from input, they change the query. */
export const DYNAMODB_EXPRESSION_PROPS: readonly string[] = [
  'FilterExpression', 'KeyConditionExpression', 'ConditionExpression', 'UpdateExpression', 'ProjectionExpression',
  'ScanFilter', 'QueryFilter', 'KeyConditions', 'Expected', 'Statement',
];

/** Legacy DynamoDB conditions: a map from attribute name to `{ ComparisonOperator, AttributeValueList }`. */
const LEGACY_CONDITIONS: ReadonlySet<string> = new Set(['ScanFilter', 'QueryFilter', 'KeyConditions', 'Expected']);

/**
 * The part of a request property that changes the query: all of an expression; of a legacy
 * condition map, the map itself or a condition's operator when the sender chooses them, not the
 * condition of an attribute the code named (`ScanFilter={'name': value}`).
 */
export function queryShaping(prop: string, v: Value): Value {
  if (!LEGACY_CONDITIONS.has(prop)) return v;
  const operators = [...(v.props?.values() ?? [])].flatMap((c) => deepTaints(c.props?.get('ComparisonOperator')));
  return { taints: [...v.taints, ...operators] };
}

/** Mongo operator that runs JavaScript on the server. */
export const MONGO_WHERE = '$where';
