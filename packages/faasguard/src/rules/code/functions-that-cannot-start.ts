/**
 * Functions whose handler file cannot load, so that no call runs their code: its top imports a
 * package that nothing ships and the runtime lacks (the AWS SDK v2 on Node.js 18 and later with no
 * manifest declaring it, or any package when no package.json covers the code; see
 * `dependency-usage.ts`). Lambda then answers every call with `Runtime.ImportModuleError`. Rules
 * that say what a function's code does on each call (that it logs each request) leave these out.
 *
 * Read narrowly, so that a function is never taken for broken on a guess: the import must be
 * written at the top of the handler's own file, and the function must have no layers (a layer's
 * packages may bring the package in as a dependency of their own, which no manifest here shows).
 */
import { codeFactsFor } from '../../code/code-facts.js';
import type { UndeclaredImport } from '../../analysis/dependency-facts.js';
import type { LambdaFunction } from '../../model/app-model.js';
import { codeScope } from '../code-scope.js';
import type { RuleContext } from '../rule.js';

/** By the function's model id, the import that stops its handler file from loading. */
export function functionsThatCannotStart(ctx: RuleContext): Map<string, UndeclaredImport> {
  const out = new Map<string, UndeclaredImport>();
  const scope = codeScope(ctx);
  const failing = (ctx.deps?.undeclared ?? []).filter(stopsLoading);
  if (!scope || failing.length === 0) return out;
  const entryOf = new Map(codeFactsFor(ctx.model, scope).functions.map((f) => [f.fn.id, f.files[0]]));
  for (const u of failing) {
    const atTop = new Set(u.places.filter((p) => p.moduleTop).map((p) => p.loc.file));
    for (const owner of u.owners) {
      const entry = entryOf.get(owner.id);
      const layers = (owner as Partial<LambdaFunction>).layers ?? [];
      if (entry !== undefined && atTop.has(entry) && layers.length === 0 && !out.has(owner.id)) out.set(owner.id, u);
    }
  }
  return out;
}

function stopsLoading(u: UndeclaredImport): boolean {
  return !u.devOnly && (u.missingFromRuntimes !== undefined || u.noManifestIn !== undefined);
}
