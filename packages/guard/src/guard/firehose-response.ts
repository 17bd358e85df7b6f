/** One record of a Firehose transformation response. */
export interface FirehoseRecordResult {
  readonly recordId: string;
  readonly result: 'Ok' | 'Dropped' | 'ProcessingFailed';
  /** Base64, as Firehose sends and expects it. */
  readonly data: string;
}

/** What a Firehose transformation function returns: one result per record, in the order received. */
export interface FirehoseResponse {
  records: FirehoseRecordResult[];
}

const RESULTS: ReadonlySet<unknown> = new Set(['Ok', 'Dropped', 'ProcessingFailed']);

/**
 * Reads a handler's result for one record: `{ result, data? }`, data in
 * base64 and, when left out, the record's original data. Undefined for
 * anything else, which the guard reports as `ProcessingFailed`.
 */
export function readRecordResult(value: unknown, recordId: string, original: string): FirehoseRecordResult | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { result, data } = value as { result?: unknown; data?: unknown };
  if (!RESULTS.has(result) || (data !== undefined && typeof data !== 'string')) return undefined;
  return { recordId, result: result as FirehoseRecordResult['result'], data: (data as string | undefined) ?? original };
}

export function processingFailed(recordId: string, original: string): FirehoseRecordResult {
  return { recordId, result: 'ProcessingFailed', data: original };
}
