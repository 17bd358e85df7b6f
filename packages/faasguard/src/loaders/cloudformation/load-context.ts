import type { ModelElement } from '../../model/app-model.js';
import type { SourceLocation } from '../../model/location.js';
import type { Value } from '../../model/value.js';
import type { TMap, TNode } from '../../parse/tree.js';
import { get, items } from '../../parse/tree.js';
import type { FileReader } from '../file-reader.js';
import type { ModelBuilder } from '../model-builder.js';
import { UNKNOWN_VALUE_KEY, type Evaluator } from './intrinsics.js';

/** Written by the Terraform loader: the module calls that make a resource (`Metadata['faasguard:module-calls']`). */
export const MODULE_CALLS_METADATA = 'faasguard:module-calls';
/** Metadata the Terraform loader writes on what a registry module's summary makes: the module's name. */
export const REGISTRY_MODULE_METADATA = 'faasguard:registry-module';
import type { Template, TemplateResource } from './template.js';

/** What a resource loader works with. */
export interface LoadContext {
  template: Template;
  ev: Evaluator;
  builder: ModelBuilder;
  /** Reads files the template names (OpenAPI definitions); absent, they stay unknown */
  reader?: FileReader;
}

export function props(r: TemplateResource): TMap | undefined {
  const p = get(r.node, 'Properties');
  return p?.kind === 'map' ? p : undefined;
}

/** A property's node, value and location in one go. */
export function prop(ctx: LoadContext, r: TemplateResource, ...path: string[]): { node?: TNode; value?: Value; loc: SourceLocation } {
  let node: TNode | undefined = props(r);
  for (const k of path) node = get(node, k);
  const value = ctx.ev.value(node);
  const loc = node?.loc ?? r.loc;
  // Written out rather than spread from objects made for it: every property of every resource
  // comes through here.
  if (node && value !== undefined) return { node, value, loc };
  if (node) return { node, loc };
  return value !== undefined ? { value, loc } : { loc };
}

/** What every element of a template resource starts from: its identity and place, and the optional facts its metadata gives. */
export type ElementBase = Pick<ModelElement, 'id' | 'logicalId' | 'stack' | 'loc' | 'constructPath' | 'onlyWhen' | 'calledFrom' | 'registryModule'>;

export function elementBase(ctx: LoadContext, r: TemplateResource): ElementBase {
  const cdkPath = get(get(r.node, 'Metadata'), 'aws:cdk:path');
  const onlyWhen = explicitlyUnknownCondition(ctx, r);
  const calledFrom = items(get(get(r.node, 'Metadata'), MODULE_CALLS_METADATA)).flatMap((n) => (n.kind === 'scalar' && typeof n.value === 'string' ? [{ module: n.value, loc: n.loc }] : []));
  const registry = get(get(r.node, 'Metadata'), REGISTRY_MODULE_METADATA);
  const registryModule = registry?.kind === 'scalar' && typeof registry.value === 'string' ? registry.value : undefined;
  const base = { id: ctx.template.resourceId(r.logicalId), logicalId: r.logicalId, stack: ctx.template.stackId, loc: r.loc, ...(onlyWhen ? { onlyWhen } : {}), ...(calledFrom.length > 0 ? { calledFrom } : {}), ...(registryModule ? { registryModule } : {}) };
  return cdkPath?.kind === 'scalar' && typeof cdkPath.value === 'string' ? { ...base, constructPath: cdkPath.value } : base;
}

/**
 * Gives an element the optional facts of its base. The elements every rule reads in its loops
 * (resources, functions, roles) are made as one literal of their base's four fields and their
 * own, and take these after it: V8 keeps a literal's fields inside the object, where those that
 * follow a spread (`{ ...elementBase(ctx, r), type }`) live out of line, one more memory read at
 * every use (the rules phase on the shared corpus's templates, alternated: 484 ms with the spread,
 * 397 ms without, on a process's first scan; 335 and 272 ms on later ones).
 */
export function withOptionalBase<T extends ModelElement>(element: T, base: ElementBase): T {
  if (base.onlyWhen !== undefined) element.onlyWhen = base.onlyWhen;
  if (base.calledFrom !== undefined) element.calledFrom = base.calledFrom;
  if (base.registryModule !== undefined) element.registryModule = base.registryModule;
  if (base.constructPath !== undefined) element.constructPath = base.constructPath;
  return element;
}

/** A condition that a translated format marks as not known offline (only the Terraform loader writes them), as its text. */
function explicitlyUnknownCondition(ctx: LoadContext, r: TemplateResource): string | undefined {
  const node = r.condition === undefined ? undefined : ctx.template.conditions.get(r.condition);
  if (node?.kind !== 'map' || node.entries.length !== 1 || node.entries[0]!.key !== UNKNOWN_VALUE_KEY) return undefined;
  const text = node.entries[0]!.value;
  return text.kind === 'scalar' && typeof text.value === 'string' ? text.value : undefined;
}
