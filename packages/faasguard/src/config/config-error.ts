/**
 * A configuration file that cannot be used. Printed without a stack, exit code 2; mistakes inside a
 * file are one `file:line:column: message` line each, so that editors can jump to them.
 */
import { escapeLine } from '../report/terminal-text.js';

export class ConfigError extends Error {}

/** One mistake in a configuration file; line and column are 1-based. */
export interface ConfigProblem {
  line: number;
  column: number;
  message: string;
}

/** `shownFile`: the file as the user should see it (see `shownPath`). Problems are listed in file order. */
export function configErrorAt(shownFile: string, problems: readonly ConfigProblem[]): ConfigError {
  const ordered = [...problems].sort((a, b) => a.line - b.line || a.column - b.column);
  // Messages quote keys and values of the file: escaped, so that one problem stays one line.
  return new ConfigError(ordered.map((p) => `${shownFile}:${p.line}:${p.column}: ${escapeLine(p.message)}`).join('\n'));
}
