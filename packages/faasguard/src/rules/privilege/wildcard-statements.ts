/**
 * Statements written for the application that name their actions and grant them on every
 * resource: what iam-wildcard-resource-write, iam-wildcard-resource-read,
 * iam-wildcard-model-invocation and iam-credentials-exposure judge, each for its own kind of
 * action, with one message shape.
 */
import { capabilityOf } from '../../iam/action-capabilities.js';
import { actionId, type ExpandedAction } from '../../iam/expand-actions.js';
import { targetFitsService } from '../../iam/resource-target.js';
import { mayBeScopedByCondition } from '../../iam/statement-conditions.js';
import type { GrantingStatement } from '../../iam/role-permissions.js';
import type { Severity } from '../../findings/finding.js';
import type { ModelIndex } from '../../model/model-index.js';
import type { RuleResult } from '../rule.js';
import { subjectOf } from '../subject.js';
import { judgedIdentities, judgedPermissions, severityOf, type JudgedIdentity } from './judged-identity.js';
import { actorText, namesText, ownResourcesText, relatedIdentityFunctions, statementKey, statementOwnerText } from './privilege-text.js';

/**
 * A statement that names its actions and grants them on every resource, with no condition that
 * may scope it (one that tests only the Region or TLS does not). Whole-service grants (`s3:*`)
 * and NotAction are iam-wildcard-action's, administrator access and AWS managed policies
 * iam-broad-managed-policy's.
 */
export function namedActionsOnAnyResource(s: GrantingStatement): boolean {
  if (s.policy.kind === 'aws-managed' || s.admin || !s.anyResource || mayBeScopedByCondition(s.statement)) return false;
  if (s.statement.notActions.length > 0) return false;
  return !s.statement.actions.some((a) => typeof a === 'string' && /^(\*|[^:]+:\*)$/.test(a.trim()));
}

/** The statement's actions that `keep` selects and that its wildcard targets reach. */
export function actionsOnAnyResource(s: GrantingStatement, keep: (a: ExpandedAction) => boolean): ExpandedAction[] {
  const anyTargets = s.resources.filter((r) => r.kind === 'any');
  return s.resourceActions.filter((a) => keep(a) && anyTargets.some((t) => targetFitsService(t, a.service)));
}

/**
 * Writes, deletes and permission changes (telemetry writes are no capability, see
 * `action-capabilities.ts`): what iam-wildcard-resource-write reports.
 */
export function writesOnAnyResource(s: GrantingStatement): ExpandedAction[] {
  return actionsOnAnyResource(s, (a) => a.resourceScoped && (a.accessLevel === 'Permissions management' || (a.accessLevel === 'Write' && capabilityOf(a) !== undefined)));
}

/** What a rule says about the actions one statement grants on every resource. */
export interface WildcardJudgement {
  /** The statement's actions in question; none: no finding */
  actions: (s: GrantingStatement) => ExpandedAction[];
  /** What the holder can then do: `read the data of every table in the account` */
  can: (actions: ExpandedAction[], s: GrantingStatement) => string;
  /** The severity before the identity's exposure moves it, or how the actions decide it */
  severity: Severity | ((actions: ExpandedAction[]) => Severity);
  /** The finding's last sentence, when naming the identity's own resources is not the fix */
  fix?: (i: JudgedIdentity) => string;
}

/** One finding a statement, for every role, user, group and policy of the model. */
export function judgeWildcardStatements(index: ModelIndex, judgement: WildcardJudgement): RuleResult[] {
  const results: RuleResult[] = [];
  for (const identity of judgedIdentities(index)) {
    for (const s of judgedPermissions(identity, index).statements) {
      if (!namedActionsOnAnyResource(s)) continue;
      const actions = judgement.actions(s);
      if (actions.length > 0) results.push(result(identity, s, actions, judgement));
    }
  }
  return results;
}

function result(i: JudgedIdentity, s: GrantingStatement, actions: ExpandedAction[], judgement: WildcardJudgement): RuleResult {
  const ids = actions.map(actionId);
  const shown = ids.length <= 3 ? namesText(ids) : `${ids.slice(0, 3).join(', ')} and ${ids.length - 3} more`;
  const anyTexts = namesText([...new Set(s.resources.filter((r) => r.kind === 'any' && actions.some((a) => targetFitsService(r, a.service))).map((r) => r.text))]);
  return {
    message: `${statementOwnerText(i, s)} grants ${shown} on every resource (${anyTexts}): ${actorText(i)} can ${judgement.can(actions, s)}. ${judgement.fix?.(i) ?? `Name ${ownResourcesText(i)} instead of a wildcard.`}`,
    location: s.statement.loc,
    related: relatedIdentityFunctions(i),
    subject: subjectOf(i.element),
    key: [i.element.logicalId, statementKey(s)],
    severity: severityOf(i, typeof judgement.severity === 'function' ? judgement.severity(actions) : judgement.severity),
  };
}
