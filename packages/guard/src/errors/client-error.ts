/**
 * An error a handler throws on purpose to answer the client, such as a 404.
 * Its status and message are returned as they are; every other error becomes
 * a generic 500 carrying only the correlation id.
 */
export class ClientError extends Error {
  override readonly name = 'ClientError';
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;

  constructor(status: number, message: string, headers: Readonly<Record<string, string>> = {}) {
    super(message);
    if (!Number.isInteger(status) || status < 400 || status > 499) {
      throw new RangeError(`ClientError status must be a 4xx code, got ${status}`);
    }
    this.status = status;
    this.headers = headers;
  }
}

export function isClientError(error: unknown): error is ClientError {
  return error instanceof ClientError;
}
