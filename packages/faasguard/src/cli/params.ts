/**
 * Template parameter values from `--param Key=Value` and `--params-file` (a JSON object of
 * key to value, or the CloudFormation CLI's list of `{ ParameterKey, ParameterValue }`).
 */
import { readFileSync } from 'node:fs';
import { UsageError } from './usage-error.js';

export function parseParams(pairs: readonly string[], files: readonly string[]): Map<string, string> {
  const params = new Map<string, string>();
  for (const file of files) for (const [k, v] of readParamsFile(file)) params.set(k, v);
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new UsageError(`--param expects Key=Value, got "${pair}"`);
    params.set(pair.slice(0, eq), pair.slice(eq + 1));
  }
  return params;
}

function readParamsFile(file: string): Array<[string, string]> {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new UsageError(`--params-file ${file}: ${(e as Error).message}`);
  }
  if (Array.isArray(data)) {
    return data.map((p: { ParameterKey?: unknown; ParameterValue?: unknown }) => {
      if (typeof p?.ParameterKey !== 'string') throw new UsageError(`--params-file ${file}: every entry needs ParameterKey`);
      return [p.ParameterKey, String(p.ParameterValue ?? '')];
    });
  }
  if (data !== null && typeof data === 'object') return Object.entries(data as Record<string, unknown>).map(([k, v]) => [k, String(v)]);
  throw new UsageError(`--params-file ${file}: expected an object or a list of { ParameterKey, ParameterValue }`);
}
