/**
 * What `map` and `policy` read: the app's templates, loaded as a scan would (same flags and
 * configuration) but without running the rules. Input problems go to stderr as a scan writes them.
 */
import { applyConfig } from '../config/apply-config.js';
import type { FaasguardConfig } from '../config/config.js';
import { loadApp, type LoadedApp, type ScanOptions } from '../scan/scan.js';
import { appSecretRedactor } from '../scan/app-secrets.js';
import type { ValueRedactor } from '../secrets/index.js';
import { writeInputProblems } from './input-problems.js';
import { isSet, type Values } from './option-values.js';
import { inputOptions } from './scan-flags.js';
import { configFromFlags, targetOf } from './scan-input.js';

/** A load whose target, flags and configuration have been checked. */
export interface PreparedLoad {
  target: string;
  config?: FaasguardConfig;
  /** The options the load uses; their exclusion also bounds the code a command reads. */
  options: ScanOptions;
  load(): Promise<LoadedApp>;
}

export function prepareLoad(command: string, positionals: readonly string[], values: Values, err: NodeJS.WritableStream): PreparedLoad {
  const target = targetOf(command, positionals);
  const flags = inputOptions(values);
  const config = configFromFlags(target, values, err);
  const options = applyConfig(flags, config);
  return { target, ...(config ? { config } : {}), options, load: () => loadApp(target, options) };
}

/** Writes the app's input problems (warnings unless `--quiet`); returns its secret redactor. */
export function reportAppProblems(app: LoadedApp, target: string, values: Values, err: NodeJS.WritableStream): ValueRedactor {
  const redactor = appSecretRedactor(app, target);
  writeInputProblems(app.diagnostics, err, isSet(values, 'quiet'), (text) => redactor.text(text));
  return redactor;
}
