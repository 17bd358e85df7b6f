/**
 * The scan pipeline: discover files, load templates into one AppModel, run the rules.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { discoverFiles } from '../discover/discover.js';
import { loadTemplate } from '../loaders/cloudformation/load-template.js';
import { ModelBuilder } from '../loaders/model-builder.js';
import type { AppModel } from '../model/app-model.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { compareLocations } from '../model/location.js';
import { runRules } from '../rules/engine.js';
import { ALL_RULES } from '../rules/index.js';
import type { Rule } from '../rules/rule.js';
import { TOOL_VERSION } from '../version.js';
import { readTemplate, TEMPLATE_EXTENSIONS } from './read-template.js';
import type { ScanResult } from './scan-result.js';

export interface ScanOptions {
  exclude?: string[];
  /** Template parameter values (`--param Key=Value`); also pseudo parameters such as `AWS::Region` */
  params?: ReadonlyMap<string, string>;
  /** Files larger than this are reported and skipped */
  maxFileSize?: number;
  rules?: readonly Rule[];
}

export const DEFAULT_MAX_FILE_SIZE = 20 * 1024 * 1024;

export interface LoadedApp {
  model: AppModel;
  templates: string[];
  diagnostics: Diagnostic[];
  sources: Map<string, string>;
}

/** Discover and load every template under `target` into one model. */
export async function loadApp(target: string, options: ScanOptions = {}): Promise<LoadedApp> {
  const discovered = await discoverFiles(target, { exclude: options.exclude ?? [] });
  const diagnostics: Diagnostic[] = [...discovered.diagnostics];
  const builder = new ModelBuilder();
  const templates: string[] = [];
  const sources = new Map<string, string>();
  for (const file of discovered.files) {
    if (!TEMPLATE_EXTENSIONS.test(file.rel)) continue;
    const read = await readTemplate(file, options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE);
    diagnostics.push(...read.diagnostics);
    if (!read.root) continue;
    templates.push(file.rel);
    sources.set(file.rel, read.text ?? '');
    diagnostics.push(...loadTemplate({ root: read.root, file: file.rel, params: options.params ?? new Map() }, builder).items);
  }
  return { model: builder.model, templates, diagnostics, sources };
}

export async function scan(target: string, options: ScanOptions = {}): Promise<ScanResult> {
  const app = await loadApp(target, options);
  const rules = options.rules ?? ALL_RULES;
  const { findings, diagnostics } = runRules(app.model, rules);
  const allDiagnostics = [...app.diagnostics, ...diagnostics].sort((a, b) => compareLocations(a.loc, b.loc));
  return {
    toolVersion: TOOL_VERSION,
    target,
    templates: app.templates,
    findings,
    diagnostics: allDiagnostics,
    rules: rules.map((r) => r.meta).sort((a, b) => (a.id < b.id ? -1 : 1)),
    readSource: (file) => app.sources.get(file) ?? readQuietly(path.join(target, file)),
  };
}

function readQuietly(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
