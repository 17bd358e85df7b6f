/**
 * Whether a log the code analysis found is written, given the function's environment: a call below
 * the level the environment sets writes nothing, and Powertools logs the event on its own only
 * when `POWERTOOLS_LOGGER_LOG_EVENT` turns it on. Every rule that reads the analysis's event logs
 * asks this first.
 */
import type { LambdaFunction } from '../../model/app-model.js';
import type { CodeEvent } from '../../code/taint/analyze-function.js';

export function isWritten(e: CodeEvent, fn: LambdaFunction): boolean {
  return !belowLogLevel(e, fn) && !notTurnedOn(e, fn);
}

/**
 * The level the function's environment sets for its logger (Powertools reads `POWERTOOLS_LOG_LEVEL`,
 * then `LOG_LEVEL`, and Lambda's own `AWS_LAMBDA_LOG_LEVEL`; handlers commonly pass `LOG_LEVEL` to
 * their logger): a call below it writes nothing.
 */
const LOG_LEVEL_VARIABLES = ['POWERTOOLS_LOG_LEVEL', 'LOG_LEVEL', 'AWS_LAMBDA_LOG_LEVEL'];
const LEVELS: Readonly<Record<string, number>> = { DEBUG: 10, INFO: 20, WARN: 30, WARNING: 30, ERROR: 40, CRITICAL: 50, FATAL: 50 };

/** The level of a logging call, when its name says: `debug`, `info`, Powertools' `inject_lambda_context(log_event=True)` and `injectLambdaContext` (INFO). */
function callLevel(what: string): number | undefined {
  const method = what.slice(what.lastIndexOf('.') + 1);
  if (method === 'debug') return LEVELS['DEBUG'];
  if (method === 'info' || method === 'inject_lambda_context' || method === 'injectLambdaContext') return LEVELS['INFO'];
  return undefined;
}

/** A log its function's environment does not turn on (Powertools' `POWERTOOLS_LOGGER_LOG_EVENT`) writes nothing. */
function notTurnedOn(e: CodeEvent, fn: LambdaFunction): boolean {
  if (e.whenVariable === undefined) return false;
  const set = fn.environment.find((v) => v.name === e.whenVariable)?.value;
  // CloudFormation passes a YAML `true` as the text `true`.
  return !(set === true || (typeof set === 'string' && set.trim().toLowerCase() === 'true'));
}

function belowLogLevel(e: CodeEvent, fn: LambdaFunction): boolean {
  const level = callLevel(e.what);
  if (level === undefined) return false;
  const set = LOG_LEVEL_VARIABLES.map((name) => fn.environment.find((v) => v.name === name)?.value).find((v) => v !== undefined);
  const threshold = typeof set === 'string' && Object.hasOwn(LEVELS, set.trim().toUpperCase()) ? LEVELS[set.trim().toUpperCase()] : undefined;
  return threshold !== undefined && level < threshold;
}
