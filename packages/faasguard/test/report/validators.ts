/**
 * Schema validation for the reporter tests: ajv (draft 2020-12) with the few string formats the
 * schemas use, and the official SARIF Multitool when its binary runs here.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { accessSync, chmodSync, constants, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { TestContext } from 'node:test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv';

const require = createRequire(import.meta.url);

/** What a validator found wrong; empty when valid. */
export type Problems = string[];

function newAjv(strict: boolean, allErrors = true): Ajv2020 {
  const ajv = new Ajv2020({ allErrors, strict });
  // ajv ships no format checks (ajv-formats is another package); these are enough for the schemas.
  ajv.addFormat('uri', (s: string) => URL.canParse(s));
  ajv.addFormat('uri-reference', (s: string) => URL.canParse(s, 'http://base.invalid/') && !/[\s\\]/.test(s));
  ajv.addFormat('date-time', (s: string) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/i.test(s));
  ajv.addFormat('uuid', (s: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s));
  return ajv;
}

function validateWith(schema: object, data: unknown, strict = true): Problems {
  const validate = newAjv(strict).compile(schema);
  if (validate(data)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`);
}

const REPORT_SCHEMA_URL = new URL('../../../schema/faasguard-report.schema.json', import.meta.url);

export function reportSchema(): { [k: string]: unknown } {
  return JSON.parse(readFileSync(REPORT_SCHEMA_URL, 'utf8')) as { [k: string]: unknown };
}

export function validateJsonReport(data: unknown): Problems {
  return validateWith(reportSchema(), data);
}

function sarifSchema(): object {
  return JSON.parse(readFileSync(join(sarifPackageDir(), 'sarif-2.1.0.json'), 'utf8')) as object;
}

/**
 * A validator compiled once, for callers that validate many documents (the fuzz tests): it stops
 * at the first error, and only an invalid document is validated again for all of them.
 */
function compiledOnce(schema: () => object, strict: boolean): (data: unknown) => Problems {
  let validate: ValidateFunction | undefined;
  return (data) => {
    validate ??= newAjv(strict, false).compile(schema());
    return validate(data) ? [] : validateWith(schema(), data, strict);
  };
}

/** `validateJsonReport` and `validateSarifSchema`, with their schemas compiled on first use and kept. */
export const validateJsonReportFast = compiledOnce(reportSchema, true);
export const validateSarifSchemaFast = compiledOnce(sarifSchema, false);

function sarifPackageDir(): string {
  return dirname(require.resolve('@microsoft/sarif-multitool-linux/package.json'));
}

export function validateSarifSchema(data: unknown): Problems {
  const schema = JSON.parse(readFileSync(join(sarifPackageDir(), 'sarif-2.1.0.json'), 'utf8')) as object;
  // The official schema lists `required` properties inside `anyOf` branches, which ajv's strict
  // mode rejects although the schema is valid JSON Schema.
  return validateWith(schema, data, false);
}

/** The package's postinstall `chmod` does not always run; make the binary executable if we may. */
function multitoolPath(): string | undefined {
  const bin = join(sarifPackageDir(), 'Sarif.Multitool');
  try {
    accessSync(bin, constants.X_OK);
    return bin;
  } catch {
    try {
      chmodSync(bin, statSync(bin).mode | 0o100);
      return bin;
    } catch {
      return undefined;
    }
  }
}

/** The Multitool's path when it starts on this machine (it is a Linux x64/arm64 binary). */
export function runnableMultitool(): string | undefined {
  if (process.platform !== 'linux') return undefined;
  const bin = multitoolPath();
  if (bin === undefined) return undefined;
  const probe = spawnSync(bin, ['--version'], { encoding: 'utf8', timeout: 60_000 });
  return probe.error === undefined && probe.status === 0 ? bin : undefined;
}

interface LogResult {
  ruleId?: string;
  level?: string;
  message?: { text?: string; id?: string; arguments?: string[] };
  locations?: { physicalLocation?: { artifactLocation?: { uri?: string } } }[];
}

interface LogRule {
  id: string;
  defaultConfiguration?: { level?: string };
}

interface ValidationLog {
  runs: {
    tool: { driver: { rules?: LogRule[] } };
    results?: LogResult[];
    invocations?: { executionSuccessful?: boolean; toolExecutionNotifications?: { level?: string; message?: { text?: string } }[] }[];
  }[];
}

/**
 * The Multitool's path, or undefined after skipping the test where it cannot run (it is a Linux
 * x64/arm64 binary). In CI (`CI=true`) a missing validator fails the test instead: a skipped
 * validation there would let an invalid log through unnoticed.
 */
export function requireMultitool(t: TestContext): string | undefined {
  const bin = runnableMultitool();
  if (bin !== undefined) return bin;
  if (process.env['CI'] === 'true') assert.fail('Sarif.Multitool (@microsoft/sarif-multitool) does not run here, and CI=true requires it');
  t.skip('Sarif.Multitool does not run on this platform');
  return undefined;
}

/** A result's level, falling back to its rule's default as SARIF consumers do. */
function effectiveLevel(result: LogResult, rules: LogRule[]): string {
  if (result.level !== undefined) return result.level;
  const rule = rules.find((r) => r.id === result.ruleId);
  return rule?.defaultConfiguration?.level ?? 'warning';
}

/** Runs `Sarif.Multitool validate` on one log: its errors and warnings, and a validation that failed. */
export function multitoolProblems(bin: string, sarifText: string): Problems {
  return multitoolProblemsOf(bin, { 'report.sarif': sarifText })['report.sarif'] ?? [];
}

/**
 * Validates several logs in one run of the Multitool (each run costs seconds): the errors and
 * warnings of each, by name (a file name: letters, digits, `.`, `-`).
 */
export function multitoolProblemsOf(bin: string, logs: Record<string, string>): Record<string, Problems> {
  const dir = mkdtempSync(join(tmpdir(), 'faasguard-sarif-'));
  try {
    return validateInDir(bin, dir, logs);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function validateInDir(bin: string, dir: string, logs: Record<string, string>): Record<string, Problems> {
  const names = Object.keys(logs);
  const problems: Record<string, Problems> = Object.fromEntries(names.map((n) => [n, []]));
  for (const name of names) writeFileSync(join(dir, name), logs[name]!);
  const output = join(dir, 'validation.out');
  const run = spawnSync(bin, ['validate', ...names.map((n) => join(dir, n)), '--output', output, '--log', 'ForceOverwrite'], {
    encoding: 'utf8',
    timeout: 600_000,
  });
  if (run.error !== undefined || run.status !== 0) {
    for (const name of names) problems[name]!.push(`multitool failed (${run.status}): ${run.stdout}${run.stderr}`);
    return problems;
  }
  const log = JSON.parse(readFileSync(output, 'utf8')) as ValidationLog;
  for (const r of log.runs) {
    const rules = r.tool.driver.rules ?? [];
    for (const res of r.results ?? []) {
      const level = effectiveLevel(res, rules);
      if (level !== 'error' && level !== 'warning') continue;
      const uri = res.locations?.[0]?.physicalLocation?.artifactLocation?.uri ?? '';
      const name = names.find((n) => uri.endsWith(`/${n}`)) ?? names[0]!;
      problems[name]!.push(`${level} ${res.ruleId}: ${JSON.stringify(res.message)}`);
    }
    for (const inv of r.invocations ?? []) {
      const failures = [...(inv.executionSuccessful === false ? ['validation did not complete'] : []), ...(inv.toolExecutionNotifications ?? []).filter((n) => n.level === 'error').map((n) => n.message?.text ?? 'error')];
      for (const name of names) problems[name]!.push(...failures);
    }
  }
  return problems;
}
