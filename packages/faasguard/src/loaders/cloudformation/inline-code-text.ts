/**
 * The text of inline function code (CloudFormation `Code.ZipFile`, SAM `InlineCode`) and the
 * node it is written in, so that findings in the code point at its template lines.
 *
 * - A plain string (a block scalar `|`, a quoted string): its value, at the scalar.
 * - `Fn::Sub` (`!Sub |`): the code as written, `${…}` placeholders included, at the template
 *   string: substituted values are unknown before deployment, and the text as written keeps
 *   every line and column where the template has it.
 * - Anything else that evaluates to a string (`Fn::Join`, as CDK writes inline code with tokens):
 *   its value, references written `${Logical.Attr}` as `Fn::Sub` would, at the `ZipFile` key: the
 *   joined pieces have no lines of their own, so every finding points there.
 */
import type { SourceLocation } from '../../model/location.js';
import { Composite, ResourceRef } from '../../model/value.js';
import type { TNode } from '../../parse/tree.js';
import { get, getEntry, items } from '../../parse/tree.js';
import { prop, props, type LoadContext } from './load-context.js';
import type { TemplateResource } from './template.js';

export interface InlineCodeText {
  inline: string;
  loc: SourceLocation;
}

export function inlineCodeText(ctx: LoadContext, r: TemplateResource, ...path: string[]): InlineCodeText | undefined {
  const { node, value, loc } = prop(ctx, r, ...path);
  const sub = subTemplate(node);
  if (sub?.kind === 'scalar' && typeof sub.value === 'string') return { inline: sub.value, loc: sub.loc };
  const text = typeof value === 'string' ? value : value instanceof Composite ? joinedText(value) : undefined;
  if (text === undefined) return undefined;
  if (node?.kind === 'scalar') return { inline: text, loc };
  return { inline: text, loc: keyLoc(props(r), path) ?? loc };
}

/** References as `${Logical.Attr}`, unknown parts as `${unknown}`: text that keeps the code's own quotes balanced. */
function joinedText(v: Composite): string {
  return v.parts.map((p) => (typeof p === 'string' ? p : p instanceof ResourceRef ? p.toString() : '${unknown}')).join('');
}

/** Where the property's key is written: the line a person reads as the start of the code. */
function keyLoc(node: TNode | undefined, path: string[]): SourceLocation | undefined {
  for (const k of path.slice(0, -1)) node = get(node, k);
  return getEntry(node, path[path.length - 1]!)?.keyLoc;
}

/** The template string of an `Fn::Sub` (`!Sub text` or `!Sub [text, variables]`). */
function subTemplate(node: TNode | undefined): TNode | undefined {
  if (node?.kind !== 'map' || node.entries.length !== 1) return undefined;
  const arg = get(node, 'Fn::Sub');
  return arg?.kind === 'seq' ? items(arg)[0] : arg;
}
