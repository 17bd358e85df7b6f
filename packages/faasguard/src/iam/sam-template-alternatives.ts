/**
 * Narrower SAM policy templates: given a template a function is granted and the actions its code
 * needs from it, the smallest templates (one, or two together) of the same parameters that still
 * grant those actions. Derived from the templates' definitions, so that `DynamoDBCrudPolicy` for
 * code that only writes becomes `DynamoDBWritePolicy`, and `S3FullAccessPolicy` for code that reads
 * and writes becomes `S3ReadPolicy` with `S3WritePolicy`.
 */
import { SAM_POLICY_TEMPLATES } from '../loaders/sam/policy-templates-data.js';
import { actionId, expandActions } from './expand-actions.js';
import { compareNames } from '../util/compare-text.js';

/** What a template grants: lower-case `service:name` of each catalogue action. */
const GRANTS = new Map<string, ReadonlySet<string>>();

export function templateActions(name: string): ReadonlySet<string> {
  const known = GRANTS.get(name);
  if (known) return known;
  const template = SAM_POLICY_TEMPLATES[name];
  const patterns = template ? template.statements.flatMap((s) => s.Action) : [];
  const actions = new Set(expandActions(patterns).actions.map((a) => actionId(a).toLowerCase()));
  GRANTS.set(name, actions);
  return actions;
}

/**
 * The narrower templates to use instead of `name` for code that needs `needed` (lower-case
 * `service:name`, all granted by `name`): one template or a pair, each binding the same
 * parameters and granting strictly less than `name`; the fewest actions win, then the fewest
 * templates. Empty when none fits.
 */
export function narrowerTemplates(name: string, needed: ReadonlySet<string>): string[] {
  const template = SAM_POLICY_TEMPLATES[name];
  if (!template || needed.size === 0) return [];
  const granted = templateActions(name);
  const candidates = Object.keys(SAM_POLICY_TEMPLATES).filter((c) => c !== name && narrower(c, template.parameters, granted) && grantsAny(c, needed));
  const options: string[][] = [];
  candidates.forEach((a, i) => {
    if (covers([a], needed)) options.push([a]);
    for (const b of candidates.slice(i + 1)) if (covers([a, b], needed)) options.push([a, b]);
  });
  const smaller = options.filter((o) => size(o) < granted.size);
  return smaller.sort((a, b) => size(a) - size(b) || a.length - b.length || compareNames(a.join(), b.join()))[0] ?? [];
}

/** Same resource parameters (or fewer), a non-empty strict subset of the actions. */
function narrower(candidate: string, parameters: readonly string[], granted: ReadonlySet<string>): boolean {
  const t = SAM_POLICY_TEMPLATES[candidate]!;
  if (t.parameters.length === 0 || !t.parameters.every((p) => parameters.includes(p))) return false;
  const actions = templateActions(candidate);
  return actions.size > 0 && actions.size < granted.size && [...actions].every((a) => granted.has(a));
}

function grantsAny(candidate: string, needed: ReadonlySet<string>): boolean {
  const actions = templateActions(candidate);
  return [...needed].some((a) => actions.has(a));
}

function covers(names: readonly string[], needed: ReadonlySet<string>): boolean {
  return [...needed].every((a) => names.some((n) => templateActions(n).has(a)));
}

function size(names: readonly string[]): number {
  return new Set(names.flatMap((n) => [...templateActions(n)])).size;
}
