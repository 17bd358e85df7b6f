/**
 * A faasguard configuration, as read from its file, validated, and with its paths made absolute.
 * What the file does not say is absent: the command line or the built-in default decides it.
 */
import type { Severity } from '../findings/finding.js';
import type { FailOn } from './fail-on.js';
import type { FileParams } from '../scan/template-params.js';

/** `off`: the rule does not run; `on`: it runs as it is (the default); a severity: it runs with that severity. */
export type RuleSetting = 'off' | 'on' | Severity;

export interface FaasguardConfig {
  /** The configuration file, absolute */
  file: string;
  /** Its directory: every relative path in the file is relative to it */
  dir: string;
  /** By rule id, in the order of the file */
  rules: ReadonlyMap<string, RuleSetting>;
  /** The `--fail-on` default */
  failOn?: FailOn;
  /** `--allow-input-errors`: a template that cannot be read does not make the exit code 2 */
  allowInputErrors?: boolean;
  /** Globs relative to `dir` */
  exclude: string[];
  /** Parameter values per template glob, in the order of the file */
  parameters: FileParams[];
  /** Serverless Framework stage and region */
  stage?: string;
  region?: string;
  /** An OSV export (absolute) */
  osvDb?: string;
  /** The `db update` cache (absolute) */
  cacheDir?: string;
}
