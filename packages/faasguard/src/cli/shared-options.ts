/**
 * Flags several commands share, each group with the help rows that explain it, so that every
 * command's `--help` describes them alike.
 */
import { DEFAULT_MAX_FILE_SIZE } from '../scan/scan.js';
import { DEFAULT_OSV_API_URL, defaultCacheDir } from '../deps/index.js';
import { CONFIG_FILE_NAMES } from '../config/find-config.js';
import type { Options } from './command.js';
import type { HelpRow, HelpSection } from './help-text.js';

export { HELP_OPTION } from './command.js';
export const HELP_ROW: HelpRow = ['-h, --help', "this text (each command has its own: 'faasguard <command> --help')"];

/** What a command reads: which files and with which template parameters. */
export const INPUT_OPTIONS: Options = {
  exclude: { type: 'string', multiple: true, default: [] },
  param: { type: 'string', multiple: true, default: [] },
  'params-file': { type: 'string', multiple: true, default: [] },
  'allow-input-errors': { type: 'boolean', default: false },
};

export const INPUT_HELP: readonly HelpRow[] = [
  ['--exclude <glob>', 'skip files matching the glob (repeatable; added to the configuration\'s)'],
  ['--param Key=Value', 'a template parameter value (repeatable; AWS::Region=… too)'],
  ['--params-file <file>', 'parameter values: {"Key": "Value"} or [{"ParameterKey", "ParameterValue"}]'],
  ['--allow-input-errors', 'do not exit 2 when a template could not be read or parsed (the configuration\'s', 'allowInputErrors: true too); the errors still show on stderr'],
];

/** Options of the Serverless Framework and CDK loaders. */
export const LOADER_OPTIONS: Options = {
  stage: { type: 'string' },
  region: { type: 'string' },
  'env-vars': { type: 'string', multiple: true, default: [] },
  synth: { type: 'boolean', default: false },
  terraform: { type: 'boolean', default: false },
  'no-terraform': { type: 'boolean', default: false },
  var: { type: 'string', multiple: true, default: [] },
  'var-file': { type: 'string', multiple: true, default: [] },
};

export const LOADER_HELP: readonly HelpRow[] = [
  ['--stage <stage>', 'Serverless Framework stage (default: provider.stage, else dev)'],
  ['--region <region>', 'Serverless Framework region (default: provider.region, else us-east-1)'],
  ['--env-vars <names>', 'let ${env:…} read these environment variables (comma-separated, or *)'],
  ['--synth', 'run `npx cdk synth` for a CDK app without cdk.out (runs the app\'s code)'],
  ['--no-terraform', 'do not read Terraform (.tf, .tf.json, plans); read by default (--terraform is accepted)'],
  ['--var name=value', 'a Terraform variable value for every root module (repeatable; over --var-file)'],
  ['--var-file <file>', 'Terraform variable values (.tfvars, or .tfvars.json), over the modules\' own (repeatable)'],
];

/** Which configuration file to read; every command that scans takes them. */
export const CONFIG_OPTIONS: Options = {
  config: { type: 'string' },
  'no-config': { type: 'boolean', default: false },
};

export const CONFIG_SECTION: HelpSection = {
  title: 'Configuration (flags win over it)',
  rows: [
    ['--config <file>', 'read this configuration file only'],
    ['--no-config', 'read none'],
    ['', 'Otherwise the scanned directory and its parents, up to the repository root (.git), are', `searched for ${CONFIG_FILE_NAMES.join(', ')}`],
  ],
};

/** What a command writes on stderr besides errors. */
export const QUIET_OPTION: Options = { quiet: { type: 'boolean', short: 'q', default: false } };
export const QUIET_ROW: HelpRow = ['-q, --quiet', 'no warnings, progress or summary on stderr (errors still show)'];

export const VERBOSE_OPTION: Options = { verbose: { type: 'boolean', default: false } };
export const VERBOSE_ROW: HelpRow = ['--verbose', 'list each file found and template loaded, and the time of each phase, on stderr'];

export const RULE_TIMES_OPTION: Options = { 'rule-times': { type: 'boolean', default: false } };
export const RULE_TIMES_ROW: HelpRow = ['--rule-times', 'after the scan, the time each rule took, slowest first, on stderr'];

export const OUTPUT_OPTION: Options = { output: { type: 'string', short: 'o' } };

export const NO_COLOR_OPTION: Options = { 'no-color': { type: 'boolean', default: false } };

/** How a scan runs and where its vulnerability data comes from; `scan` and `baseline` take them. */
export const SCAN_RUN_OPTIONS: Options = {
  'max-file-size': { type: 'string' },
  'osv-db': { type: 'string' },
  online: { type: 'boolean', default: false },
  'osv-api-url': { type: 'string' },
  'cache-dir': { type: 'string' },
  'no-vuln-cache': { type: 'boolean', default: false },
  'no-cache': { type: 'boolean', default: false },
};

export const SCAN_RUN_HELP: readonly HelpRow[] = [
  ['--max-file-size <bytes>', `skip larger files (default: ${DEFAULT_MAX_FILE_SIZE})`],
  ['--no-cache', 'scan everything again: do not reuse the result of an unchanged app', '(kept in $FAASGUARD_CACHE_DIR/scans, else ~/.cache/faasguard/scans)'],
];

export const VULN_SECTION: HelpSection = {
  title: 'Vulnerability data (dependencies are checked against OSV; without data the scan says so)',
  rows: [
    ['--osv-db <dir|zip>', 'read an offline OSV export (directory of OSV JSON files, or all.zip)'],
    ['--online', 'ask the OSV API instead (sends package names and versions)'],
    ['--osv-api-url <url>', `base URL of the OSV API (default: ${DEFAULT_OSV_API_URL})`],
    ['--cache-dir <dir>', `the 'db update' cache (default: ${defaultCacheDir()})`],
    ['--no-vuln-cache', "do not use the 'db update' cache"],
  ],
};

/** Every flag of the commands that run a scan (`scan`, `baseline`, `changed`), beside their own. */
export const SCAN_OPTIONS: Options = { ...INPUT_OPTIONS, ...SCAN_RUN_OPTIONS, ...QUIET_OPTION, ...VERBOSE_OPTION, ...RULE_TIMES_OPTION, ...LOADER_OPTIONS, ...CONFIG_OPTIONS };

/** The help of SCAN_OPTIONS: the last sections of those commands' `--help`. */
export const SCAN_SECTIONS: readonly HelpSection[] = [
  { title: 'Input', rows: [...INPUT_HELP, ...SCAN_RUN_HELP, ...LOADER_HELP] },
  CONFIG_SECTION,
  VULN_SECTION,
  { title: 'Messages', rows: [QUIET_ROW, VERBOSE_ROW, RULE_TIMES_ROW, HELP_ROW] },
];
