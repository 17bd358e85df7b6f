/**
 * The scan pipeline: discover files, load templates into one AppModel, run the rules.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { discoverFiles } from '../discover/discover.js';
import { ModelBuilder } from '../loaders/model-builder.js';
import type { AppModel } from '../model/app-model.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { compareLocations } from '../model/location.js';
import { runRules } from '../rules/engine.js';
import { ALL_RULES } from '../rules/index.js';
import type { Rule } from '../rules/rule.js';
import { TOOL_VERSION } from '../version.js';
import { loadAllFormats, scanRootOf } from './load-formats.js';
import type { ScanResult } from './scan-result.js';

export interface ScanOptions {
  exclude?: string[];
  /** Template parameter values (`--param Key=Value`); also pseudo parameters such as `AWS::Region` */
  params?: ReadonlyMap<string, string>;
  /** Files larger than this are reported and skipped */
  maxFileSize?: number;
  rules?: readonly Rule[];
  /** Serverless Framework stage (`--stage`; the framework's default is `dev`) */
  stage?: string;
  /** Serverless Framework region (`--region`; the framework's default is `us-east-1`) */
  region?: string;
  /** Environment variables `${env:…}` may read (`--env-vars`): names, or `*`; none by default */
  envVars?: readonly string[];
  /** Run `npx cdk synth` for a CDK app that has no cloud assembly (`--synth`): this runs the app's code */
  synth?: boolean;
}

export const DEFAULT_MAX_FILE_SIZE = 20 * 1024 * 1024;

export interface LoadedApp {
  model: AppModel;
  templates: string[];
  diagnostics: Diagnostic[];
  sources: Map<string, string>;
}

/** Discover and load every template under `target` (a directory, or one file) into one model. */
export async function loadApp(target: string, options: ScanOptions = {}): Promise<LoadedApp> {
  const { root, only } = scanRootOf(target);
  const discovered = await discoverFiles(root, { exclude: options.exclude ?? [] });
  const files = only === undefined ? discovered.files : discovered.files.filter((f) => f.rel === only);
  const builder = new ModelBuilder();
  const loaded = await loadAllFormats(path.resolve(root), files, {
    params: options.params ?? new Map(),
    maxFileSize: options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE,
    serverless: { ...(options.stage ? { stage: options.stage } : {}), ...(options.region ? { region: options.region } : {}), ...(options.envVars ? { envVars: options.envVars } : {}) },
    synth: options.synth === true,
  }, builder);
  const diagnostics: Diagnostic[] = [...discovered.diagnostics, ...loaded.diagnostics];
  const { templates, sources } = loaded;
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
