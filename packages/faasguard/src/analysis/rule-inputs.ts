/**
 * The facts some rules need beyond the model, computed once per scan before the rules run and
 * only when a rule that runs asks for them (`Rule.requires`): reading code, lockfiles and
 * vulnerability data is the slow part of a scan.
 */
import type { DiscoveredFile } from '../discover/discover.js';
import type { AppModel } from '../model/app-model.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { Rule } from '../rules/rule.js';
import { analyzeDependencies, type DependencyScanOptions } from './dependencies.js';
import type { DependencyFacts } from './dependency-facts.js';
import { findFileSecrets } from './file-secrets.js';
import { findInlineSecrets } from './inline-secrets.js';
import type { SecretFacts } from './secret-facts.js';
import type { FileScanRequest } from './file-scans.js';
import type { FileScansAhead } from './file-scans-ahead.js';

/** What the scan has loaded, as far as these analyses need it. */
export interface LoadedProject {
  model: AppModel;
  /** Every file the scan may read */
  files: readonly DiscoveredFile[];
  /** Template texts by relative path */
  sources: ReadonlyMap<string, string>;
}

export interface RuleInputs {
  deps?: DependencyFacts;
  secrets?: SecretFacts;
  diagnostics: Diagnostic[];
}

/** What the file scans must compute for these rules (`file-scans.ts`). */
export function fileScansFor(rules: readonly Rule[]): FileScanRequest {
  const needs = new Set(rules.flatMap((r) => r.requires ?? []));
  return { imports: needs.has('dependencies') || needs.has('vulnerabilities'), secrets: needs.has('secrets') };
}

/** `ahead`: the file scans started while the templates loaded, if any (`file-scans-ahead.ts`). */
export async function prepareRuleInputs(project: LoadedProject, root: string, rules: readonly Rule[], options: DependencyScanOptions = {}, ahead?: FileScansAhead): Promise<RuleInputs> {
  const needs = new Set(rules.flatMap((r) => r.requires ?? []));
  const out: RuleInputs = { diagnostics: [] };
  const known = await ahead?.results();
  if (needs.has('dependencies') || needs.has('vulnerabilities')) {
    const analysis = await analyzeDependencies(project.model, root, project.files, { ...options, vulnerabilities: needs.has('vulnerabilities') }, known?.imports);
    out.deps = analysis.facts;
    out.diagnostics.push(...analysis.diagnostics);
  }
  if (needs.has('secrets')) {
    const found = await findFileSecrets(project.model, project.files, new Set(project.sources.keys()), known?.secrets);
    out.secrets = { files: found.secrets, inline: findInlineSecrets(project.model, project.sources) };
    out.diagnostics.push(...found.diagnostics);
  }
  return out;
}
