/**
 * The stable name of every event source the guard recognises.
 *
 * These names are part of the public API: they appear in `allow` lists,
 * in per-source schemas and in security log events, so they never change
 * once released. The README documents each one.
 */
export const SOURCE_NAMES = [
  'apigw-rest',
  'apigw-http',
  'apigw-websocket',
  'apigw-authorizer-token',
  'apigw-authorizer-request',
  'function-url',
  'alb',
  's3',
  's3-eventbridge',
  's3-sqs',
  'sns-sqs',
  'sqs',
  'sns',
  'dynamodb-stream',
  'kinesis-stream',
  'kinesis-firehose',
  'eventbridge',
  'eventbridge-scheduled',
  'iot',
  'codecommit',
  'cognito-user-pool',
  'ses',
  'cloudwatch-logs',
  'kafka-msk',
  'kafka-self-managed',
  'mq',
  'documentdb',
  'appsync-resolver',
  'appsync-events',
  'vpc-lattice',
  's3-object-lambda',
  'cloudfront',
  'cloudformation-custom-resource',
  'transfer-identity-provider',
  'connect',
  'secrets-manager-rotation',
  'codepipeline',
  'kinesis-analytics',
  'alexa',
  'lex',
  'bedrock-agent',
  'iot-authorizer',
  'direct',
] as const;

/** One of {@link SOURCE_NAMES}. */
export type SourceName = (typeof SOURCE_NAMES)[number];

/** Sources that reach the function as an HTTP request and expect an HTTP response. */
export const HTTP_SOURCES = ['apigw-rest', 'apigw-http', 'apigw-websocket', 'function-url', 'alb', 'vpc-lattice'] as const;

/** One of {@link HTTP_SOURCES}. */
export type HttpSourceName = (typeof HTTP_SOURCES)[number];

/**
 * Batch sources whose event source mapping understands `batchItemFailures`,
 * so that one bad record does not fail (and retry) the whole batch.
 */
export const PARTIAL_BATCH_SOURCES = ['sqs', 's3-sqs', 'sns-sqs', 'kinesis-stream', 'dynamodb-stream'] as const;

/** One of {@link PARTIAL_BATCH_SOURCES}. */
export type PartialBatchSourceName = (typeof PARTIAL_BATCH_SOURCES)[number];

/** Sources answered record by record with `{ records: [{ recordId, result, data }] }`. */
export type TransformSourceName = 'kinesis-firehose' | 'kinesis-analytics';

/** Sources whose records are checked, and handled, one by one: the partial batches, Firehose and Kinesis Data Analytics. */
export type RecordSourceName = PartialBatchSourceName | TransformSourceName;

export function isTransformSource(source: SourceName): source is TransformSourceName {
  return source === 'kinesis-firehose' || source === 'kinesis-analytics';
}

const httpSet: ReadonlySet<string> = new Set(HTTP_SOURCES);
const batchSet: ReadonlySet<string> = new Set(PARTIAL_BATCH_SOURCES);
const nameSet: ReadonlySet<string> = new Set(SOURCE_NAMES);

export function isHttpSource(source: SourceName): source is HttpSourceName {
  return httpSet.has(source);
}

export function isPartialBatchSource(source: SourceName): source is PartialBatchSourceName {
  return batchSet.has(source);
}

export function isSourceName(value: unknown): value is SourceName {
  return typeof value === 'string' && nameSet.has(value);
}
