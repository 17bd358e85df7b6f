/**
 * The scan pipeline: discover files, load templates into one AppModel, run the rules.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { prepareRuleInputs } from '../analysis/rule-inputs.js';
import { peekCodeFacts, prepareCodeAnalysis } from '../code/code-facts.js';
import { discoverFiles, type DiscoveredFile } from '../discover/discover.js';
import { ModelBuilder } from '../loaders/model-builder.js';
import { buildAttackSurfaceMap } from '../map/build-map.js';
import { subjectFunctions } from '../map/subject-functions.js';
import type { AppModel } from '../model/app-model.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { compareLocations, type SourceLocation } from '../model/location.js';
import { runRules } from '../rules/engine.js';
import { ALL_RULES } from '../rules/index.js';
import type { Rule } from '../rules/rule.js';
import { TOOL_VERSION } from '../version.js';
import { loadAllFormats, scanRootOf } from './load-formats.js';
import { redactedSource } from './redacted-source.js';
import type { ScanResult } from './scan-result.js';

export interface ScanOptions {
  exclude?: string[];
  /** Template parameter values (`--param Key=Value`); also pseudo parameters such as `AWS::Region` */
  params?: ReadonlyMap<string, string>;
  /** Files larger than this are reported and skipped */
  maxFileSize?: number;
  rules?: readonly Rule[];
  /** Serverless Framework stage (`--stage`; the framework's default is `dev`) */
  stage?: string;
  /** Serverless Framework region (`--region`; the framework's default is `us-east-1`) */
  region?: string;
  /** Environment variables `${env:…}` may read (`--env-vars`): names, or `*`; none by default */
  envVars?: readonly string[];
  /** Run `npx cdk synth` for a CDK app that has no cloud assembly (`--synth`): this runs the app's code */
  synth?: boolean;
  /** Offline OSV data: a directory of OSV JSON files or a zip export (`--osv-db`) */
  osvDb?: string;
  /** Ask the OSV API (`--online`) */
  online?: boolean;
  /** Base URL of the OSV API (`--osv-api-url`) */
  osvApiUrl?: string;
  /** Where `faasguard db update` keeps its data (`--cache-dir`) */
  cacheDir?: string;
  /** Do not use the `db update` cache (`--no-vuln-cache`) */
  noCache?: boolean;
  /** Told how long each phase took, for benchmarks; phases run in the order of `ScanPhase` */
  onPhase?: (phase: ScanPhase, ms: number) => void;
}

/** `load` builds the model from the templates; `analyses` are the code, secret and dependency facts the rules read. */
export type ScanPhase = 'discover' | 'load' | 'analyses' | 'rules';

/** Starts a stopwatch that reports `phase` to `onPhase` when called. */
function phaseTimer(options: ScanOptions): (phase: ScanPhase) => void {
  let last = performance.now();
  return (phase) => {
    const now = performance.now();
    options.onPhase?.(phase, now - last);
    last = now;
  };
}

export const DEFAULT_MAX_FILE_SIZE = 20 * 1024 * 1024;

export interface LoadedApp {
  model: AppModel;
  templates: string[];
  diagnostics: Diagnostic[];
  sources: Map<string, string>;
  /** Every file discovered under the target, for analyses that read code */
  files: DiscoveredFile[];
}

/** Discover and load every template under `target` (a directory, or one file) into one model. */
export async function loadApp(target: string, options: ScanOptions = {}): Promise<LoadedApp> {
  const { root, only } = scanRootOf(target);
  const done = phaseTimer(options);
  const discovered = await discoverFiles(root, { exclude: options.exclude ?? [] });
  const files = only === undefined ? discovered.files : discovered.files.filter((f) => f.rel === only);
  done('discover');
  const builder = new ModelBuilder();
  const loaded = await loadAllFormats(path.resolve(root), files, {
    params: options.params ?? new Map(),
    maxFileSize: options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE,
    serverless: { ...(options.stage ? { stage: options.stage } : {}), ...(options.region ? { region: options.region } : {}), ...(options.envVars ? { envVars: options.envVars } : {}) },
    synth: options.synth === true,
  }, builder);
  done('load');
  const diagnostics: Diagnostic[] = [...discovered.diagnostics, ...loaded.diagnostics];
  const { templates, sources } = loaded;
  return { model: builder.model, templates, diagnostics, sources, files: discovered.files };
}

export async function scan(target: string, options: ScanOptions = {}): Promise<ScanResult> {
  const app = await loadApp(target, options);
  const rules = options.rules ?? ALL_RULES;
  const root = scanRootOf(target).root;
  const done = phaseTimer(options);
  const inputs = await prepareRuleInputs(app, root, rules, options);
  await prepareCodeAnalysis(app.model);
  done('analyses');
  const { findings, diagnostics } = runRules(app.model, rules, { deps: inputs.deps, secrets: inputs.secrets, root });
  done('rules');
  const codeDiagnostics = peekCodeFacts(app.model, root)?.diagnostics ?? [];
  const secretLocations = findings.filter((f) => f.category === 'SAS-7').map((f) => f.location);
  const allDiagnostics = [...app.diagnostics, ...inputs.diagnostics, ...codeDiagnostics, ...diagnostics].sort((a, b) => compareLocations(a.loc, b.loc));
  return {
    toolVersion: TOOL_VERSION,
    target,
    templates: app.templates,
    findings,
    diagnostics: allDiagnostics,
    rules: rules.map((r) => r.meta).sort((a, b) => (a.id < b.id ? -1 : 1)),
    attackSurface: once(() => ({ map: buildAttackSurfaceMap(app.model), subjectFunctions: subjectFunctions(app.model) })),
    readSource: memoized((file) => redactOrUndefined(app.sources.get(file) ?? readQuietly(path.join(root, file)), file, secretLocations)),
  };
}

function once<T>(compute: () => T): () => T {
  let value: { v: T } | undefined;
  return () => (value ??= { v: compute() }).v;
}

/** Reporters ask once per finding; the text of a file is read and redacted once. */
function memoized(read: (file: string) => string | undefined): (file: string) => string | undefined {
  const cache = new Map<string, string | undefined>();
  return (file) => {
    if (!cache.has(file)) cache.set(file, read(file));
    return cache.get(file);
  };
}

/** Shown text never holds a detected secret, even where a single line would not reveal it as one. */
function redactOrUndefined(text: string | undefined, file: string, secretsAt: readonly SourceLocation[]): string | undefined {
  return text === undefined ? undefined : redactedSource(text, file, secretsAt);
}

function readQuietly(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
