/**
 * A suppression as written in the scanned project, before it is matched to findings: a
 * `faasguard-ignore` comment in a template or in code, or an entry of a resource's
 * `Metadata.faasguard.ignore`. What it covers is decided when it is read (see the README of this
 * folder), so that matching is the same for every kind.
 */
import type { FindingSubject } from '../findings/finding.js';
import type { SourceLocation } from '../model/location.js';

export interface Directive {
  /** A comment beside what it covers, or a Metadata entry of the resource it covers */
  kind: 'inline' | 'metadata';
  /** The rule ids as written; empty when the directive names none */
  rules: string[];
  /** Why the risk is accepted; absent when none is given (the directive then suppresses nothing) */
  reason?: string;
  /** Set when text follows the rule ids without the colon that starts a reason */
  strayText?: string;
  /** Where the directive is written */
  loc: SourceLocation;
  scope: DirectiveScope;
}

/** What a directive covers: findings located on its lines, and for Metadata the findings about its resource. */
export interface DirectiveScope {
  file: string;
  startLine: number;
  endLine: number;
  /** For Metadata: the resource that holds it, whose findings it covers wherever they are located */
  subject?: FindingSubject;
  /** What is covered, for messages: `Resources.Fn (lines 3-20)`, `line 7`, `the blank line 9`, `resource Fn` */
  description: string;
  /** Stable name of what is covered (key path, text of the line, logical id), for fingerprints: never a line number */
  anchor: string;
}
