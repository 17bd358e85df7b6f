/** The partial batch response of SQS, Kinesis and DynamoDB Streams event source mappings. */
export interface BatchResponse {
  batchItemFailures: Array<{ itemIdentifier: string }>;
}

/**
 * True when records must be handled in order: after one fails, the rest of
 * the batch is failed too. FIFO queues would otherwise deliver later messages
 * of a group before the retried one, and streams retry from the first failed
 * sequence number anyway, so handling later records would run them twice.
 */
export function isOrderedBatch(source: string, event: unknown): boolean {
  if (source === 'kinesis-stream' || source === 'dynamodb-stream') return true;
  const records = (event as { Records?: Array<{ eventSourceARN?: unknown }> }).Records;
  const arn = records?.[0]?.eventSourceARN;
  return typeof arn === 'string' && arn.endsWith('.fifo');
}
