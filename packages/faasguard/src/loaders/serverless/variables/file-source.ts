import type { TMapEntry, TNode } from '../../../parse/tree.js';
import { referenceRefusalDiagnostic } from '../../../files/read-regular-file.js';
import { unknownNode, type SourceContext, type VariableSource } from './source.js';
import { inertTree } from '../unknown-markers.js';

/**
 * `${file(./x.yml):a.b}` and `${file(./x.json)}`: a value from another file, relative to the file
 * the variable is written in. A glob (`./functions/*.yml`) merges every matching file.
 */
export const fileSource: VariableSource = (ctx) => {
  const rawPath = ctx.call.param ?? '';
  if (rawPath === '') return unknownNode(ctx, 'file() without a path');
  const files = ctx.files.expand(ctx.loc.file, rawPath);
  if (files === 'outside') return outside(ctx, rawPath);
  const trees: TNode[] = [];
  for (const abs of files) {
    const tree = readOne(ctx, abs, rawPath);
    if (tree === 'stop') return unknownNode(ctx, `file(${rawPath}) could not be read`);
    if (tree) trees.push(tree);
  }
  if (trees.length === 0) return undefined;
  const merged = trees.length === 1 ? trees[0]! : mergeTrees(trees);
  return ctx.call.address === '' ? merged : ctx.pick(merged, ctx.call.address);
};

function readOne(ctx: SourceContext, abs: string, rawPath: string): TNode | undefined | 'stop' {
  const outcome = ctx.files.read(abs);
  switch (outcome.kind) {
    case 'missing':
      return undefined;
    case 'outside':
      outside(ctx, rawPath);
      return 'stop';
    case 'excluded':
      ctx.diagnostics.note('variable-unresolved', `file(${rawPath}) is excluded from the scan (--exclude or the configuration's exclude): not read, so its value is unknown`, ctx.loc);
      return 'stop';
    case 'code':
      ctx.diagnostics.note('variable-unresolved', `file(${rawPath}) is code: faasguard does not run it, so its value is unknown`, ctx.loc);
      return 'stop';
    case 'unparsable':
      return 'stop';
    case 'refused': {
      const d = referenceRefusalDiagnostic(outcome.refusal, ctx.loc, `file(${rawPath})`);
      ctx.diagnostics[d.severity](d.code, d.message, ctx.loc);
      return 'stop';
    }
    case 'tree':
      return ctx.resolveTree(inertTree(outcome.root), ctx.depth + 1);
  }
}

function outside(ctx: SourceContext, rawPath: string): TNode {
  ctx.diagnostics.error('path-outside-project', `file(${rawPath}) points outside the scanned directory: not read`, ctx.loc);
  return unknownNode(ctx, `file(${rawPath}) outside the scanned directory`);
}

/** Maps merge (later files add keys), sequences concatenate. */
function mergeTrees(trees: TNode[]): TNode {
  const first = trees[0]!;
  if (trees.every((t) => t.kind === 'seq')) return { kind: 'seq', items: trees.flatMap((t) => (t.kind === 'seq' ? t.items : [])), loc: first.loc };
  const entries: TMapEntry[] = [];
  for (const t of trees) if (t.kind === 'map') entries.push(...t.entries);
  return { kind: 'map', entries, loc: first.loc };
}
