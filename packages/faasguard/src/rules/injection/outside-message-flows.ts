/**
 * The flows into a message the function sends (its content, its recipients) that callers outside
 * the account send: what the e-mail and text rules judge. The account's own people and services
 * write and send what they like; a function nothing of the template triggers is invoked by them
 * (its level is `internal`). Each flow comes with the AWS SDK call its sink is part of (its service
 * and target), matched by where the call is written, and each call and source once: the subject and
 * the body of one message are one hole.
 */
import { codeScope } from '../code-scope.js';
import { codeFactsFor, type CodeFacts } from '../../code/code-facts.js';
import type { FunctionCodeFacts } from '../../code/function-code-facts.js';
import type { SdkCall } from '../../code/aws-calls/aws-call.js';
import type { Flow } from '../../code/taint/analyze-function.js';
import type { SinkFamily } from '../../code/taint/types.js';
import type { FunctionExposure } from '../../analysis/exposure-types.js';
import type { LambdaFunction } from '../../model/app-model.js';
import type { RuleContext } from '../rule.js';
import { sourceLevel } from './trigger-context.js';

export interface MessageFlow {
  fn: LambdaFunction;
  flow: Flow;
  call: SdkCall;
  exposure: FunctionExposure | undefined;
  level: 'public' | 'authenticated';
  /** The function, the call and the source: the finding's key */
  key: string[];
}

export function outsideMessageFlows(ctx: RuleContext, family: SinkFamily): MessageFlow[] {
  const scope = codeScope(ctx);
  if (!scope) return [];
  const facts = codeFactsFor(ctx.model, scope);
  const out: MessageFlow[] = [];
  const seen = new Set<string>();
  for (const f of facts.functions) {
    for (const flow of f.analysis?.flows ?? []) {
      if (flow.family !== family) continue;
      const exposure = facts.exposure.get(f.fn.id);
      const level = sourceLevel(flow.source, exposure, ctx.model);
      const call = sdkCallOf(facts, f, flow);
      if ((level !== 'public' && level !== 'authenticated') || !call) continue;
      const key = [f.fn.logicalId, `${call.loc.file}:${call.loc.line}:${call.loc.column}`, flow.source.label];
      if (seen.has(key.join('|'))) continue;
      seen.add(key.join('|'));
      out.push({ fn: f.fn, flow, call, exposure, level, key });
    }
  }
  return out;
}

function sdkCallOf(facts: CodeFacts, f: FunctionCodeFacts, flow: Flow): SdkCall | undefined {
  const at = flow.sink.call ?? flow.sink.loc;
  const calls = [...(f.inlineCalls?.calls ?? []), ...(facts.files.get(at.file)?.calls?.calls ?? [])];
  return calls.find((c) => c.loc.file === at.file && c.loc.line === at.line && c.loc.column === at.column);
}
