/**
 * What the sink families are, and the query objects whose properties are sinks whatever call they
 * go to. The sink calls themselves are data: `models/javascript-sinks.ts` and
 * `models/python-sinks.ts`.
 */
import type { SinkFamily } from './types.js';

export { FIXED_ORIGIN } from './models/predicates.js';

export interface SinkFamilyInfo {
  title: string;
  cwe: string;
}

export const FAMILY_INFO: Readonly<Record<SinkFamily, SinkFamilyInfo>> = {
  command: { title: 'command execution', cwe: 'CWE-78' },
  code: { title: 'code evaluation', cwe: 'CWE-94' },
  deserialization: { title: 'unsafe deserialization', cwe: 'CWE-502' },
  sql: { title: 'SQL query', cwe: 'CWE-89' },
  nosql: { title: 'NoSQL query', cwe: 'CWE-943' },
  path: { title: 'file system path', cwe: 'CWE-22' },
  ssrf: { title: 'outbound request', cwe: 'CWE-918' },
  xss: { title: 'HTML response', cwe: 'CWE-79' },
  redirect: { title: 'redirect', cwe: 'CWE-601' },
  regex: { title: 'regular expression', cwe: 'CWE-1333' },
};

/** DynamoDB request properties that are expressions or raw filters: built from input, they change the query. */
export const DYNAMODB_EXPRESSION_PROPS: readonly string[] = [
  'FilterExpression', 'KeyConditionExpression', 'ConditionExpression', 'UpdateExpression', 'ProjectionExpression',
  'ScanFilter', 'QueryFilter', 'KeyConditions', 'Expected', 'Statement',
];

/** Mongo operator that runs JavaScript on the server. */
export const MONGO_WHERE = '$where';
