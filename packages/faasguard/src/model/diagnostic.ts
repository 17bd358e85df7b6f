import type { SourceLocation } from './location.js';

/**
 * A problem with the input, not with the application: a template that does not parse, a reference
 * to nothing, a file too large to read. Diagnostics are reported beside the findings and never stop
 * the scan.
 */
export interface Diagnostic {
  severity: 'error' | 'warning' | 'note';
  /** Stable code, e.g. `yaml-syntax`, `unknown-tag`, `broken-reference` */
  code: string;
  message: string;
  /** Where; at least the file. Line 0 when the problem is with the whole file. */
  loc: SourceLocation;
}

export class DiagnosticSink {
  readonly items: Diagnostic[] = [];
  /** A value evaluated more than once (a role read for each function using it) reports its problem once. */
  private readonly seen = new Set<string>();

  error(code: string, message: string, loc: SourceLocation): void {
    this.push({ severity: 'error', code, message, loc });
  }

  warning(code: string, message: string, loc: SourceLocation): void {
    this.push({ severity: 'warning', code, message, loc });
  }

  note(code: string, message: string, loc: SourceLocation): void {
    this.push({ severity: 'note', code, message, loc });
  }

  private push(d: Diagnostic): void {
    const key = JSON.stringify([d.severity, d.code, d.message, d.loc.file, d.loc.line, d.loc.column]);
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.items.push(d);
  }
}

export function fileLocation(file: string): SourceLocation {
  return { file, line: 0, column: 0 };
}

/** A problem found twice (the same value evaluated from two places) is reported once. */
export function uniqueDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = JSON.stringify([d.severity, d.code, d.loc.file, d.loc.line, d.loc.column, d.message]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
