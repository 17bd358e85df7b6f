/**
 * A SAM function's `Policies`: AWS managed policy names or ARNs, inline policy documents, and SAM
 * policy templates; plus the policies the transform adds by itself.
 */
import type { AttachedPolicy } from '../../model/app-model.js';
import type { TNode } from '../../parse/tree.js';
import { get } from '../../parse/tree.js';
import { awsManagedPolicy, managedPolicyAttachment } from '../cloudformation/iam.js';
import type { LoadContext } from '../cloudformation/load-context.js';
import { loadPolicyDocument } from '../cloudformation/policy-document.js';
import { expandPolicyTemplate, isPolicyTemplate } from './policy-templates.js';

export function samPolicies(ctx: LoadContext, written: TNode | undefined): AttachedPolicy[] {
  const node = ctx.ev.chosen(written);
  if (node === undefined) return [];
  // A single document (with Statement) is allowed as well as a list.
  if (get(node, 'Statement') !== undefined) return [inlineDocument(ctx, node, 0)];
  return ctx.ev.chosenItems(node).map((p, i) => samPolicy(ctx, p, i));
}

function samPolicy(ctx: LoadContext, node: TNode, index: number): AttachedPolicy {
  if (node.kind === 'scalar') return awsManagedPolicy(ctx, String(node.value), node.loc);
  if (node.kind === 'map' && get(node, 'Statement') !== undefined) return inlineDocument(ctx, node, index);
  const only = node.kind === 'map' && node.entries.length === 1 ? node.entries[0]! : undefined;
  if (only && isPolicyTemplate(only.key)) {
    return { name: only.key, kind: 'sam-template', document: expandPolicyTemplate(ctx, only.key, only.value, node.loc), loc: node.loc };
  }
  if (only && !only.key.startsWith('Fn::') && only.key !== 'Ref') {
    ctx.template.diagnostics.warning('unknown-policy-template', `${only.key} is not a SAM policy template faasguard knows: its permissions are unknown`, node.loc);
    return { name: only.key, kind: 'sam-template', loc: node.loc };
  }
  return managedPolicyAttachment(ctx, ctx.ev.value(node), node.loc);
}

function inlineDocument(ctx: LoadContext, node: TNode, index: number): AttachedPolicy {
  const doc = loadPolicyDocument(node, ctx.ev, node.loc);
  return { name: `inline policy ${index + 1}`, kind: 'inline', ...(doc ? { document: doc } : {}), loc: node.loc };
}
