/**
 * The `faasguard` command line. Exit codes: 0 nothing at or above --fail-on, 1 findings at or
 * above it, 2 a usage error, nothing could be scanned, or a template could not be read (unless
 * --allow-input-errors).
 */
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ruleExplanation, ruleMarkdown, rulesIndexMarkdown } from '../docs/rule-doc.js';
import { isSeverity, severityRank, type Severity } from '../findings/finding.js';
import { isReportFormat, renderReport, type ReportFormat } from '../report/reporter.js';
import { ALL_RULES, findRule } from '../rules/index.js';
import { buildAttackSurfaceMap } from '../map/build-map.js';
import { isMapFormat, renderMap } from '../map/render-map.js';
import { DEFAULT_MAX_FILE_SIZE, loadApp, scan, type ScanOptions } from '../scan/scan.js';
import { DEFAULT_OSV_API_URL, defaultCacheDir, updateDb } from '../deps/index.js';
import { redactSecretsInText } from '../secrets/index.js';
import type { ScanResult } from '../scan/scan-result.js';
import { TOOL_VERSION } from '../version.js';
import { defaultScanCacheDir } from '../cache/scan-cache.js';
import { leastPrivilegeFor } from '../code/aws-calls/least-privilege.js';
import { prepareCodeAnalysis } from '../code/code-facts.js';
import { isPolicyFormat, renderPolicies } from '../policy/render-policy.js';
import { scanRootOf } from '../scan/load-formats.js';
import { appSecretRedactor } from '../scan/app-secrets.js';
import { escapeControl, escapeLine } from '../report/terminal-text.js';
import { parseParams } from './params.js';
import { UsageError } from './usage-error.js';
import { applyBaseline } from '../baseline/apply-baseline.js';
import { BaselineError, DEFAULT_BASELINE_FILE, type Baseline } from '../baseline/baseline-file.js';
import { readBaselineFile, writeBaselineFile } from '../baseline/baseline-io.js';
import { applyConfig, failOnOf, type FailOn } from '../config/apply-config.js';
import type { FaasguardConfig } from '../config/config.js';
import { ConfigError } from '../config/config-error.js';
import { configForScan } from '../config/config-for-scan.js';
import { CONFIG_FILE_NAMES } from '../config/find-config.js';
import { shownPath } from '../config/shown-path.js';
import { globError } from '../config/glob-problems.js';
import { SYSTEM_CLOCK, type Clock } from './clock.js';
import { writeStarterConfig } from './init-config.js';
import { ScanFeedback } from './scan-feedback.js';
import { inputErrors, writeInputProblems } from './input-problems.js';
import { CHANGED_USAGE, changedCommand } from './changed-command.js';

const HELP = `faasguard ${TOOL_VERSION} — security scanner for serverless applications

Usage:
  faasguard scan <dir|file> [options]
                                     scan the templates under <dir> (SAM, CloudFormation,
                                     Serverless Framework, CDK cloud assemblies), or one file
  faasguard baseline <dir|file> [--output <file>] [scan options]
                                     record the current findings (default ${DEFAULT_BASELINE_FILE}),
                                     so that 'scan --baseline <file>' reports only new ones
  faasguard map <dir|file> [--format text|json|mermaid|dot] [--output <file>] [--param …]
                                     draw the attack surface: entry points → functions → reach
  faasguard policy <dir|file> [--function F] [--format json|sam|serverless] [--param …]
                                     print each function's least-privilege policy, from its code
${CHANGED_USAGE}
  faasguard init [dir] [--force]     write a commented starter ${CONFIG_FILE_NAMES[0]} into dir (default .)
  faasguard rules [--format text|markdown|json]
  faasguard explain <rule-id>
  faasguard docs --out <dir>         write a Markdown page per rule
  faasguard db update [--source-url <url>] [--cache-dir <dir>]
                                     download the OSV vulnerability data (npm, PyPI) into the local cache

Scan options:
  --format pretty|json|sarif|markdown|junit|html
                               output format (default: pretty); markdown fits a pull-request comment;
                               html is one self-contained page: summary, attack-surface graph, findings
  --baseline <file>            report only findings not in this baseline (see 'faasguard baseline')
  --output <file>              write the report to a file instead of standard output
  --fail-on <severity>         exit 1 when a finding is at or above it: critical, high, medium, low, info,
                               or none (never; any case) (default: the configuration's failOn, else low);
                               suppressed findings never count
  --allow-input-errors         exit 0 or 1 even when a template could not be read or parsed (default: exit 2;
                               the configuration's allowInputErrors: true too); the errors still show on stderr
  --exit-zero                  exit 0 whatever the scan found (the report and stderr still say it); usage
                               errors and nothing to scan still exit 2
  --show-suppressed            list suppressed findings in the pretty and markdown reports (JSON, SARIF
                               and JUnit always hold them, marked)
  --exclude <glob>             skip files matching the glob (repeatable)
  --param Key=Value            a template parameter value (repeatable; AWS::Region=… too)
  --params-file <file>         parameter values: {"Key": "Value"} or [{"ParameterKey", "ParameterValue"}]
  --max-file-size <bytes>      skip larger files (default: ${DEFAULT_MAX_FILE_SIZE})
  --stage <stage>              Serverless Framework stage (default: provider.stage, else dev)
  --region <region>            Serverless Framework region (default: provider.region, else us-east-1)
  --env-vars <names>           let \${env:…} read these environment variables (comma-separated, or *)
  --synth                      run \`npx cdk synth\` for a CDK app without cdk.out (runs the app's code)
  --no-color                   no ANSI colours (also when NO_COLOR is set or output is not a terminal)
  --no-cache                   scan everything again: do not reuse the result of an unchanged app
                               (kept in \$FAASGUARD_CACHE_DIR/scans, else ~/.cache/faasguard/scans)
  --quiet                      no progress, summary or verbose lines on stderr (errors still show)
  --verbose                    list each file found and template loaded, and the time of each phase, on stderr

Configuration (scan, baseline, map, policy; flags win over it):
  --config <file>              read this configuration file only
  --no-config                  read none
  Otherwise the scanned directory and its parents, up to the repository root (.git), are searched
  for ${CONFIG_FILE_NAMES.join(', ')}; 'faasguard init' writes one.

Vulnerability data (dependencies are checked against OSV; without data the scan says so):
  --osv-db <dir|zip>           read an offline OSV export (directory of OSV JSON files, or all.zip)
  --online                     ask the OSV API instead (sends package names and versions)
  --osv-api-url <url>          base URL of the OSV API (default: ${DEFAULT_OSV_API_URL})
  --cache-dir <dir>            the 'db update' cache (default: ${defaultCacheDir()})
  --no-vuln-cache              do not use the 'db update' cache
`;

/** `clock`: time and timers of the progress display, replaced in tests. */
export async function main(argv: string[], out: NodeJS.WritableStream = process.stdout, err: NodeJS.WritableStream = process.stderr, clock: Clock = SYSTEM_CLOCK): Promise<number> {
  try {
    return await run(argv, out, err, clock);
  } catch (e) {
    if (e instanceof UsageError) {
      err.write(`faasguard: ${e.message}\nRun 'faasguard --help' for usage.\n`);
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

async function run(argv: string[], out: NodeJS.WritableStream, err: NodeJS.WritableStream, clock: Clock): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case undefined:
    case '--help':
    case '-h':
    case 'help':
      out.write(HELP);
      return 0;
    case '--version':
    case '-v':
      out.write(`${TOOL_VERSION}\n`);
      return 0;
    case 'scan':
      return scanCommand(rest, out, err, clock);
    case 'baseline':
      return baselineCommand(rest, out, err, clock);
    case 'changed':
      return changedCommand(rest, out, err);
    case 'init':
      return initCommand(rest, out);
    case 'map':
      return mapCommand(rest, out, err);
    case 'policy':
      return policyCommand(rest, out, err);
    case 'rules':
      return rulesCommand(rest, out);
    case 'explain':
      return explainCommand(rest, out);
    case 'docs':
      return docsCommand(rest, out);
    case 'db':
      return dbCommand(rest, out, err);
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

async function scanCommand(argv: string[], out: NodeJS.WritableStream, err: NodeJS.WritableStream, clock: Clock): Promise<number> {
  const { values, positionals } = parse(argv, {
    format: { type: 'string', default: 'pretty' },
    output: { type: 'string' },
    'fail-on': { type: 'string' },
    'no-color': { type: 'boolean', default: false },
    baseline: { type: 'string' },
    'show-suppressed': { type: 'boolean', default: false },
    'allow-input-errors': { type: 'boolean', default: false },
    'exit-zero': { type: 'boolean', default: false },
    ...SCAN_INPUT_OPTIONS,
  });
  const format = String(values['format']);
  if (!isReportFormat(format)) throw new UsageError(`--format must be pretty, json, sarif, markdown, junit or html`);
  const failOnFlag = failOnFromFlag(values['fail-on'] as string | undefined);
  const baselineFile = values['baseline'] as string | undefined;
  // Read before scanning: a wrong path should fail fast, not after a long scan.
  const baseline = baselineFile === undefined ? undefined : baselineOrUsageError(baselineFile);
  const output = values['output'] as string | undefined;
  if (output !== undefined) prepareOutput(output);
  const feedback = feedbackFor(values, err, clock);
  const { target, config, result: scanned } = await scanFromFlags('scan', values, positionals, feedback);
  const failOn = failOnOf(failOnFlag, config);
  const result = baseline === undefined ? scanned : applyBaseline(scanned, baseline, baselineFile!);
  const toTerminal = format === 'pretty' && output === undefined && isTty(out);
  const color = toTerminal && !values['no-color'] && process.env['NO_COLOR'] === undefined;
  const report = renderReport(result, format as ReportFormat, { color, redactLine: redactSecretsInText, showSuppressed: values['show-suppressed'] === true });
  if (output) writeFileSync(output, report);
  else out.write(report);
  if (result.templates.length === 0) return noTemplates(target, err);
  // A pretty report on the terminal lists them already.
  if (!toTerminal) writeInputProblems(result.diagnostics, err, values['quiet'] === true);
  // A pretty report on standard output ends with the same counts.
  const inputProblems = result.diagnostics.filter((d) => d.severity !== 'note').length;
  feedback.summarize(result.findings, result.templates.length, format === 'pretty' && output === undefined, inputProblems);
  if (values['exit-zero']) return 0;
  const allowInputErrors = values['allow-input-errors'] === true || config?.allowInputErrors === true;
  if (!allowInputErrors && inputErrors(result.diagnostics).length > 0) return 2;
  return failOn !== 'none' && result.findings.some((f) => severityRank(f.severity) >= severityRank(failOn)) ? 1 : 0;
}

/** `--fail-on` in any case; `none` never fails on findings. */
function failOnFromFlag(flag: string | undefined): FailOn | undefined {
  if (flag === undefined) return undefined;
  const value = flag.toLowerCase();
  if (value === 'none' || isSeverity(value)) return value;
  throw new UsageError(`--fail-on must be critical, high, medium, low, info or none`);
}

/** The report's folder is made before the scan: a wrong path should fail fast, not after a long scan. */
function prepareOutput(file: string): void {
  const dir = path.dirname(path.resolve(file));
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw new UsageError(`--output ${file}: cannot create its folder ${dir} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  if (isDirectory(file)) throw new UsageError(`--output ${file} is a directory; give a file name`);
  if (!isDirectory(dir)) throw new UsageError(`--output ${file}: ${dir} is not a directory`);
}

/** `faasguard baseline`: records the fingerprints of today's findings. */
async function baselineCommand(argv: string[], out: NodeJS.WritableStream, err: NodeJS.WritableStream, clock: Clock): Promise<number> {
  const { values, positionals } = parse(argv, { output: { type: 'string', default: DEFAULT_BASELINE_FILE }, ...SCAN_INPUT_OPTIONS });
  const { target, result } = await scanFromFlags('baseline', values, positionals, feedbackFor(values, err, clock));
  // An empty baseline from a mistyped path would silently report everything as new later.
  if (result.templates.length === 0) return noTemplates(target, err);
  const file = String(values['output']);
  const count = writeBaselineFile(file, result.findings);
  out.write(`wrote ${count} finding${count === 1 ? '' : 's'} to ${file}\n`);
  return 0;
}

/** Validates the target and the scan flags, reads the configuration, then scans. */
async function scanFromFlags(command: string, values: Record<string, unknown>, positionals: string[], feedback: ScanFeedback): Promise<{ target: string; config?: FaasguardConfig; result: ScanResult }> {
  if (positionals.length !== 1) throw new UsageError(`${command} takes one directory`);
  const target = positionals[0]!;
  if (!isDirectory(target) && !isFile(target)) throw new UsageError(`${target} is not a directory or a file`);
  const maxFileSize = values['max-file-size'] === undefined ? DEFAULT_MAX_FILE_SIZE : Number(values['max-file-size']);
  if (!Number.isInteger(maxFileSize) || maxFileSize <= 0) throw new UsageError('--max-file-size takes a positive number of bytes');
  const config = configFromFlags(target, values);
  feedback.note(config === undefined ? 'no configuration file' : `configuration ${shownPath(config.file)}`);
  const flags: ScanOptions = {
    exclude: excludeFlags(values),
    params: parseParams(values['param'] as string[], values['params-file'] as string[]),
    maxFileSize,
    ...formatOptions(values),
    ...vulnOptions(values),
    ...(values['no-cache'] ? {} : { scanCache: defaultScanCacheDir() }),
  };
  try {
    const result = await scan(target, { ...applyConfig(flags, config), onProgress: feedback.onProgress, onPhase: feedback.onPhase });
    return { target, ...(config ? { config } : {}), result };
  } finally {
    feedback.end();
  }
}

/** The configuration `--config`/`--no-config` choose, or the one found for the target. */
function configFromFlags(target: string, values: Record<string, unknown>): FaasguardConfig | undefined {
  const file = values['config'] as string | undefined;
  if (file !== undefined && values['no-config']) throw new UsageError('--config and --no-config are alternatives; give one');
  return configForScan(target, { ...(file !== undefined ? { file } : {}), disabled: values['no-config'] === true });
}

function feedbackFor(values: Record<string, unknown>, err: NodeJS.WritableStream, clock: Clock): ScanFeedback {
  if (values['quiet'] && values['verbose']) throw new UsageError('--quiet and --verbose are alternatives; give one');
  return new ScanFeedback(err, { quiet: values['quiet'] === true, verbose: values['verbose'] === true }, clock);
}

/** `faasguard init [dir]`: a commented starter configuration. */
function initCommand(argv: string[], out: NodeJS.WritableStream): number {
  const { values, positionals } = parse(argv, { force: { type: 'boolean', default: false } });
  if (positionals.length > 1) throw new UsageError('init takes at most one directory');
  const file = writeStarterConfig(positionals[0] ?? '.', values['force'] === true);
  out.write(`wrote ${file}: every option is commented out; uncomment what you need\n`);
  return 0;
}

function baselineOrUsageError(file: string): Baseline {
  try {
    return readBaselineFile(file);
  } catch (e) {
    if (e instanceof BaselineError) throw new UsageError(`--baseline ${e.message}`);
    throw e;
  }
}

function noTemplates(target: string, err: NodeJS.WritableStream): number {
  err.write(`faasguard: no CloudFormation, SAM, Serverless Framework or CDK template found under ${target}\n`);
  return 2;
}

async function mapCommand(argv: string[], out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<number> {
  const { values, positionals } = parse(argv, {
    format: { type: 'string', default: 'text' },
    output: { type: 'string' },
    exclude: { type: 'string', multiple: true, default: [] },
    param: { type: 'string', multiple: true, default: [] },
    'params-file': { type: 'string', multiple: true, default: [] },
    ...FORMAT_OPTIONS,
    ...CONFIG_OPTIONS,
  });
  if (positionals.length !== 1) throw new UsageError('map takes one directory');
  const target = positionals[0]!;
  if (!isDirectory(target) && !isFile(target)) throw new UsageError(`${target} is not a directory or a file`);
  const format = String(values['format']);
  if (!isMapFormat(format)) throw new UsageError('--format must be text, json, mermaid or dot');
  const app = await loadApp(target, loadOptions(target, values));
  const redactor = appSecretRedactor(app, target);
  for (const d of app.diagnostics.filter((x) => x.severity === 'error')) err.write(`${escapeLine(redactor.text(`${d.loc.file}:${d.loc.line}: ${d.message}`))}\n`);
  if (app.templates.length === 0) {
    err.write(`faasguard: no CloudFormation, SAM, Serverless Framework or CDK template found under ${target}\n`);
    return 2;
  }
  const text = renderMap(redactor.data(buildAttackSurfaceMap(app.model)), format);
  const output = values['output'] as string | undefined;
  if (output) writeFileSync(output, text);
  else out.write(text);
  return 0;
}

/** `faasguard policy`: the IAM actions each function's code calls, on the resources it names. */
async function policyCommand(argv: string[], out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<number> {
  const { values, positionals } = parse(argv, {
    format: { type: 'string', default: 'json' },
    function: { type: 'string', multiple: true, default: [] },
    exclude: { type: 'string', multiple: true, default: [] },
    param: { type: 'string', multiple: true, default: [] },
    'params-file': { type: 'string', multiple: true, default: [] },
    ...FORMAT_OPTIONS,
    ...CONFIG_OPTIONS,
  });
  if (positionals.length !== 1) throw new UsageError('policy takes one directory');
  const target = positionals[0]!;
  if (!isDirectory(target) && !isFile(target)) throw new UsageError(`${target} is not a directory or a file`);
  const format = String(values['format']);
  if (!isPolicyFormat(format)) throw new UsageError('--format must be json, sam or serverless');
  const app = await loadApp(target, loadOptions(target, values));
  if (app.templates.length === 0) {
    err.write(`faasguard: no CloudFormation, SAM, Serverless Framework or CDK template found under ${target}\n`);
    return 2;
  }
  await prepareCodeAnalysis(app.model);
  const root = scanRootOf(target).root;
  const wanted = values['function'] as string[];
  const privileges = leastPrivilegeFor(app.model, root).filter((p) => wanted.length === 0 || wanted.includes(p.fn.logicalId));
  if (wanted.length > 0 && privileges.length === 0) throw new UsageError(`no function ${wanted.join(', ')} in ${target}`);
  // The policy names files and resources of the project: a secret among them is masked as in the reports.
  out.write(appSecretRedactor(app, target).values(renderPolicies(privileges, format)));
  return 0;
}

/** What `map` and `policy` load: the templates, as a scan would. */
function loadOptions(target: string, values: Record<string, unknown>): ScanOptions {
  const flags: ScanOptions = { exclude: excludeFlags(values), params: parseParams(values['param'] as string[], values['params-file'] as string[]), ...formatOptions(values) };
  return applyConfig(flags, configFromFlags(target, values));
}

/** The `--exclude` globs, each one usable (see `discover/glob-matcher.ts`). */
function excludeFlags(values: Record<string, unknown>): string[] {
  const globs = values['exclude'] as string[];
  for (const glob of globs) {
    const error = globError(glob);
    if (error !== undefined) throw new UsageError(`--exclude ${error}`);
  }
  return globs;
}

/** Where vulnerability data comes from, from the scan flags. */
function vulnOptions(values: Record<string, unknown>): Pick<ScanOptions, 'osvDb' | 'online' | 'osvApiUrl' | 'cacheDir' | 'noCache'> {
  const osvDb = values['osv-db'] as string | undefined;
  const osvApiUrl = values['osv-api-url'] as string | undefined;
  const cacheDir = values['cache-dir'] as string | undefined;
  if (osvDb !== undefined && values['online']) throw new UsageError('--osv-db and --online are alternatives; give one');
  if (osvApiUrl !== undefined && !/^https?:\/\//.test(osvApiUrl)) throw new UsageError('--osv-api-url takes an http(s) URL');
  return {
    ...(osvDb !== undefined ? { osvDb } : {}),
    ...(values['online'] ? { online: true } : {}),
    ...(osvApiUrl !== undefined ? { osvApiUrl } : {}),
    ...(cacheDir !== undefined ? { cacheDir } : {}),
    ...(values['no-vuln-cache'] ? { noCache: true } : {}),
  };
}

/** `faasguard db update`: downloads OSV's npm and PyPI exports into the cache scans use by default. */
async function dbCommand(argv: string[], out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<number> {
  const { values, positionals } = parse(argv, { 'source-url': { type: 'string' }, 'cache-dir': { type: 'string' } });
  if (positionals.length !== 1 || positionals[0] !== 'update') throw new UsageError("db takes one subcommand: 'db update'");
  const baseUrl = values['source-url'] as string | undefined;
  if (baseUrl !== undefined && !/^https?:\/\//.test(baseUrl)) throw new UsageError('--source-url takes an http(s) URL');
  const result = await updateDb({ ...(baseUrl ? { baseUrl } : {}), ...(values['cache-dir'] ? { cacheDir: values['cache-dir'] as string } : {}) });
  for (const e of result.errors) err.write(`faasguard: ${e}\n`);
  if (result.updated.length === 0) {
    err.write(`faasguard: no vulnerability data downloaded; ${result.cacheDir} is unchanged\n`);
    return 2;
  }
  out.write(`updated ${result.updated.join(', ')} in ${result.cacheDir} (${result.metadata?.updatedAt ?? 'now'})\n`);
  return result.errors.length > 0 ? 1 : 0;
}

function rulesCommand(argv: string[], out: NodeJS.WritableStream): number {
  const { values } = parse(argv, { format: { type: 'string', default: 'text' } });
  const metas = ALL_RULES.map((r) => r.meta).sort((a, b) => (a.id < b.id ? -1 : 1));
  const format = String(values['format']);
  if (format === 'json') out.write(JSON.stringify(metas, null, 2) + '\n');
  else if (format === 'markdown') out.write(rulesIndexMarkdown(metas));
  else if (format === 'text') for (const m of metas) out.write(`${m.id.padEnd(44)} ${m.severity.padEnd(9)} ${m.category.padEnd(7)} ${m.title}\n`);
  else throw new UsageError('--format must be text, markdown or json');
  return 0;
}

function explainCommand(argv: string[], out: NodeJS.WritableStream): number {
  const { positionals } = parse(argv, {});
  if (positionals.length !== 1) throw new UsageError('explain takes one rule id');
  const rule = findRule(positionals[0]!);
  if (!rule) throw new UsageError(`no rule "${positionals[0]}"; 'faasguard rules' lists them`);
  out.write(ruleExplanation(rule.meta));
  return 0;
}

function docsCommand(argv: string[], out: NodeJS.WritableStream): number {
  const { values } = parse(argv, { out: { type: 'string' } });
  const dir = values['out'] as string | undefined;
  if (!dir) throw new UsageError('docs needs --out <dir>');
  mkdirSync(dir, { recursive: true });
  const metas = ALL_RULES.map((r) => r.meta).sort((a, b) => (a.id < b.id ? -1 : 1));
  for (const m of metas) writeFileSync(path.join(dir, `${m.id}.md`), ruleMarkdown(m));
  writeFileSync(path.join(dir, 'README.md'), rulesIndexMarkdown(metas));
  out.write(`wrote ${metas.length} rule pages to ${dir}\n`);
  return 0;
}

type Options = NonNullable<Parameters<typeof parseArgs>[0]>['options'];

/** Options of the Serverless Framework and CDK loaders, shared by `scan` and `map`. */
const FORMAT_OPTIONS: Options = {
  stage: { type: 'string' },
  region: { type: 'string' },
  'env-vars': { type: 'string', multiple: true, default: [] },
  synth: { type: 'boolean', default: false },
};

/** Which configuration file to read; every command that scans takes them. */
const CONFIG_OPTIONS: Options = {
  config: { type: 'string' },
  'no-config': { type: 'boolean', default: false },
};

/** Flags of `scan` that say what to scan and how; `baseline` takes them too, to scan alike. */
const SCAN_INPUT_OPTIONS: Options = {
  exclude: { type: 'string', multiple: true, default: [] },
  param: { type: 'string', multiple: true, default: [] },
  'params-file': { type: 'string', multiple: true, default: [] },
  'max-file-size': { type: 'string' },
  'osv-db': { type: 'string' },
  online: { type: 'boolean', default: false },
  'osv-api-url': { type: 'string' },
  'cache-dir': { type: 'string' },
  'no-vuln-cache': { type: 'boolean', default: false },
  'no-cache': { type: 'boolean', default: false },
  quiet: { type: 'boolean', default: false },
  verbose: { type: 'boolean', default: false },
  ...FORMAT_OPTIONS,
  ...CONFIG_OPTIONS,
};

function formatOptions(values: Record<string, unknown>): { stage?: string; region?: string; envVars: string[]; synth: boolean } {
  const envVars = (values['env-vars'] as string[]).flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => v !== '');
  return {
    ...(typeof values['stage'] === 'string' ? { stage: values['stage'] } : {}),
    ...(typeof values['region'] === 'string' ? { region: values['region'] } : {}),
    envVars,
    synth: values['synth'] === true,
  };
}

function parse(argv: string[], options: Options) {
  try {
    return parseArgs({ args: argv, options: options ?? {}, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

function isTty(stream: NodeJS.WritableStream): boolean {
  return (stream as { isTTY?: boolean }).isTTY === true;
}
