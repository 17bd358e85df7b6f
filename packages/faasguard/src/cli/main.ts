/**
 * The `faasguard` command line: finds the command, parses its flags (`parse-command-line.ts`),
 * answers `--help`, runs it, and turns its mistakes into messages and exit codes. Each command is a
 * file of `commands/`; a new one is added to COMMANDS.
 */
import { closestName } from '../config/did-you-mean.js';
import { ConfigError } from '../config/config-error.js';
import { CONFIG_FILE_NAMES } from '../config/find-config.js';
import { escapeControl } from '../report/terminal-text.js';
import { TOOL_VERSION } from '../version.js';
import { SYSTEM_CLOCK, type Clock } from './clock.js';
import { HELP_OPTION, type Command, type CommandIo } from './command.js';
import { parseCommandLine } from './parse-command-line.js';
import { UsageError } from './usage-error.js';
import { setCommandLineV8Flags } from './command-line-v8-flags.js';

/**
 * Each command's module is loaded when the command runs, not before: `faasguard --version` or
 * `--help` loads none, and `faasguard rules` does not load the scanner's loaders and parsers.
 */
const COMMANDS: Readonly<Record<string, () => Promise<Command>>> = {
  scan: async () => (await import('./commands/scan.js')).scanCommand,
  baseline: async () => (await import('./commands/baseline.js')).baselineCommand,
  changed: async () => (await import('./commands/changed.js')).changedCommand,
  map: async () => (await import('./commands/map.js')).mapCommand,
  policy: async () => (await import('./commands/policy.js')).policyCommand,
  init: async () => (await import('./commands/init.js')).initCommand,
  rules: async () => (await import('./commands/rules.js')).rulesCommand,
  explain: async () => (await import('./commands/explain.js')).explainCommand,
  docs: async () => (await import('./commands/docs.js')).docsCommand,
  db: async () => (await import('./commands/db.js')).dbCommand,
};

const HELP = `faasguard ${TOOL_VERSION} — security scanner for serverless applications

Usage: faasguard <command> [options]; 'faasguard <command> --help' (or -h) describes its options.

Commands:
  scan <dir|file>        scan the templates under <dir> (SAM, CloudFormation, Serverless Framework,
                         CDK cloud assemblies), or one file, and report the findings
  baseline <dir|file>    record the current findings, so that 'scan --baseline <file>' reports only new ones
  changed <file>…        scan the project and report only the findings in these files (pre-commit)
  map <dir|file>         draw the attack surface: entry points → functions → what they reach
  policy <dir|file>      print each function's least-privilege policy, from its code
  init [dir]             write a commented starter ${CONFIG_FILE_NAMES[0]}
  rules                  list the rules
  explain <rule-id>      explain a rule and how to fix what it finds
  docs --out <dir>       write a Markdown page per rule
  db update              download the OSV vulnerability data (npm, PyPI) into the local cache

Common options:
  -o, --output <file>    write to a file instead of standard output (scan, baseline, map, policy)
  -f, --format <format>  the output format (scan, map, policy, rules)
  -q, --quiet            no warnings, progress or summary on stderr; errors still show
  -h, --help             help; -v, --version: the version

Exit codes: 0 success, 1 findings at or above --fail-on (scan), 2 a usage error, a configuration that
cannot be used, nothing to scan, or a template that could not be read (unless --allow-input-errors).
Configuration: ${CONFIG_FILE_NAMES.join(', ')},
found from the scanned directory up to the repository root ('faasguard init' writes one).
Colours: --no-color, FORCE_COLOR, NO_COLOR (see 'faasguard scan --help').
`;

/** `clock`: time and timers of the progress display, replaced in tests. */
export async function main(argv: string[], out: NodeJS.WritableStream = process.stdout, err: NodeJS.WritableStream = process.stderr, clock: Clock = SYSTEM_CLOCK): Promise<number> {
  setCommandLineV8Flags();
  try {
    return await run(argv, { out, err, clock });
  } catch (e) {
    if (e instanceof UsageError) {
      err.write(usageMessage(e, argv[0] !== undefined && Object.hasOwn(COMMANDS, argv[0]) ? argv[0] : undefined));
      return 2;
    }
    if (e instanceof ConfigError) {
      // Its lines are the file's problems; what they quote of the file is already one line each.
      err.write(`${escapeControl(e.message)}\n`);
      return 2;
    }
    err.write(`faasguard: internal error: ${(e as Error).message}\n`);
    return 2;
  }
}

async function run(argv: string[], io: CommandIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h') return write(io.out, HELP);
  if (name === '--version' || name === '-v') return write(io.out, `${TOOL_VERSION}\n`);
  if (name === 'help') return write(io.out, rest[0] === undefined ? HELP : (await knownCommand(rest[0])).help());
  const command = await knownCommand(name);
  const args = parseCommandLine(command.name, rest, { ...command.options, ...HELP_OPTION });
  if (args.values['help'] === true) return write(io.out, command.help());
  return command.run(args, io);
}

async function knownCommand(name: string): Promise<Command> {
  if (Object.hasOwn(COMMANDS, name)) return COMMANDS[name]!();
  if (name.startsWith('-')) throw new UsageError(`unknown option ${name}; give a command first, e.g. 'faasguard scan ${name} …'`);
  const near = closestName(name, Object.keys(COMMANDS));
  throw new UsageError(`unknown command "${name}"${near === undefined ? '' : `; did you mean ${near}?`}`);
}

/** One line when the message says where to look; else a pointer to the command's help. */
function usageMessage(e: UsageError, command: string | undefined): string {
  if (e.selfContained) return `faasguard: ${e.message}\n`;
  const help = command === undefined ? 'faasguard --help' : `faasguard ${command} --help`;
  return `faasguard: ${e.message}\nRun '${help}' for usage.\n`;
}

function write(out: NodeJS.WritableStream, text: string): number {
  out.write(text);
  return 0;
}
