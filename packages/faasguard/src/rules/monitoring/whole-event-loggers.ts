/**
 * The functions whose code writes their whole event to their logs (a log call the environment does
 * not silence, as `event-logged` reads it), for rules that say what is recorded elsewhere: a proxy
 * route's function that logs its event records each request it receives, the caller's address and
 * the route among it. A function that cannot start logs nothing (see `functions-that-cannot-start.ts`).
 */
import { codeFactsFor } from '../../code/code-facts.js';
import type { CodeEvent } from '../../code/taint/analyze-function.js';
import { codeScope } from '../code-scope.js';
import type { RuleContext } from '../rule.js';
import { isWritten } from '../code/written-event-logs.js';
import { functionsThatCannotStart } from '../code/functions-that-cannot-start.js';

/** By the function's model id, its first such log call; empty when the scan reads no code. */
export function wholeEventLoggers(ctx: RuleContext): Map<string, CodeEvent> {
  const out = new Map<string, CodeEvent>();
  const scope = codeScope(ctx);
  if (!scope) return out;
  const broken = functionsThatCannotStart(ctx);
  for (const f of codeFactsFor(ctx.model, scope).functions) {
    if (broken.has(f.fn.id)) continue;
    const whole = (f.analysis?.eventLogs ?? []).find((e) => e.field === undefined && isWritten(e, f.fn));
    if (whole) out.set(f.fn.id, whole);
  }
  return out;
}
