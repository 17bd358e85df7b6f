/**
 * Functions that cannot start, so that no call runs their code:
 * - the handler file imports at its top a package that nothing ships and the runtime lacks (the
 *   AWS SDK v2 on Node.js 18 and later with no manifest declaring it, or any package when no
 *   package.json covers the code; see `dependency-usage.ts`): Lambda answers every call with
 *   `Runtime.ImportModuleError`;
 * - the handler declares three parameters or more (`(event, context, callback)`, async or not) on
 *   Node.js 24 or later, whose runtime refuses callback-style handlers at init
 *   (`Runtime.CallbackHandlerDeprecated`).
 * Rules that say what a function's code does on each call (that it logs each request) leave these out.
 *
 * Read narrowly, so that a function is never taken for broken on a guess: the import must be
 * written at the top of the handler's own file and the function must have no layers (a layer's
 * packages may bring the package in as a dependency of their own, which no manifest here shows);
 * the handler must be the exported function itself, not a wrapper's result.
 */
import { codeFactsFor } from '../../code/code-facts.js';
import type { UndeclaredImport } from '../../analysis/dependency-facts.js';
import type { LambdaFunction } from '../../model/app-model.js';
import type { SourceLocation } from '../../model/location.js';
import { codeScope } from '../code-scope.js';
import type { RuleContext } from '../rule.js';

/** Why a function cannot start, and where its code says so. */
export interface StartFailure {
  why: 'package-missing' | 'callback-handler';
  loc: SourceLocation;
}

/** The first Node.js runtime that refuses callback-style handlers. */
const NO_CALLBACK_HANDLERS_FROM = 24;

/** By the function's model id, why it cannot start. */
export function functionsThatCannotStart(ctx: RuleContext): Map<string, StartFailure> {
  const out = new Map<string, StartFailure>();
  const scope = codeScope(ctx);
  if (!scope) return out;
  const facts = codeFactsFor(ctx.model, scope).functions;
  for (const f of facts) {
    const analysis = f.analysis;
    if (analysis?.declaredParameters !== undefined && analysis.declaredParameters >= 3 && refusesCallbacks(f.fn)) out.set(f.fn.id, { why: 'callback-handler', loc: analysis.handler.loc });
  }
  const failing = (ctx.deps?.undeclared ?? []).filter(stopsLoading);
  if (failing.length === 0) return out;
  const entryOf = new Map(facts.map((f) => [f.fn.id, f.files[0]]));
  for (const u of failing) {
    const atTop = new Map(u.places.filter((p) => p.moduleTop).map((p) => [p.loc.file, p.loc]));
    for (const owner of u.owners) {
      const at = atTop.get(entryOf.get(owner.id) ?? '');
      const layers = (owner as Partial<LambdaFunction>).layers ?? [];
      if (at !== undefined && layers.length === 0 && !out.has(owner.id)) out.set(owner.id, { why: 'package-missing', loc: at });
    }
  }
  return out;
}

function stopsLoading(u: UndeclaredImport): boolean {
  return !u.devOnly && (u.missingFromRuntimes !== undefined || u.noManifestIn !== undefined);
}

function refusesCallbacks(fn: LambdaFunction): boolean {
  const major = /^nodejs(\d+)/.exec(typeof fn.runtime === 'string' ? fn.runtime : '')?.[1];
  return major !== undefined && Number(major) >= NO_CALLBACK_HANDLERS_FROM;
}
