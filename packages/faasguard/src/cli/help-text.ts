/**
 * The layout of `faasguard <command> --help`: a usage line, what the command does, then sections of
 * flags, each flag with its explanation in a column. Continuation lines of an explanation are
 * given as separate strings and indented under it.
 */

/** A flag as shown (`-o, --output <file>`) and its explanation, one string per line. */
export type HelpRow = readonly [flag: string, ...lines: string[]];

export interface HelpSection {
  title: string;
  rows: readonly HelpRow[];
}

const FLAG_COLUMN = 31;

export function helpText(usage: string, about: readonly string[], sections: readonly HelpSection[]): string {
  const parts = [`Usage: ${usage}`, about.join('\n'), ...sections.map(section)];
  return parts.join('\n\n') + '\n';
}

function section(s: HelpSection): string {
  return [`${s.title}:`, ...s.rows.flatMap(row)].join('\n');
}

function row([flag, first = '', ...more]: HelpRow): string[] {
  const head = `  ${flag}`;
  const firstLine = head.length < FLAG_COLUMN ? `${head.padEnd(FLAG_COLUMN)}${first}` : `${head}\n${' '.repeat(FLAG_COLUMN)}${first}`;
  return [firstLine, ...more.map((line) => `${' '.repeat(FLAG_COLUMN)}${line}`)];
}
