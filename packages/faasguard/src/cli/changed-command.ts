/**
 * `faasguard changed <file>…`: what a pre-commit hook (or lint-staged) runs. It scans the whole
 * project under `--root` (default: the working directory, where pre-commit runs hooks), since a
 * finding can need every template and handler, then reports and fails only on what concerns the
 * files given (see `changed-files.ts`). Exit codes as `scan`: 0, 1 findings in those files at or
 * above --fail-on, 2 a usage error, no template under the root, or a changed template that cannot
 * be read (unless --allow-input-errors). Other scan settings come from the configuration file.
 */
import { statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { isSeverity, severityRank } from '../findings/finding.js';
import { applyConfig, failOnOf, type FailOn } from '../config/apply-config.js';
import { configForScan } from '../config/config-for-scan.js';
import { globError } from '../config/glob-problems.js';
import { defaultScanCacheDir } from '../cache/scan-cache.js';
import { renderReport } from '../report/reporter.js';
import { scan } from '../scan/scan.js';
import { redactSecretsInText } from '../secrets/index.js';
import { changedPart, changedUnder } from './changed-files.js';
import { inputErrors, writeInputProblems } from './input-problems.js';
import { plural } from './plural.js';
import { UsageError } from './usage-error.js';

export const CHANGED_USAGE = `  faasguard changed <file>… [--root <dir>] [--fail-on <severity>] [--allow-input-errors]
                     [--exclude <glob>] [--config <file> | --no-config] [--no-cache] [--quiet]
                                     scan the project under --root (default .) and report only the
                                     findings in these files: a pre-commit hook`;

export async function changedCommand(argv: string[], out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<number> {
  const { values, positionals } = parseOrUsageError(argv);
  const root = values.root;
  checkFlags(root, values.exclude, values.config, values['no-config']);
  const failOnFlag = failOnFromFlag(values['fail-on']);
  const changed = changedUnder(root, positionals);
  // Nothing of the project changed (a commit of other files): no need to scan.
  if (changed.size === 0) return 0;
  const config = configForScan(root, { ...(values.config !== undefined ? { file: values.config } : {}), disabled: values['no-config'] });
  const result = await scan(root, applyConfig({ exclude: values.exclude, ...(values['no-cache'] ? {} : { scanCache: defaultScanCacheDir() }) }, config));
  if (result.templates.length === 0) {
    err.write(`faasguard: no CloudFormation, SAM, Serverless Framework or CDK template found under ${root}\n`);
    return 2;
  }
  const part = changedPart(result, changed);
  out.write(renderReport({ ...result, ...part }, 'pretty', { color: false, redactLine: redactSecretsInText }));
  if (!values.quiet) err.write(`faasguard: ${plural(part.findings.length, 'finding')} in ${plural(changed.size, 'changed file')}, ${result.findings.length} in the project ('faasguard scan ${root}' lists them all)\n`);
  writeInputProblems(part.diagnostics, err, values.quiet);
  if (!values['allow-input-errors'] && config?.allowInputErrors !== true && inputErrors(part.diagnostics).length > 0) return 2;
  const failOn = failOnOf(failOnFlag, config);
  return failOn !== 'none' && part.findings.some((f) => severityRank(f.severity) >= severityRank(failOn)) ? 1 : 0;
}

/** Mistakes in the flags stop before the scan. */
function checkFlags(root: string, exclude: string[], config: string | undefined, noConfig: boolean): void {
  if (!isDirectory(root)) throw new UsageError(`--root ${root} is not a directory`);
  for (const glob of exclude) {
    const error = globError(glob);
    if (error !== undefined) throw new UsageError(`--exclude ${error}`);
  }
  if (config !== undefined && noConfig) throw new UsageError('--config and --no-config are alternatives; give one');
}

function parseOrUsageError(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        root: { type: 'string', default: '.' },
        'fail-on': { type: 'string' },
        'allow-input-errors': { type: 'boolean', default: false },
        exclude: { type: 'string', multiple: true, default: [] },
        config: { type: 'string' },
        'no-config': { type: 'boolean', default: false },
        'no-cache': { type: 'boolean', default: false },
        quiet: { type: 'boolean', default: false },
      },
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

/** `--fail-on` in any case, as `scan` takes it. */
function failOnFromFlag(flag: string | undefined): FailOn | undefined {
  if (flag === undefined) return undefined;
  const value = flag.toLowerCase();
  if (value === 'none' || isSeverity(value)) return value;
  throw new UsageError('--fail-on must be critical, high, medium, low, info or none');
}

function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}
