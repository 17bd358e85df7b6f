/**
 * The supply-chain rules differ only in which results of `checkSupplyChain` they report and in
 * their metadata; this builds one from the other.
 */
import type { SupplyChainUse } from '../../analysis/dependency-facts.js';
import type { SupplyChainKind } from '../../deps/index.js';
import type { Severity } from '../../findings/finding.js';
import type { Rule, RuleMeta, RuleResult } from '../rule.js';
import { ownerFields, ownersText, scopedSeverity, scopeNote } from './dependency-text.js';

export function supplyChainRule(meta: RuleMeta, kinds: readonly SupplyChainKind[], severityOf: (s: SupplyChainUse) => Severity = () => meta.severity): Rule {
  return {
    meta,
    requires: ['dependencies'],
    check({ deps }) {
      return (deps?.supplyChain ?? []).filter((s) => kinds.includes(s.result.kind)).map((s) => result(s, severityOf(s)));
    },
  };
}

function result(s: SupplyChainUse, base: Severity): RuleResult {
  const { result: r, use } = s;
  const who = ownersText(use.owners);
  return {
    message: `${r.message}${scopeNote(use)}${who ? ` Deployed with ${who}.` : ''}`,
    location: use.loc,
    ...ownerFields(use.owners),
    key: [r.kind, r.ecosystem, r.package, r.version ?? '', r.path.key],
    severity: scopedSeverity(base, use),
  };
}
