/**
 * IAM action patterns (`*`, `s3:*`, `s3:Delete*`, `s3:Get?bject`, `NotAction`) into the catalogue
 * actions they grant. IAM compares actions without regard to case. A value that is not a literal
 * (a parameter, an import) or a pattern that matches nothing the catalogue knows is reported as
 * unknown, never guessed.
 */
import type { PolicyStatement } from '../model/app-model.js';
import { display, type Value } from '../model/value.js';
import { allActions, catalogServices, findAction, serviceActions, type AccessLevel, type CatalogAction } from './action-catalog.js';
import { wildcardRegExp } from '../util/wildcard-regexp.js';

/** An action a pattern grants, named as AWS spells it. */
export interface ExpandedAction {
  service: string;
  name: string;
  accessLevel: AccessLevel;
  /** Whether a policy can name resources for it (false: only `*` can be granted) */
  resourceScoped: boolean;
}

export interface Expansion {
  /** Sorted by service, then name; each action once */
  actions: ExpandedAction[];
  /** Patterns that could not be resolved, as written (`${Param}`, `s3:NoSuchAction`) */
  unknownPatterns: string[];
}

/** Expansions of patterns written as text, by the patterns: templates repeat the same few lists (`*`, `s3:GetObject`) many times. Callers only read them. */
const expansionCache = new Map<string, Expansion>();

/** The actions `Action` patterns grant. */
export function expandActions(patterns: readonly Value[]): Expansion {
  if (!patterns.every((p) => typeof p === 'string')) return uncachedExpansion(patterns);
  const key = patterns.join('\n');
  let expansion = expansionCache.get(key);
  if (!expansion) expansionCache.set(key, (expansion = uncachedExpansion(patterns)));
  return expansion;
}

function uncachedExpansion(patterns: readonly Value[]): Expansion {
  const only = patterns.length === 1 ? patterns[0] : undefined;
  if (typeof only === 'string') return singlePatternExpansion(only);
  // A list with `*` grants the whole catalogue, whatever else it names: that expansion is made once
  // (22,000 actions), and the other patterns are only checked for the unknown ones.
  const grantsAll = patterns.length > 1 && patterns.some((p) => typeof p === 'string' && p.trim() === '*');
  const found = new Map<string, ExpandedAction>();
  const unknownPatterns: string[] = [];
  for (const p of patterns) {
    const matched = typeof p === 'string' ? matchPattern(p) : undefined;
    if (!matched || matched.length === 0) {
      unknownPatterns.push(display(p));
      continue;
    }
    if (!grantsAll) for (const a of matched) found.set(keyOf(a), a);
  }
  return { actions: grantsAll ? expandActions(['*']).actions : sorted([...found.values()]), unknownPatterns };
}

/**
 * One pattern's matches, as the catalogue lists them: by service, then name, each once (the build
 * checks that no service has two names differing only in case), so neither de-duplicated nor
 * sorted again. `*` alone is 22,000 actions, whose first expansion took 45–60 ms that way in a
 * process of its own, and takes 1 ms now.
 */
function singlePatternExpansion(pattern: string): Expansion {
  const matched = matchPattern(pattern);
  if (matched.length === 0) return { actions: [], unknownPatterns: [pattern] };
  return { actions: [...matched], unknownPatterns: [] };
}

/**
 * The actions `NotAction` patterns grant: every catalogue action but those. Unresolvable patterns
 * exclude nothing, so the result may be wider than the deployed policy; they are listed.
 */
export function expandNotActions(patterns: readonly Value[]): Expansion {
  const excluded = expandActions(patterns);
  const skip = new Set(excluded.actions.map(keyOf));
  const actions = allActions().filter((a) => !skip.has(keyOf(a)));
  return { actions, unknownPatterns: excluded.unknownPatterns.filter((p) => !isWellFormed(p)) };
}

/** What a statement's `Action` or `NotAction` grants (or denies). */
export function expandStatement(s: PolicyStatement): Expansion {
  if (s.notActions.length > 0) return expandNotActions(s.notActions);
  return expandActions(s.actions);
}

/** Whether an action pattern covers `service:Name` (IAM: case-insensitive, `*` and `?` wildcards). */
export function actionPatternMatches(pattern: string, action: string): boolean {
  return patternRegExp(pattern).test(action);
}

/** `service:Name` of an action. */
export function actionId(a: { service: string; name: string }): string {
  return `${a.service}:${a.name}`;
}

/**
 * Lower-cased ids of long action lists, made once per list: expansions are shared between the
 * statements of the same actions, and a rule asks of every function whether its role grants one
 * action (`*` lists 22,000, each id made and lower-cased at every question before).
 */
const idSets = new WeakMap<readonly ExpandedAction[], ReadonlySet<string>>();
/** Lists shorter than this are searched: a set would cost more to make than it saves. */
const SEARCHED_BELOW = 32;

/** Whether an expanded action list holds `service:Name` (IAM compares actions without regard to case). */
export function grantsAction(actions: readonly ExpandedAction[], id: string): boolean {
  const wanted = id.toLowerCase();
  if (actions.length < SEARCHED_BELOW) return actions.some((a) => actionId(a).toLowerCase() === wanted);
  let ids = idSets.get(actions);
  if (!ids) idSets.set(actions, (ids = new Set(actions.map((a) => actionId(a).toLowerCase()))));
  return ids.has(wanted);
}

/** The catalogue is fixed data: what a pattern matches is computed once per pattern (policies repeat a few patterns many times). */
const matchCache = new Map<string, readonly CatalogAction[]>();

function matchPattern(pattern: string): readonly CatalogAction[] {
  const cached = matchCache.get(pattern);
  if (cached) return cached;
  const matched = uncachedMatch(pattern);
  matchCache.set(pattern, matched);
  return matched;
}

function uncachedMatch(pattern: string): readonly CatalogAction[] {
  const trimmed = pattern.trim();
  if (trimmed === '*') return allActions();
  const colon = trimmed.indexOf(':');
  if (colon <= 0) return [];
  const servicePart = trimmed.slice(0, colon);
  const name = trimmed.slice(colon + 1);
  // Most patterns name one action, found without a regular expression.
  if (!/[*?]/.test(name)) return servicesMatching(servicePart).flatMap((s) => findAction(s, name) ?? []);
  const namePart = patternRegExp(name);
  return servicesMatching(servicePart).flatMap((s) => serviceActions(s).filter((a) => namePart.test(a.name)));
}

function servicesMatching(servicePattern: string): readonly string[] {
  if (!/[*?]/.test(servicePattern)) return [servicePattern.toLowerCase()];
  const re = patternRegExp(servicePattern);
  return catalogServices().filter((s) => re.test(s));
}

const regexCache = new Map<string, RegExp>();

function patternRegExp(pattern: string): RegExp {
  const cached = regexCache.get(pattern);
  if (cached) return cached;
  const re = wildcardRegExp(pattern, 'i');
  regexCache.set(pattern, re);
  return re;
}

/** A NotAction naming an action the catalogue lacks excludes nothing we know: not worth reporting. */
function isWellFormed(p: string): boolean {
  return /^[a-z0-9-]+:[A-Za-z0-9*?]+$/i.test(p);
}

function keyOf(a: { service: string; name: string }): string {
  return `${a.service}:${a.name.toLowerCase()}`;
}

function sorted(actions: ExpandedAction[]): ExpandedAction[] {
  return actions.sort((a, b) => (a.service !== b.service ? (a.service < b.service ? -1 : 1) : a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
