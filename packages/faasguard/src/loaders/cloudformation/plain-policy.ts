/**
 * Policy documents that come as plain JSON data (AWS managed policies, SAM policy templates after
 * evaluation), into the model's PolicyDocument, all located at the place that attached them.
 */
import type { PolicyDocument, PolicyStatement } from '../../model/app-model.js';
import type { SourceLocation } from '../../model/location.js';
import { asArray, isValueMap, type Value } from '../../model/value.js';
import { principals } from './policy-document.js';

export function parsePlainPolicy(raw: unknown, loc: SourceLocation): PolicyDocument {
  const doc = raw as { Statement?: unknown };
  const statements = Array.isArray(doc.Statement) ? doc.Statement : doc.Statement ? [doc.Statement] : [];
  return { statements: statements.map((s) => plainStatement(s as Value, loc)), loc };
}

export function plainStatement(s: Value, loc: SourceLocation): PolicyStatement {
  const v = isValueMap(s) ? s : {};
  const statement: PolicyStatement = {
    effect: v['Effect'] === 'Deny' ? 'Deny' : 'Allow',
    actions: asArray(v['Action']),
    notActions: asArray(v['NotAction']),
    resources: asArray(v['Resource']),
    notResources: asArray(v['NotResource']),
    principals: principals(v['Principal']),
    notPrincipals: principals(v['NotPrincipal']),
    loc,
  };
  if (typeof v['Sid'] === 'string') statement.sid = v['Sid'];
  if (isValueMap(v['Condition'])) statement.conditions = v['Condition'];
  return statement;
}
