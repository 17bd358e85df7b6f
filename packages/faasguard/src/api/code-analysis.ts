/**
 * `prepareCodeAnalysis` for library users, declared on its own: the code analysis module's
 * declarations reach the parsers' types (TypeScript's own, web-tree-sitter's), which a consumer
 * of the library should not need to compile.
 */
import { prepareCodeAnalysis as prepare } from '../code/code-facts.js';
import type { AppModel } from '../model/app-model.js';

/**
 * Loads what the code analyses need (the Python grammar, when a function runs Python) before
 * `leastPrivilegeFor` or rules read the code. `root`: the scan root, the directory the model's
 * paths are relative to (the target, or the folder of a target file).
 */
export function prepareCodeAnalysis(model: AppModel, root: string): Promise<void> {
  return prepare(model, root);
}
