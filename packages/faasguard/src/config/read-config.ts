/**
 * Reads a configuration file: YAML (`.yaml`, `.yml`) or JSON, parsed with a position for every key
 * and value, checked against schema/faasguard-config.schema.json and against the rules faasguard
 * has, then made into a `FaasguardConfig` with absolute paths. Every mistake found is reported at
 * once, each with its line and column.
 */
import { readRegularText, refusalMessage } from '../files/read-regular-file.js';
import path from 'node:path';
import type { Severity } from '../findings/finding.js';
import { DUPLICATE_KEY } from '../parse/duplicate-keys.js';
import { parseJsonTemplate } from '../parse/json-template.js';
import type { ParseResult } from '../parse/parse-result.js';
import { toJs, type TNode } from '../parse/tree.js';
import { parseYamlTemplate } from '../parse/yaml-template.js';
import type { FileParams } from '../scan/template-params.js';
import type { FaasguardConfig, RuleSetting } from './config.js';
import type { FailOn } from './fail-on.js';
import { ConfigError, configErrorAt, type ConfigProblem } from './config-error.js';
import { validate } from './config-schema-validator.js';
import { didYouMean } from './did-you-mean.js';
import { schemaProblems } from './schema-problems.js';
import { globProblems } from './glob-problems.js';
import { shownPath } from './shown-path.js';

/** The shape the schema guarantees. */
interface ConfigData {
  rules?: Record<string, RuleSetting>;
  failOn?: FailOn;
  allowInputErrors?: boolean;
  exclude?: string[];
  parameters?: Record<string, Record<string, string | number | boolean>>;
  serverless?: { stage?: string; region?: string };
  osv?: { db?: string; cacheDir?: string };
}

/** `ruleIds`: the rules faasguard has; a setting for any other is a mistake. */
export function readConfig(file: string, ruleIds: readonly string[]): FaasguardConfig {
  const abs = path.resolve(file);
  const shown = shownPath(abs);
  const parsed = parse(readText(abs, shown), abs);
  // Errors after the first syntax error are mostly its echoes.
  const syntax = parsed.diagnostics.find((d) => d.severity === 'error');
  if (syntax) throw configErrorAt(shown, [{ line: syntax.loc.line, column: syntax.loc.column, message: syntax.message }]);
  // A file of comments only (as `faasguard init` writes it) configures nothing.
  const root: TNode = parsed.root ?? { kind: 'map', entries: [], loc: { file: abs, line: 1, column: 1 } };
  const problems = [...duplicateKeys(parsed), ...validated(root), ...unknownRules(root, ruleIds), ...globProblems(root)];
  if (problems.length > 0) throw configErrorAt(shown, problems);
  return normalized(toJs(root) as ConfigData, abs);
}

/** A configuration file may come with the scanned repository: a FIFO or a huge file must not stop the scan. */
const MAX_CONFIG_BYTES = 4 * 1024 * 1024;

function readText(abs: string, shown: string): string {
  const read = readRegularText(abs, MAX_CONFIG_BYTES);
  if (read.kind === 'text') return read.text;
  const reason = read.kind === 'unreadable' ? read.code : read.kind === 'missing' ? 'ENOENT' : refusalMessage(read);
  throw new ConfigError(`${shown}: cannot be read (${reason})`);
}

function parse(text: string, abs: string): ParseResult {
  return path.extname(abs) === '.json' ? parseJsonTemplate(text, abs) : parseYamlTemplate(text, abs);
}

/** The parsers keep the last of two equal keys and say so; in a configuration it is a mistake. */
function duplicateKeys(parsed: ParseResult): ConfigProblem[] {
  return parsed.diagnostics.filter((d) => d.code === DUPLICATE_KEY).map((d) => ({ line: d.loc.line, column: d.loc.column, message: d.message }));
}

function validated(root: TNode): ConfigProblem[] {
  return validate(toJs(root)) ? [] : schemaProblems(validate.errors ?? [], root);
}

function unknownRules(root: TNode, ruleIds: readonly string[]): ConfigProblem[] {
  const rules = root.kind === 'map' ? root.entries.find((e) => e.key === 'rules')?.value : undefined;
  if (rules?.kind !== 'map') return [];
  const known = new Set(ruleIds);
  return rules.entries
    .filter((e) => !known.has(e.key))
    .map((e) => ({ line: e.keyLoc.line, column: e.keyLoc.column, message: `unknown rule "${e.key}"${didYouMean(e.key, ruleIds)}; 'faasguard rules' lists them` }));
}

function normalized(data: ConfigData, file: string): FaasguardConfig {
  const dir = path.dirname(file);
  const parameters: FileParams[] = Object.entries(data.parameters ?? {}).map(([pattern, values]) => ({
    dir,
    pattern,
    values: new Map(Object.entries(values).map(([k, v]) => [k, String(v)])),
  }));
  return {
    file,
    dir,
    rules: new Map(Object.entries(data.rules ?? {})),
    ...(data.failOn ? { failOn: data.failOn } : {}),
    ...(data.allowInputErrors !== undefined ? { allowInputErrors: data.allowInputErrors } : {}),
    exclude: data.exclude ?? [],
    parameters,
    ...(data.serverless?.stage ? { stage: data.serverless.stage } : {}),
    ...(data.serverless?.region ? { region: data.serverless.region } : {}),
    ...(data.osv?.db ? { osvDb: path.resolve(dir, data.osv.db) } : {}),
    ...(data.osv?.cacheDir ? { cacheDir: path.resolve(dir, data.osv.cacheDir) } : {}),
  };
}
