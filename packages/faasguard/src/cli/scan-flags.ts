/**
 * Scan options from the flags of `scan`, `baseline`, `map` and `policy`, each checked so that a
 * mistake is a usage error before anything is read.
 */
import { globError } from '../config/glob-problems.js';
import type { ScanOptions } from '../scan/scan.js';
import { DEFAULT_MAX_FILE_SIZE } from '../scan/scan.js';
import { isSet, stringValue, stringValues, type Values } from './option-values.js';
import { parseParams } from './params.js';
import { UsageError } from './usage-error.js';
import { readFileSync } from 'node:fs';
import type { TerraformVariableValues } from '../loaders/terraform/variable-values.js';

/** What `map` and `policy` load, as a scan would: files, parameters and loader options. */
export function inputOptions(values: Values): ScanOptions {
  return { exclude: excludeFlags(values), params: parseParams(stringValues(values, 'param'), stringValues(values, 'params-file')), ...loaderOptions(values) };
}

/** The `--exclude` globs, each one usable (see `discover/glob-matcher.ts`). */
export function excludeFlags(values: Values): string[] {
  const globs = stringValues(values, 'exclude');
  for (const glob of globs) {
    const error = globError(glob);
    if (error !== undefined) throw new UsageError(`--exclude ${error}`);
  }
  return globs;
}

export function maxFileSize(values: Values): number {
  const flag = stringValue(values, 'max-file-size');
  const bytes = flag === undefined ? DEFAULT_MAX_FILE_SIZE : Number(flag);
  if (!Number.isInteger(bytes) || bytes <= 0) throw new UsageError('--max-file-size takes a positive number of bytes');
  return bytes;
}

/** Where vulnerability data comes from, from the scan flags. */
export function vulnOptions(values: Values): Pick<ScanOptions, 'osvDb' | 'online' | 'osvApiUrl' | 'cacheDir' | 'noCache'> {
  const osvDb = stringValue(values, 'osv-db');
  const osvApiUrl = stringValue(values, 'osv-api-url');
  const cacheDir = stringValue(values, 'cache-dir');
  if (osvDb !== undefined && isSet(values, 'online')) throw new UsageError('--osv-db and --online are alternatives; give one');
  if (osvApiUrl !== undefined && !/^https?:\/\//.test(osvApiUrl)) throw new UsageError('--osv-api-url takes an http(s) URL');
  return {
    ...(osvDb !== undefined ? { osvDb } : {}),
    ...(isSet(values, 'online') ? { online: true } : {}),
    ...(osvApiUrl !== undefined ? { osvApiUrl } : {}),
    ...(cacheDir !== undefined ? { cacheDir } : {}),
    ...(isSet(values, 'no-vuln-cache') ? { noCache: true } : {}),
  };
}

/** Serverless Framework, CDK and Terraform loader options. */
export function loaderOptions(values: Values): { stage?: string; region?: string; envVars: string[]; synth: boolean; terraform: boolean; terraformVars?: TerraformVariableValues } {
  const envVars = stringValues(values, 'env-vars').flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => v !== '');
  const stage = stringValue(values, 'stage');
  const region = stringValue(values, 'region');
  const terraformVars = terraformVariables(values);
  return {
    ...(stage !== undefined ? { stage } : {}),
    ...(region !== undefined ? { region } : {}),
    envVars,
    synth: isSet(values, 'synth'),
    terraform: !isSet(values, 'no-terraform'),
    ...(terraformVars ? { terraformVars } : {}),
  };
}

/** `--var name=value` and `--var-file <file>`, the files read now: their content is part of what the cache keys. */
function terraformVariables(values: Values): TerraformVariableValues | undefined {
  const vars = stringValues(values, 'var');
  const files = stringValues(values, 'var-file');
  if (vars.length === 0 && files.length === 0) return undefined;
  for (const v of vars) if (!/^\s*[A-Za-z_][\w-]*\s*=/.test(v)) throw new UsageError(`--var takes name=value, not "${v}"`);
  const read = files.map((file) => {
    try {
      return { file, text: readFileSync(file, 'utf8') };
    } catch (e) {
      throw new UsageError(`--var-file ${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
    }
  });
  return { values: vars, files: read };
}
