/**
 * Findings that hold only for some values of a condition not known offline. A Terraform attribute
 * chosen by such a condition (`authorization_type = var.public ? "NONE" : "AWS_IAM"` with no value
 * for `var.public`) is unknown in the scan's model, and no rule reads an unknown as a literal. So
 * each such condition of a root module is assumed true, then false, and that module alone is
 * loaded and judged again by the rules that read only the model and the code: a finding the scan
 * did not make holds only for that value ("This holds only when var.public is true."), or for
 * every value when both make it. The scan's own findings stay as they are.
 */
import type { Finding } from '../findings/finding.js';
import { holdsOnlyWhen } from '../findings/only-when.js';
import type { OpenCondition, OpenConditions, TerraformFork } from '../loaders/terraform/assumptions.js';
import type { Diagnostic } from '../model/diagnostic.js';

/** Conditions of one root module judged each way at most: each costs two loads of the module and two runs of the rules */
export const MAX_FORKED_CONDITIONS = 4;

/** Conditions judged in one scan at most, all root modules together: a tree of many modules stays bounded */
export const MAX_FORKED_CONDITIONS_PER_SCAN = 32;

/** Loads the fork's root module alone and runs the rules on it. */
export type ForkJudge = (fork: TerraformFork) => Promise<Finding[]>;

export async function conditionalFindings(openConditions: Readonly<OpenConditions>, made: readonly Finding[], judge: ForkJudge): Promise<{ findings: Finding[]; diagnostics: Diagnostic[] }> {
  const known = new Set(made.map((f) => f.fingerprint));
  const found = new Map<string, { finding: Finding; truths: Map<OpenCondition, Set<boolean>> }>();
  const diagnostics: Diagnostic[] = [];
  let left = MAX_FORKED_CONDITIONS_PER_SCAN;
  for (const { dir, conditions } of openConditions) {
    const judged = conditions.slice(0, Math.min(MAX_FORKED_CONDITIONS, left));
    left -= judged.length;
    for (const condition of judged) {
      for (const truth of [true, false]) {
        for (const f of await judge({ dir, assume: new Map([[condition.key, truth]]) })) {
          if (known.has(f.fingerprint)) continue;
          const entry = found.get(f.fingerprint) ?? { finding: f, truths: new Map() };
          entry.truths.set(condition, (entry.truths.get(condition) ?? new Set()).add(truth));
          found.set(f.fingerprint, entry);
        }
      }
    }
    const skipped = conditions.slice(judged.length);
    if (skipped.length > 0) diagnostics.push(notJudged(skipped));
  }
  return { findings: [...found.values()].map(({ finding, truths }) => qualified(finding, truths)), diagnostics };
}

/** A finding made for both truths of one condition holds whatever its value; else only for the truths that made it. */
function qualified(finding: Finding, truths: ReadonlyMap<OpenCondition, ReadonlySet<boolean>>): Finding {
  if ([...truths.values()].some((t) => t.size === 2)) return finding;
  const when = [...truths].map(([c, t]) => `${c.text} is ${[...t][0]}${c.module ? ` in ${c.module}` : ''}${c.given ? `, which is given ${c.given}` : ''}`);
  return holdsOnlyWhen(finding, when.join(', or when '));
}

function notJudged(skipped: readonly OpenCondition[]): Diagnostic {
  const names = skipped.map((c) => (c.module ? `${c.text} (${c.module})` : c.text));
  return {
    severity: 'note',
    code: 'tf-conditions-not-judged',
    message: `${skipped.length} more condition${skipped.length === 1 ? '' : 's'} not known offline decide attribute values here (${names.join(', ')}); they are not judged for each value (at most ${MAX_FORKED_CONDITIONS} per root module and ${MAX_FORKED_CONDITIONS_PER_SCAN} per scan are)`,
    loc: skipped[0]!.loc,
  };
}
