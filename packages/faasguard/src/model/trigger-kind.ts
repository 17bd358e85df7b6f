/**
 * How an event reaches a function, named with the runtime guard's source names.
 *
 * The guard's list (`SOURCE_NAMES` in packages/guard/src/sources/source-name.ts) is the one
 * vocabulary: a kind the scanner reports (JSON and SARIF properties, the attack-surface map) is
 * the name a guard `allow` list takes for the same entry point. The scanner reads the list through
 * the workspace package `@faasguard/guard/sources`, a subpath that loads the names alone, rather
 * than through a copied data file: the compiler then rejects a kind the guard does not name, and
 * there is no second copy to keep in step. The import is type-only, so the scanner does not load
 * the guard at run time.
 */
import type { SourceName } from '@faasguard/guard/sources';
import type { ApiProtocol } from './app-model.js';

/** The guard's source names that templates declare as triggers. */
export const SHARED_TRIGGER_KINDS = [
  'apigw-rest',
  'apigw-http',
  'apigw-websocket',
  'function-url',
  'alb',
  's3',
  'sqs',
  'sns',
  'dynamodb-stream',
  'kinesis-stream',
  'eventbridge',
  'eventbridge-scheduled',
  'iot',
  'cognito-user-pool',
  'ses',
  'cloudwatch-logs',
  'kafka-msk',
  'kafka-self-managed',
  'mq',
  'documentdb',
  'alexa',
  'appsync-resolver',
  'vpc-lattice',
  's3-object-lambda',
  'cloudfront',
  'kinesis-firehose',
  'iot-authorizer',
  'bedrock-agent',
  'codecommit',
  'transfer-identity-provider',
  'cloudformation-custom-resource',
  'apigw-authorizer-token',
  'apigw-authorizer-request',
] as const satisfies readonly SourceName[];

/**
 * Kinds only the scanner has; a guard sees each as `direct`. `step-functions`: a state machine's
 * task passes the state's input as the event, with no envelope that names the service.
 * `unknown`: a trigger whose source the template does not say (an event source mapping on an ARN
 * of another service).
 */
export const SCANNER_ONLY_TRIGGER_KINDS = ['step-functions', 'unknown'] as const;

export type TriggerKind = (typeof SHARED_TRIGGER_KINDS)[number] | (typeof SCANNER_ONLY_TRIGGER_KINDS)[number];

/** Every kind a trigger can have. */
export const TRIGGER_KINDS: readonly TriggerKind[] = [...SHARED_TRIGGER_KINDS, ...SCANNER_ONLY_TRIGGER_KINDS];

/** The kinds of API Gateway routes, one per API type. */
export const API_TRIGGER_KINDS = ['apigw-rest', 'apigw-http', 'apigw-websocket'] as const satisfies readonly TriggerKind[];

const API_KINDS: ReadonlySet<TriggerKind> = new Set(API_TRIGGER_KINDS);

/** Whether the trigger is an API Gateway route (REST, HTTP or WebSocket API). */
export function isApiTrigger(kind: TriggerKind): kind is (typeof API_TRIGGER_KINDS)[number] {
  return API_KINDS.has(kind);
}

/** Kinds whose event is a caller's request (HTTP, GraphQL, a voice request), not a record of something that happened. */
const REQUEST_KINDS: ReadonlySet<TriggerKind> = new Set<TriggerKind>([...API_TRIGGER_KINDS, 'function-url', 'alb', 'appsync-resolver', 'alexa', 'vpc-lattice', 's3-object-lambda', 'cloudfront', 'iot-authorizer', 'transfer-identity-provider', 'apigw-authorizer-token', 'apigw-authorizer-request']);

/** Whether a caller's request invokes the function through a trigger of this kind. */
export function isRequestTrigger(kind: TriggerKind): boolean {
  return REQUEST_KINDS.has(kind);
}

const API_KIND_OF: Readonly<Record<ApiProtocol, (typeof API_TRIGGER_KINDS)[number]>> = {
  rest: 'apigw-rest',
  http: 'apigw-http',
  websocket: 'apigw-websocket',
};

/** The kind of a route's trigger, from its API's type. */
export function apiTriggerKind(protocol: ApiProtocol): (typeof API_TRIGGER_KINDS)[number] {
  return API_KIND_OF[protocol];
}
