/**
 * A command's arguments through `node:util` `parseArgs`, with the mistakes people make answered in
 * one line that names the command: an unknown flag with the nearest known one
 * (`unknown option --outptu for scan; did you mean --output?`), a flag without its value, a
 * switch given a value. `parseArgs`'s own messages speak of its API, not of faasguard.
 */
import { parseArgs } from 'node:util';
import { closestName } from '../config/did-you-mean.js';
import type { CommandArgs, Options } from './command.js';
import { UsageError } from './usage-error.js';

interface OptionToken {
  kind: 'option';
  name: string;
  rawName: string;
  value?: string;
  inlineValue?: boolean;
}

export function parseCommandLine(command: string, argv: string[], options: Options): CommandArgs {
  const { tokens } = parseArgs({ args: argv, options, allowPositionals: true, strict: false, tokens: true });
  for (const token of tokens) if (token.kind === 'option') checkOption(command, token, options);
  try {
    const { values, positionals } = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
    return { values, positionals };
  } catch (e) {
    throw new UsageError(`${command}: ${(e as Error).message.split('\n')[0]}`);
  }
}

function checkOption(command: string, token: OptionToken, options: Options): void {
  const option = options[token.name];
  if (option === undefined) throw unknownOption(command, token.rawName, options);
  if (option.type === 'boolean' && token.inlineValue === true) throw new UsageError(`${token.rawName} for ${command} takes no value`);
  // `--output -f x`: the value is missing, not `-f` (`--output=-f` says it is meant).
  if (option.type === 'string' && (token.value === undefined || (token.inlineValue === false && token.value.startsWith('-')))) {
    throw new UsageError(`${token.rawName} for ${command} needs a value`);
  }
}

function unknownOption(command: string, raw: string, options: Options): UsageError {
  const known = Object.entries(options).flatMap(([name, o]) => [`--${name}`, ...(o.short ? [`-${o.short}`] : [])]);
  // A long flag is compared with long flags only: `-x` is too short to be near anything useful.
  const best = raw.startsWith('--') ? closestName(raw, known.filter((k) => k.startsWith('--'))) : undefined;
  const hint = best !== undefined ? `did you mean ${best}?` : `'faasguard ${command} --help' lists them`;
  return new UsageError(`unknown option ${raw} for ${command}; ${hint}`, true);
}

