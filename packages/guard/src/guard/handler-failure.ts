import { isClientError } from '../errors/client-error.js';
import { errorResponse, type HttpResponse } from '../errors/http-response.js';
import type { FailureAnswer } from './service-answer.js';
import { isHttpSource } from '../sources/source-name.js';
import { failSource, logEvent, type GuardConfig, type Invocation } from './pipeline.js';

/**
 * Turns an error thrown by the handler into a safe outcome. A `ClientError`
 * keeps its status and message; anything else is logged and answered with a
 * generic 500 (HTTP), the source's own failure answer (Lex, Bedrock agents,
 * custom resources) or a bare thrown `GuardError` (other sources), so
 * no message or stack trace leaves the function.
 */
export async function handlerFailure(config: GuardConfig, inv: Invocation, error: unknown): Promise<HttpResponse | FailureAnswer> {
  const source = inv.source;
  const http = source !== 'unknown' && isHttpSource(source);
  if (http && isClientError(error)) {
    return errorResponse(source, error.status, error.message, inv.correlationId, error.headers);
  }
  logEvent(config, inv, 'handler_error', describeError(error));
  if (http) return errorResponse(source, 500, 'Internal Server Error', inv.correlationId);
  return failSource(config, inv, { event: 'handler_error', status: 500, publicMessage: 'Internal Server Error', correlationId: inv.correlationId });
}

export function describeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { error: typeof error };
  return { error: error.name, message: error.message };
}
