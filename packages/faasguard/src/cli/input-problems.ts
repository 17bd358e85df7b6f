/**
 * Input problems on stderr: a CI log shows them whatever the format and wherever the report goes.
 * Errors (a template that does not parse) always show, as the report is incomplete without them;
 * warnings (a file not scanned) show unless `--quiet`. Notes, such as the baseline's, stay in the report.
 */
import type { Diagnostic } from '../model/diagnostic.js';
import { sortDiagnostics } from '../report/ordering.js';
import { escapeLine } from '../report/terminal-text.js';
import { redactSecretsInText } from '../secrets/index.js';

/** Diagnostics that mean part of the input could not be scanned. */
export function inputErrors(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics.filter((d) => d.severity === 'error');
}

/** `redact`: masks secrets a message may quote; `map` and `policy` pass the loaded app's, which knows its values. */
export function writeInputProblems(diagnostics: readonly Diagnostic[], err: NodeJS.WritableStream, quiet: boolean, redact: (text: string) => string = redactSecretsInText): void {
  for (const d of sortDiagnostics([...diagnostics])) {
    if (d.severity === 'note' || (quiet && d.severity === 'warning')) continue;
    err.write(`faasguard: ${d.severity} ${escapeLine(redact(`${where(d)}${d.message} [${d.code}]`))}\n`);
  }
}

/** `file:line: `, the file alone when it is about all of it, nothing when it is about the whole project (`.`). */
function where(d: Diagnostic): string {
  if (d.loc.file === '.' || d.loc.file === '') return '';
  return d.loc.line >= 1 ? `${d.loc.file}:${d.loc.line}: ` : `${d.loc.file}: `;
}
