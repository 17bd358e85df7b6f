/**
 * The text of inline function code (CloudFormation `Code.ZipFile`, SAM `InlineCode`) and the
 * node it is written in, so that findings in the code point at its template lines.
 *
 * - A plain string (a block scalar `|`, a quoted string): its value, at the scalar.
 * - `Fn::Sub` (`!Sub |`): the code as written, `${…}` placeholders included, at the template
 *   string: substituted values are unknown before deployment, and the text as written keeps
 *   every line and column where the template has it.
 * - Anything else that evaluates to a string (`Fn::Join` of literals): its value, at the start of
 *   the intrinsic; the joined pieces have no lines of their own, so every finding points there.
 */
import type { SourceLocation } from '../../model/location.js';
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
  if (typeof value !== 'string') return undefined;
  if (node?.kind === 'scalar') return { inline: value, loc };
  return { inline: value, loc: keyLoc(props(r), path) ?? loc };
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
