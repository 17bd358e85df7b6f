import { GuardRejection } from '../errors/guard-rejection.js';
import type { HttpSourceName } from '../sources/source-name.js';
import { isObject as isObj } from '../sources/json-object.js';

type Obj = Record<string, unknown>;

const isString = (value: unknown): boolean => typeof value === 'string';
const absentOr = (check: (value: unknown) => boolean) => (value: unknown) => value === undefined || check(value);
const absentNullOr = (check: (value: unknown) => boolean) => (value: unknown) => value == null || check(value);

/** A field an HTTP source always sends, with the check its value must pass. */
type FieldRule = readonly [path: readonly string[], check: (value: unknown) => boolean];

const V2_RULES: readonly FieldRule[] = [
  [['rawPath'], isString],
  [['rawQueryString'], absentOr(isString)],
  [['requestContext', 'http', 'method'], isString],
  [['headers'], absentOr(isObj)],
  [['isBase64Encoded'], absentOr((v) => typeof v === 'boolean')],
  // HTTP APIs and Function URLs leave `body` out when there is none: null is not a shape they send.
  [['body'], absentOr(isString)],
];

/**
 * The fields each HTTP source always sends, as AWS documents its event. An
 * event with a source's keys but not these is hand-made or corrupted.
 */
const RULES: Readonly<Record<HttpSourceName, readonly FieldRule[]>> = {
  'apigw-http': V2_RULES,
  'function-url': V2_RULES,
  'apigw-rest': [
    [['path'], isString],
    [['headers'], absentNullOr(isObj)],
    [['multiValueHeaders'], absentNullOr(isObj)],
    [['isBase64Encoded'], absentOr((v) => typeof v === 'boolean')],
    // REST APIs send `body: null` for a request without a body.
    [['body'], absentNullOr(isString)],
  ],
  alb: [
    [['path'], isString],
    [['headers'], absentOr(isObj)],
    [['multiValueHeaders'], absentOr(isObj)],
    [['isBase64Encoded'], (v) => typeof v === 'boolean'],
    // The load balancer always sends a string, empty without a body.
    [['body'], isString],
  ],
  // VPC Lattice event version 2; version 1 is below.
  'vpc-lattice': [
    [['path'], isString],
    [['method'], isString],
    [['headers'], absentOr(isObj)],
    [['isBase64Encoded'], absentOr((v) => typeof v === 'boolean')],
    [['body'], absentOr(isString)],
  ],
  'apigw-websocket': [
    [['requestContext', 'routeKey'], isString],
    [['isBase64Encoded'], absentOr((v) => typeof v === 'boolean')],
    [['body'], absentOr(isString)],
  ],
};

const LATTICE_V1_RULES: readonly FieldRule[] = [
  [['raw_path'], isString],
  [['method'], isString],
  [['headers'], absentOr(isObj)],
  [['is_base64_encoded'], (v) => typeof v === 'boolean'],
  [['body'], absentOr(isString)],
];

function read(event: Obj, path: readonly string[]): unknown {
  let value: unknown = event[path[0]!];
  for (let i = 1; i < path.length; i++) value = typeof value === 'object' && value !== null ? (value as Obj)[path[i]!] : undefined;
  return value;
}

/** Refuses an HTTP event that lacks a field its source always sends, whatever the envelope mode. */
export function assertHttpEnvelope(event: unknown, source: HttpSourceName): void {
  const e = isObj(event) ? event : {};
  const rules = source === 'vpc-lattice' && 'raw_path' in e ? LATTICE_V1_RULES : RULES[source];
  for (const [path, check] of rules) {
    if (!check(read(e, path))) {
      throw new GuardRejection('validation_failed', 400, 'Invalid request', { reason: 'malformed event', field: path.join('.') });
    }
  }
}
