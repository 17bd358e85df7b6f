/**
 * Globs of a configuration file that cannot be used (see `discover/glob-matcher.ts`): `exclude`
 * entries and `parameters` patterns, each reported at its line.
 */
import { compileGlob } from '../discover/glob-matcher.js';
import type { TNode } from '../parse/tree.js';
import type { ConfigProblem } from './config-error.js';

export function globProblems(root: TNode): ConfigProblem[] {
  if (root.kind !== 'map') return [];
  const problems: ConfigProblem[] = [];
  const exclude = root.entries.find((e) => e.key === 'exclude')?.value;
  if (exclude?.kind === 'seq') {
    for (const item of exclude.items) if (item.kind === 'scalar') problems.push(...globProblem('exclude glob', String(item.value), item.loc));
  }
  const parameters = root.entries.find((e) => e.key === 'parameters')?.value;
  if (parameters?.kind === 'map') for (const e of parameters.entries) problems.push(...globProblem('parameters pattern', e.key, e.keyLoc));
  return problems;
}

/** The message for a glob that cannot be used, e.g. for `--exclude`; undefined when it can. */
export function globError(glob: string): string | undefined {
  const compiled = compileGlob(glob.replace(/^\.\//, ''));
  return 'error' in compiled ? `"${shortened(glob)}" cannot be used: ${compiled.error}` : undefined;
}

function globProblem(what: string, glob: string, loc: { line: number; column: number }): ConfigProblem[] {
  const error = globError(glob);
  return error === undefined ? [] : [{ line: loc.line, column: loc.column, message: `${what} ${error}` }];
}

function shortened(glob: string): string {
  return glob.length > 60 ? `${glob.slice(0, 57)}...` : glob;
}
