import { isClientError } from '../errors/client-error.js';
import { errorResponse, GuardError, type HttpResponse } from '../errors/http-response.js';
import { isHttpSource } from '../sources/source-name.js';
import { logEvent, type GuardConfig, type Invocation } from './pipeline.js';

/**
 * Turns an error thrown by the handler into a safe outcome. A `ClientError`
 * keeps its status and message; anything else is logged and answered with a
 * generic 500 (HTTP) or rethrown as a bare `GuardError` (other sources), so
 * no message or stack trace leaves the function.
 */
export function handlerFailure(config: GuardConfig, inv: Invocation, error: unknown): HttpResponse {
  const source = inv.source;
  const http = source !== 'unknown' && isHttpSource(source);
  if (http && isClientError(error)) {
    return errorResponse(source, error.status, error.message, inv.correlationId, error.headers);
  }
  logEvent(config, inv, 'handler_error', describeError(error));
  if (http) return errorResponse(source, 500, 'Internal Server Error', inv.correlationId);
  throw new GuardError('handler_error', inv.correlationId);
}

export function describeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { error: typeof error };
  return { error: error.name, message: error.message };
}
