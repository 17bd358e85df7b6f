import { GuardRejection } from '../errors/guard-rejection.js';
import { parseJsonSafely, type PayloadLimits } from '../validation/payload-limits.js';
import { looksLikeJsonStructure } from '../validation/text-payload.js';
import { isObject as isObj } from './json-object.js';

type Obj = Record<string, unknown>;

/** The sources an SQS record can carry; each record of a batch is classified on its own. */
export type SqsRecordSource = 'sqs' | 's3-sqs' | 'sns-sqs';

/**
 * An SQS body read once, for classification and then validation: JSON-shaped
 * text parsed (or the reason it could not be), other text as it is.
 */
export type ParsedBody =
  | { readonly kind: 'json'; readonly text: string; readonly value: unknown }
  | { readonly kind: 'invalid'; readonly text: string; readonly error: unknown }
  | { readonly kind: 'text'; readonly text: string };

export function parseSqsBody(body: unknown, limits: PayloadLimits): ParsedBody {
  if (typeof body !== 'string') {
    throw new GuardRejection('validation_failed', 400, 'Invalid request', { reason: 'message body is not a string' });
  }
  if (!looksLikeJsonStructure(body)) return { kind: 'text', text: body };
  try {
    return { kind: 'json', text: body, value: parseJsonSafely(body, limits) };
  } catch (error) {
    return { kind: 'invalid', text: body, error };
  }
}

/** What a record carries, from the parsed structure of its body: never from a substring of it. */
export function sqsRecordSource(body: ParsedBody): SqsRecordSource {
  if (body.kind !== 'json') return 'sqs';
  if (isS3Notification(body.value)) return 's3-sqs';
  if (isSnsNotification(body.value)) return 'sns-sqs';
  return 'sqs';
}

/**
 * An SNS notification as SNS delivers it to a queue without raw message
 * delivery: `Type: "Notification"`, the topic's ARN, and the `Message` text.
 * (With raw delivery the body is the message itself: an ordinary SQS message.)
 */
export function isSnsNotification(value: unknown): value is Obj & { Message: string } {
  if (!isObj(value) || value['Type'] !== 'Notification') return false;
  const topic = value['TopicArn'];
  return (
    typeof topic === 'string' && /^arn:aws[a-z-]*:sns:/.test(topic) &&
    typeof value['MessageId'] === 'string' && typeof value['Message'] === 'string'
  );
}

/**
 * An S3 event notification: `Records` of `eventSource: "aws:s3"` with an `s3`
 * object, or the `s3:TestEvent` S3 sends when a notification is configured.
 */
export function isS3Notification(value: unknown): boolean {
  if (!isObj(value)) return false;
  if (value['Service'] === 'Amazon S3' && value['Event'] === 's3:TestEvent') return true;
  const records = value['Records'];
  if (!Array.isArray(records) || records.length === 0) return false;
  return records.every((r) => isObj(r) && r['eventSource'] === 'aws:s3' && isObj(r['s3']));
}
