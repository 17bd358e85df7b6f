import type { HttpSourceName } from '../sources/source-name.js';

/** The response shape every HTTP source accepts (ALB also wants a status description). */
export interface HttpResponse {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
  statusDescription?: string;
  isBase64Encoded?: boolean;
}

const REASONS: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  413: 'Payload Too Large',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/**
 * A JSON error response holding only a public message and the correlation id:
 * nothing from the error object itself.
 */
export function errorResponse(
  source: HttpSourceName,
  status: number,
  message: string,
  correlationId: string,
  headers: Readonly<Record<string, string>> = {},
  extra: Readonly<Record<string, unknown>> = {},
): HttpResponse {
  const response: HttpResponse = {
    statusCode: status,
    headers: {
      'content-type': 'application/json',
      'cache-control': 'no-store',
      'x-correlation-id': correlationId,
      ...headers,
    },
    body: JSON.stringify({ error: message, correlationId, ...extra }),
  };
  // ALB and VPC Lattice answer with a status line of their own.
  if (source === 'alb' || source === 'vpc-lattice') {
    response.statusDescription = `${status} ${REASONS[status] ?? 'Error'}`;
    response.isBase64Encoded = false;
  }
  return response;
}

/** Error thrown for non-HTTP sources, so that the platform's retries and DLQ apply; carries no internals. */
export class GuardError extends Error {
  override readonly name = 'GuardError';

  constructor(
    readonly event: string,
    readonly correlationId: string,
  ) {
    super(`Rejected by guard: ${event} (correlation id ${correlationId})`);
    // The stack would point into the guard, not at the cause; it says nothing useful to a caller.
    this.stack = `${this.name}: ${this.message}`;
  }
}
