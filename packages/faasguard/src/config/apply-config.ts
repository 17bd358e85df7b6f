/**
 * Scan options from the command line and a configuration: an explicit flag wins over the
 * configuration, which wins over the built-in default. Lists add up: `--exclude` globs are added to
 * the configuration's, and per-template parameters sit under `--param` values of the same name.
 */
import type { Severity } from '../findings/finding.js';
import { ALL_RULES } from '../rules/index.js';
import type { ScanOptions } from '../scan/scan.js';
import type { FaasguardConfig } from './config.js';
import type { FailOn } from './fail-on.js';

export type { FailOn } from './fail-on.js';
import { configuredRules } from './configured-rules.js';

/** `flags`: only what the command line said (no defaults filled in), so that the configuration can fill the rest. */
export function applyConfig(flags: ScanOptions, config: FaasguardConfig | undefined): ScanOptions {
  if (config === undefined) return flags;
  const osvDb = flags.osvDb ?? (flags.online ? undefined : config.osvDb);
  const stage = flags.stage ?? config.stage;
  const region = flags.region ?? config.region;
  const cacheDir = flags.cacheDir ?? config.cacheDir;
  return {
    ...flags,
    rules: configuredRules(flags.rules ?? ALL_RULES, config.rules),
    excludeElsewhere: [...(flags.excludeElsewhere ?? []), ...(config.exclude.length > 0 ? [{ dir: config.dir, globs: config.exclude }] : [])],
    fileParams: [...config.parameters, ...(flags.fileParams ?? [])],
    ...(stage !== undefined ? { stage } : {}),
    ...(region !== undefined ? { region } : {}),
    ...(osvDb !== undefined ? { osvDb } : {}),
    ...(cacheDir !== undefined ? { cacheDir } : {}),
  };
}

export const DEFAULT_FAIL_ON: Severity = 'low';


/** `--fail-on`, else the configuration's `failOn`, else `low`. */
export function failOnOf(flag: FailOn | undefined, config: FaasguardConfig | undefined): FailOn {
  return flag ?? config?.failOn ?? DEFAULT_FAIL_ON;
}
