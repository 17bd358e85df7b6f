/**
 * A Terraform plan as JSON (`terraform show -json plan.out`, format 1.x) into the model: the
 * values each resource will have (`planned_values`), and for those known only after apply
 * (`resource_changes[].change.after_unknown`) the references the configuration writes
 * (`configuration`), so that `role = aws_iam_role.exec.arn` still links the function to its role.
 * A resource is located at its block in the `.tf` files beside the plan when they declare it, else
 * at its address in the plan. An `archive_file` a function deploys stands for the folder it packs,
 * as in the `.tf` loader.
 */
import path from 'node:path';
import type { Diagnostic } from '../../model/diagnostic.js';
import type { SourceLocation } from '../../model/location.js';
import type { TNode } from '../../parse/tree.js';
import type { FileReader } from '../file-reader.js';
import type { ModelBuilder } from '../model-builder.js';
import { resourceAttribute } from './evaluate.js';
import { loadTranslated, translate, type Translatable } from './load-terraform.js';
import { attributesOf, blockHeader, blocksOf, bodyOf, parseTerraform } from './parse-terraform.js';
import { PATCHES, TRANSLATIONS } from './resource-translations.js';
import { entry, fromJson, relocated, scalar, unknownValue } from './tree-values.js';

/** Whether a JSON text is a plan's JSON form: a quick look before any parsing. */
export function isTerraformPlanText(text: string): boolean {
  return text.includes('"planned_values"') && text.includes('"format_version"');
}

interface PlanResource {
  address: string;
  mode?: string;
  type: string;
  name: string;
  values?: Record<string, unknown>;
}

interface PlanModule {
  address?: string;
  resources?: PlanResource[];
  child_modules?: PlanModule[];
}

interface ConfigModule {
  resources?: Array<{ address: string; expressions?: Record<string, { references?: string[] }> }>;
  module_calls?: Record<string, { module?: ConfigModule }>;
}

interface Plan {
  format_version?: string;
  planned_values?: { root_module?: PlanModule };
  resource_changes?: Array<{ address: string; change?: { after_unknown?: Record<string, unknown> } }>;
  configuration?: { root_module?: ConfigModule };
  prior_state?: { values?: { root_module?: PlanModule } };
}

export interface PlanInput {
  /** The plan file, relative to the scan root */
  file: string;
  text: string;
  /** The `.tf` files beside it, to locate resources */
  tfFiles: ReadonlyArray<{ rel: string; text: string }>;
  reader?: FileReader;
}

export function loadTerraformPlan(input: PlanInput, builder: ModelBuilder): Diagnostic[] {
  const at = { file: input.file, line: 1, column: 1 };
  let plan: Plan;
  try {
    plan = JSON.parse(input.text) as Plan;
  } catch (e) {
    return [{ severity: 'error', code: 'tf-plan', message: `${input.file} is not valid JSON (${(e as Error).message}); the plan is not scanned`, loc: at }];
  }
  const major = /^(\d+)\./.exec(String(plan.format_version ?? ''))?.[1];
  if (major !== '1') return [{ severity: 'error', code: 'tf-plan', message: `${input.file} is a plan of format ${plan.format_version ?? '(none)'}; only format 1.x is read`, loc: at }];
  const resources = planResources(plan.planned_values?.root_module);
  const known = new Map(resources.map((r) => [r.address, r]));
  const locate = locator(input);
  const archives = archiveSources(plan);
  const unknowns = new Map((plan.resource_changes ?? []).map((c) => [c.address, c.change?.after_unknown ?? {}]));
  const configs = configExpressions(plan.configuration?.root_module, '');
  const items: Translatable[] = resources.filter((r) => TRANSLATIONS[r.type] || PATCHES[r.type]).map((r) => {
    const { loc, attributes } = locate(r);
    const body = fromJson(r.values ?? {}, loc);
    if (body.kind === 'map') body.entries = body.entries.map((e) => (attributes.has(e.key) ? { ...e, keyLoc: attributes.get(e.key)!, value: relocated(e.value, attributes.get(e.key)!) } : e));
    if (body.kind !== 'map') return { type: r.type, logicalId: r.address, loc, endLine: loc.line, body };
    const config = configs.get(configAddress(r.address)) ?? {};
    const unknown = unknowns.get(r.address) ?? {};
    for (const [attr, expr] of Object.entries(config)) {
      const present = body.entries.find((e) => e.key === attr);
      // A known name or ARN that the configuration takes from another resource links to it, as the `.tf` loader links them.
      if (present && !unknown[attr] && !isLinkValue(present.value)) continue;
      const value = referenceValue(expr.references ?? [], modulePrefix(r.address), known, archives, loc);
      if (!value || (present && !unknown[attr] && value.kind === 'map' && isUnknownRef(value))) continue;
      const at = attributes.get(attr) ?? loc;
      if (present) present.value = relocated(value, at);
      else body.entries.push(entry(attr, relocated(value, at), at));
    }
    if (r.type === 'aws_lambda_function') packedFolder(body, archives);
    return { type: r.type, logicalId: r.address, loc, endLine: loc.line, body };
  });
  return loadTranslated(translate(items), input.file, path.posix.dirname(input.file) === '.' ? '' : path.posix.dirname(input.file), input.reader, builder);
}

function planResources(m: PlanModule | undefined, depth = 0): PlanResource[] {
  if (!m || depth > 20) return [];
  const own = (m.resources ?? []).filter((r) => r.mode !== 'data' && typeof r.address === 'string' && typeof r.type === 'string');
  return [...own, ...(m.child_modules ?? []).flatMap((c) => planResources(c, depth + 1))];
}

/** `module.api.aws_lambda_function.this[0]` → `module.api.` */
function modulePrefix(address: string): string {
  return /^((?:module\.[^.[]+(?:\[[^\]]*\])?\.)*)/.exec(address)?.[1] ?? '';
}

/** The configuration's address of a resource: without instance keys (`module.api.aws_sqs_queue.q`). */
function configAddress(address: string): string {
  return address.replace(/\[[^\]]*\]/g, '');
}

/** Each configured resource's expressions, by its configuration address. */
function configExpressions(m: ConfigModule | undefined, prefix: string, depth = 0): Map<string, Record<string, { references?: string[] }>> {
  const out = new Map<string, Record<string, { references?: string[] }>>();
  if (!m || depth > 20) return out;
  for (const r of m.resources ?? []) out.set(`${prefix}${r.address}`, r.expressions ?? {});
  for (const [name, call] of Object.entries(m.module_calls ?? {})) for (const [k, v] of configExpressions(call.module, `${prefix}module.${name}.`, depth + 1)) out.set(k, v);
  return out;
}

/**
 * The first reference that names a resource of the plan (`aws_iam_role.exec.arn`), as a
 * reference to it; an archive's `output_path`, as the folder it packs; otherwise unknown.
 */
function referenceValue(references: readonly string[], prefix: string, known: ReadonlyMap<string, PlanResource>, archives: ReadonlyMap<string, string>, loc: SourceLocation): TNode | undefined {
  for (const ref of references) {
    const parts = ref.split('.');
    if (parts[0] === 'data' && parts[1] === 'archive_file' && parts[3] === 'output_path') {
      const source = archives.get(`${prefix}data.archive_file.${parts[2]}`);
      if (source !== undefined) return scalar(source, loc);
    }
    const [type, name, attribute] = parts;
    if (!type || !name || !TRANSLATIONS[type]) continue;
    const base = `${prefix}${type}.${name}`;
    const target = known.get(base) ?? known.get(`${base}[0]`);
    if (target) return resourceAttribute({ logicalId: target.address, cfnType: TRANSLATIONS[type]!.cfnType }, attribute, loc);
  }
  return references.length > 0 ? unknownValue(references[0]!, loc) : undefined;
}

/** A plain name or ARN (not a JSON document, which a policy is, nor a list or object). */
function isLinkValue(v: TNode): boolean {
  return v.kind === 'scalar' && typeof v.value === 'string' && !/^\s*[{[]/.test(v.value);
}

function isUnknownRef(v: TNode): boolean {
  return v.kind === 'map' && !v.entries.some((e) => e.key === 'Ref' || e.key === 'Fn::GetAtt');
}

/** `data "archive_file"` read at plan time: its output path → the folder or file it packs. */
function archiveSources(plan: Plan): Map<string, string> {
  const out = new Map<string, string>();
  const visit = (m: PlanModule | undefined, depth: number): void => {
    if (!m || depth > 20) return;
    for (const r of m.resources ?? []) {
      if (r.mode !== 'data' || r.type !== 'archive_file') continue;
      const file = r.values?.['source_file'];
      // One file is packed at the archive's root: the code is its folder (see `packedFileFolder` in evaluate.ts).
      const source = r.values?.['source_dir'] ?? (typeof file === 'string' ? path.posix.dirname(file) : file);
      if (typeof source === 'string') out.set(r.address, source);
      if (typeof source === 'string' && typeof r.values?.['output_path'] === 'string') out.set(`path:${r.values['output_path']}`, source);
    }
    for (const c of m.child_modules ?? []) visit(c, depth + 1);
  };
  visit(plan.prior_state?.values?.root_module, 0);
  visit(plan.planned_values?.root_module, 0);
  return out;
}

/** A function whose `filename` is an archive the plan builds deploys the archive's source. */
function packedFolder(body: TNode, archives: ReadonlyMap<string, string>): void {
  if (body.kind !== 'map') return;
  const file = body.entries.find((e) => e.key === 'filename');
  if (file?.value.kind !== 'scalar' || typeof file.value.value !== 'string') return;
  const source = archives.get(`path:${file.value.value}`);
  if (source !== undefined) file.value = { ...file.value, value: source };
}

interface Located {
  loc: SourceLocation;
  /** Where each top-level attribute is written, when the resource is located in a `.tf` file */
  attributes: Map<string, SourceLocation>;
}

/** Where each resource is written: its block in a `.tf` file beside the plan (root module resources), else its address in the plan. */
function locator(input: PlanInput): (r: PlanResource) => Located {
  const blocks = new Map<string, Located>();
  for (const f of input.tfFiles) {
    const parsed = parseTerraform(f.rel, f.text);
    if (!parsed) continue;
    try {
      for (const b of blocksOf(parsed.body, 'resource')) {
        const [type, name] = blockHeader(b).labels;
        const attributes = new Map(attributesOf(bodyOf(b)).map((a) => [a.name, parsed.locOf(a.node)]));
        for (const nested of blocksOf(bodyOf(b))) attributes.set(blockHeader(nested).type, parsed.locOf(nested));
        if (type && name) blocks.set(`${type}.${name}`, { loc: parsed.locOf(b), attributes });
      }
    } finally {
      parsed.dispose();
    }
  }
  const lines = input.text.split('\n');
  const lineOf = new Map<string, number>();
  lines.forEach((l, i) => {
    const m = /"address"\s*:\s*"((?:[^"\\]|\\.)*)"/.exec(l);
    if (m && !lineOf.has(m[1]!)) lineOf.set(JSON.parse(`"${m[1]}"`) as string, i + 1);
  });
  return (r) => {
    const inTf = modulePrefix(r.address) === '' ? blocks.get(configAddress(r.address)) : undefined;
    return inTf ?? { loc: { file: input.file, line: lineOf.get(r.address) ?? 1, column: 1 }, attributes: new Map() };
  };
}
