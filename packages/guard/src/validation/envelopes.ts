import { gunzipSync } from 'node:zlib';
import { GuardRejection } from '../errors/guard-rejection.js';
import { readRawBody } from '../sources/http-request.js';
import type { RecordSourceName, SourceName } from '../sources/source-name.js';
import { checkParsedPayload, DEFAULT_MAX_BYTES, parseJsonSafely, type PayloadLimits } from './payload-limits.js';
import { readText, TextPayload, type ParseMode } from './text-payload.js';
import { asObject as obj } from '../sources/json-object.js';

/**
 * What the schema sees: `payload` unwraps the source's envelope (JSON body,
 * SQS body, SNS message, Kinesis data, EventBridge detail...); `raw` hands
 * over the whole event, or the whole record for batch sources.
 */
export type EnvelopeMode = 'payload' | 'raw';

/** One record of a batch source, with the id that `batchItemFailures` reports. */
export interface BatchRecord {
  readonly itemId: string;
  readonly record: Record<string, unknown>;
}

type Obj = Record<string, unknown>;

function malformed(reason: string): never {
  throw new GuardRejection('validation_failed', 400, 'Invalid request', { reason });
}

function decodeBase64(data: unknown, limits: PayloadLimits): string {
  if (typeof data !== 'string') malformed('record data is not a string');
  // Base64 inflates by 4/3: refuse oversized data before decoding it.
  if (data.length > ((limits.maxBytes ?? DEFAULT_MAX_BYTES) * 4) / 3 + 4) malformed('payload too large');
  const bytes = Buffer.from(data, 'base64');
  // CloudWatch Logs subscriptions write gzipped JSON to Kinesis and Firehose; gzip starts with 1f 8b.
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) return gunzipBounded(bytes, limits);
  return bytes.toString('utf8');
}

function gunzipBounded(compressed: Buffer, limits: PayloadLimits): string {
  try {
    // Bounded output: a small gzip bomb must not expand past the payload limit.
    return gunzipSync(compressed, { maxOutputLength: limits.maxBytes ?? DEFAULT_MAX_BYTES }).toString('utf8');
  } catch {
    malformed('data is not valid gzip or is too large');
  }
}

function textOf(text: unknown): TextPayload {
  if (typeof text !== 'string') malformed('message body is not a string');
  return new TextPayload(text);
}

/** The records of a partial-batch source, each with its failure identifier. */
export function batchRecords(event: unknown, source: RecordSourceName): BatchRecord[] {
  const records = obj(event)[source === 'kinesis-firehose' || source === 'kinesis-analytics' ? 'records' : 'Records'];
  if (!Array.isArray(records)) malformed('batch without Records');
  return records.map((raw) => {
    const record = obj(raw);
    return { itemId: recordItemId(record, source), record };
  });
}

function recordItemId(record: Obj, source: RecordSourceName): string {
  switch (source) {
    case 'kinesis-firehose':
    case 'kinesis-analytics':
      return String(record['recordId'] ?? '');
    case 'sqs':
    case 's3-sqs':
    case 'sns-sqs':
      return String(record['messageId'] ?? '');
    case 'kinesis-stream':
      return String(obj(record['kinesis'])['sequenceNumber'] ?? '');
    case 'dynamodb-stream':
      return String(obj(record['dynamodb'])['SequenceNumber'] ?? '');
  }
}

/** The payload of one record of a partial-batch source; text stays a {@link TextPayload} until its schema is known. */
export function unwrapRecord(
  record: Obj,
  source: RecordSourceName,
  mode: EnvelopeMode,
  limits: PayloadLimits,
): unknown {
  if (mode === 'raw') return checkParsedPayload(record, limits);
  switch (source) {
    case 'sqs':
    case 's3-sqs':
      return textOf(record['body']);
    case 'sns-sqs':
      return textOf(obj(parseJsonSafely(String(record['body']), limits))['Message']);
    case 'kinesis-stream':
      return new TextPayload(decodeBase64(obj(record['kinesis'])['data'], limits));
    case 'kinesis-firehose':
    case 'kinesis-analytics':
      return new TextPayload(decodeBase64(record['data'], limits));
    case 'dynamodb-stream':
      return checkParsedPayload(record['dynamodb'], limits);
  }
}

/** The payload of a single (non partial-batch) event; a text payload stays a {@link TextPayload}. */
export function unwrapEvent(
  event: unknown,
  source: SourceName,
  mode: EnvelopeMode,
  limits: PayloadLimits,
  parse: ParseMode = 'auto',
): unknown {
  if (mode === 'raw') return checkParsedPayload(event, limits);
  const e = obj(event);
  switch (source) {
    case 'apigw-rest':
    case 'apigw-http':
    case 'apigw-websocket':
    case 'function-url':
    case 'alb':
    case 'vpc-lattice':
      return httpBody(e);
    case 'sns':
      return textOf(obj(singleRecord(e)['Sns'])['Message']);
    case 's3':
    case 'ses':
    case 'codecommit':
      return checkParsedPayload(singleRecord(e), limits);
    case 'eventbridge':
    case 'eventbridge-scheduled':
    case 's3-eventbridge':
      return checkParsedPayload(e['detail'], limits);
    case 'kafka-msk':
    case 'kafka-self-managed':
      return kafkaValues(e, limits, parse);
    case 'mq':
      return mqMessages(e, limits, parse);
    case 'cloudwatch-logs':
      return logsData(e, limits);
    case 'codepipeline':
      return userParameters(e);
    case 'cloudfront':
      return checkParsedPayload(singleRecord(e)['cf'], limits);
    default:
      return checkParsedPayload(servicePayload(event, source), limits);
  }
}

/**
 * The part of a service's own event that carries the caller's data (field
 * arguments, published events, flow parameters, what a bot heard); the event
 * itself where the service sends no caller payload (Secrets Manager
 * rotation, authorizers, Cognito, direct invocations).
 */
function servicePayload(event: unknown, source: SourceName): unknown {
  const e = obj(event);
  switch (source) {
    case 'appsync-resolver':
      return e['arguments'] ?? {};
    case 'appsync-events':
      // Subscribing publishes nothing: the list is empty.
      return Array.isArray(e['events']) ? e['events'].map((published) => obj(published)['payload']) : [];
    case 's3-object-lambda':
      return e['userRequest'];
    case 'cloudformation-custom-resource':
      return e['ResourceProperties'] ?? {};
    case 'transfer-identity-provider':
      return transferCredentials(e);
    case 'connect':
      return obj(e['Details'])['Parameters'] ?? {};
    case 'alexa':
      return e['request'] ?? e['directive'];
    case 'lex':
      return lexInput(e);
    case 'bedrock-agent':
      return agentInput(e);
    default:
      return event;
  }
}

// The password is there only for password logins; key-based SFTP logins send none.
function transferCredentials(e: Obj): Obj {
  const out: Obj = { username: e['username'], protocol: e['protocol'], sourceIp: e['sourceIp'] };
  if (e['password'] !== undefined) out['password'] = e['password'];
  return out;
}

/** The pipeline author's `UserParameters` string, read as any text payload; undefined when the action has none. */
function userParameters(e: Obj): TextPayload | undefined {
  const job = obj(e['CodePipeline.job']);
  const text = obj(obj(obj(job['data'])['actionConfiguration'])['configuration'])['UserParameters'];
  return typeof text === 'string' ? new TextPayload(text) : undefined;
}

/** What the user said and the slot values the bot understood, one shape for Lex V1 and V2. */
function lexInput(e: Obj): Obj {
  const v2Intent = obj(e['sessionState'])['intent'];
  if (v2Intent !== undefined) {
    const intent = obj(v2Intent);
    return { inputTranscript: e['inputTranscript'], intent: intent['name'], slots: mapValues(obj(intent['slots']), lexV2SlotValue) };
  }
  const intent = obj(e['currentIntent']);
  return { inputTranscript: e['inputTranscript'], intent: intent['name'], slots: intent['slots'] ?? {} };
}

// A V2 slot is { value: { interpretedValue } } or, for list slots, { values: [slot...] }; unfilled slots are null.
function lexV2SlotValue(slot: unknown): unknown {
  if (slot === null || typeof slot !== 'object') return null;
  const s = slot as Obj;
  if (Array.isArray(s['values'])) return s['values'].map(lexV2SlotValue);
  return obj(s['value'])['interpretedValue'] ?? null;
}

/** Parameters and request body properties by name (Bedrock sends them as lists of { name, type, value }). */
function agentInput(e: Obj): Obj {
  const out: Obj = { parameters: byName(e['parameters']) };
  const content = obj(obj(e['requestBody'])['content']);
  const first = Object.values(content)[0];
  if (first !== undefined) out['body'] = byName(obj(first)['properties']);
  return out;
}

function byName(list: unknown): Obj {
  const out: Obj = {};
  if (!Array.isArray(list)) return out;
  for (const item of list) {
    const { name, value } = obj(item);
    if (typeof name === 'string') setOwn(out, name, value);
  }
  return out;
}

function mapValues(o: Obj, f: (value: unknown) => unknown): Obj {
  const out: Obj = {};
  for (const key of Object.keys(o)) setOwn(out, key, f(o[key]));
  return out;
}

// Plain assignment of a `__proto__` key would set the prototype instead; an own key is what the key check refuses.
function setOwn(o: Obj, key: string, value: unknown): void {
  Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
}

function httpBody(event: Obj): TextPayload | undefined {
  const text = readRawBody(event);
  return text === '' ? undefined : new TextPayload(text);
}

// SNS, S3, SES and CodeCommit deliver one record per invocation; more is not a shape AWS sends.
function singleRecord(event: Obj): Obj {
  const records = event['Records'];
  if (!Array.isArray(records) || records.length !== 1) malformed('expected exactly one record');
  return obj(records[0]);
}

function arrayOf(value: unknown): unknown[] {
  if (!Array.isArray(value)) malformed('expected a list of records');
  return value;
}

function kafkaValues(event: Obj, limits: PayloadLimits, parse: ParseMode): unknown[] {
  const out: unknown[] = [];
  for (const partition of Object.values(obj(event['records']))) {
    for (const record of arrayOf(partition)) {
      const value = obj(record)['value'];
      // A record without a value is a tombstone (a deletion marker on a compacted topic).
      out.push(value == null ? null : readText(decodeBase64(value, limits), parse, limits));
    }
  }
  return out;
}

function mqMessages(event: Obj, limits: PayloadLimits, parse: ParseMode): unknown[] {
  const messages = Array.isArray(event['messages'])
    ? event['messages']
    : Object.values(obj(event['rmqMessagesByQueue'])).flatMap((queue) => arrayOf(queue));
  return messages.map((m) => readText(decodeBase64(obj(m)['data'], limits), parse, limits));
}

function logsData(event: Obj, limits: PayloadLimits): unknown {
  const compressed = Buffer.from(decodeBase64Raw(obj(event['awslogs'])['data']), 'base64');
  return parseJsonSafely(gunzipBounded(compressed, limits), limits);
}

function decodeBase64Raw(data: unknown): string {
  if (typeof data !== 'string') malformed('logs data is not a string');
  return data;
}
