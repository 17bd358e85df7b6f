/**
 * IAM policy documents (identity policies, trust policies, resource policies) into the model.
 */
import type { PolicyDocument, PolicyStatement, Principal } from '../../model/app-model.js';
import type { SourceLocation } from '../../model/location.js';
import { asArray, isValueMap, Unknown, type Value } from '../../model/value.js';
import { plainStatement } from './plain-policy.js';
import type { TNode } from '../../parse/tree.js';
import { get, items } from '../../parse/tree.js';
import type { Evaluator } from './intrinsics.js';

export function loadPolicyDocument(node: TNode | undefined, ev: Evaluator, fallbackLoc: SourceLocation): PolicyDocument | undefined {
  if (node === undefined) return undefined;
  const statementsNode = get(node, 'Statement');
  if (statementsNode === undefined) {
    // A document that is itself unknown (an import, a string) has no statements we can read.
    return { statements: [], loc: node.loc ?? fallbackLoc };
  }
  const statements = items(statementsNode).map((s) => loadStatement(s, ev));
  return { statements: statements.filter((s): s is PolicyStatement => s !== undefined), loc: node.loc };
}

export function loadStatement(node: TNode, ev: Evaluator): PolicyStatement | undefined {
  const v = ev.value(node);
  return isValueMap(v) ? plainStatement(v, node.loc) : undefined;
}

/** `"*"`, `{ AWS: [...] }`, `{ Service: ... }` into a flat list. */
export function principals(v: Value | undefined): Principal[] {
  if (v === undefined) return [];
  if (v === '*') return [{ type: '*', value: '*' }];
  if (v instanceof Unknown) return [{ type: 'AWS', value: v }];
  if (!isValueMap(v)) return [];
  const out: Principal[] = [];
  for (const type of ['AWS', 'Service', 'Federated', 'CanonicalUser'] as const) {
    for (const value of asArray(v[type])) out.push({ type, value });
  }
  return out;
}
