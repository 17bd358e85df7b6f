/**
 * Runs rules over the model and turns their results into findings. A rule that fails is reported
 * as a diagnostic; the other rules still run.
 */
import type { Finding } from '../findings/finding.js';
import { fingerprint } from '../findings/fingerprint.js';
import { compareFindings } from '../findings/sort.js';
import { qualifyConditional } from '../findings/only-when.js';
import { addModuleCallSites } from '../findings/module-call-sites.js';
import type { AppModel } from '../model/app-model.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { Rule, RuleContext, RuleMeta, RuleResult } from './rule.js';
import { nowMs } from '../util/milliseconds.js';

/**
 * `extra`: facts computed before the rules run (dependencies, secrets), added to every rule's context.
 * `onRuleDone`: told how many rules have run after each one, for a progress display, with the rule
 * and the milliseconds it took (`--rule-times`).
 */
export function runRules(model: AppModel, rules: readonly Rule[], extra: Omit<RuleContext, 'model'> = {}, onRuleDone?: (done: number, ruleId: string, ms: number) => void): { findings: Finding[]; diagnostics: Diagnostic[] } {
  const findings: Finding[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const [index, rule] of rules.entries()) {
    const start = nowMs();
    try {
      for (const r of rule.check({ ...extra, model })) findings.push(findingOf(rule.meta, r));
    } catch (e) {
      diagnostics.push({ severity: 'error', code: 'rule-failed', message: `rule ${rule.meta.id} failed: ${(e as Error).message}`, loc: { file: '.', line: 0, column: 0 } });
    }
    onRuleDone?.(index + 1, rule.meta.id, nowMs() - start);
  }
  return { findings: addModuleCallSites(model, qualifyConditional(model, dedupe(findings))).sort(compareFindings), diagnostics };
}

/** A rule's result with the rule's metadata and the fingerprint: the finding reports show. */
export function findingOf(meta: RuleMeta, r: RuleResult): Finding {
  return {
    ruleId: meta.id,
    severity: r.severity ?? meta.severity,
    category: meta.category,
    cwe: meta.cwe,
    title: meta.title,
    message: r.message,
    location: r.location,
    related: r.related ?? [],
    ...(r.subject ? { subject: r.subject } : {}),
    ...(r.flow ? { flow: r.flow } : {}),
    fingerprint: fingerprint(meta.id, r.location.file, r.key),
  };
}

/**
 * The same problem reached twice (e.g. through two routes of one event) is one finding: the same
 * fingerprint, or the same rule, place, subject and message. Places are kept by message: keyed by
 * place and message joined, each finding made a long key to copy and hash (a fifth of a second at
 * 10,000 functions).
 */
function dedupe(findings: Finding[]): Finding[] {
  const fingerprints = new Set<string>();
  const placesOf = new Map<string, string | Set<string>>();
  return findings.filter((f) => {
    if (fingerprints.has(f.fingerprint)) return false;
    const place = placeKey(f);
    const places = placesOf.get(f.message);
    if (places === place || (typeof places === 'object' && places.has(place))) return false;
    fingerprints.add(f.fingerprint);
    if (places === undefined) placesOf.set(f.message, place);
    else if (typeof places === 'string') placesOf.set(f.message, new Set([places, place]));
    else places.add(place);
    return true;
  });
}

/**
 * Rule, place and subject as one string. Rule ids and paths hold no NUL, and the subject's length
 * comes first, so two different findings cannot share a key.
 */
function placeKey(f: Finding): string {
  const { file, line, column } = f.location;
  const subject = f.subject?.id ?? '';
  return `${f.ruleId}\0${file}\0${line}\0${column}\0${subject.length}\0${subject}`;
}
