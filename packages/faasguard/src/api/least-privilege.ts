/**
 * `leastPrivilege`: what `faasguard policy` prints. The sequence is not obvious from the parts:
 * load the templates, start the code analysis (it loads parsers asynchronously, which the
 * synchronous analysis then uses, and takes the excluded paths, never read as code), then read
 * each function's calls relative to the scan root.
 */
import { leastPrivilegeFor, type FunctionPrivilege } from '../code/aws-calls/least-privilege.js';
import { startCodeAnalysis } from '../code/code-facts.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { renderPolicies, type PolicyFormat } from '../policy/render-policy.js';
import { appSecretRedactor } from '../scan/app-secrets.js';
import { scanRootOf } from '../scan/load-formats.js';
import { loadApp } from '../scan/scan.js';
import type { ValueRedactor } from '../secrets/index.js';
import { resolveProjectOptions, type ProjectOptions } from './project-options.js';

export interface LeastPrivilegeResult {
  /**
   * Each function's needed actions and resources, in model order. They hold the model's functions
   * as loaded: values in them (environment variables) are not masked; `render` masks them.
   */
  privileges: FunctionPrivilege[];
  /** Template files loaded, relative to the target; empty when none was found */
  templates: string[];
  /** Problems with the input, as loaded (not masked) */
  diagnostics: Diagnostic[];
  /** The policies as `faasguard policy --format` prints them, the app's secrets masked; `functions`: only these logical ids */
  render(format: PolicyFormat, functions?: readonly string[]): string;
}

export async function leastPrivilege(target: string, options: ProjectOptions = {}): Promise<LeastPrivilegeResult> {
  const { scanOptions } = resolveProjectOptions(target, options);
  const app = await loadApp(target, scanOptions);
  const root = scanRootOf(target).root;
  const scope = { root, exclusion: { exclude: scanOptions.exclude ?? [], excludeElsewhere: scanOptions.excludeElsewhere ?? [] } };
  await startCodeAnalysis(app.model, scope, 1);
  const privileges = leastPrivilegeFor(app.model, scope);
  let redactor: ValueRedactor | undefined;
  const render = (format: PolicyFormat, functions?: readonly string[]): string => {
    const chosen = functions === undefined ? privileges : privileges.filter((p) => functions.includes(p.fn.logicalId));
    redactor ??= appSecretRedactor(app, target);
    return redactor.values(renderPolicies(chosen, format));
  };
  return { privileges, templates: app.templates, diagnostics: app.diagnostics, render };
}
