/**
 * One Python Lambda function: its handler evaluated with the event (and a clean context), then
 * classified like a JavaScript one (`classify` in `analyze-function.ts`).
 */
import type { Trigger } from '../../model/app-model.js';
import type { PyNode } from '../parse-python.js';
import { BUDGET_PER_HANDLER, classify, type FunctionAnalysis } from './analyze-function.js';
import { loadPyModule, PyEvaluator, type PyContext, type PyModule } from './python-evaluate.js';
import { CLEAN, type Value } from './types.js';

export function analyzePythonFunction(ctx: PyContext, file: string, functionName: string, triggers: readonly Trigger[]): FunctionAnalysis | string {
  ctx.budget = BUDGET_PER_HANDLER;
  ctx.exhausted = false;
  const mod = loadPyModule(ctx, file);
  if (!mod) return `${file} cannot be read or parsed`;
  const value = mod.env.lookup(functionName);
  if (!value?.pyFn) return `${file} does not define ${functionName} as a function the analysis can follow`;
  const event: Value = { taints: [{ origin: { kind: 'event', path: [] }, steps: [], sanitized: new Set() }] };
  const ev = new PyEvaluator(ctx, value.pyFn.module as PyModule);
  ev.evalFunction(value.pyFn, [event, CLEAN], new Map());
  const loc = mod.parsed.locOf(value.pyFn.node as PyNode);
  return classify({ file, exportName: functionName, loc }, ev.hits, ev.returns, triggers, ctx.exhausted);
}
