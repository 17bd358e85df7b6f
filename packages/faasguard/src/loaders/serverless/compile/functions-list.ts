/**
 * The functions of the service: `functions` is a mapping of name to definition, or a list of such
 * mappings (often one `${file(...)}` per item), which the framework merges.
 */
import type { TMap, TMapEntry } from '../../../parse/tree.js';
import type { CompileContext, ServerlessFunction } from './context.js';
import { naming } from '../naming.js';

export function collectFunctions(ctx: CompileContext): ServerlessFunction[] {
  const node = ctx.config.entries.find((e) => e.key === 'functions')?.value;
  const entries: TMapEntry[] = [];
  if (node?.kind === 'map') entries.push(...node.entries);
  if (node?.kind === 'seq') for (const item of node.items) if (item.kind === 'map') entries.push(...item.entries);
  const out: ServerlessFunction[] = [];
  for (const e of entries) {
    if (e.value.kind !== 'map') {
      ctx.diagnostics.warning('malformed-serverless', `function ${e.key} is not a mapping: skipped`, e.keyLoc);
      continue;
    }
    const existing = out.findIndex((f) => f.name === e.key);
    const fn: ServerlessFunction = { name: e.key, node: e.value as TMap, loc: e.keyLoc, logicalId: naming.lambda(e.key), eventStatements: [] };
    if (existing >= 0) out[existing] = fn;
    else out.push(fn);
  }
  return out;
}
