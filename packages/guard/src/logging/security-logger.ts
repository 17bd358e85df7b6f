import type { SecurityEventType } from '../errors/guard-rejection.js';
import type { SourceName } from '../sources/source-name.js';
import { redact } from './redact.js';

/** One security event, as written: a single JSON line. */
export interface SecurityLogRecord {
  readonly time: string;
  readonly level: 'warn' | 'error';
  readonly kind: 'security';
  readonly event: SecurityEventType;
  readonly correlationId: string;
  readonly function: string;
  readonly source: SourceName | 'unknown';
  /** Principal id when known: who was refused or whose handler failed. */
  readonly principal?: string;
  /** Why, already redacted. Never the raw event. */
  readonly details: unknown;
}

export interface SecurityLoggerOptions {
  /** Defaults to `AWS_LAMBDA_FUNCTION_NAME`. */
  readonly functionName?: string;
  /** Where lines go. Default: standard output, one JSON document per line (CloudWatch-friendly). */
  readonly write?: (line: string) => void;
  /** Extra key names to redact, on top of the built-in list. */
  readonly redactKeys?: RegExp;
}

export interface SecurityEventInput {
  readonly correlationId: string;
  readonly source: SourceName | 'unknown';
  readonly principal?: string | undefined;
  readonly details?: unknown;
}

export type SecurityLogger = (event: SecurityEventType, input: SecurityEventInput) => void;

function defaultWrite(line: string): void {
  process.stdout.write(line + '\n');
}

export function createSecurityLogger(options: SecurityLoggerOptions = {}): SecurityLogger {
  const write = options.write ?? defaultWrite;
  return (event, input) => {
    const record: SecurityLogRecord = {
      time: new Date().toISOString(),
      level: event === 'handler_error' || event === 'guard_error' ? 'error' : 'warn',
      kind: 'security',
      event,
      correlationId: input.correlationId,
      function: options.functionName ?? process.env['AWS_LAMBDA_FUNCTION_NAME'] ?? 'unknown',
      source: input.source,
      ...(input.principal ? { principal: input.principal } : {}),
      details: redact(input.details ?? {}, options.redactKeys),
    };
    try {
      write(JSON.stringify(record));
    } catch {
      // Logging must never turn a refusal into a crash.
    }
  };
}
