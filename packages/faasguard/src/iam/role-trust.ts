/**
 * Roles of the template that trust another role by its ARN. Within one account a role's trust
 * policy that names the caller's role ARN lets that role assume it without any `sts:AssumeRole`
 * in the caller's own policies (trust policies naming the account root still need one).
 */
import type { AppModel, IamRole, PolicyStatement } from '../model/app-model.js';
import { actionMatches } from './action-matches.js';
import { Composite, ResourceRef, type Value } from '../model/value.js';

/** The roles whose trust policy allows `caller` to assume them by naming its ARN. */
export function rolesTrustingByArn(model: AppModel, caller: IamRole): IamRole[] {
  return model.roles.filter((r) => r !== caller && (r.trust?.statements ?? []).some((s) => trustsByArn(s, caller)));
}

function trustsByArn(s: PolicyStatement, caller: IamRole): boolean {
  if (s.effect !== 'Allow') return false;
  if (!s.actions.some((a) => typeof a === 'string' && actionMatches(a, 'sts:AssumeRole'))) return false;
  return s.principals.some((p) => p.type === 'AWS' && namesRoleArn(p.value, caller));
}

/** `!GetAtt Caller.Arn`, or a `!Sub` that embeds it. */
function namesRoleArn(v: Value, caller: IamRole): boolean {
  const isArn = (x: unknown): boolean => x instanceof ResourceRef && x.target === caller.id && x.attribute === 'Arn';
  if (isArn(v)) return true;
  return v instanceof Composite && v.parts.length === 1 && isArn(v.parts[0]);
}
