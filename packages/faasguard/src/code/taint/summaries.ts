/**
 * Function summaries: a function declared at module level is analyzed once, with each parameter
 * standing for "whatever the caller passes" (a `param` origin). The summary lists the sinks its
 * parameters reach, what it returns and which parameters it calls (a Lambda `callback`). At a
 * call, `instantiate` substitutes the arguments, so a flow through three modules costs three
 * summaries, not a re-analysis per call. Recursion and depth are bounded.
 */
import type { SourceLocation } from '../../model/location.js';
import { Evaluator, type AnalysisContext } from './evaluate.js';
import { joinAll, substitute, substituteTaint, taintKey } from './propagation.js';
import { CLEAN, Env, type FnRef, type SinkFamily, type Step, type Taint, type Value } from './types.js';

/** `decision`: data a branch depends on; `log`: data written to the logs; `fixed-credential`: a credential compared with text written in the code. */
export type HitKind = SinkFamily | 'log' | 'decision' | 'fixed-credential';

/** Tainted data reaching a sink, a log call or a decision, seen from inside one function. */
export interface SinkHit {
  kind: HitKind;
  loc: SourceLocation;
  /** The callee as written (`execSync`, `db.query`) or what the decision is */
  what: string;
  /** The call itself, where `loc` is the argument or property that carries the data */
  call?: SourceLocation;
  taint: Taint;
  /** For decisions: the code only tests whether the value is there (`!x`, `x == null`, `x is None`) */
  presence?: boolean;
  /** For sinks harmed only by data that can be an object (Mongo filters: query operators) */
  needsObject?: boolean;
  /** For logs: written only when the function's environment sets this variable to `true` (see `event-logging-middleware.ts`) */
  whenVariable?: string;
  /** For a credential compared with text written in the code: that text */
  constant?: string;
}

/** A call of a parameter (`callback(null, response)`), with its arguments. */
export interface ParamCall {
  index: number;
  args: Value[];
  loc: SourceLocation;
}

export interface Summary {
  hits: SinkHit[];
  /** Each returned value (responses are checked one by one) */
  returns: Value[];
  paramCalls: ParamCall[];
}

export const MAX_CALL_DEPTH = 8;
const MAX_HITS = 300;
const MAX_RETURNS = 8;
const EMPTY: Summary = { hits: [], returns: [], paramCalls: [] };

export function paramMarker(index: number): Value {
  return { taints: [{ origin: { kind: 'param', index, path: [] }, steps: [], sanitized: new Set() }] };
}

export function getSummary(ctx: AnalysisContext, fn: FnRef): Summary {
  const cached = ctx.summaries.get(fn.node);
  if (cached) return cached;
  // `null` marks a summary being computed: a recursive call sees nothing rather than looping.
  if (cached === null || ctx.callDepth >= MAX_CALL_DEPTH) return EMPTY;
  ctx.summaries.set(fn.node, null);
  ctx.callDepth++;
  try {
    const ev = new Evaluator(ctx, fn.module, false);
    const env = new Env(fn.module.env);
    fn.node.parameters.forEach((p, i) => ev.bindParam(p, paramMarker(i), env));
    ev.evalBody(fn.node, env);
    const summary: Summary = { hits: dedupeHits(ev.hits), returns: ev.returns.slice(0, MAX_RETURNS), paramCalls: ev.paramCalls.slice(0, 20) };
    ctx.summaries.set(fn.node, summary);
    return summary;
  } finally {
    ctx.callDepth--;
  }
}

export function dedupeHits(hits: SinkHit[]): SinkHit[] {
  const seen = new Set<string>();
  const out: SinkHit[] = [];
  for (const h of hits) {
    const k = `${h.kind}${h.presence ? '?' : ''}${h.needsObject ? '{}' : ''}${h.constant ?? ''}|${h.loc.file}:${h.loc.line}:${h.loc.column}|${taintKey(h.taint)}`;
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(h);
    if (out.length >= MAX_HITS) break;
  }
  return out;
}

export interface Instance {
  hits: SinkHit[];
  returns: Value[];
  paramCalls: ParamCall[];
}

/** The summary as seen by one caller: parameters replaced by its arguments. */
export function instantiate(summary: Summary, args: readonly Value[], callStep: Step | undefined): Instance {
  const hits: SinkHit[] = [];
  for (const h of summary.hits) for (const taint of substituteTaint(h.taint, args, callStep)) hits.push({ ...h, taint });
  const returns = summary.returns.map((r) => substitute(r, args, callStep));
  const paramCalls: ParamCall[] = [];
  for (const pc of summary.paramCalls) {
    for (const t of args[pc.index]?.taints ?? []) {
      if (t.origin.kind !== 'param' || t.origin.path.length > 0) continue;
      paramCalls.push({ index: t.origin.index, args: pc.args.map((a) => substitute(a, args, callStep)), loc: pc.loc });
    }
  }
  return { hits: dedupeHits(hits), returns, paramCalls };
}

export function returnedValue(inst: Instance): Value {
  return inst.returns.length === 0 ? CLEAN : joinAll(inst.returns);
}
