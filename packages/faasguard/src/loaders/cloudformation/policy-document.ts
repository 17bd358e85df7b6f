/**
 * IAM policy documents (identity policies, trust policies, resource policies) into the model.
 */
import type { PolicyDocument, PolicyStatement, Principal } from '../../model/app-model.js';
import type { SourceLocation } from '../../model/location.js';
import { asArray, Composite, isValueMap, Unknown, type Value } from '../../model/value.js';
import { parseJsonText } from '../../model/json-text.js';
import { plainStatement } from './plain-policy.js';
import type { TNode } from '../../parse/tree.js';
import { get } from '../../parse/tree.js';
import type { Evaluator } from './intrinsics.js';

export function loadPolicyDocument(node: TNode | undefined, ev: Evaluator, fallbackLoc: SourceLocation): PolicyDocument | undefined {
  if (node === undefined) return undefined;
  const statementsNode = get(node, 'Statement');
  if (statementsNode === undefined) return computedDocument(node, ev) ?? emptyDocument(node, ev, fallbackLoc);
  const statements = ev.chosenItems(statementsNode).map((s) => loadStatement(s, ev));
  return { statements: statements.filter((s): s is PolicyStatement => s !== undefined), loc: node.loc };
}

export function loadStatement(node: TNode, ev: Evaluator): PolicyStatement | undefined {
  const v = ev.value(node);
  if (isValueMap(v)) return plainStatement(v, node.loc);
  const kind = literalKind(v);
  if (kind) ev.diagnostics.warning('malformed-policy', `a policy statement is ${kind}, not a mapping: AWS would refuse the policy, and the statement is not judged`, node.loc);
  return undefined;
}

/**
 * What a literal that cannot be a policy document or statement is, for the warning; undefined for a
 * mapping and for what is known only at deploy time (a parameter, an import, a reference).
 */
function literalKind(v: Value | undefined): string | undefined {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'number') return `the number ${v}`;
  if (typeof v === 'boolean') return `the boolean ${v}`;
  if (typeof v === 'string') return 'a string';
  return undefined;
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

/**
 * A document written as a mapping without statements grants nothing; one known only at deployment
 * (a parameter, a Terraform value not known offline) is not known, and is not taken as granting
 * nothing: a rule that asks whether a role grants an action then leaves the role alone.
 */
function emptyDocument(node: TNode, ev: Evaluator, fallbackLoc: SourceLocation): PolicyDocument | undefined {
  return isValueMap(ev.value(node)) ? { statements: [], loc: node.loc ?? fallbackLoc } : undefined;
}

/**
 * A document that is not written as a mapping: JSON text (`!Sub '{…}'`, `Fn::Join`), or a
 * mapping chosen by `Fn::If`. Its statements are located at the document. A document that is
 * itself unknown (an import) has no statements we can read.
 */
function computedDocument(node: TNode, ev: Evaluator): PolicyDocument | undefined {
  const v = ev.value(node);
  const text = typeof v === 'string' || v instanceof Composite;
  const doc = text ? parseJsonText(v) : v;
  if (text && doc === undefined) ev.diagnostics.warning('malformed-policy', 'the policy document is a string that is not JSON: IAM would refuse it, and its statements are unknown', node.loc);
  const kind = text ? undefined : literalKind(v);
  if (kind) ev.diagnostics.warning('malformed-policy', `the policy document is ${kind}, not a mapping: AWS would refuse it, and it is not judged`, node.loc);
  if (!isValueMap(doc) || doc['Statement'] === undefined) return undefined;
  // A statement known only at deploy time (`"Statement": ${Statements}`) says nothing we can judge.
  return { statements: asArray(doc['Statement']).filter(isValueMap).map((s) => plainStatement(s, node.loc)), loc: node.loc };
}
