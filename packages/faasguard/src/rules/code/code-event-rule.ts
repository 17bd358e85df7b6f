/**
 * Rules over the code events of each function's analysis (responses, decisions, logs): one
 * finding per event, with the steps that led to it, or per place a rule's key names (a file's
 * responses), the other events of that key named among its related locations.
 */
import { codeFactsFor, type CodeFacts, type FunctionCodeFacts } from '../../code/code-facts.js';
import type { CodeEvent, FunctionAnalysis } from '../../code/taint/analyze-function.js';
import type { Severity } from '../../findings/finding.js';
import type { AppModel } from '../../model/app-model.js';
import type { SourceLocation } from '../../model/location.js';
import { codeScope } from '../code-scope.js';
import type { Rule, RuleMeta, RuleResult } from '../rule.js';
import { subjectOf } from '../subject.js';

export interface EventView {
  message: string;
  severity?: Severity;
  key: string;
}

export function codeEventRule(
  meta: RuleMeta,
  pick: (a: FunctionAnalysis) => CodeEvent[],
  view: (e: CodeEvent, f: FunctionCodeFacts, facts: CodeFacts, model: AppModel) => EventView | undefined,
): Rule {
  return {
    meta,
    check(ctx) {
      const scope = codeScope(ctx);
      if (!scope) return [];
      const model = ctx.model;
      const facts = codeFactsFor(model, scope);
      const results: RuleResult[] = [];
      for (const f of facts.functions) {
        if (!f.analysis) continue;
        // One finding per key and file (its fingerprint): the places after the first are named among its related locations.
        const byKey = new Map<string, RuleResult>();
        for (const e of pick(f.analysis)) {
          const v = view(e, f, facts, model);
          if (!v) continue;
          const first = byKey.get(`${e.loc.file}\n${v.key}`);
          if (first) {
            if (!samePlace(first.location, e.loc)) first.related = [...(first.related ?? []), { loc: e.loc, message: `the same at ${e.loc.file}:${e.loc.line}` }];
            continue;
          }
          const result: RuleResult = {
            message: v.message,
            location: e.loc,
            related: e.steps.map((s, i) => ({ loc: s.loc, message: `step ${i + 1}: ${s.message}` })),
            flow: e.steps,
            subject: subjectOf(f.fn),
            key: [f.fn.logicalId, v.key],
            ...(v.severity ? { severity: v.severity } : {}),
          };
          byKey.set(`${e.loc.file}\n${v.key}`, result);
          results.push(result);
        }
      }
      return results;
    },
  };
}

function samePlace(a: SourceLocation, b: SourceLocation): boolean {
  return a.file === b.file && a.line === b.line;
}
