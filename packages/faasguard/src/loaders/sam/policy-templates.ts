/**
 * Expansion of SAM policy templates (`- S3CrudPolicy: { BucketName: !Ref Uploads }`) into the
 * statements the SAM transform generates, with the user's parameter values in place.
 */
import type { PolicyDocument } from '../../model/app-model.js';
import type { SourceLocation } from '../../model/location.js';
import type { TMapEntry, TNode } from '../../parse/tree.js';
import { get } from '../../parse/tree.js';
import { loadStatement } from '../cloudformation/policy-document.js';
import type { LoadContext } from '../cloudformation/load-context.js';
import { SAM_POLICY_TEMPLATES } from './policy-templates-data.js';

export function isPolicyTemplate(name: string): boolean {
  return Object.hasOwn(SAM_POLICY_TEMPLATES, name);
}

export function expandPolicyTemplate(ctx: LoadContext, name: string, args: TNode, loc: SourceLocation): PolicyDocument {
  const template = SAM_POLICY_TEMPLATES[name]!;
  for (const p of template.parameters) {
    if (get(args, p) === undefined) ctx.template.diagnostics.error('missing-parameter', `SAM policy template ${name} needs the parameter ${p}`, args.loc);
  }
  const statements = template.statements.map((s) => {
    const node = toNode(s, loc, args);
    return loadStatement(node, ctx.ev);
  });
  return { statements: statements.filter((s) => s !== undefined), loc };
}

/** Plain template data into the located tree, each `{ Ref: Param }` replaced by the user's value. */
function toNode(v: unknown, loc: SourceLocation, args: TNode): TNode {
  if (Array.isArray(v)) return { kind: 'seq', items: v.map((x) => toNode(x, loc, args)), loc };
  if (v !== null && typeof v === 'object') {
    const entries = Object.entries(v as Record<string, unknown>);
    const param = parameterRef(entries);
    if (param !== undefined) {
      const given = get(args, param);
      if (given) return given;
    }
    return { kind: 'map', entries: entries.map(([key, x]): TMapEntry => ({ key, keyLoc: loc, value: toNode(x, loc, args) })), loc };
  }
  return { kind: 'scalar', value: v as string | number | boolean | null, loc };
}

function parameterRef(entries: Array<[string, unknown]>): string | undefined {
  if (entries.length !== 1 || entries[0]![0] !== 'Ref') return undefined;
  const name = entries[0]![1];
  return typeof name === 'string' && !name.startsWith('AWS::') ? name : undefined;
}
