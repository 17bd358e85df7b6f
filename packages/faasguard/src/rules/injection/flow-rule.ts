/**
 * The shape every injection rule shares: one finding per flow of its sink family, at the sink,
 * with the steps from the source as related locations and as the finding's flow. Severity follows
 * who can send the data, by the family's scale. Each family's metadata, scale and consequence are
 * a row of `families.ts`.
 */
import { codeScope } from '../code-scope.js';
import { codeFactsFor } from '../../code/code-facts.js';
import type { SinkFamily } from '../../code/taint/types.js';
import type { ExposureLevel, FunctionExposure } from '../../analysis/exposure-types.js';
import type { Flow, FlowSource } from '../../code/taint/analyze-function.js';
import type { RelatedLocation } from '../../findings/finding.js';
import type { Rule, RuleResult } from '../rule.js';
import { FAMILIES } from './families.js';
import { nameOf, subjectOf } from '../subject.js';
import { describeSource, sourceLevel } from './trigger-context.js';
import { referencedFunctionIds } from '../../analysis/function-references.js';

export const LEVEL_INDEX: Readonly<Record<ExposureLevel, number>> = { public: 0, authenticated: 1, account: 2, internal: 3 };

export function familyRule(family: SinkFamily): Rule {
  const { meta, scale, consequence } = FAMILIES[family];
  return {
    meta,
    check(ctx) {
      const scope = codeScope(ctx);
      if (!scope) return [];
      const model = ctx.model;
      const facts = codeFactsFor(model, scope);
      const results: RuleResult[] = [];
      const seen = new Map<string, number>();
      for (const f of facts.functions) {
        for (const flow of f.analysis?.flows ?? []) {
          if (flow.family !== family) continue;
          const exposure = facts.exposure.get(f.fn.id);
          // Invoked by people or tools of the account only: they choose the data, nobody outside does.
          if (untriggered(flow.source, exposure) && !referencedFunctionIds(model).has(f.fn.id)) continue;
          const at = `${flow.sink.loc.file}:${flow.sink.loc.line}`;
          const keyBase = [f.fn.logicalId, flow.sink.what, flow.source.label].join('|');
          const n = seen.get(keyBase) ?? 0;
          seen.set(keyBase, n + 1);
          results.push({
            message: `${capitalize(describeSource(flow.source, model, exposure))} reaches \`${flow.sink.what}\` at ${at} in ${nameOf(f.fn)}: ${consequence}`,
            location: flow.sink.loc,
            related: flowSteps(flow),
            flow: flow.steps,
            subject: subjectOf(f.fn),
            key: [f.fn.logicalId, flow.sink.what, flow.source.label, String(n)],
            severity: untriggered(flow.source, exposure) ? 'low' : scale[LEVEL_INDEX[sourceLevel(flow.source, exposure, model)]],
          });
        }
      }
      return results;
    },
  };
}

/**
 * No trigger and no invoke permission in the template: the data comes from whoever invokes the
 * function directly. When something of the app does (a workflow, another function), it may pass
 * outside data on: the flow is reported, at low severity. When nothing does, the callers are people
 * and tools of the account, and the flow is not reported.
 */
function untriggered(source: FlowSource, exposure: FunctionExposure | undefined): boolean {
  return source.triggers.length === 0 && (exposure?.paths.length ?? 0) === 0;
}

/** A flow's steps as a finding's related locations, numbered from the source. */
export function flowSteps(flow: Flow): RelatedLocation[] {
  return flow.steps.map((s, i) => ({ loc: s.loc, message: `step ${i + 1}: ${s.message}` }));
}

export function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
