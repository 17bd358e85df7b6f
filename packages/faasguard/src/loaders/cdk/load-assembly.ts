/**
 * A CDK app from its cloud assembly (`cdk.out`), never by running the app: the manifest lists the
 * stack templates, each is loaded by the CloudFormation loader, nested stacks (their templates are
 * assets of the parent) are loaded as stacks of their own, and each function's code is mapped to
 * its asset directory and original sources. Locations point into the synthesized templates;
 * construct paths (`aws:cdk:path`) name the elements in findings.
 */
import path from 'node:path';
import type { Diagnostic } from '../../model/diagnostic.js';
import { fileLocation } from '../../model/diagnostic.js';
import type { SourceLocation } from '../../model/location.js';
import { PathGuard } from '../../files/path-guard.js';
import { readRegularText, refusalDiagnostic } from '../../files/read-regular-file.js';
import { parseJsonTemplate } from '../../parse/json-template.js';
import type { TMap, TNode } from '../../parse/tree.js';
import { get, isMap, scalarString } from '../../parse/tree.js';
import { loadTemplate } from '../cloudformation/load-template.js';
import type { ModelBuilder } from '../model-builder.js';
import { assetCode } from './assets.js';
import { nestedAssemblies, stacksOfManifest } from './manifest.js';
import { linkBucketNotificationsResource } from './bucket-notifications.js';
import { recordRead } from '../../cache/read-log.js';

export interface AssemblyInput {
  /** The assembly directory relative to the scan root (`cdk.out`, `infra/cdk.out` …) */
  dir: string;
  rootAbs: string;
  /** Parameter values of each stack template, by its path relative to the scan root */
  paramsFor: (file: string) => ReadonlyMap<string, string>;
  maxFileSize: number;
  /** Paths (relative to the root) excluded from the scan: templates, assets and sources there are not read */
  isExcluded?: (rel: string) => boolean;
}

/** A path an assembly file names, and where it is named. */
interface Reference {
  path: string;
  /** What the path is, in messages (`templateFile`, `aws:asset:path`) */
  what: string;
  at: SourceLocation;
}

export interface AssemblyResult {
  /** Template files loaded, relative to the scan root */
  templates: string[];
  sources: Map<string, string>;
  diagnostics: Diagnostic[];
}

/** Nested stacks and nested assemblies deeper than this are reported, not followed. */
const MAX_NESTING = 8;

export function loadCdkAssembly(input: AssemblyInput, builder: ModelBuilder): AssemblyResult {
  const result: AssemblyResult = { templates: [], sources: new Map(), diagnostics: [] };
  const guarded: Guarded = { ...input, guard: new PathGuard(input.rootAbs), assetSources: new Map() };
  loadAssemblyDir(guarded, input.dir, builder, result, 0);
  return result;
}

/** Every path of the assembly is checked by one guard: manifests and templates may name any path. */
interface Guarded extends AssemblyInput {
  guard: PathGuard;
  /** Original sources found for each asset directory, so that a shared asset is walked once */
  assetSources: Map<string, string[]>;
}

function loadAssemblyDir(input: Guarded, dir: string, builder: ModelBuilder, result: AssemblyResult, depth: number): void {
  const manifestRel = path.posix.join(dir, 'manifest.json');
  const text = readText(input, manifestRel, result);
  if (text === undefined) return;
  let manifest: unknown;
  try {
    manifest = JSON.parse(text);
  } catch (e) {
    result.diagnostics.push({ severity: 'error', code: 'json-syntax', message: `cloud assembly manifest cannot be parsed: ${(e as Error).message}`, loc: fileLocation(manifestRel) });
    return;
  }
  const stacks = stacksOfManifest(manifest);
  if (!stacks) {
    result.diagnostics.push({ severity: 'error', code: 'malformed-assembly', message: 'manifest.json has no artifacts: not a cloud assembly', loc: fileLocation(manifestRel) });
    return;
  }
  const at = fileLocation(manifestRel);
  for (const stack of stacks) {
    const file = insideRel(input, dir, { path: stack.templateFile, what: `templateFile of ${stack.id}`, at }, result);
    if (file !== undefined) loadStackTemplate(input, dir, file, builder, result, depth);
  }
  for (const nested of nestedAssemblies(manifest)) {
    if (depth >= MAX_NESTING) continue;
    const nestedDir = insideRel(input, dir, { path: nested, what: 'directoryName of a nested assembly', at }, result);
    if (nestedDir !== undefined) loadAssemblyDir(input, nestedDir, builder, result, depth + 1);
  }
}

/**
 * The path relative to the root that a reference written in the assembly directory names, unless it
 * leaves the root (reported where it is written). A path that does not exist is returned: reading
 * it reports that.
 */
function insideRel(input: Guarded, assemblyDir: string, ref: Reference, result: AssemblyResult): string | undefined {
  const target = input.guard.resolve(assemblyDir, ref.path);
  if (target.kind !== 'outside') return target.rel;
  result.diagnostics.push({ severity: 'error', code: 'path-outside-project', message: `${ref.what} ${ref.path} points outside the scanned directory: not read`, loc: ref.at });
  return undefined;
}

function loadStackTemplate(input: Guarded, assemblyDir: string, file: string, builder: ModelBuilder, result: AssemblyResult, depth: number): void {
  if (result.templates.includes(file)) return;
  const text = readText(input, file, result);
  if (text === undefined) return;
  const parsed = parseJsonTemplate(text, file);
  result.diagnostics.push(...parsed.diagnostics);
  if (!isMap(parsed.root)) return;
  result.templates.push(file);
  result.sources.set(file, text);
  result.diagnostics.push(...loadTemplate({ root: parsed.root, file, params: input.paramsFor(file), format: 'cdk', app: input.dir }, builder).items);
  for (const e of resourceEntries(parsed.root)) {
    const type = scalarString(get(e.value, 'Type'));
    if (type === 'AWS::Lambda::Function' || type === 'AWS::Serverless::Function') mapAsset(input, assemblyDir, file, e.key, e.value, builder, result);
    if (type === 'Custom::S3BucketNotifications') linkBucketNotificationsResource(file, e.key, e.value, builder);
  }
  for (const nested of nestedStackTemplates(parsed.root, file)) {
    if (depth >= MAX_NESTING) {
      result.diagnostics.push({ severity: 'warning', code: 'too-deep', message: `nested stacks deeper than ${MAX_NESTING} levels: ${nested.path} not loaded`, loc: fileLocation(file) });
      continue;
    }
    const nestedFile = insideRel(input, assemblyDir, nested, result);
    if (nestedFile !== undefined) loadStackTemplate(input, assemblyDir, nestedFile, builder, result, depth + 1);
  }
}

/** The function's code is the asset directory named by its metadata. */
function mapAsset(input: Guarded, assemblyDir: string, file: string, logicalId: string, node: TNode, builder: ModelBuilder, result: AssemblyResult): void {
  const metadata = get(node, 'Metadata');
  const assetNode = get(metadata, 'aws:asset:path');
  const assetPath = scalarString(assetNode);
  const property = scalarString(get(metadata, 'aws:asset:property'));
  if (!assetPath || (property !== 'Code' && property !== 'CodeUri')) return;
  const fn = builder.function(`${file}/${logicalId}`);
  if (!fn) return;
  const assetRel = insideRel(input, assemblyDir, { path: assetPath, what: 'aws:asset:path', at: { ...(assetNode?.loc ?? fileLocation(file)), file } }, result);
  if (assetRel === undefined) return;
  fn.code = assetCode(input.rootAbs, assetRel, fn.code.loc ?? fn.loc, input.isExcluded, input.assetSources);
}

/** Templates of `AWS::CloudFormation::Stack` resources, named by their asset metadata. */
function nestedStackTemplates(root: TMap, file: string): Reference[] {
  const out: Reference[] = [];
  for (const e of resourceEntries(root)) {
    if (scalarString(get(e.value, 'Type')) !== 'AWS::CloudFormation::Stack') continue;
    const metadata = get(e.value, 'Metadata');
    const assetNode = get(metadata, 'aws:asset:path');
    const assetPath = scalarString(assetNode);
    if (assetPath && scalarString(get(metadata, 'aws:asset:property')) === 'TemplateURL') out.push({ path: assetPath, what: 'nested stack template', at: { ...(assetNode?.loc ?? fileLocation(file)), file } });
  }
  return out;
}

function resourceEntries(root: TMap) {
  const resources = get(root, 'Resources');
  return resources?.kind === 'map' ? resources.entries : [];
}

/** A file of the assembly, read only when it is a regular file inside the root, within the size limit. */
function readText(input: Guarded, rel: string, result: AssemblyResult): string | undefined {
  const target = input.guard.resolve('.', rel);
  if (target.kind === 'outside') {
    result.diagnostics.push({ severity: 'error', code: 'path-outside-project', message: 'file of the cloud assembly is a link that points outside the scanned directory: not read', loc: fileLocation(rel) });
    return undefined;
  }
  if (input.isExcluded?.(target.rel)) {
    result.diagnostics.push({ severity: 'note', code: 'file-excluded', message: 'file of the cloud assembly is excluded from the scan (--exclude or the configuration\'s exclude): not read', loc: fileLocation(rel) });
    return undefined;
  }
  recordRead(path.join(input.rootAbs, rel));
  const read = readRegularText(target.kind === 'inside' ? target.real : target.abs, input.maxFileSize);
  if (read.kind === 'text') return read.text;
  const diagnostic = refusalDiagnostic(read, fileLocation(rel), 'file of the cloud assembly');
  result.diagnostics.push(read.kind === 'missing' ? { ...diagnostic, severity: 'error', code: 'unreadable' } : diagnostic);
  return undefined;
}
