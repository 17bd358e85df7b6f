import { GuardRejection } from '../errors/guard-rejection.js';
import type { StandardIssue, StandardResult, StandardSchemaV1 } from './standard-schema.js';

/**
 * A validation issue as logged and, when enabled, returned: the path and the
 * schema library's message (some libraries quote the received value in it).
 */
export interface PublicIssue {
  readonly path: string;
  readonly message: string;
}

/**
 * Runs a Standard Schema and returns its output, or throws a `validation_failed`
 * rejection. Synchronous schemas are answered synchronously: a promise only
 * when the schema returns one, so that the common case costs no extra ticks.
 */
export function validateWith<O>(schema: StandardSchemaV1<unknown, O>, value: unknown): O | Promise<O> {
  const result = schema['~standard'].validate(value);
  if (result instanceof Promise) return result.then(outputOf);
  return outputOf(result);
}

function outputOf<O>(result: StandardResult<O>): O {
  if (result.issues === undefined) return result.value;
  throw new GuardRejection('validation_failed', 400, 'Invalid request', {
    reason: 'schema',
    issues: result.issues.slice(0, 20).map(toPublicIssue),
  });
}

function toPublicIssue(issue: StandardIssue): PublicIssue {
  const path = (issue.path ?? [])
    .map((segment) => String(typeof segment === 'object' ? segment.key : segment))
    .join('.');
  return { path, message: issue.message.slice(0, 200) };
}
