/**
 * Powertools' logger writes the whole event to the log (at INFO) before the handler runs when its
 * Lambda context injection is told to: `injectLambdaContext(logger, { logEvent: true })` as middy
 * middleware, `@logger.injectLambdaContext({ logEvent: true })` on a handler method, Python's
 * `@logger.inject_lambda_context(log_event=True)`. Without the option, the function's environment
 * decides: `POWERTOOLS_LOGGER_LOG_EVENT=true` turns it on.
 */
import type { SourceLocation } from '../../model/location.js';
import type { SinkHit } from './summaries.js';

/** The Powertools logger package; its middleware is imported from it or from its `/middleware` entry. */
export const POWERTOOLS_LOGGER = '@aws-lambda-powertools/logger';

export function isPowertoolsLogger(module: string | undefined): boolean {
  return module === POWERTOOLS_LOGGER || module?.startsWith(`${POWERTOOLS_LOGGER}/`) === true;
}

/** The variable Powertools reads when the injection is not told whether to log the event. */
export const LOG_EVENT_VARIABLE = 'POWERTOOLS_LOGGER_LOG_EVENT';

/** Where a handler's wrapper logs its whole event, and on what condition. */
export interface EventLogging {
  loc: SourceLocation;
  /** The injection as written: `injectLambdaContext`, `logger.inject_lambda_context` */
  what: string;
  /** The option as written where it is set: `log_event=True`, `{ logEvent: true }` */
  setting?: string;
  /** Set when the event is logged only if the function's environment sets this variable to `true` */
  whenVariable?: string;
}

/** What an injection's option (`logEvent`, `log_event`) says: `unknown` is a value not written in the call. */
export type LogEventOption = 'on' | 'off' | 'absent' | 'unknown';

/**
 * The event logging of an injection: `on` logs, `off` does not, `absent` leaves it to the
 * environment; `unknown` is not reported. `on`: how the language writes the option, for the message.
 */
export function injectionLogging(option: LogEventOption, loc: SourceLocation, what: string, on: string): EventLogging | undefined {
  if (option === 'on') return { loc, what, setting: on };
  return option === 'absent' ? { loc, what, whenVariable: LOG_EVENT_VARIABLE } : undefined;
}

/** The log of the whole event that `logging` makes, as the code analysis records a logging call. */
export function wholeEventLogHit(logging: EventLogging): SinkHit {
  const how = logging.whenVariable ? `${logging.what} logs the whole event when ${logging.whenVariable} is true` : `${logging.what}(${logging.setting ?? ''}) logs the whole event`;
  return {
    kind: 'log',
    loc: logging.loc,
    what: logging.what,
    ...(logging.whenVariable ? { whenVariable: logging.whenVariable } : {}),
    taint: { origin: { kind: 'event', path: [] }, steps: [{ loc: logging.loc, message: how }], sanitized: new Set() },
  };
}
