/**
 * What `scan`, `baseline`, `map` and `policy` share before and after reading a project: the
 * target checked first (before any output folder is made), the configuration (and files whose
 * names look meant as one), the stderr feedback, input problems and the exit code they make.
 */
import { configForScan } from '../config/config-for-scan.js';
import type { FaasguardConfig } from '../config/config.js';
import { CONFIG_FILE_NAMES } from '../config/find-config.js';
import { nearConfigFiles } from '../config/near-config-names.js';
import { shownPath } from '../config/shown-path.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { scanRootOf } from '../scan/load-formats.js';
import type { Clock } from './clock.js';
import { isDirectory, isFile } from './file-kinds.js';
import { inputErrors } from './input-problems.js';
import { isSet, stringValue, type Values } from './option-values.js';
import { ScanFeedback } from './scan-feedback.js';
import { UsageError } from './usage-error.js';

/** The one directory or file a command reads; checked before anything is written. */
export function targetOf(command: string, positionals: readonly string[]): string {
  if (positionals.length !== 1) throw new UsageError(`${command} takes one directory or file`);
  const target = positionals[0]!;
  if (!isDirectory(target) && !isFile(target)) throw new UsageError(`${target} is not a directory or a file`);
  return target;
}

/**
 * The configuration `--config`/`--no-config` choose, or the one found for the target. When the
 * search ran, files of a near name are reported on stderr (even with `--quiet`: a configuration
 * ignored in silence changes what the run means).
 */
export function configFromFlags(target: string, values: Values, err: NodeJS.WritableStream): FaasguardConfig | undefined {
  const file = stringValue(values, 'config');
  const disabled = isSet(values, 'no-config');
  if (file !== undefined && disabled) throw new UsageError('--config and --no-config are alternatives; give one');
  const config = configForScan(target, { ...(file !== undefined ? { file } : {}), disabled });
  if (file === undefined && !disabled) for (const near of nearConfigFiles(scanRootOf(target).root)) err.write(nearNameLine(near));
  return config;
}

function nearNameLine(file: string): string {
  const names = `${CONFIG_FILE_NAMES.slice(0, -1).join(', ')} or ${CONFIG_FILE_NAMES.at(-1)!}`;
  return `faasguard: found ${shownPath(file)}: not read; configuration files are named ${names}\n`;
}

export function feedbackFor(values: Values, err: NodeJS.WritableStream, clock: Clock): ScanFeedback {
  if (isSet(values, 'quiet') && isSet(values, 'verbose')) throw new UsageError('--quiet and --verbose are alternatives; give one');
  return new ScanFeedback(err, { quiet: isSet(values, 'quiet'), verbose: isSet(values, 'verbose'), ruleTimes: isSet(values, 'rule-times') }, clock);
}

/** Exit code 2 for a project of which a template could not be read, unless the flag or configuration allow it. */
export function failsOnInputErrors(diagnostics: readonly Diagnostic[], values: Values, config: FaasguardConfig | undefined): boolean {
  const allowed = isSet(values, 'allow-input-errors') || config?.allowInputErrors === true;
  return !allowed && inputErrors(diagnostics).length > 0;
}

export function noTemplates(target: string, err: NodeJS.WritableStream): number {
  err.write(`faasguard: no CloudFormation, SAM, Serverless Framework, CDK or Terraform template found under ${target}\n`);
  return 2;
}
