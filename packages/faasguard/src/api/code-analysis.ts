/**
 * `prepareCodeAnalysis` and `leastPrivilegeFor` for library users, declared on their own: the code
 * analysis module's declarations reach the parsers' types (TypeScript's own, web-tree-sitter's),
 * which a consumer of the library should not need to compile.
 */
import { leastPrivilegeFor as privilegesIn, type FunctionPrivilege } from '../code/aws-calls/least-privilege.js';
import { prepareCodeAnalysis as prepare } from '../code/code-facts.js';
import type { Exclusion } from '../discover/exclude-globs.js';
import type { AppModel } from '../model/app-model.js';

/**
 * Loads what the code analyses need (the Python grammar, when a function runs Python) before
 * `leastPrivilegeFor` or rules read the code. `root`: the scan root, the directory the model's
 * paths are relative to (the target, or the folder of a target file).
 */
export function prepareCodeAnalysis(model: AppModel, root: string): Promise<void> {
  return prepare(model, root);
}

/**
 * Each function's needed actions and resources, read from its code under `root` (after
 * `prepareCodeAnalysis`). `exclusion`: paths never read, as `exclude` in the scan options.
 */
export function leastPrivilegeFor(model: AppModel, root: string, exclusion: Exclusion = {}): FunctionPrivilege[] {
  return privilegesIn(model, { root, exclusion });
}
