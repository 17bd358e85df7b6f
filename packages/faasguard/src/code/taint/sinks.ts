/**
 * The query objects whose properties are sinks whatever call they
 * go to. The sink calls themselves are data: `models/javascript-sinks.ts` and
 * `models/python-sinks.ts`.
 */
export { FIXED_ORIGIN } from './models/predicates.js';

/** DynamoDB request properties that are expressions or raw filters: built from input, they change the query. */
export const DYNAMODB_EXPRESSION_PROPS: readonly string[] = [
  'FilterExpression', 'KeyConditionExpression', 'ConditionExpression', 'UpdateExpression', 'ProjectionExpression',
  'ScanFilter', 'QueryFilter', 'KeyConditions', 'Expected', 'Statement',
];

/** Mongo operator that runs JavaScript on the server. */
export const MONGO_WHERE = '$where';
