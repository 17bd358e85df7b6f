/**
 * The text of a suppression comment, after the comment's opener (`#`, `//`, `/*`):
 *
 *     faasguard-ignore <rule-id>[, <rule-id>…]: <reason>
 *     faasguard-ignore-next-line <rule-id>[, <rule-id>…]: <reason>
 *
 * The marker must open the comment, so that a comment which only mentions it is not a directive.
 */
import type { SourceLocation } from '../model/location.js';
import type { Directive, DirectiveScope } from './directive.js';

/** Files without it hold no directive and are not parsed. */
export const MARKER = 'faasguard-ignore';

export interface DirectiveText {
  /** `faasguard-ignore-next-line`: covers the next line even when the comment ends a line of its own */
  nextLine: boolean;
  rules: string[];
  reason?: string;
  /** Text after the rule ids that is not a reason, because no colon introduces it */
  strayText?: string;
}

const DIRECTIVE = /^\s*faasguard-ignore(-next-line)?(?=$|[\s:,])(.*)$/s;
const RULE_LIST = /^\s*([\w-]+(?:\s*,\s*[\w-]+)*)?\s*(.*)$/s;

/** The directive in a comment's text, or undefined when the comment is not one. */
export function parseDirectiveText(comment: string): DirectiveText | undefined {
  const m = DIRECTIVE.exec(comment.trim());
  if (!m) return undefined;
  const [, nextLine, rest] = m;
  const [, ids, after] = RULE_LIST.exec(rest ?? '') ?? [];
  const rules = ids ? ids.split(',').map((id) => id.trim()) : [];
  const tail = (after ?? '').trim();
  const out: DirectiveText = { nextLine: nextLine !== undefined, rules };
  if (tail.startsWith(':')) {
    const reason = tail.slice(1).trim();
    if (reason !== '') out.reason = reason;
  } else if (tail !== '') {
    out.strayText = tail;
  }
  return out;
}

/** The directive a comment states, once its place and what it covers are known. */
export function inlineDirective(text: DirectiveText, loc: SourceLocation, scope: DirectiveScope): Directive {
  return {
    kind: 'inline',
    rules: text.rules,
    ...(text.reason !== undefined ? { reason: text.reason } : {}),
    ...(text.strayText !== undefined ? { strayText: text.strayText } : {}),
    loc,
    scope,
  };
}
