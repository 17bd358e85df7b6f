/** The kinds of security event the guard logs. */
export type SecurityEventType =
  | 'unexpected_source'
  | 'validation_failed'
  | 'auth_failed'
  | 'rate_limited'
  | 'handler_error'
  | 'guard_error';

/**
 * An event the guard refused. `publicMessage` is the only text that leaves
 * the function; `details` go to the security log (redacted) and nowhere else.
 */
export class GuardRejection extends Error {
  override readonly name = 'GuardRejection';

  constructor(
    readonly type: SecurityEventType,
    readonly status: number,
    readonly publicMessage: string,
    readonly details: Readonly<Record<string, unknown>> = {},
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(publicMessage);
  }
}
