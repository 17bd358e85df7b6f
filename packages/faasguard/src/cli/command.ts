/**
 * A subcommand of `faasguard`: its flags, its help text and what it does. `main.ts` parses the
 * flags (see `parse-command-line.ts`), answers `--help`, and runs it.
 */
import type { parseArgs } from 'node:util';
import type { Clock } from './clock.js';

/** The flags of a command, as `node:util` `parseArgs` takes them. */
export type Options = NonNullable<NonNullable<Parameters<typeof parseArgs>[0]>['options']>;

/** `--help`, which every command takes (here, apart from the shared options, so that `main.ts` loads nothing of the scanner). */
export const HELP_OPTION: Options = { help: { type: 'boolean', short: 'h', default: false } };

/** Flag values by long name, and the other arguments, in order. */
export interface CommandArgs {
  values: Record<string, unknown>;
  positionals: string[];
}

/** Where a command writes; `clock` drives the progress display. */
export interface CommandIo {
  out: NodeJS.WritableStream;
  err: NodeJS.WritableStream;
  clock: Clock;
}

export interface Command {
  name: string;
  options: Options;
  /** What `faasguard <name> --help` prints: usage, then each flag */
  help(): string;
  run(args: CommandArgs, io: CommandIo): number | Promise<number>;
}
