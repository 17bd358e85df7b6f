/**
 * A CDK app from its cloud assembly (`cdk.out`), never by running the app: the manifest lists the
 * stack templates, each is loaded by the CloudFormation loader, nested stacks (their templates are
 * assets of the parent) are loaded as stacks of their own, and each function's code is mapped to
 * its asset directory and original sources. Locations point into the synthesized templates;
 * construct paths (`aws:cdk:path`) name the elements in findings.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../../model/diagnostic.js';
import { fileLocation } from '../../model/diagnostic.js';
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
  loadAssemblyDir(input, input.dir, builder, result, 0);
  return result;
}

function loadAssemblyDir(input: AssemblyInput, dir: string, builder: ModelBuilder, result: AssemblyResult, depth: number): void {
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
  for (const stack of stacks) loadStackTemplate(input, dir, path.posix.join(dir, stack.templateFile), builder, result, depth);
  for (const nested of nestedAssemblies(manifest)) {
    if (depth >= MAX_NESTING) continue;
    loadAssemblyDir(input, path.posix.join(dir, nested), builder, result, depth + 1);
  }
}

function loadStackTemplate(input: AssemblyInput, assemblyDir: string, file: string, builder: ModelBuilder, result: AssemblyResult, depth: number): void {
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
    if (type === 'AWS::Lambda::Function' || type === 'AWS::Serverless::Function') mapAsset(input, assemblyDir, file, e.key, e.value, builder);
    if (type === 'Custom::S3BucketNotifications') linkBucketNotificationsResource(file, e.key, e.value, builder);
  }
  for (const nested of nestedStackTemplates(parsed.root)) {
    if (depth >= MAX_NESTING) {
      result.diagnostics.push({ severity: 'warning', code: 'too-deep', message: `nested stacks deeper than ${MAX_NESTING} levels: ${nested} not loaded`, loc: fileLocation(file) });
      continue;
    }
    loadStackTemplate(input, assemblyDir, path.posix.join(assemblyDir, nested), builder, result, depth + 1);
  }
}

/** The function's code is the asset directory named by its metadata. */
function mapAsset(input: AssemblyInput, assemblyDir: string, file: string, logicalId: string, node: TNode, builder: ModelBuilder): void {
  const metadata = get(node, 'Metadata');
  const assetPath = scalarString(get(metadata, 'aws:asset:path'));
  const property = scalarString(get(metadata, 'aws:asset:property'));
  if (!assetPath || (property !== 'Code' && property !== 'CodeUri')) return;
  const fn = builder.function(`${file}/${logicalId}`);
  if (!fn) return;
  const assetRel = path.posix.normalize(path.posix.join(assemblyDir, assetPath));
  if (assetRel.startsWith('../')) return;
  fn.code = assetCode(input.rootAbs, assetRel, fn.code.loc ?? fn.loc);
}

/** Templates of `AWS::CloudFormation::Stack` resources, named by their asset metadata. */
function nestedStackTemplates(root: TMap): string[] {
  const out: string[] = [];
  for (const e of resourceEntries(root)) {
    if (scalarString(get(e.value, 'Type')) !== 'AWS::CloudFormation::Stack') continue;
    const metadata = get(e.value, 'Metadata');
    const assetPath = scalarString(get(metadata, 'aws:asset:path'));
    if (assetPath && scalarString(get(metadata, 'aws:asset:property')) === 'TemplateURL' && !assetPath.includes('..')) out.push(assetPath);
  }
  return out;
}

function resourceEntries(root: TMap) {
  const resources = get(root, 'Resources');
  return resources?.kind === 'map' ? resources.entries : [];
}

function readText(input: AssemblyInput, rel: string, result: AssemblyResult): string | undefined {
  const abs = path.join(input.rootAbs, rel);
  try {
    const size = statSync(abs).size;
    if (size > input.maxFileSize) {
      result.diagnostics.push({ severity: 'warning', code: 'file-too-large', message: `file is ${size} bytes, over the limit of ${input.maxFileSize} (--max-file-size): not scanned`, loc: fileLocation(rel) });
      return undefined;
    }
    recordRead(abs);
    return readFileSync(abs, 'utf8');
  } catch (e) {
    result.diagnostics.push({ severity: 'error', code: 'unreadable', message: `file of the cloud assembly cannot be read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, loc: fileLocation(rel) });
    return undefined;
  }
}
