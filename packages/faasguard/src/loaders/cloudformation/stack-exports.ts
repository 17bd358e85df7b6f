/**
 * A template's exported outputs: what `Fn::ImportValue` in another stack of the scan links to.
 * An export whose name is known only at deploy time (`${AWS::StackName}-Queue` without a stack
 * name) links nothing: matching it would be a guess.
 */
import type { StackExport } from '../../model/app-model.js';
import { get } from '../../parse/tree.js';
import type { LoadContext } from './load-context.js';

export function stackExports(ctx: LoadContext): StackExport[] {
  const outputs = get(ctx.template.root, 'Outputs');
  if (outputs?.kind !== 'map') return [];
  const out: StackExport[] = [];
  for (const e of outputs.entries) {
    const exported = get(get(e.value, 'Export'), 'Name');
    const name = exported ? ctx.ev.value(exported) : undefined;
    if (typeof name !== 'string') continue;
    const value = ctx.ev.value(get(e.value, 'Value'));
    if (value !== undefined) out.push({ name, value, loc: e.keyLoc });
  }
  return out;
}
