import type { Failure } from './service-answer.js';

type Obj = Record<string, unknown>;

/** How long the guard waits for CloudFormation's response bucket before giving up (and throwing). */
const SEND_TIMEOUT_MS = 10_000;

/**
 * The response document of a failed custom resource, as CloudFormation reads
 * it from the pre-signed `ResponseURL`.
 */
export interface CustomResourceFailure {
  readonly Status: 'FAILED';
  readonly Reason: string;
  readonly PhysicalResourceId: unknown;
  readonly StackId: unknown;
  readonly RequestId: unknown;
  readonly LogicalResourceId: unknown;
}

/**
 * Tells CloudFormation that a custom resource failed, so that the stack
 * rolls back now instead of waiting for its timeout. Sent only to
 * CloudFormation's response buckets (https, `*.amazonaws.com`) or a host
 * listed in `customResourceResponseHosts`: a forged event must not make the
 * function send requests where its author chooses. Returns the document
 * sent, or undefined when the URL is not one the guard sends to.
 */
export async function sendCustomResourceFailure(
  event: Obj,
  failure: Failure,
  extraHosts: readonly string[],
): Promise<CustomResourceFailure | undefined> {
  const url = responseUrl(event['ResponseURL'], extraHosts);
  if (!url) return undefined;
  const document: CustomResourceFailure = {
    Status: 'FAILED',
    Reason: `Rejected by guard: ${failure.event} (correlation id ${failure.correlationId})`,
    // A failed Create has no resource yet; an Update or Delete keeps the one CloudFormation knows.
    PhysicalResourceId: event['PhysicalResourceId'] ?? failure.correlationId,
    StackId: event['StackId'],
    RequestId: event['RequestId'],
    LogicalResourceId: event['LogicalResourceId'],
  };
  // The URL is pre-signed for an empty content type.
  const response = await fetch(url, {
    method: 'PUT',
    body: JSON.stringify(document),
    headers: { 'content-type': '' },
    signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
  });
  if (!response.ok) throw new Error(`custom resource response refused with status ${response.status}`);
  return document;
}

function responseUrl(value: unknown, extraHosts: readonly string[]): URL | undefined {
  if (typeof value !== 'string') return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  if (extraHosts.includes(url.hostname) && (url.protocol === 'https:' || url.protocol === 'http:')) return url;
  const aws = url.hostname.endsWith('.amazonaws.com') || url.hostname.endsWith('.amazonaws.com.cn');
  return url.protocol === 'https:' && aws ? url : undefined;
}
