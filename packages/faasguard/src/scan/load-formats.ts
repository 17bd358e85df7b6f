/**
 * Loads every format a scan finds into one model: Serverless Framework services first (so that the
 * files they include are known and not loaded again as templates of their own), then CloudFormation
 * and SAM templates, then CDK cloud assemblies. Templates inside a cloud assembly belong to the CDK
 * loader alone. A CDK app without an assembly is reported with the command that makes one.
 */
import { addAuthorizerTriggers } from '../loaders/authorizer-triggers.js';
import { statSync } from 'node:fs';
import path from 'node:path';
import type { DiscoveredFile } from '../discover/discover.js';
import { pythonPackageFileTest } from '../discover/vendored-files.js';
import { loadCdkAssembly } from '../loaders/cdk/load-assembly.js';
import { assemblyDirOf, synthesize } from '../loaders/cdk/synth.js';
import { loadTemplate } from '../loaders/cloudformation/load-template.js';
import { FileReader } from '../loaders/file-reader.js';
import type { ModelBuilder } from '../loaders/model-builder.js';
import { joinNestedStackApps } from '../loaders/nested-stack-apps.js';
import { PathGuard } from '../files/path-guard.js';
import type { ServerlessOptions } from '../loaders/serverless/load-serverless.js';
import { unsupportedProvider } from '../loaders/serverless/detect.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { fileLocation } from '../model/diagnostic.js';
import { readTemplate, TEMPLATE_EXTENSIONS, type ReadTemplateResult } from './read-template.js';
import { recordRead } from '../cache/read-log.js';
import type { ParamsFor } from './template-params.js';
import type { YamlParser } from '../parse/yaml-template.js';
import { readTextOrUndefined } from '../files/read-regular-file.js';
import { givenVariables, type TerraformVariableValues } from '../loaders/terraform/variable-values.js';
import { isTerraformConfig, loadTerraformParser } from '../loaders/terraform/parse-terraform.js';
import { calledModuleDirs, isTerraformFile, terraformFolders } from '../loaders/terraform/root-modules.js';
import type { OpenConditions, TerraformFork } from '../loaders/terraform/assumptions.js';

export interface FormatOptions {
  /** Parameter values of each template, by its path relative to the root */
  paramsFor: ParamsFor;
  maxFileSize: number;
  serverless: ServerlessOptions;
  /** Run `npx cdk synth` for CDK apps without a cloud assembly (`--synth`) */
  synth: boolean;
  /** Read Terraform root modules and plans (off with `--no-terraform`) */
  terraform?: boolean;
  /** Variable values given on the command line (`--var`, `--var-file`) */
  terraformVars?: TerraformVariableValues;
  /** Environment variables the scan may read (`TF_VAR_<name>` among them) */
  envVars?: readonly string[];
  /** Whether a path relative to the root is excluded from the scan: such a path is never read, whatever names it */
  isExcluded?: (rel: string) => boolean;
  /** How YAML is parsed (see `ScanOptions.parseYaml`) */
  parseYaml?: YamlParser;
  /** Load this Terraform root module alone, with these conditions assumed (see `scan/conditional-findings.ts`) */
  terraformFork?: TerraformFork;
}

export interface LoadedFormats {
  templates: string[];
  diagnostics: Diagnostic[];
  sources: Map<string, string>;
  /** Conditions not known offline that decide attribute values, per Terraform root module folder */
  openConditions: OpenConditions;
}

/** A file target scans that one file, with its directory as the root. */
export function scanRootOf(target: string): { root: string; only?: string } {
  try {
    if (statSync(target).isFile()) return { root: path.dirname(target), only: path.basename(target) };
  } catch {
    // discovery reports a target that does not exist
  }
  return { root: target };
}

export async function loadAllFormats(rootAbs: string, files: DiscoveredFile[], options: FormatOptions, builder: ModelBuilder): Promise<LoadedFormats> {
  const out: LoadedFormats = { templates: [], diagnostics: [], sources: new Map(), openConditions: [] };
  const isExcluded = options.isExcluded ?? (() => false);
  if (options.terraformFork) {
    const reader = new FileReader(rootAbs, isExcluded, options.parseYaml);
    await loadTerraformModules(rootAbs, files, options, out, reader, builder);
    addReadFiles(out, rootAbs, reader);
    return out;
  }
  const assemblies = assemblyDirs(rootAbs, files, options, out);
  // A layer built with `pip install -t` holds thousands of JSON files (botocore's service models
  // among them, which name `AWS::` types): none is the project's template, and reading them was
  // most of the reading of a corpus of real repositories.
  const installedByPip = pythonPackageFileTest(files);
  const read: Array<{ file: DiscoveredFile; result: ReadTemplateResult }> = [];
  for (const file of files) {
    if (!TEMPLATE_EXTENSIONS.test(file.rel) || installedByPip(file.rel) || assemblies.some((dir) => isInside(file.rel, dir))) continue;
    const result = await readTemplate(file, options.maxFileSize, options.parseYaml);
    out.diagnostics.push(...result.diagnostics);
    if (result.root) read.push({ file, result });
  }
  const included = new Set<string>();
  const reader = new FileReader(rootAbs, isExcluded, options.parseYaml);
  for (const { file, result } of read) {
    if (result.format !== 'serverless' || !result.root) continue;
    const otherCloud = unsupportedProvider(result.root, file.rel);
    if (otherCloud) {
      out.diagnostics.push(otherCloud);
      continue;
    }
    record(out, file.rel, result.text);
    const root = result.root;
    // Loaded for the first service only: the framework's compiler is many modules a scan of templates does not need.
    const { loadServerless } = await import('../loaders/serverless/load-serverless.js');
    const loaded = isolated(file.rel, out, () => loadServerless({ root, file: file.rel, rootAbs, params: options.paramsFor(file.rel), options: options.serverless, isExcluded, ...(options.parseYaml ? { parseYaml: options.parseYaml } : {}) }, builder));
    if (!loaded) continue;
    out.diagnostics.push(...loaded.diagnostics);
    for (const rel of loaded.includedFiles) {
      included.add(rel);
      if (!out.sources.has(rel)) out.sources.set(rel, readQuietly(path.join(rootAbs, rel)));
    }
  }
  for (const { file, result } of read) {
    if (result.format !== 'cloudformation' || !result.root || included.has(file.rel)) continue;
    record(out, file.rel, result.text);
    const root = result.root;
    out.diagnostics.push(...(isolated(file.rel, out, () => loadTemplate({ root, file: file.rel, params: options.paramsFor(file.rel), reader }, builder))?.items ?? []));
  }
  if (options.terraform) await loadTerraformModules(rootAbs, files, options, out, reader, builder);
  addReadFiles(out, rootAbs, reader);
  for (const dir of assemblies) {
    const loaded = isolated(dir, out, () => loadCdkAssembly({ dir, rootAbs, paramsFor: options.paramsFor, maxFileSize: options.maxFileSize, isExcluded }, builder));
    if (!loaded) continue;
    out.templates.push(...loaded.templates);
    for (const [k, v] of loaded.sources) out.sources.set(k, v);
    out.diagnostics.push(...loaded.diagnostics);
  }
  isolated('.', out, () => out.diagnostics.push(...joinNestedStackApps(builder.model, new PathGuard(rootAbs))));
  addAuthorizerTriggers(builder);
  return out;
}

/** Plans are JSON files named as plans are (`plan.json`, `tfplan.json`, `prod.tfplan.json`): other JSON is never read for them. */
function isPlanFileName(rel: string): boolean {
  return /(^|\/)[^/]*plan[^/]*\.json$/i.test(rel) && !/(^|\/)\.terraform\//.test(rel);
}

/**
 * Terraform: each folder with `.tf` files is a root module (a `.terraform/` folder holds
 * downloaded copies, not the project's own). Its variable files come with it.
 */
async function loadTerraformModules(rootAbs: string, files: DiscoveredFile[], options: FormatOptions, out: LoadedFormats, reader: FileReader, builder: ModelBuilder): Promise<void> {
  const read = files.filter((f) => isTerraformFile(f.rel)).flatMap((f) => {
    const text = readTextOrUndefined(path.join(rootAbs, f.rel), options.maxFileSize);
    return text === undefined ? [] : [{ rel: f.rel, text }];
  });
  const texts = terraformFolders(read);
  const fork = options.terraformFork;
  const planNamed = fork ? [] : files.filter((f) => isPlanFileName(f.rel));
  if (texts.size === 0 && planNamed.length === 0) return;
  // Loaded only for an app with Terraform: the loader and its evaluator are many modules a scan of templates does not need.
  const { loadTerraformModule } = await import('../loaders/terraform/load-terraform.js');
  const { isTerraformPlanText, loadTerraformPlan } = await import('../loaders/terraform/load-plan.js');
  const plans = planNamed.flatMap((f) => {
    const text = readTextOrUndefined(path.join(rootAbs, f.rel), options.maxFileSize);
    return text !== undefined && isTerraformPlanText(text) ? [{ rel: f.rel, text }] : [];
  });
  if ((texts.size === 0 && plans.length === 0) || !(await loadTerraformParser())) return;
  // A plan stands for the root module beside it: its values are what Terraform computed.
  const planned = new Set(plans.map((p) => path.posix.dirname(p.rel)));
  for (const plan of plans) {
    const dir = path.posix.dirname(plan.rel);
    const tfFiles = (texts.get(dir) ?? []).filter((f) => isTerraformConfig(f.rel));
    const diagnostics = isolated(plan.rel, out, () => loadTerraformPlan({ file: plan.rel, text: plan.text, tfFiles, reader }, builder));
    if (!diagnostics) continue;
    out.templates.push(plan.rel);
    for (const t of [plan, ...tfFiles]) out.sources.set(t.rel, t.text);
    out.diagnostics.push(...diagnostics);
  }
  const called = calledModuleDirs(texts);
  const given = givenVariables(options.terraformVars, options.envVars ?? [], process.env);
  const filesOf = (dir: string) => (texts.get(dir || '.') ?? []).filter((f) => isTerraformConfig(f.rel));
  for (const [dir, dirTexts] of texts) {
    // A folder another one calls as a local module is evaluated with that call's inputs, not alone.
    if (called.has(dir) || planned.has(dir) || (fork && fork.dir !== dir)) continue;
    const loaded = isolated(dir, out, () => loadTerraformModule({ dir: dir === '.' ? '' : dir, files: dirTexts, filesOf, reader, given, ...(fork ? { assume: fork.assume } : {}) }, builder));
    if (!loaded) continue;
    if (loaded.openConditions.length > 0) out.openConditions.push({ dir, conditions: loaded.openConditions });
    out.templates.push(loaded.file);
    for (const t of [...dirTexts, ...[...called].flatMap((d) => texts.get(d) ?? [])]) out.sources.set(t.rel, t.text);
    out.diagnostics.push(...loaded.diagnostics);
  }
}

/**
 * Runs one file's loader: a value no loader foresaw must cost that file's model, not the scan.
 * What the loader added before it failed stays in the model.
 */
function isolated<T>(rel: string, out: LoadedFormats, load: () => T): T | undefined {
  try {
    return load();
  } catch (e) {
    out.diagnostics.push({ severity: 'error', code: 'load-failed', message: `could not be loaded (${(e as Error).message}); the rest of the scan goes on without it`, loc: fileLocation(rel) });
    return undefined;
  }
}

/** Files the templates brought in (AWS::Include, OpenAPI definitions): their text for snippets and suppressions */
function addReadFiles(out: LoadedFormats, rootAbs: string, reader: FileReader): void {
  out.diagnostics.push(...reader.diagnostics);
  for (const rel of reader.readFiles()) if (!out.sources.has(rel)) out.sources.set(rel, readQuietly(path.join(rootAbs, rel)));
}

function record(out: LoadedFormats, rel: string, text: string | undefined): void {
  out.templates.push(rel);
  out.sources.set(rel, text ?? '');
}

/**
 * Cloud assemblies: directories with a `manifest.json` next to a CDK app's `cdk.json` output, or
 * named `cdk.out`. A CDK app without one is reported (or synthesized, when asked).
 */
function assemblyDirs(rootAbs: string, files: DiscoveredFile[], options: FormatOptions, out: LoadedFormats): string[] {
  const manifests = new Set(files.filter((f) => path.posix.basename(f.rel) === 'manifest.json').map((f) => path.posix.dirname(f.rel)));
  const dirs = new Set([...manifests].filter((d) => path.posix.basename(d) === 'cdk.out'));
  for (const app of files.filter((f) => path.posix.basename(f.rel) === 'cdk.json')) {
    const dir = assemblyDirOf(rootAbs, app.rel);
    if (manifests.has(dir) || dirs.has(dir)) {
      dirs.add(dir);
      continue;
    }
    if (options.synth && synthesizeApp(rootAbs, app.rel, dir, out)) dirs.add(dir);
    else if (!options.synth) out.diagnostics.push({ severity: 'warning', code: 'cdk-not-synthesized', message: `a CDK app without a cloud assembly: run \`cdk synth\` in ${path.posix.dirname(app.rel)} (or scan with --synth) and scan again; until then its stacks are not scanned`, loc: fileLocation(app.rel) });
  }
  // An assembly nested in another (a CDK Stage) is loaded through its parent's manifest.
  return [...dirs].filter((d) => ![...dirs].some((other) => other !== d && isInside(d, other))).sort();
}

function synthesizeApp(rootAbs: string, cdkJsonRel: string, dir: string, out: LoadedFormats): boolean {
  const error = synthesize(path.join(rootAbs, path.posix.dirname(cdkJsonRel)));
  if (error === undefined) {
    try {
      return statSync(path.join(rootAbs, dir, 'manifest.json')).isFile();
    } catch {
      // reported below
    }
  }
  out.diagnostics.push({ severity: 'error', code: 'cdk-synth-failed', message: `cdk synth failed: ${error ?? `no ${dir}/manifest.json was written`}`, loc: fileLocation(cdkJsonRel) });
  return false;
}

function isInside(rel: string, dir: string): boolean {
  return dir === '.' || rel.startsWith(`${dir}/`);
}

function readQuietly(file: string): string {
  recordRead(file);
  return readTextOrUndefined(file) ?? '';
}
