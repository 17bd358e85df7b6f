import { randomUUID } from 'node:crypto';

/** The subset of the Lambda context the guard reads. */
export interface LambdaContextLike {
  readonly awsRequestId?: string;
  readonly functionName?: string;
}

/**
 * The id that ties a response, a security log line and the platform's own
 * logs together: the Lambda request id, which the platform generates and a
 * caller cannot choose.
 */
export function correlationIdOf(context: LambdaContextLike | undefined): string {
  const id = context?.awsRequestId;
  return typeof id === 'string' && /^[A-Za-z0-9-]{1,64}$/.test(id) ? id : randomUUID();
}
