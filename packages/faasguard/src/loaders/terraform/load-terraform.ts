/**
 * A Terraform root module (the `.tf` files of one folder) into the model: variables from their
 * defaults and the folder's `terraform.tfvars` / `*.auto.tfvars`, locals, data sources that are
 * pure, and the resources of `resource-translations.ts` translated into the CloudFormation
 * resources they create, every node keeping the `.tf` location it comes from. The CloudFormation
 * loader then builds the model from that tree (format `terraform`). Nothing is executed and
 * nothing is downloaded.
 */
import path from 'node:path';
import type { ModuleSource } from '../../model/app-model.js';
import type { Diagnostic } from '../../model/diagnostic.js';
import type { SourceLocation } from '../../model/location.js';
import type { TMap, TMapEntry, TNode } from '../../parse/tree.js';
import { loadTemplate } from '../cloudformation/load-template.js';
import { MODULE_CALLS_METADATA, REGISTRY_MODULE_METADATA } from '../cloudformation/load-context.js';
import type { FileReader } from '../file-reader.js';
import type { ModelBuilder } from '../model-builder.js';
import { clipped, evaluate, expandedBlocks, withBinding, withoutRecording, type TfScope } from './evaluate.js';
import type { OpenCondition } from './assumptions.js';
import { entry, nil, relocated, scalar } from './tree-values.js';
import { attributesOf, blockHeader, blocksOf, bodyOf, isTerraformConfig, parseTerraform, strictnessErrors, stringValueOf, type HclNode, type ParsedTerraform } from './parse-terraform.js';
import { localModuleDir } from './root-modules.js';
import { installedModules, isInstalledModuleDir, type InstalledModule } from './installed-modules.js';
import { isExpressionText, type GivenVariables } from './variable-values.js';
import { jsonOrText } from './functions.js';
import { majorOf, type ModuleCall } from './registry-modules/module-call.js';
import { moduleSummary, type ModuleSummary } from './registry-modules/registry-modules.js';
import { CONVERSIONS, PATCHES, TRANSLATIONS, type Patch, type Source } from './resource-translations.js';
import { UNKNOWN_VALUE_KEY } from '../cloudformation/intrinsics.js';
import { OBJECT_TYPES, uploadedCode } from './uploaded-code.js';
import { compareText } from '../../util/compare-text.js';

export interface TerraformModuleInput {
  /** The module's folder, relative to the scan root (`''` for the root itself) */
  dir: string;
  /** Its `.tf` files and variable files (`terraform.tfvars`, `*.auto.tfvars`), relative to the scan root */
  files: ReadonlyArray<{ rel: string; text: string }>;
  /** The `.tf` files of another folder of the scan, for the local modules the module calls */
  filesOf?: (dir: string) => ReadonlyArray<{ rel: string; text: string }>;
  reader?: FileReader;
  /** Variable values from outside the module (`TF_VAR_*`, `--var-file`, `--var`) */
  given?: GivenVariables;
  /** Truths assumed for conditions not known offline, by `conditionKey` (see `Assumptions`) */
  assume?: ReadonlyMap<string, boolean>;
}

export interface LoadedTerraformModule {
  /** The file that stands for the module (`main.tf` when there is one) */
  file: string;
  diagnostics: Diagnostic[];
  /** Conditions not known offline that decide an attribute's value, in the order met */
  openConditions: OpenCondition[];
}

/** Steps of expression evaluation one root module (with the modules it calls) may take */
const MODULE_BUDGET = 500_000;

interface Declared {
  type: string;
  name: string;
  block: HclNode;
  parsed: ParsedTerraform;
}

/** One instance of a resource: the resource itself, or one of its `count` / `for_each` copies. */
interface Instance {
  decl: Declared;
  /** `aws_sqs_queue.jobs`, `aws_sqs_queue.jobs[0]`, `aws_sqs_queue.jobs["orders"]` */
  address: string;
  instance?: TfScope['instance'];
  /** The values for which the instance exists, when they are not known offline: `var.create_url is true` */
  onlyWhen?: string;
}

export function loadTerraformModule(input: TerraformModuleInput, builder: ModelBuilder): LoadedTerraformModule | undefined {
  const diagnostics: Diagnostic[] = [];
  const parsedAll: ParsedTerraform[] = [];
  const parse = (files: ReadonlyArray<{ rel: string; text: string }>): ParsedTerraform[] =>
    files.flatMap((f) => {
      const p = parseTerraform(f.rel, f.text);
      if (!p) return [];
      for (const e of p.errors) diagnostics.push({ severity: 'error', code: 'hcl-syntax', message: `${f.rel} does not parse as Terraform (${e.message}); what could be read is scanned`, loc: e.loc });
      for (const e of strictnessErrors(p)) diagnostics.push({ severity: 'error', code: 'hcl-syntax', message: `${f.rel}: ${e.message}`, loc: e.loc });
      parsedAll.push(p);
      return [p];
    });
  try {
    const parsed = parse(input.files);
    const tf = parsed.filter((p) => isTerraformConfig(p.file));
    if (tf.length === 0) return undefined;
    const file = tf.find((p) => /^main\.tf(\.json)?$/.test(path.posix.basename(p.file)))?.file ?? tf[0]!.file;
    const open = new Map<string, OpenCondition>();
    const ctx: ModuleContext = { parse, parsedAll, diagnostics, filesOf: input.filesOf ?? (() => []), installed: installedModules(input.dir, input.reader), budget: { steps: MODULE_BUDGET }, callsLeft: MAX_MODULE_CALLS, assumptions: { given: input.assume ?? new Map(), open }, moduleSources: [], ...(input.reader ? { reader: input.reader } : {}), ...(input.given ? { given: input.given } : {}) };
    const { entries } = evaluateModule(ctx, input.dir, parsed, { prefix: '', key: '', depth: 0, rootDir: input.dir });
    const where = { file, line: 1, column: 1 };
    if (ctx.budget.steps < 0) diagnostics.push({ severity: 'warning', code: 'tf-budget', message: `${file}: the module's expressions exceed what one scan evaluates; the rest are judged unknown`, loc: where });
    if (ctx.callsLeft < 0) diagnostics.push({ severity: 'warning', code: 'tf-module-calls', message: `${file}: more than ${MAX_MODULE_CALLS} module calls (or calls deeper than ${MAX_MODULE_DEPTH}); the others are not evaluated`, loc: where });
    diagnostics.push(...loadTranslated(entries, file, input.dir, input.reader, builder, ctx.moduleSources));
    return { file, diagnostics, openConditions: [...open.values()] };
  } finally {
    for (const p of parsedAll) p.dispose();
  }
}

/**
 * Translated resources into the model, as one stack of the file that stands for them, in the app
 * of `dir`. A resource that exists only for values not known offline names its condition by the
 * condition's text (`var.create_url is true`), an explicit unknown: the model marks what it makes.
 */
export function loadTranslated(entries: TMapEntry[], file: string, dir: string, reader: FileReader | undefined, builder: ModelBuilder, moduleSources: readonly ModuleSource[] = []): Diagnostic[] {
  const loc = { file, line: 1, column: 1 };
  const texts = new Set(entries.flatMap((e) => (e.value.kind === 'map' ? e.value.entries.filter((x) => x.key === 'Condition' && x.value.kind === 'scalar').map((x) => String((x.value as { value: unknown }).value)) : [])));
  const conditions = [...texts].map((t) => entry(t, { kind: 'map', entries: [entry(UNKNOWN_VALUE_KEY, scalar(t, loc), loc)], loc }, loc));
  const root: TMap = { kind: 'map', entries: [entry('Resources', { kind: 'map', entries, loc }, loc), ...(conditions.length > 0 ? [entry('Conditions', { kind: 'map', entries: conditions, loc }, loc)] : [])], loc };
  return loadTemplate({ root, file, params: new Map(), format: 'terraform', app: dir || '.', moduleSources, ...(reader ? { reader } : {}) }, builder).items;
}

interface ModuleContext {
  parse(files: ReadonlyArray<{ rel: string; text: string }>): ParsedTerraform[];
  /** Every file parsed for this root module and the modules it calls (locations, disposal) */
  parsedAll: ParsedTerraform[];
  diagnostics: Diagnostic[];
  filesOf(dir: string): ReadonlyArray<{ rel: string; text: string }>;
  budget: { steps: number };
  /** Module calls still to evaluate: a module calling itself, or many modules calling many, stays bounded */
  callsLeft: number;
  reader?: FileReader;
  /** Variable values from outside the root module */
  given?: GivenVariables;
  /** Modules `terraform init` installed, by module key */
  installed: ReadonlyMap<string, InstalledModule>;
  /** Truths assumed for conditions not known offline, and those met (see `Assumptions`) */
  assumptions: { given: ReadonlyMap<string, boolean>; open: Map<string, OpenCondition> };
  /** The downloaded module sources of the project's own configuration, as they are met (see `Stack.moduleSources`) */
  moduleSources: ModuleSource[];
}

/** Module calls one root module evaluates at most, all depths together */
const MAX_MODULE_CALLS = 200;

/** How deep local modules may call one another */
const MAX_MODULE_DEPTH = 8;

/**
 * One module: its variables (from the call's arguments for a called module, from defaults and
 * variable files for the root), locals, the modules it calls, its resources translated with
 * addresses prefixed by the module path (`module.api.aws_lambda_function.this`), and its outputs.
 */
function evaluateModule(ctx: ModuleContext, dir: string, parsed: readonly ParsedTerraform[], call: { prefix: string; key: string; depth: number; rootDir: string; inputs?: Map<string, TNode>; onlyWhen?: string; calls?: ModuleCallSite[] }): { entries: TMapEntry[]; outputs: Map<string, TNode> } {
  const tf = parsed.filter((p) => isTerraformConfig(p.file));
  const resources = declared(tf, 'resource');
  const scope: TfScope = {
    locOf: (n) => locIn(ctx.parsedAll, n),
    vars: new Map(),
    locals: new Map(),
    resources: new Map(resources.filter((r) => cfnTypeOf(r.type)).map((r) => [`${r.type}.${r.name}`, { logicalId: `${call.prefix}${r.type}.${r.name}`, cfnType: cfnTypeOf(r.type)!, block: r.block }])),
    instances: new Map(),
    pathModule: path.posix.relative(call.rootDir || '.', dir || '.') || '.',
    modules: new Map(),
    data: new Map(declared(tf, 'data').map((d) => [`${d.type}.${d.name}`, d.block])),
    budget: ctx.budget,
    // Terraform reads relative paths from the root module's folder (`${path.module}/...` names a module's).
    readFile: (file) => ctx.reader?.text(path.posix.join(call.rootDir || '.', 'main.tf'), file),
    assumptions: { ...ctx.assumptions, prefix: call.prefix },
  };
  const vars = variables(ctx, tf, parsed.filter((p) => !isTerraformConfig(p.file)), scope, call.depth === 0 ? ctx.given : undefined);
  for (const [k, v] of call.inputs ?? []) vars.set(k, v);
  scope.vars = vars;
  evaluateLocals(tf, scope);
  const entries: TMapEntry[] = [];
  const summarized = registryModules(ctx, tf, dir, scope, call);
  for (const m of moduleCalls(ctx, tf, dir, call.key)) {
    if (call.depth >= MAX_MODULE_DEPTH || ctx.callsLeft-- <= 0) {
      ctx.callsLeft = -1;
      break;
    }
    const files = m.files ?? ctx.filesOf(m.dir);
    const { instances, onlyWhen: existence } = callInstances(m.block, scope);
    if (files.length === 0) continue;
    const onlyWhen = existence ?? call.onlyWhen;
    for (const [n, each] of instances.entries()) {
      if (n > 0 && ctx.callsLeft-- <= 0) break;
      const address = `${call.prefix}module.${m.name}${each.suffix}`;
      const inputs = withInstance(scope, each, () => new Map(attributesOf(bodyOf(m.block)).filter((a) => !MODULE_META.has(a.name)).map((a) => [a.name, evaluate(a.value, scope)])));
      const calls = [...(call.calls ?? []), { module: address, loc: scope.locOf(m.block) }];
      const child = evaluateModule(ctx, m.dir, ctx.parse(files), { prefix: `${address}.`, key: moduleKey(call.key, m.name), depth: call.depth + 1, rootDir: call.rootDir, inputs, calls, ...(onlyWhen ? { onlyWhen } : {}) });
      entries.push(...child.entries);
      // A parent sees a module's outputs, never its resources; of a call with several instances, those of its first.
      if (n === 0) scope.modules.set(m.name, child.outputs);
    }
  }
  evaluateLocals(tf, scope);
  const instances = expand(resources, scope, ctx.diagnostics, call.prefix);
  evaluateLocals(tf, scope);
  const objects = new Map(resources.filter((r) => OBJECT_TYPES.has(r.type)).map((r) => [`${r.type}.${r.name}`, r.block]));
  const own = [...declaredTranslatables(instances, scope, objects).map((t) => (call.calls ? { ...t, calledFrom: call.calls } : t)), ...summarized];
  // Everything a module makes exists only when its call does.
  entries.push(...translate(call.onlyWhen ? own.map((t) => ({ ...t, onlyWhen: t.onlyWhen ?? call.onlyWhen })) : own));
  const outputs = new Map(tf.flatMap((p) => blocksOf(p.body, 'output')).flatMap((o) => {
    const name = blockHeader(o).labels[0];
    const value = attributesOf(bodyOf(o)).find((a) => a.name === 'value');
    return name && value ? [[name, evaluate(value.value, scope)] as [string, TNode]] : [];
  }));
  return { entries, outputs };
}

/**
 * The calls of registry modules: a module with a built-in summary makes the resources its inputs
 * ask for (its outputs are known before any input is evaluated, so calls may refer to one another
 * in any order); any other is one note that lists its inputs. A call with `count = 0` makes nothing.
 */
function registryModules(ctx: ModuleContext, tf: readonly ParsedTerraform[], dir: string, scope: TfScope, parent: { prefix: string; key: string }): Translatable[] {
  const prefix = parent.prefix;
  const calls = tf.flatMap((p) => blocksOf(p.body, 'module')).flatMap((block) => {
    const name = blockHeader(block).labels[0];
    const source = stringValueOf(block, 'source') ?? '';
    return name && localModuleDir(dir, source) === undefined ? [{ name, source, block }] : [];
  });
  const pending: Array<{ summary: ModuleSummary; call: ModuleCall; block: HclNode }> = [];
  for (const { name, source, block } of calls) {
    const summary = moduleSummary(source);
    const version = stringValueOf(block, 'version');
    const moduleCall: ModuleCall = { prefix: `${prefix}module.${name}.`, inputs: new Map(), loc: scope.locOf(block), endLine: block.endPosition.row + 1, ...(version ? { version } : {}) };
    // The calls an installed module makes are its authors' to pin, not the project's.
    if (!isInstalledModuleDir(dir)) ctx.moduleSources.push(moduleSource(`${prefix}module.${name}`, source, version, block, moduleCall.loc));
    if (!summary && ctx.installed.has(moduleKey(parent.key, name))) continue;
    if (!summary) {
      const inputs = attributesOf(bodyOf(block)).filter((a) => !MODULE_META.has(a.name)).map((a) => a.name);
      ctx.diagnostics.push({ severity: 'note', code: 'tf-module-not-evaluated', message: `module ${name} (${source || 'no source'}) is not on disk and has no built-in summary: what it creates is not judged (inputs: ${inputs.join(', ') || 'none'})`, loc: moduleCall.loc });
      continue;
    }
    scope.modules.set(name, summary.outputs(moduleCall));
    pending.push({ summary, call: moduleCall, block });
  }
  return pending.flatMap(({ summary, call, block }) => {
    const attrs = attributesOf(bodyOf(block));
    const { instances, onlyWhen: existence } = callInstances(block, scope);
    if (instances.length === 0) return [];
    const inputs = new Map(attrs.filter((a) => !MODULE_META.has(a.name)).map((a) => [a.name, { ...evaluate(a.value, scope), loc: scope.locOf(a.value) }] as [string, TNode]));
    const major = majorOf(call.version);
    if (major !== undefined && (major < summary.majors[0] || major > summary.majors[1])) {
      ctx.diagnostics.push({ severity: 'note', code: 'tf-module-version', message: `module ${call.prefix.slice(0, -1)} pins ${summary.name} ${call.version}; its built-in summary was written from versions ${summary.majors[0]} to ${summary.majors[1]} and may differ`, loc: call.loc });
    }
    const made = summary.resources({ ...call, inputs }).map((t) => ({ ...t, registryModule: summary.name }));
    return existence ? made.map((t) => ({ ...t, onlyWhen: t.onlyWhen ?? existence })) : made;
  });
}

/** A downloaded module call as the model keeps it: a `version` that is not a literal is marked, never taken for none. */
function moduleSource(name: string, source: string, version: string | undefined, block: HclNode, loc: SourceLocation): ModuleSource {
  if (version !== undefined) return { name, source, version, loc };
  const written = attributesOf(bodyOf(block)).some((a) => a.name === 'version');
  return written ? { name, source, versionFromExpression: true, loc } : { name, source, loc };
}

/**
 * The instances a module call makes: none for `count = 0` or an empty `for_each`; one per index of
 * a known `count` or key of a known `for_each` (addressed `module.api[0]`, `module.api["eu"]`, each
 * with its `count.index` or `each`); else the call itself, with the values it needs (`onlyWhen`)
 * when its `count` or `for_each` is not known offline. A registry module's summary is made once,
 * each instance being judged alike.
 */
function callInstances(block: HclNode, scope: TfScope): { instances: Array<{ suffix: string; instance?: TfScope['instance'] }>; onlyWhen?: string } {
  const attrs = attributesOf(bodyOf(block));
  const count = attrs.find((a) => a.name === 'count');
  const forEach = attrs.find((a) => a.name === 'for_each');
  if (count) {
    const n = withoutRecording(scope, () => evaluate(count.value, scope));
    if (n.kind !== 'scalar' || typeof n.value !== 'number') return { instances: [{ suffix: '' }], onlyWhen: existenceCondition(count.value) };
    return { instances: Array.from({ length: Math.min(Math.max(0, n.value), 100) }, (_, index) => ({ suffix: `[${index}]`, instance: { index } })) };
  }
  if (forEach) {
    const items = eachItems(withoutRecording(scope, () => evaluate(forEach.value, scope)));
    if (!items) return { instances: [{ suffix: '' }], onlyWhen: `${clipped(forEach.value.text)} is not empty` };
    return { instances: items.slice(0, 100).map(([key, value]) => ({ suffix: `[${JSON.stringify(key)}]`, instance: { key, value } })) };
  }
  return { instances: [{ suffix: '' }] };
}

/** Arguments of a `module` block that are Terraform's, not the module's inputs. */
const MODULE_META: ReadonlySet<string> = new Set(['source', 'version', 'providers', 'count', 'for_each', 'depends_on']);

/**
 * The `module` blocks whose code is on disk: a local source (`./lambda`, `../shared`), or a module
 * `terraform init` installed that has no built-in summary (a summary says what the module does
 * more surely than its code evaluated offline).
 */
function moduleCalls(ctx: ModuleContext, tf: readonly ParsedTerraform[], dir: string, key: string): Array<{ name: string; dir: string; block: HclNode; files?: InstalledModule['files'] }> {
  return tf.flatMap((p) =>
    blocksOf(p.body, 'module').flatMap((block) => {
      const name = blockHeader(block).labels[0];
      if (!name) return [];
      const source = stringValueOf(block, 'source') ?? '';
      const target = localModuleDir(dir, source);
      if (target !== undefined) return [{ name, dir: target === '.' ? '' : target, block }];
      const installed = moduleSummary(source) ? undefined : ctx.installed.get(moduleKey(key, name));
      return installed ? [{ name, dir: installed.dir, block, files: installed.files }] : [];
    }),
  );
}

/** A call's key in `modules.json`: its name, after its parent's key (`api.routes`). */
function moduleKey(parent: string, name: string): string {
  return parent ? `${parent}.${name}` : name;
}

function cfnTypeOf(type: string): string | undefined {
  return TRANSLATIONS[type]?.cfnType;
}

function locIn(parsed: readonly ParsedTerraform[], n: HclNode): SourceLocation {
  // Nodes of different files share no tree: the file is the one whose tree holds the node.
  const owner = parsed.find((p) => p.body.tree === n.tree) ?? parsed[0]!;
  return owner.locOf(n);
}

function declared(files: readonly ParsedTerraform[], kind: 'resource' | 'data'): Declared[] {
  return files.flatMap((parsed) =>
    blocksOf(parsed.body, kind).flatMap((block) => {
      const { labels } = blockHeader(block);
      return labels.length === 2 ? [{ type: labels[0]!, name: labels[1]!, block, parsed }] : [];
    }),
  );
}

/**
 * Defaults of `variable` blocks, overridden as Terraform overrides them: `TF_VAR_*` values, then
 * `terraform.tfvars`, then `*.auto.tfvars` in name order, then `--var-file` files and `--var`
 * values (`given`, for a root module). A value given from outside the module is located at its
 * variable's declaration.
 */
function variables(ctx: ModuleContext, tf: readonly ParsedTerraform[], varFiles: readonly ParsedTerraform[], scope: TfScope, given?: GivenVariables): Map<string, TNode> {
  const vars = new Map<string, TNode>();
  const declared = new Map<string, SourceLocation>();
  for (const parsed of tf) {
    for (const block of blocksOf(parsed.body, 'variable')) {
      const name = blockHeader(block).labels[0];
      const dflt = attributesOf(bodyOf(block)).find((a) => a.name === 'default');
      if (!name) continue;
      declared.set(name, parsed.locOf(block));
      vars.set(name, dflt ? evaluate(dflt.value, scope) : nil(parsed.locOf(block)));
    }
  }
  const setGiven = (name: string, value: TNode): void => {
    const at = declared.get(name);
    if (at) vars.set(name, relocated(value, at));
  };
  for (const v of given?.env ?? []) setGiven(v.name, givenValue(v.text, scope));
  const ordered = [...varFiles].sort((a, b) => rank(a.file) - rank(b.file) || compareText(a.file, b.file));
  for (const parsed of ordered) for (const a of attributesOf(parsed.body)) vars.set(a.name, evaluate(a.value, scope));
  for (const f of given?.files ?? []) for (const [name, value] of variableFile(ctx, f, scope)) setGiven(name, value);
  for (const v of given?.values ?? []) setGiven(v.name, givenValue(v.text, scope));
  return vars;
}

/** A `--var-file`: JSON (`.json`) or HCL assignments. */
function variableFile(ctx: ModuleContext, f: { file: string; text: string }, scope: TfScope): Array<[string, TNode]> {
  const loc = { file: f.file, line: 1, column: 1 };
  if (/\.json$/i.test(f.file)) {
    const value = jsonOrText(f.text, loc);
    if (value.kind === 'map') return value.entries.map((e) => [e.key, e.value]);
    ctx.diagnostics.push({ severity: 'error', code: 'tf-var-file', message: `${f.file} is not a JSON object of variable values; its values are not used`, loc });
    return [];
  }
  return ctx.parse([{ rel: f.file, text: f.text }]).flatMap((p) => attributesOf(p.body).map((a) => [a.name, evaluate(a.value, scope)] as [string, TNode]));
}

/** A value given as text: an HCL expression when it is written as one, else the string itself. */
function givenValue(text: string, scope: TfScope): TNode {
  const loc = { file: '', line: 1, column: 1 };
  if (!isExpressionText(text)) return scalar(text, loc);
  const parsed = parseTerraform('<value>', `v = ${text}\n`);
  if (!parsed) return scalar(text, loc);
  try {
    const attr = attributesOf(parsed.body)[0];
    return parsed.errors.length === 0 && attr ? evaluate(attr.value, scope) : scalar(text, loc);
  } finally {
    parsed.dispose();
  }
}

function rank(file: string): number {
  return path.posix.basename(file) === 'terraform.tfvars' ? 0 : 1;
}

/** Locals may refer to one another in any order: a few passes settle them. */
function evaluateLocals(tf: readonly ParsedTerraform[], scope: TfScope): void {
  const attrs = tf.flatMap((parsed) => blocksOf(parsed.body, 'locals').flatMap((b) => attributesOf(bodyOf(b))));
  for (let pass = 0; pass < 3; pass++) for (const a of attrs) scope.locals.set(a.name, evaluate(a.value, scope));
}

/**
 * The instances of each resource: one, or one per `count` index or `for_each` key, addressed as
 * Terraform addresses them; `count = 0` makes none. A count or collection not known offline gives
 * one instance, and a note says so.
 */
function expand(resources: readonly Declared[], scope: TfScope, diagnostics: Diagnostic[], prefix: string): Instance[] {
  const out: Instance[] = [];
  for (const decl of resources) {
    const base = `${decl.type}.${decl.name}`;
    const attrs = attributesOf(bodyOf(decl.block));
    const count = attrs.find((a) => a.name === 'count');
    const forEach = attrs.find((a) => a.name === 'for_each');
    let list: Instance[] = [{ decl, address: base }];
    if (count) {
      const n = withoutRecording(scope, () => evaluate(count.value, scope));
      if (n.kind === 'scalar' && typeof n.value === 'number') list = Array.from({ length: Math.min(Math.max(0, n.value), 100) }, (_, index) => ({ decl, address: `${base}[${index}]`, instance: { index } }));
      else {
        const onlyWhen = existenceCondition(count.value);
        list = [{ decl, address: `${base}[0]`, instance: { index: 0 }, onlyWhen }];
        diagnostics.push({ severity: 'note', code: 'tf-unknown-count', message: `the count of ${base} is not known offline (0 or more): it is judged as one instance, and its findings hold only when ${onlyWhen}`, loc: scope.locOf(count.node) });
      }
    } else if (forEach) {
      const items = eachItems(withoutRecording(scope, () => evaluate(forEach.value, scope)));
      if (items) list = items.slice(0, 100).map(([key, value]) => ({ decl, address: `${base}[${JSON.stringify(key)}]`, instance: { key, value } }));
      else {
        const onlyWhen = `${clipped(forEach.value.text)} is not empty`;
        list = [{ decl, address: base, onlyWhen }];
        diagnostics.push({ severity: 'note', code: 'tf-unknown-for-each', message: `the for_each of ${base} is not known offline: it is judged as one instance, and its findings hold only when ${onlyWhen}`, loc: scope.locOf(forEach.node) });
      }
    }
    // Known at once, so that a later resource's `for_each` can iterate over this one.
    const cfnType = cfnTypeOf(decl.type);
    if (cfnType) for (const i of list) scope.resources.set(i.address, { logicalId: `${prefix}${i.address}`, cfnType, block: decl.block, ...(i.instance ? { instance: i.instance } : {}) });
    if (count || (forEach && list[0]?.instance)) scope.instances.set(base, list.map((i) => i.address));
    out.push(...list);
  }
  return out;
}

/**
 * When a resource whose count is not known offline exists: `var.create ? 1 : 0` exists when
 * `var.create` is true, `var.off ? 0 : 1` when it is false; any other count when it is not 0.
 */
function existenceCondition(count: HclNode): string {
  const cond = count.namedChildren.find((c) => c?.type === 'conditional');
  const [test, a, b] = (cond?.namedChildren ?? []).filter((c): c is HclNode => c !== null && c.type !== 'comment');
  if (test && a && b && /^0$/.test(b.text.trim()) && a.text.trim() !== '0') return `${clipped(test.text)} is true`;
  if (test && a && b && /^0$/.test(a.text.trim()) && b.text.trim() !== '0') return `${clipped(test.text)} is false`;
  return `${clipped(count.text)} is not 0`;
}


/** A `for_each` collection's keys and values: a map's entries, a set's strings (each its own key). */
function eachItems(v: TNode): Array<[string, TNode]> | undefined {
  if (v.kind === 'map' && v.entries.some((e) => e.key === UNKNOWN_VALUE_KEY)) return undefined;
  if (v.kind === 'map') return v.entries.map((e) => [e.key, e.value]);
  if (v.kind === 'seq' && v.items.every((i) => i.kind === 'scalar' && i.value !== null)) return v.items.map((i) => [String((i as { value: unknown }).value), i]);
  return undefined;
}

/** A resource to translate: an instance of a declared resource, or one a registry module's summary makes. */
export interface Translatable {
  /** The Terraform type (`aws_lambda_function`) */
  type: string;
  logicalId: string;
  loc: SourceLocation;
  endLine: number;
  /** Its attributes and nested blocks, evaluated */
  body: TNode;
  /** The values for which it exists, when they are not known offline */
  onlyWhen?: string;
  /** The module calls that make it, outermost first */
  calledFrom?: ModuleCallSite[];
  /** The registry module whose summary makes it (`terraform-aws-modules/lambda/aws`): its settings are that call's inputs */
  registryModule?: string;
}

/** A `module` block that makes resources: the module path it gives them and where it is written. */
export interface ModuleCallSite {
  module: string;
  loc: SourceLocation;
}

function declaredTranslatables(instances: readonly Instance[], scope: TfScope, objects: ReadonlyMap<string, HclNode>): Translatable[] {
  return instances.filter((i) => TRANSLATIONS[i.decl.type] || PATCHES[i.decl.type]).map((i) => ({
    type: i.decl.type,
    logicalId: scope.resources.get(i.address)?.logicalId ?? i.address,
    loc: scope.locOf(i.decl.block),
    endLine: i.decl.block.endPosition.row + 1,
    body: withInstance(scope, i, () => withUploadedCode(blockValue(i.decl.block, scope, RESOURCE_META), i.decl.block, objects, scope)),
    ...(i.onlyWhen ? { onlyWhen: i.onlyWhen } : {}),
  }));
}

/** A block's value with `filename` set to the local archive its `s3_key` uploads, when it names one of the module's objects. */
function withUploadedCode(body: TNode, block: HclNode, objects: ReadonlyMap<string, HclNode>, scope: TfScope): TNode {
  const code = body.kind === 'map' && objects.size > 0 ? uploadedCode(block, objects, scope) : undefined;
  return code && body.kind === 'map' ? { ...body, entries: [...body.entries, entry('filename', code, code.loc)] } : body;
}

/** The translated resources (with their companions), then the patches of the resources that change another one. */
export function translate(items: readonly Translatable[]): TMapEntry[] {
  const out: TMapEntry[] = [];
  /** Each resource's evaluated block, by logical id, for the patches that find their target by values */
  const bodies = new Map<string, { type: string; body: TNode }>();
  for (const r of items) {
    const t = TRANSLATIONS[r.type];
    if (!t) continue;
    const node = resourceNode(t.cfnType, buildMap(t.properties, r.body, r.loc), r.loc, r.endLine);
    // A resource that exists only for some values is a CloudFormation condition the loader cannot decide: the model marks it.
    if (r.onlyWhen) node.entries.push(entry('Condition', scalar(r.onlyWhen, r.loc), r.loc));
    const metadata = [
      ...(r.calledFrom ? [entry(MODULE_CALLS_METADATA, { kind: 'seq', items: r.calledFrom.map((c) => scalar(c.module, c.loc)), loc: r.loc }, r.loc)] : []),
      ...(r.registryModule ? [entry(REGISTRY_MODULE_METADATA, scalar(r.registryModule, r.loc), r.loc)] : []),
    ];
    if (metadata.length > 0) node.entries.push(entry('Metadata', { kind: 'map', entries: metadata, loc: r.loc }, r.loc));
    out.push(entry(r.logicalId, node, r.loc));
    bodies.set(r.logicalId, { type: r.type, body: r.body });
    for (const c of t.companions ?? []) {
      const properties = buildMap(c.properties, r.body, r.loc);
      if (properties.entries.length === 0) continue;
      properties.entries.unshift(entry(c.ref, { kind: 'map', entries: [entry('Ref', scalar(r.logicalId, r.loc), r.loc)], loc: r.loc }, r.loc));
      out.push(entry(`${r.logicalId}${c.suffix}`, resourceNode(c.cfnType, properties, properties.entries[1]!.value.loc, r.endLine), r.loc));
    }
  }
  for (const r of items) {
    const patch = PATCHES[r.type];
    if (!patch || !applies(patch, r.body)) continue;
    for (const targetId of patchTargets(patch, r.body, bodies)) {
      const target = out.find((e) => e.key === targetId)?.value;
      const properties = target?.kind === 'map' ? target.entries.find((e) => e.key === 'Properties')?.value : undefined;
      if (properties?.kind !== 'map') continue;
      for (const e of buildMap(patch.set, r.body, r.loc).entries) setProperty(properties, e, patch.append === true);
    }
  }
  return out;
}

/** Whether the patch's condition, if it has one, holds for this block. */
function applies(patch: Patch, body: TNode): boolean {
  if (!patch.when) return true;
  const v = lookup(body, patch.when.attribute);
  return v?.kind === 'scalar' && v.value === patch.when.equals;
}

function resourceNode(cfnType: string, properties: TMap, loc: SourceLocation, endLine: number): TMap {
  return { kind: 'map', entries: [entry('Type', scalar(cfnType, loc), loc), entry('Properties', properties, loc)], loc, endLine };
}

/** The logical ids a patch changes: those its target attribute refers to, or those of the target type whose matched attributes equal the patch's. */
function patchTargets(patch: Patch, body: TNode, bodies: ReadonlyMap<string, { type: string; body: TNode }>): string[] {
  if (typeof patch.target === 'string') {
    const v = lookup(body, patch.target);
    const refs = v?.kind === 'seq' ? v.items : [v];
    return refs.map(referencedId).filter((id): id is string => id !== undefined);
  }
  const { type, match } = patch.target;
  const key = (b: TNode): string | undefined => {
    const values = match.map((attr) => lookup(b, attr)).filter((v): v is TNode => v !== undefined && isKnown(v));
    return values.length === match.length ? JSON.stringify(values.map(withoutLocations)) : undefined;
  };
  const wanted = key(body);
  if (wanted === undefined) return [];
  return [...bodies].filter(([, b]) => b.type === type && key(b.body) === wanted).map(([id]) => id);
}

/** A value with the unknowns of Terraform left out: two unknowns are never the same value. */
function isKnown(v: TNode): boolean {
  if (v.kind === 'map') return !v.entries.some((e) => e.key === UNKNOWN_VALUE_KEY) && v.entries.every((e) => isKnown(e.value));
  if (v.kind === 'seq') return v.items.every(isKnown);
  return v.value !== null;
}

/** A value compared for equality, without the locations where it is written. */
function withoutLocations(v: TNode): unknown {
  if (v.kind === 'map') return v.entries.map((e) => [e.key, withoutLocations(e.value)]);
  if (v.kind === 'seq') return v.items.map(withoutLocations);
  return v.value;
}

function withInstance<T>(scope: TfScope, i: { instance?: TfScope['instance'] }, f: () => T): T {
  const saved = scope.instance;
  scope.instance = i.instance;
  try {
    return f();
  } finally {
    scope.instance = saved;
  }
}

/** A block as a map: its attributes evaluated, its nested blocks (`dynamic` ones expanded) as maps, a list of maps when repeated. */
/** Arguments of a `resource` block that are Terraform's, not the resource's: `count` and `for_each` are read by `expand`. */
const RESOURCE_META: ReadonlySet<string> = new Set(['count', 'for_each', 'depends_on', 'provider']);

function blockValue(block: HclNode, scope: TfScope, meta: ReadonlySet<string> = new Set()): TNode {
  const body = bodyOf(block);
  const loc = scope.locOf(block);
  // A value from elsewhere (a variable's default, a tfvars file) is located where the attribute uses it.
  const entries: TMapEntry[] = attributesOf(body).filter((a) => !meta.has(a.name)).map((a) => entry(a.name, { ...evaluate(a.value, scope), loc: scope.locOf(a.value) }, scope.locOf(a.node)));
  const nested = new Map<string, TNode[]>();
  for (const b of expandedBlocks(body, undefined, scope, 0)) {
    const value = withBinding(scope, b.binding, () => blockValue(b.block, scope));
    nested.set(b.type, [...(nested.get(b.type) ?? []), value]);
  }
  for (const [type, values] of nested) entries.push(entry(type, values.length === 1 ? values[0]! : { kind: 'seq', items: values, loc }, values[0]!.loc));
  return { kind: 'map', entries, loc };
}

function buildMap(spec: { [k: string]: Source }, body: TNode, loc: SourceLocation): TMap {
  const entries: TMapEntry[] = [];
  for (const [key, source] of Object.entries(spec)) {
    const value = build(source, body, loc);
    if (value) entries.push(entry(key, value, value.loc));
  }
  return { kind: 'map', entries, loc };
}

function build(source: Source, body: TNode, loc: SourceLocation): TNode | undefined {
  if (typeof source === 'string') return present(lookup(body, source));
  if ('constant' in source && typeof source.constant === 'string') return scalar(source.constant, loc);
  if ('wrap' in source && source.wrap !== undefined && !('each' in source)) {
    const v = build(source.wrap as Source, body, loc);
    return v ? { kind: 'seq', items: [v], loc: v.loc } : undefined;
  }
  if ('concat' in source && Array.isArray(source.concat)) return concatenated(source.concat as readonly Source[], body, loc);
  if ('attr' in source && typeof source.attr === 'string' && typeof source.as === 'string') return converted(present(lookup(body, source.attr)), CONVERSIONS[source.as as keyof typeof CONVERSIONS]);
  if ('each' in source && typeof source.each === 'string') {
    const blocks = present(lookup(body, source.each));
    if (!blocks) return undefined;
    const list = blocks.kind === 'seq' ? blocks.items : [blocks];
    return { kind: 'seq', items: list.map((b) => buildMap((source as { of: { [k: string]: Source } }).of, b, b.loc)), loc: blocks.loc };
  }
  const map = buildMap(source as { [k: string]: Source }, body, loc);
  return map.entries.length > 0 ? map : undefined;
}

/** The items the sources build, as one list (a single value is one item); none: no list. */
function concatenated(sources: readonly Source[], body: TNode, loc: SourceLocation): TNode | undefined {
  const items = sources.flatMap((s) => {
    const v = build(s, body, loc);
    return v === undefined ? [] : v.kind === 'seq' ? v.items : [v];
  });
  return items.length > 0 ? { kind: 'seq', items, loc: items[0]!.loc } : undefined;
}

function converted(v: TNode | undefined, convert: (x: string | number | boolean) => string | number | boolean): TNode | undefined {
  if (v?.kind !== 'scalar' || v.value === null) return v;
  return { ...v, value: convert(v.value) };
}

/** `environment.variables`, `events.0`: attributes and nested blocks by name, list items by index. */
function lookup(node: TNode | undefined, dotted: string): TNode | undefined {
  let cur = node;
  for (const part of dotted.split('.')) {
    if (cur?.kind === 'seq') cur = /^\d+$/.test(part) ? cur.items[Number(part)] : cur.items[0]?.kind === 'map' ? lookup(cur.items[0], part) : undefined;
    else if (cur?.kind === 'map') cur = cur.entries.find((e) => e.key === part)?.value;
    else return undefined;
  }
  return cur;
}

function present(v: TNode | undefined): TNode | undefined {
  return v && !(v.kind === 'scalar' && v.value === null) ? v : undefined;
}

/** The logical id a `Ref` or `Fn::GetAtt` names. */
function referencedId(v: TNode | undefined): string | undefined {
  if (v?.kind !== 'map' || v.entries.length !== 1) return undefined;
  const [e] = v.entries;
  if (e!.key === 'Ref' && e!.value.kind === 'scalar') return String(e!.value.value);
  if (e!.key === 'Fn::GetAtt' && e!.value.kind === 'seq' && e!.value.items[0]?.kind === 'scalar') return String(e!.value.items[0].value);
  return undefined;
}

function setProperty(properties: TMap, e: TMapEntry, append: boolean): void {
  const i = properties.entries.findIndex((x) => x.key === e.key);
  const old = i >= 0 ? properties.entries[i]!.value : undefined;
  const value = append && old?.kind === 'seq' && e.value.kind === 'seq' ? { ...old, items: [...old.items, ...e.value.items] } : e.value;
  if (i >= 0) properties.entries[i] = { ...e, value };
  else properties.entries.push({ ...e, value });
}
