/**
 * The rules about suppressions themselves. Their findings are about comments and Metadata entries,
 * which the model does not hold, and about which findings a suppression matched, which is known
 * only once every other rule has run. So the suppression step (`suppress/apply-suppressions.ts`)
 * reports them, and their check over the model finds nothing; they are registered like any rule so
 * that `faasguard rules`, `explain`, the docs and every report know their metadata.
 */
import type { Rule, RuleMeta } from '../rule.js';

export function suppressionRule(meta: RuleMeta): Rule {
  return { meta: { judges: ['suppressions'], ...meta }, check: () => [] };
}

/** Why these rules belong to SAS-5, said once for the three descriptions. */
export const CATEGORY_REASON =
  'Category SAS-5: a suppression takes a finding out of the reports a team watches, and its reason is the record of that decision; a suppression that is unexplained, points at nothing or names nothing weakens that record, the way missing logs weaken monitoring.';
