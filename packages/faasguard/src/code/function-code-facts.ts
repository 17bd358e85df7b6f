/**
 * The code analysis of a list of functions: each one's handler, its flows and code events, and the
 * facts of every code file it reaches. It needs nothing of the model but the functions and their
 * triggers, so that a worker thread can run it for part of an app (see `code-facts-threads.ts`).
 */
import type { LambdaFunction, Trigger } from '../model/app-model.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { pushTo } from '../util/multimap.js';
import type { FileCalls } from './aws-calls/aws-call.js';
import { extractJsCalls } from './aws-calls/extract-js.js';
import { extractPythonCalls } from './aws-calls/extract-python.js';
import { fileFacts, pythonFileFacts, type FileFacts } from './file-facts.js';
import { resolveHandler, type HandlerResolution } from './handler-resolution.js';
import { inlineKey, registerInlineCode } from './inline-code.js';
import { CodeFiles } from './module-graph.js';
import { parsePython, pythonParserReady } from './parse-python.js';
import { pythonReachable } from './python-modules.js';
import { analyzePythonFunction } from './taint/analyze-python-function.js';
import type { PyContext } from './taint/python-evaluate.js';
import { analyzeFunction, type FunctionAnalysis } from './taint/analyze-function.js';
import { newContext, type AnalysisContext } from './taint/evaluate.js';
import type { Exclusion } from '../discover/exclude-globs.js';

export interface FunctionCodeFacts {
  fn: LambdaFunction;
  resolution: HandlerResolution;
  /** Present when the handler was found and analyzed */
  analysis?: FunctionAnalysis;
  /** Code files the handler reaches through relative imports, entry first */
  files: string[];
  /**
   * AWS SDK calls of the function's inline code. Kept apart from `files`: inline code is the
   * template's text, whose secrets and dependencies the template rules judge.
   */
  inlineCalls?: FileCalls;
}

/** What the analysis of some functions found. */
export interface FunctionsCode {
  /** In the order of the functions given */
  functions: FunctionCodeFacts[];
  /** Each reached code file once, in the order first reached */
  files: Map<string, FileFacts>;
  /** Functions whose code reaches each file, in the order given */
  usersOf: Map<string, LambdaFunction[]>;
  diagnostics: Diagnostic[];
}

/**
 * `take`: asked before each function (by its index) whether this analysis is to do it; the first
 * refusal ends the analysis (see `FunctionClaims`). Without it, every function is analyzed.
 */
export function analyzeFunctionsCode(functionsToAnalyze: readonly LambdaFunction[], triggersOf: (fn: LambdaFunction) => Trigger[], root: string, exclusion: Exclusion = {}, take?: (index: number) => boolean): FunctionsCode {
  const files = new CodeFiles(root, exclusion);
  const ctx = newContext(files);
  const diagnostics: Diagnostic[] = [];
  const functions: FunctionCodeFacts[] = [];
  const fileMap = new Map<string, FileFacts>();
  const usersOf = new Map<string, LambdaFunction[]>();
  const pyModules: PyContext['modules'] = new Map();
  for (const [index, fn] of functionsToAnalyze.entries()) {
    if (take && !take(index)) break;
    if (fn.code.kind === 'inline') registerInlineCode(fn, files, /^python/i.test(typeof fn.runtime === 'string' ? fn.runtime : ''));
    const excludedBefore = files.excludedCount;
    const resolution = resolveHandler(fn, files);
    const facts: FunctionCodeFacts = { fn, resolution, files: [] };
    functions.push(facts);
    if (!resolution.ok) {
      if (files.excludedCount > excludedBefore) reportExcluded(fn, diagnostics);
      else reportUnresolved(fn, resolution, diagnostics);
      continue;
    }
    if (fn.code.kind === 'inline') facts.inlineCalls = inlineCalls(inlineKey(fn), files);
    if (resolution.language === 'python') {
      const codeDir = fn.code.path === '.' ? '' : fn.code.path ?? '';
      facts.files = pythonReachable(files, codeDir, resolution.file).filter((f) => !files.isVirtual(f));
      if (!pythonParserReady()) {
        for (const f of facts.files) addFile(f, fn, files, fileMap, usersOf);
        diagnostics.push({ severity: 'note', code: 'code-not-analyzed', message: `${fn.logicalId}'s handler ${resolution.exportName} in ${resolution.file} was found, but the Python parser could not be loaded`, loc: fn.code.loc ?? fn.loc });
        continue;
      }
      const pyCtx: PyContext = { files, codeDir, modules: pyModules, budget: 0, exhausted: false, inlineDepth: 0 };
      const analysis = safely(() => analyzePythonFunction(pyCtx, resolution.file, resolution.exportName, triggersOf(fn), resolution.webApp));
      // After the analysis, whose trees the file facts then reuse.
      for (const f of facts.files) addFile(f, fn, files, fileMap, usersOf, pyModules);
      recordAnalysis(fn, facts, analysis, diagnostics);
      forgetWhenLarge(files, ctx, pyModules);
      continue;
    }
    // Inline code is the template's text: its secrets are the template rules' business.
    facts.files = files.reachableFrom(resolution.file).filter((f) => !files.isVirtual(f));
    for (const f of facts.files) addFile(f, fn, files, fileMap, usersOf);
    const analysis = safely(() => analyzeFunction(ctx, resolution.file, resolution.exportName, triggersOf(fn)));
    recordAnalysis(fn, facts, analysis, diagnostics);
    forgetFilesOfOne(facts.files, usersOf, files, ctx);
    forgetWhenLarge(files, ctx, pyModules);
  }
  forgetPython(pyModules);
  diagnostics.push(...files.diagnostics);
  return { functions, files: fileMap, usersOf, diagnostics };
}

/** The SDK calls of inline code registered under `key`; undefined when it cannot be parsed for them. */
function inlineCalls(key: string, files: CodeFiles): FileCalls | undefined {
  const virtual = files.virtualText(key);
  if (!virtual) {
    const parsed = files.load(key);
    return parsed ? extractJsCalls(parsed) : undefined;
  }
  if (!pythonParserReady()) return undefined;
  const parsed = parsePython(virtual.file, virtual.text, virtual.position);
  if (!parsed) return undefined;
  try {
    return extractPythonCalls(parsed);
  } finally {
    parsed.dispose();
  }
}

/** Trees and module summaries kept between functions, beyond which they are let go of (see `CodeFiles.forgetTrees`). */
const MAX_KEPT_TREES = 150;
const MAX_KEPT_PYTHON_MODULES = 100;

/**
 * Between two functions, lets go of the trees when many are held: functions sharing code are
 * usually neighbours in the model, so this costs few second parses and bounds memory by the
 * code of a few hundred files instead of the whole app's.
 */
function forgetWhenLarge(files: CodeFiles, ctx: AnalysisContext, pyModules: PyContext['modules']): void {
  if (files.treeCount > MAX_KEPT_TREES || ctx.modules.size > MAX_KEPT_TREES) {
    files.forgetTrees();
    ctx.modules.clear();
    ctx.summaries = new WeakMap();
  }
  if (pyModules.size > MAX_KEPT_PYTHON_MODULES) forgetPython(pyModules);
}

/**
 * After a function, lets go of the trees (and module records) of the files that no other function
 * has reached so far: mostly its own handler file. Kept until the next `forgetWhenLarge`, they
 * outlived several collections of V8's young generation and were copied into the old one: at
 * 1,000 functions, 300 of the 1,040 MB allocated (most of it trees), and the young collections
 * took ~1 s; let go of at once, they die young. A file that a later function reaches too is parsed
 * again, once, and kept as a shared one.
 */
export function forgetFilesOfOne(reached: readonly string[], usersOf: ReadonlyMap<string, readonly LambdaFunction[]>, files: CodeFiles, ctx: AnalysisContext): void {
  for (const file of reached) {
    if ((usersOf.get(file)?.length ?? 0) > 1) continue;
    files.forget(file);
    ctx.modules.delete(file);
  }
}

function forgetPython(pyModules: PyContext['modules']): void {
  for (const mod of pyModules.values()) mod?.parsed.dispose();
  pyModules.clear();
}

function recordAnalysis(fn: LambdaFunction, facts: FunctionCodeFacts, analysis: FunctionAnalysis | string, diagnostics: Diagnostic[]): void {
  if (typeof analysis === 'string') {
    diagnostics.push({ severity: 'warning', code: 'handler-not-found', message: `handler of ${fn.logicalId} not analyzed: ${analysis}`, loc: fn.loc });
    return;
  }
  facts.analysis = analysis;
  if (analysis.exhausted) diagnostics.push({ severity: 'note', code: 'code-analysis-bounded', message: `the analysis of ${fn.logicalId}'s code stopped at its effort bound; flows may be missing`, loc: analysis.handler.loc });
}


/** An unexpected failure in one function's analysis is that function's problem, not the scan's. */
function safely(run: () => FunctionAnalysis | string): FunctionAnalysis | string {
  try {
    return run();
  } catch (e) {
    return `the analysis failed (${(e as Error).message})`;
  }
}

function addFile(file: string, fn: LambdaFunction, files: CodeFiles, fileMap: Map<string, FileFacts>, usersOf: Map<string, LambdaFunction[]>, pyModules?: PyContext['modules']): void {
  // Functions come in model order, each file once per function: only the last user can repeat.
  const users = usersOf.get(file);
  if (users?.[users.length - 1] !== fn) pushTo(usersOf, file, fn);
  if (fileMap.has(file)) return;
  if (file.endsWith('.py')) {
    const text = files.readText(file);
    if (text !== undefined) fileMap.set(file, pythonFileFacts(file, text, pyModules?.get(file)?.parsed));
    return;
  }
  const parsed = files.load(file);
  if (parsed) fileMap.set(file, fileFacts(parsed));
}

/** Code the user excluded is not analyzed on purpose: a note, not a warning about a missing handler. */
function reportExcluded(fn: LambdaFunction, out: Diagnostic[]): void {
  out.push({ severity: 'note', code: 'code-not-analyzed', message: `${fn.logicalId}'s code was not analyzed: its handler is in an excluded path (--exclude or the configuration's exclude)`, loc: fn.code.loc ?? fn.loc });
}

function reportUnresolved(fn: LambdaFunction, resolution: Extract<HandlerResolution, { ok: false }>, out: Diagnostic[]): void {
  // Code outside the scanned directory (S3, images, a folder not built or not checked out, a
  // template scanned without its code) is expected; a code folder without the handler's file is not.
  const severity = resolution.codeAbsent ? 'note' : 'warning';
  out.push({ severity, code: 'handler-not-found', message: `handler of ${fn.logicalId} not analyzed: ${resolution.reason}`, loc: fn.code.loc ?? fn.loc });
}
