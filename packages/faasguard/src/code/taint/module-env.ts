/**
 * A module's top level, evaluated once per scan: its imports, its declarations and its exports
 * (CommonJS `exports.x =`, `module.exports =`, ESM `export …`, re-exports). Packages are not read:
 * they become API references (`child_process` + `execSync`) that sinks and sanitizers recognise.
 */
import { packageName, resolveRelative } from '../module-graph.js';
import type { ParsedFile } from '../parse-js.js';
import { ts } from '../parse-js.js';
import { Evaluator, type AnalysisContext } from './evaluate.js';
import { getProp } from './propagation.js';
import { CLEAN, Env, type FnRef, type Value } from './types.js';

export interface ModuleRecord {
  file: string;
  parsed: ParsedFile;
  /** Top-level variables */
  env: Env;
  /** What `require` or `import *` gives: `props` are the named exports (`default` included for ESM) */
  exports: Value;
  /** `export { a as b }` lists, resolved once the whole module is evaluated */
  pendingExports: Array<{ local: string; exported: string }>;
  /** Express route handlers registered here (`app.get('/x', (req, res) => …)`), for apps behind serverless-http */
  expressRoutes: FnRef[];
}

const MAX_MODULES = 300;

/** The record of a file (relative to the root), evaluated on first use; undefined when it cannot be read. */
export function loadModule(ctx: AnalysisContext, file: string): ModuleRecord | undefined {
  const known = ctx.modules.get(file);
  if (known) return known;
  if (ctx.loadedForHandler >= MAX_MODULES) return undefined;
  const parsed = ctx.files.load(file);
  if (!parsed) return undefined;
  ctx.loadedForHandler++;
  const record: ModuleRecord = { file, parsed, env: new Env(), exports: { taints: [], props: new Map() }, pendingExports: [], expressRoutes: [] };
  // Registered before evaluation so that import cycles see a partial module instead of looping.
  ctx.modules.set(file, record);
  const ev = new Evaluator(ctx, record, true);
  ev.evalModule();
  for (const { local, exported } of record.pendingExports) {
    const v = record.env.lookup(local);
    if (v) exportsProps(record).set(exported, v);
  }
  return record;
}

export function exportsProps(record: ModuleRecord): Map<string, Value> {
  if (!record.exports.props) record.exports = { ...record.exports, props: new Map() };
  return record.exports.props!;
}

/** The value `require(spec)` / `import(spec)` gives in `fromFile`. */
export function requireValue(ctx: AnalysisContext, fromFile: string, spec: string): Value {
  const target = resolveRelative(ctx.files, fromFile, spec);
  if (target) return loadModule(ctx, target)?.exports ?? CLEAN;
  if (spec.startsWith('.') || spec.startsWith('/')) return CLEAN;
  return { taints: [], api: { module: packageName(spec), members: [] } };
}

/** `import x from spec`: the ESM default export, or the whole CommonJS exports. */
export function defaultImport(ctx: AnalysisContext, fromFile: string, spec: string): Value {
  const mod = requireValue(ctx, fromFile, spec);
  return mod.props?.get('default') ?? mod;
}

/** `import { name } from spec` */
export function namedImport(ctx: AnalysisContext, fromFile: string, spec: string, name: string): Value {
  return getProp(requireValue(ctx, fromFile, spec), name);
}

/** An export by name; nested names (`handlers.create`) follow properties. */
export function exportValue(record: ModuleRecord, name: string): Value | undefined {
  let v: Value | undefined = record.exports;
  for (const part of name.split('.')) {
    v = v?.props?.get(part);
    if (!v) return undefined;
  }
  return v;
}

export function isRequireCall(node: ts.Node, env: Env): boolean {
  return ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'require' && !env.lookup('require') && node.arguments.length >= 1 && ts.isStringLiteralLike(node.arguments[0]!);
}
