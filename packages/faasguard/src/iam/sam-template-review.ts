/**
 * A SAM policy template judged against the code: the actions it grants that the code never calls,
 * and whether they matter. A template is a bundle (`DynamoDBCrudPolicy` also grants `DescribeTable`
 * and `ConditionCheckItem`), so an unused action is only worth a finding when it lets the code do
 * what it never does: read, write or delete data the code only writes, or reads.
 */
import { capabilityOf, type Capability } from './action-capabilities.js';
import { isServiceSideAction } from './code-usage.js';
import { actionId, type ExpandedAction } from './expand-actions.js';
import type { GrantingStatement } from './role-permissions.js';
import { narrowerTemplates, templateActions } from './sam-template-alternatives.js';
import { compareNames } from '../util/compare-text.js';

/** Why a template grants too much, in words for the finding. */
export interface TemplateReview {
  /** `service:Name` of the actions never called, sorted */
  unused: string[];
  /** What the unused actions add: "read and delete" */
  gained: string;
  /** What the code does with the template: "the code only writes", "the code calls none of them" */
  does: string;
  /** The narrower template, the statement to write instead, or removing the template */
  advice: string;
}

/** Verbs of the data capabilities, in the order the message names them. */
const VERBS: ReadonlyArray<[Capability, string]> = [
  ['read-all-data', 'read'],
  ['write-data', 'write'],
  ['delete-data', 'delete'],
];

/**
 * `used`: lower-case `service:name` of every action the code calls (with what the called services
 * do with the caller's permissions). Undefined when the template grants nothing the code lacks.
 */
export function templateReview(name: string, statements: readonly GrantingStatement[], used: ReadonlySet<string>): TemplateReview | undefined {
  const granted = uniqueActions(statements.flatMap((s) => s.actions));
  const needed = granted.filter((a) => used.has(actionId(a).toLowerCase()) || isServiceSideAction(actionId(a)));
  const unused = granted.filter((a) => !needed.includes(a));
  const done = capabilities(needed);
  const gained = capabilities(unused).filter((c) => !done.includes(c));
  if (gained.length === 0) return undefined;
  return {
    unused: unused.map(actionId),
    gained: words(gained),
    does: done.length === 0 ? 'the code does neither' : `the code only ${words(done, 's')}`,
    advice: advice(name, needed, unused, gained),
  };
}

/**
 * The narrower template says which of the listed actions it still grants (a bundle keeps some) and,
 * when none of them does what the code never does, that it does not.
 */
function advice(name: string, needed: readonly ExpandedAction[], unused: readonly ExpandedAction[], gained: readonly Capability[]): string {
  const called = needed.filter((a) => !isServiceSideAction(actionId(a)));
  if (called.length === 0) return `The code calls none of ${name}'s actions: remove it.`;
  const narrower = narrowerTemplates(name, new Set(called.map((a) => actionId(a).toLowerCase())));
  if (narrower.length === 0) return `A statement granting ${called.map(actionId).join(', ')} on the same resource is enough.`;
  const kept = unused.filter((a) => narrower.some((n) => templateActions(n).has(actionId(a).toLowerCase())));
  const still = capabilities(kept).filter((c) => gained.includes(c));
  const also = kept.length > 0 ? ` and ${kept.length} of these (${kept.map(actionId).join(', ')})` : '';
  const gone = gained.filter((c) => !still.includes(c));
  const without = gone.length > 0 ? `, without ${gerunds(gone)}` : '';
  // Say which kept action still does what the code never does (`dynamodb:BatchWriteItem` deletes).
  const doers = kept.filter((a) => capabilities([a]).some((c) => still.includes(c))).map(actionId);
  const yet = doers.length > 0 ? `; ${doers.join(', ')} can still ${words(still)}` : '';
  return `${narrower.join(' with ')} grant${narrower.length === 1 ? 's' : ''} what it calls${also}${without}${yet}.`;
}

/** `reading or deleting` */
function gerunds(caps: readonly Capability[]): string {
  const verbs = VERBS.filter(([c]) => caps.includes(c)).map(([, v]) => `${v.replace(/e$/, '')}ing`);
  return verbs.length <= 1 ? verbs.join('') : `${verbs.slice(0, -1).join(', ')} or ${verbs[verbs.length - 1]}`;
}

/** `dynamodb:BatchWriteItem` puts and deletes items alike: its requests are `PutRequest`s or `DeleteRequest`s. */
const WRITES_AND_DELETES = /^dynamodb:BatchWriteItem$/i;

function capabilities(actions: readonly ExpandedAction[]): Capability[] {
  const found = new Set(actions.map(capabilityOf));
  if (actions.some((a) => WRITES_AND_DELETES.test(actionId(a)))) found.add('delete-data');
  return VERBS.map(([c]) => c).filter((c) => found.has(c));
}

function words(caps: readonly Capability[], ending = ''): string {
  const verbs = VERBS.filter(([c]) => caps.includes(c)).map(([, v]) => v + ending);
  return verbs.length <= 1 ? verbs.join('') : `${verbs.slice(0, -1).join(', ')} and ${verbs[verbs.length - 1]}`;
}

function uniqueActions(actions: readonly ExpandedAction[]): ExpandedAction[] {
  const seen = new Map<string, ExpandedAction>();
  for (const a of actions) seen.set(actionId(a).toLowerCase(), a);
  return [...seen.values()].sort((a, b) => compareNames(actionId(a), actionId(b)));
}
