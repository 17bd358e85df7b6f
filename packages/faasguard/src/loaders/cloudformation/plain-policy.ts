/**
 * Policy documents that come as plain JSON data (AWS managed policies, SAM policy templates after
 * evaluation), into the model's PolicyDocument, all located at the place that attached them.
 */
import type { PolicyDocument, PolicyStatement, Principal } from '../../model/app-model.js';
import type { SourceLocation } from '../../model/location.js';
import { asArray, isValueMap, type Value, type ValueMap } from '../../model/value.js';
import { principals } from './policy-document.js';

export function parsePlainPolicy(raw: unknown, loc: SourceLocation): PolicyDocument {
  const doc = raw as { Statement?: unknown };
  const statements = Array.isArray(doc.Statement) ? doc.Statement : doc.Statement ? [doc.Statement] : [];
  return { statements: statements.map((s) => plainStatement(s as Value, loc)), loc };
}

/**
 * An Allow with `NotPrincipal` applies to every principal but those it lists, anonymous callers
 * included: for every rule that asks who may act, that is everyone (`*`).
 */
function allowedPrincipals(v: ValueMap): Principal[] {
  if (v['Effect'] !== 'Deny' && v['Principal'] === undefined && v['NotPrincipal'] !== undefined) return [{ type: '*', value: '*' }];
  return principals(v['Principal']);
}

export function plainStatement(s: Value, loc: SourceLocation): PolicyStatement {
  const v = isValueMap(s) ? s : {};
  const statement: PolicyStatement = {
    effect: v['Effect'] === 'Deny' ? 'Deny' : 'Allow',
    actions: asArray(v['Action']),
    notActions: asArray(v['NotAction']),
    resources: asArray(v['Resource']),
    notResources: asArray(v['NotResource']),
    principals: allowedPrincipals(v),
    notPrincipals: principals(v['NotPrincipal']),
    loc,
  };
  if (typeof v['Sid'] === 'string') statement.sid = v['Sid'];
  if (isValueMap(v['Condition'])) statement.conditions = v['Condition'];
  return statement;
}
