/**
 * The suppression step, run once every rule has: reads the directives of the project, sets aside
 * the findings they cover, and reports the directives that cannot work (no reason, no such rule)
 * or no longer do (stale) as findings of the suppression rules. Those findings are never
 * suppressed themselves.
 */
import type { Finding, Suppression } from '../findings/finding.js';
import { compareFindings } from '../findings/sort.js';
import { compareLocations } from '../model/location.js';
import type { Directive } from './directive.js';
import { directiveProblems, type MatchedRules } from './directive-problems.js';
import { inlineDirectives } from './inline-directives.js';
import { metadataDirectives } from './metadata-directives.js';
import type { SuppressionInput } from './suppression-input.js';

export type { SuppressionInput } from './suppression-input.js';

export interface SuppressionOutcome {
  /** The findings still reported: those no directive covers, and the problems of the directives */
  findings: Finding[];
  /** The findings a directive covers, each with its `suppression` */
  suppressed: Finding[];
}

export function applySuppressions(findings: readonly Finding[], input: SuppressionInput): SuppressionOutcome {
  const directives = [...inlineDirectives(input, findings), ...metadataDirectives(input.model)].sort((a, b) => compareLocations(a.loc, b.loc));
  const usable = directives.filter((d) => d.reason !== undefined);
  const matched: MatchedRules = new Map();
  const active: Finding[] = [];
  const suppressed: Finding[] = [];
  for (const finding of findings) {
    const covering = usable.filter((d) => covers(d, finding));
    if (covering.length === 0) {
      active.push(finding);
      continue;
    }
    for (const d of covering) matched.set(d, new Set([...(matched.get(d) ?? []), finding.ruleId]));
    suppressed.push({ ...finding, suppression: suppressionBy(covering[0]!) });
  }
  const problems = directiveProblems(directives, matched, input.rules);
  return { findings: [...active, ...problems].sort(compareFindings), suppressed: suppressed.sort(compareFindings) };
}

/** The directive names the finding's rule, and the finding is about its resource or located in what it covers. */
function covers(d: Directive, f: Finding): boolean {
  if (!d.rules.includes(f.ruleId)) return false;
  if (d.scope.subject !== undefined && f.subject?.id === d.scope.subject.id) return true;
  const { file, line } = f.location;
  return file === d.scope.file && line >= d.scope.startLine && line <= d.scope.endLine;
}

function suppressionBy(d: Directive): Suppression {
  return { kind: d.kind, reason: d.reason ?? '', location: d.loc };
}
