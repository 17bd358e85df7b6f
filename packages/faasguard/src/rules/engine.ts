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
import { CodeFactsPending } from '../code/code-facts-pending.js';

/**
 * `extra`: facts computed before the rules run (dependencies, secrets), added to every rule's context.
 * `onRuleDone`: told how many rules have run after each one, for a progress display, with the rule
 * and the milliseconds it took (`--rule-times`; both goes, for a rule `startRules` ran twice).
 */
export function runRules(model: AppModel, rules: readonly Rule[], extra: Omit<RuleContext, 'model'> = {}, onRuleDone?: RuleDone): { findings: Finding[]; diagnostics: Diagnostic[] } {
  return startRules(model, rules, extra, onRuleDone).finish();
}

export type RuleDone = (done: number, ruleId: string, ms: number) => void;

/** Rules started before the code facts are complete (see `startRules`). */
export interface StartedRules {
  /**
   * Runs the rules not run yet that need no code facts still being computed; a rule that asks for
   * them is left for `finish`, what it found so far dropped.
   */
  runReady(): void;
  /** Runs the rest, then joins every rule's findings as `runRules` gives them. */
  finish(): { findings: Finding[]; diagnostics: Diagnostic[] };
}

/**
 * Rules that can run in two goes: while another thread completes the code facts (`runReady`: the
 * rules that read only the template model, about two thirds of the rules' time on a large app) and
 * once they are complete (`finish`). Each rule's findings are kept in its place in `rules`, so the
 * result does not depend on which go ran it.
 */
export function startRules(model: AppModel, rules: readonly Rule[], extra: Omit<RuleContext, 'model'> = {}, onRuleDone?: RuleDone): StartedRules {
  const results: (Finding[] | undefined)[] = rules.map(() => undefined);
  const failures: (Diagnostic | undefined)[] = rules.map(() => undefined);
  const spent = rules.map(() => 0);
  let done = 0;
  const run = (index: number, deferPending: boolean): void => {
    const rule = rules[index]!;
    const start = nowMs();
    const outcome = checked(rule, { ...extra, model });
    const ms = (spent[index] ?? 0) + nowMs() - start;
    spent[index] = ms;
    if (deferPending && outcome instanceof CodeFactsPending) return;
    if (outcome instanceof Error) failures[index] = ruleFailed(rule, outcome);
    results[index] = outcome instanceof Error ? [] : outcome;
    onRuleDone?.(++done, rule.meta.id, ms);
  };
  const runLeft = (deferPending: boolean): void => {
    for (let i = 0; i < rules.length; i++) if (results[i] === undefined) run(i, deferPending);
  };
  return {
    runReady: () => runLeft(true),
    finish() {
      runLeft(false);
      const findings = results.flatMap((r) => r ?? []);
      const diagnostics = failures.filter((d): d is Diagnostic => d !== undefined);
      return { findings: addModuleCallSites(model, qualifyConditional(model, dedupe(findings))).sort(compareFindings), diagnostics };
    },
  };
}

/** The rule's findings, or what it threw. */
function checked(rule: Rule, context: RuleContext): Finding[] | Error {
  try {
    return rule.check(context).map((r) => findingOf(rule.meta, r));
  } catch (e) {
    return e instanceof Error ? e : new Error(String(e));
  }
}

function ruleFailed(rule: Rule, e: Error): Diagnostic {
  return { severity: 'error', code: 'rule-failed', message: `rule ${rule.meta.id} failed: ${e.message}`, loc: { file: '.', line: 0, column: 0 } };
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
