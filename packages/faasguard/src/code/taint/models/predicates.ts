/**
 * Named conditions of model rows, defined once for both languages. Each reads the abstract values
 * of a call's positional and keyword arguments.
 */
import type { Value } from '../types.js';

type Predicate = (args: readonly Value[], keywords: ReadonlyMap<string, Value>) => boolean;

/** A URL whose origin is fixed by constant text: `https://api.example.com/…`, or a path on the same host. */
export const FIXED_ORIGIN = /^(https?:)?\/\/[^/?#]+[/?#]|^\/(?![/\\])/i;

const SQL_WORDS = /\b(select|insert|update|delete|from|where|values|order\s+by|create|drop|alter)\b/i;

/** Programs that run their arguments as a command line. */
const SHELLS = /(^|\/)(sh|bash|dash|zsh|ksh|csh|tcsh|fish|cmd(\.exe)?|powershell(\.exe)?|pwsh)$/i;

function textOf(v: Value | undefined): string {
  return v?.prefix ?? v?.text ?? '';
}

export const PREDICATES = {
  /** JS `spawn`/`execFile`/`execa` with a `shell` option (in the 2nd or 3rd argument), or a shell as the program */
  withShell: (args) => args.slice(1, 3).some((a) => {
    const shell = a.props?.get('shell');
    return shell !== undefined && shell.text !== 'false';
  }) || SHELLS.test(textOf(args[0])),
  /** Python `subprocess` given a list whose program is a shell: `['sh', '-c', command]` */
  shellInList: (args, keywords) => SHELLS.test(textOf((args[0] ?? keywords.get('args'))?.props?.get('0'))),
  /** Python `subprocess` with `shell=True` */
  shellTrue: (_args, keywords) => keywords.get('shell')?.text === 'True',
  /** A shell as the program (`os.execl('/bin/sh', 'sh', '-c', cmd)`): every argument is part of a command line */
  shellAt0: (args) => SHELLS.test(textOf(args[0])),
  /** The same one argument later, after a mode (`os.spawnl(os.P_WAIT, '/bin/sh', 'sh', '-c', cmd)`) */
  shellAt1: (args) => SHELLS.test(textOf(args[1])),
  /** JS timers given a string rather than a function */
  notAFunction: (args) => args[0] !== undefined && !args[0].fn,
  /** js-yaml `load` with the full (function-constructing) schema */
  fullSchema: (args) => args[1]?.props?.get('schema')?.api?.members.some((m) => /FULL_SCHEMA/.test(m)) ?? false,
  /** PyYAML `load` with no safe loader */
  unsafeYaml: (_args, keywords) => !/Safe/.test(keywords.get('Loader')?.api?.members.join('.') ?? ''),
  /** libxmljs told to substitute entities: `parseXml(text, { noent: true })` */
  noent: (args) => args[1]?.props?.get('noent')?.text === 'true',
  /** lxml given a parser made to resolve entities or to fetch them over the network: `XMLParser(resolve_entities=True)` */
  entityParser: (args, keywords) => {
    const options = (keywords.get('parser') ?? args[1])?.options;
    return options?.get('resolve_entities') === 'True' || options?.get('no_network') === 'False';
  },
  /** The first argument is built from text that reads as SQL */
  sqlLike: (args) => SQL_WORDS.test(textOf(args[0])),
  /** The first argument is built from text that reads as markup: `<p>${name}</p>` */
  htmlLike: (args) => /<[a-z!/]/i.test(textOf(args[0])),
} satisfies Record<string, Predicate>;

export type PredicateName = keyof typeof PREDICATES;
