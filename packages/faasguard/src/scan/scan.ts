/**
 * The scan pipeline: discover files, load templates into one AppModel, run the rules.
 */
import os from 'node:os';
import path from 'node:path';
import { fileScansFor, prepareRuleInputs } from '../analysis/rule-inputs.js';
import { startFileScansAhead, type FileScansAhead } from '../analysis/file-scans-ahead.js';
import { peekCodeFacts, startCodeAnalysis } from '../code/code-facts.js';
import { discoverFiles, type DiscoveredFile, type DiscoverResult } from '../discover/discover.js';
import { exclusionMatcher, type ExcludeGlobs } from '../discover/exclude-globs.js';
import { cacheKey } from '../cache/cache-key.js';
import { hashFiles } from '../cache/input-manifest.js';
import type { TerraformVariableValues } from '../loaders/terraform/variable-values.js';
import { withReadLog } from '../cache/read-log.js';
import { ScanCache, type CachedScan } from '../cache/scan-cache.js';
import { ModelBuilder } from '../loaders/model-builder.js';
import { buildAttackSurfaceMap } from '../map/build-map.js';
import { subjectFunctions } from '../map/subject-functions.js';
import type { AppModel } from '../model/app-model.js';
import { uniqueDiagnostics, type Diagnostic } from '../model/diagnostic.js';
import { compareLocations, type SourceLocation } from '../model/location.js';
import { runRules, startRules } from '../rules/engine.js';
import type { YamlParser } from '../parse/yaml-template.js';
import { ALL_RULES } from '../rules/index.js';
import type { Rule } from '../rules/rule.js';
import { applySuppressions } from '../suppress/apply-suppressions.js';
import { TOOL_VERSION } from '../version.js';
import { loadAllFormats, scanRootOf } from './load-formats.js';
import type { OpenConditions, TerraformFork } from '../loaders/terraform/assumptions.js';
import { conditionalFindings, type ForkJudge } from './conditional-findings.js';
import { compareFindings } from '../findings/sort.js';
import { redactedSource } from './redacted-source.js';
import { pointsAtSecretValue } from '../rules/secrets/secret-value-findings.js';
import { secretRedactor } from './secret-values.js';
import type { ValueRedactor } from '../secrets/index.js';
import type { ScanProgress } from './scan-progress.js';
import type { ScanAttackSurface, ScanResult } from './scan-result.js';
import { paramsResolver, type FileParams } from './template-params.js';
import { readTextOrUndefined } from '../files/read-regular-file.js';
import { PathGuard } from '../files/path-guard.js';
import { nowMs } from '../util/milliseconds.js';

export interface ScanOptions {
  exclude?: string[];
  /** Exclude globs relative to another directory than the root (a configuration file's) */
  excludeElsewhere?: readonly ExcludeGlobs[];
  /** Template parameter values (`--param Key=Value`); also pseudo parameters such as `AWS::Region` */
  params?: ReadonlyMap<string, string>;
  /** Parameter values for the templates matching a glob (a configuration file's); `params` win */
  fileParams?: readonly FileParams[];
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
  /** Read Terraform root modules and plans; on unless `false` (`--no-terraform`) */
  terraform?: boolean;
  /**
   * Terraform variable values given to every root module, over its variable files: the texts of
   * `--var-file` files (HCL or JSON), then `--var name=value` values, in that order. `TF_VAR_<name>`
   * environment variables count, below the variable files, when `envVars` allows them.
   */
  terraformVars?: TerraformVariableValues;
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
  /**
   * How YAML is parsed: `parseYamlTemplate` (the fast path, then the full parser), unless a test
   * gives the full parser alone (`parseWithDocumentModel`) to check that reports do not change.
   */
  parseYaml?: YamlParser;
  /** Told how long each rule took, in the order they run (`--rule-times`) */
  onRuleTime?: (ruleId: string, ms: number) => void;
  /** Told as phases start, files are found and loaded, and rules run: for a progress display */
  onProgress?: (event: ScanProgress) => void;
  /**
   * Directory of the scan cache (see `cache/scan-cache.ts`): an unchanged app's result is reused.
   * Unset: no cache. Never used with `synth` or `online`, whose results depend on more than files.
   */
  scanCache?: string;
  /** Threads for the code analysis of large apps (default: the machine's cores, at most 2); reports are the same with any number */
  threads?: number;
}

/** Two threads where two cores exist: the code analysis splits in two parts (see `code/code-facts-threads.ts`). */
function defaultThreads(): number {
  return Math.min(2, os.availableParallelism());
}

/** `load` builds the model from the templates; `analyses` are the code, secret and dependency facts the rules read. */
export type ScanPhase = 'discover' | 'load' | 'analyses' | 'rules';

/**
 * Starts a stopwatch that reports `phase` to `onPhase` when called. `moved`: milliseconds of another
 * phase's work done within this phase's time (negative), or the reverse.
 */
function phaseTimer(options: ScanOptions): (phase: ScanPhase, moved?: number) => void {
  let last = nowMs();
  return (phase, moved = 0) => {
    const now = nowMs();
    options.onPhase?.(phase, now - last + moved);
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
  /** Conditions not known offline that decide Terraform attribute values, per root module folder */
  openConditions: OpenConditions;
}

function discoverOptions(options: ScanOptions): { exclude: string[]; excludeElsewhere: readonly ExcludeGlobs[] } {
  return { exclude: options.exclude ?? [], excludeElsewhere: options.excludeElsewhere ?? [] };
}

/**
 * Discover and load every template under `target` (a directory, or one file) into one model; with
 * `fork`, only that Terraform root module, with its conditions assumed (see `conditional-findings.ts`).
 */
export async function loadApp(target: string, options: ScanOptions = {}, listed?: DiscoverResult, fork?: TerraformFork): Promise<LoadedApp> {
  const { root, only } = scanRootOf(target);
  const done = phaseTimer(options);
  const progress = options.onProgress ?? (() => {});
  const discovered = listed ?? (await discover(target, options));
  const files = only === undefined ? discovered.files : discovered.files.filter((f) => f.rel === only);
  if (!listed) done('discover');
  progress({ kind: 'phase', phase: 'load' });
  const builder = new ModelBuilder();
  const loaded = await loadAllFormats(path.resolve(root), files, {
    paramsFor: paramsResolver(path.resolve(root), options.params ?? new Map(), options.fileParams ?? []),
    maxFileSize: options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE,
    serverless: { ...(options.stage ? { stage: options.stage } : {}), ...(options.region ? { region: options.region } : {}), ...(options.envVars ? { envVars: options.envVars } : {}) },
    synth: options.synth === true,
    terraform: options.terraform !== false,
    ...(options.terraformVars ? { terraformVars: options.terraformVars } : {}),
    ...(options.envVars ? { envVars: options.envVars } : {}),
    isExcluded: exclusionMatcher(path.resolve(root), discoverOptions(options)),
    ...(options.parseYaml ? { parseYaml: options.parseYaml } : {}),
    ...(fork ? { terraformFork: fork } : {}),
  }, builder);
  for (const t of loaded.templates) progress({ kind: 'file', phase: 'load', file: t });
  done('load');
  const diagnostics = uniqueDiagnostics([...discovered.diagnostics, ...loaded.diagnostics]);
  const { templates, sources } = loaded;
  return { model: builder.model, templates, diagnostics, sources, files: discovered.files, openConditions: loaded.openConditions };
}

/** Lists the files under the target's root, telling `onProgress` of each one the scan uses. */
async function discover(target: string, options: ScanOptions): Promise<DiscoverResult> {
  const { root, only } = scanRootOf(target);
  const progress = options.onProgress ?? (() => {});
  progress({ kind: 'phase', phase: 'discover' });
  const discovered = await discoverFiles(root, discoverOptions(options));
  for (const f of discovered.files) if (only === undefined || f.rel === only) progress({ kind: 'file', phase: 'discover', file: f.rel });
  return discovered;
}

export async function scan(target: string, options: ScanOptions = {}): Promise<ScanResult> {
  if (options.scanCache === undefined || options.synth || options.online) return scanFiles(target, options);
  return scanThroughCache(target, options, options.scanCache);
}

/** Reuses the cached result when no file the last scan read has changed; else scans and stores. */
async function scanThroughCache(target: string, options: ScanOptions, cacheDir: string): Promise<ScanResult> {
  const root = scanRootOf(target).root;
  const done = phaseTimer(options);
  const discovered = await discover(target, options);
  done('discover');
  const listed = discovered.files.map((f) => f.rel);
  const rules = options.rules ?? ALL_RULES;
  const key = keyOf(target, options, rules);
  const maxBytes = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  const cache = new ScanCache(cacheDir, maxBytes);
  const hit = cache.lookup(key, root, listed);
  if (hit) {
    options.onProgress?.({ kind: 'cached' });
    // What the cache keeps is already redacted; the secrets are found again only to mask code frames.
    const read = sourceReader(root);
    const redactor = once(() => secretRedactor(hit.templates, secretLocationsOf(hit), read));
    return { ...resultOf(target, rules, hit, () => hit.attackSurface, read, redactor), fromCache: true };
  }
  // Hashed before the scan reads them: an edit during the scan then makes the next lookup miss.
  const before = hashFiles(root, listed, maxBytes);
  const { value: result, read } = await withReadLog(() => scanFiles(target, options, discovered));
  const extra = [...read].map((abs) => path.relative(path.resolve(root), abs)).filter((rel) => !(rel in before));
  // The map is kept too (for the HTML report), though drawing it is otherwise left until asked for.
  const kept = { templates: result.templates, findings: result.findings, suppressed: result.suppressed ?? [], diagnostics: result.diagnostics, attackSurface: result.attackSurface() };
  cache.store(key, listed, { ...before, ...hashFiles(root, extra, maxBytes) }, kept);
  return result;
}

/** The cache key of a scan: the rules by id and severity, the thread count left out (it changes nothing). */
function keyOf(target: string, options: ScanOptions, rules: readonly Rule[]): string {
  const ruleIds = rules.map((r) => `${r.meta.id}:${r.meta.severity}`);
  return cacheKey({ target, options: { ...options, rules: undefined, threads: undefined }, envVars: options.envVars, osvDb: options.osvDb, cacheDir: options.cacheDir, noCache: options.noCache, ruleIds });
}

/** The scan itself: load, analyze, run the rules. */
async function scanFiles(target: string, options: ScanOptions, listed?: DiscoverResult): Promise<ScanResult> {
  const rules = options.rules ?? ALL_RULES;
  const discovered = listed ?? (await discoverTimed(target, options));
  // Started before the templates load, whose phase leaves the second core idle.
  const ahead = startFileScansAhead(discovered.files, fileScansFor(rules), options.threads ?? defaultThreads());
  try {
    return await analyzeAndJudge(target, options, rules, await loadApp(target, options, discovered), ahead);
  } finally {
    ahead?.stop();
  }
}

async function discoverTimed(target: string, options: ScanOptions): Promise<DiscoverResult> {
  const done = phaseTimer(options);
  const discovered = await discover(target, options);
  done('discover');
  return discovered;
}

/** The scan after loading: analyses, rules, findings. */
async function analyzeAndJudge(target: string, options: ScanOptions, rules: readonly Rule[], app: LoadedApp, ahead: FileScansAhead | undefined): Promise<ScanResult> {
  const root = scanRootOf(target).root;
  const done = phaseTimer(options);
  const progress = options.onProgress ?? (() => {});
  progress({ kind: 'phase', phase: 'analyses' });
  const exclusion = discoverOptions(options);
  const code = await startCodeAnalysis(app.model, { root, exclusion }, options.threads ?? defaultThreads(), options.rules === undefined, ahead);
  // Before the rule inputs, which wait for the other thread's file scans: this one has its own share meanwhile.
  code.analyzeMine();
  const inputs = await prepareRuleInputs(app, root, rules, options, ahead);
  const onRuleDone = (n: number, ruleId: string, ms: number): void => {
    options.onRuleTime?.(ruleId, ms);
    progress({ kind: 'rule', done: n, total: rules.length });
  };
  const judging = startRules(app.model, rules, { deps: inputs.deps, secrets: inputs.secrets, root, exclusion }, onRuleDone);
  // While the other thread ends its share of the code: the rules that read only the templates' model.
  const earlyStart = nowMs();
  if (code.onTwoThreads) judging.runReady();
  const early = nowMs() - earlyStart;
  await code.finish();
  done('analyses', -early);
  progress({ kind: 'phase', phase: 'rules' });
  const made = judging.finish();
  const forked = await conditionalFindings(app.openConditions, made.findings, forkJudge(target, options, app, rules));
  const findings = [...made.findings, ...forked.findings].sort(compareFindings);
  const diagnostics = [...made.diagnostics, ...forked.diagnostics];
  const unmarked = (await ahead?.results())?.unmarked;
  const accepted = applySuppressions(findings, { model: app.model, rules, root, sources: app.sources, files: app.files, ...(options.parseYaml ? { parseYaml: options.parseYaml } : {}), ...(unmarked ? { unmarked } : {}) });
  done('rules', early);
  const codeDiagnostics = peekCodeFacts(app.model, root)?.diagnostics ?? [];
  const allDiagnostics = uniqueDiagnostics([...app.diagnostics, ...inputs.diagnostics, ...codeDiagnostics, ...diagnostics]).sort((a, b) => compareLocations(a.loc, b.loc));
  const found = { templates: app.templates, findings: accepted.findings, suppressed: accepted.suppressed, diagnostics: allDiagnostics };
  const read = sourceReader(root, app.sources);
  // Redacted once, here, so that every report, the baseline and the cache get the same safe text;
  // fingerprints were taken before, so a baseline still matches the same findings.
  const redactor = secretRedactor(found.templates, secretLocationsOf(found), read);
  const surface = once(() => redactor.data({ map: buildAttackSurfaceMap(app.model), subjectFunctions: subjectFunctions(app.model) }));
  return resultOf(target, rules, redactor.data(found), surface, read, () => redactor);
}

/**
 * Judges one Terraform root module loaded with a condition assumed: the rules that read only the
 * model and the code (dependency and secret findings do not depend on an attribute's value).
 */
function forkJudge(target: string, options: ScanOptions, app: LoadedApp, rules: readonly Rule[]): ForkJudge {
  const root = scanRootOf(target).root;
  const exclusion = discoverOptions(options);
  const modelRules = rules.filter((r) => (r.requires ?? []).length === 0);
  const quiet: ScanOptions = { ...options, onPhase: undefined, onProgress: undefined, onRuleTime: undefined };
  return async (fork) => {
    const forked = await loadApp(target, quiet, { files: app.files, diagnostics: [] }, fork);
    // Loads the parsers the fork's code needs; the rules compute its code facts as they ask.
    await (await startCodeAnalysis(forked.model, { root, exclusion }, 1)).finish();
    return runRules(forked.model, modelRules, { root, exclusion }).findings;
  };
}

/** Suppressed secrets are still secrets: `--show-suppressed` shows their code frames too. */
function secretLocationsOf(found: Pick<CachedScan, 'findings' | 'suppressed'>): SourceLocation[] {
  return [...found.findings, ...found.suppressed].filter(pointsAtSecretValue).map((f) => f.location);
}

/** A scanned file's text: as loaded when it was, else read from disk, inside the scanned root only. */
function sourceReader(root: string, sources?: ReadonlyMap<string, string>): (file: string) => string | undefined {
  const guard = new PathGuard(path.resolve(root));
  return (file) => sources?.get(file) ?? readInside(guard, file);
}

/**
 * A ScanResult from what a scan found (or what the cache kept of it), already redacted.
 * `redactor`: the scan's secrets, asked for only when a report shows source text.
 */
function resultOf(target: string, rules: readonly Rule[], found: Omit<CachedScan, 'attackSurface'>, surface: () => ScanAttackSurface, read: (file: string) => string | undefined, redactor: () => ValueRedactor): ScanResult {
  const secretLocations = secretLocationsOf(found);
  return {
    toolVersion: TOOL_VERSION,
    target,
    templates: found.templates,
    findings: found.findings,
    suppressed: found.suppressed,
    diagnostics: found.diagnostics,
    rules: rules.map((r) => r.meta).sort((a, b) => (a.id < b.id ? -1 : 1)),
    attackSurface: surface,
    readSource: memoized((file) => redactOrUndefined(read(file), file, secretLocations, redactor)),
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
function redactOrUndefined(text: string | undefined, file: string, secretsAt: readonly SourceLocation[], redactor: () => ValueRedactor): string | undefined {
  return text === undefined ? undefined : redactedSource(text, file, secretsAt, redactor());
}

/** A code frame quotes a file of the scanned root only: a finding's path never leads a report outside it. */
function readInside(guard: PathGuard, file: string): string | undefined {
  const target = guard.resolve('.', file);
  return target.kind === 'inside' ? readTextOrUndefined(target.real) : undefined;
}
