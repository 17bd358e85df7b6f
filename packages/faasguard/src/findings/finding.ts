/**
 * A Finding: one security problem in the scanned application, with the place to fix it.
 *
 * Findings are produced by rules (see `rules/rule.ts`) and only formatted by reporters.
 * The `fingerprint` identifies the same problem across scans: it is built from the rule, the file
 * and the stable identity of what is wrong (resource logical id, route, variable name), never from
 * line numbers, so that unrelated edits above it do not make it "new".
 */
import type { SourceLocation } from '../model/location.js';

export type Severity = 'critical' | 'high' | 'medium' | 'low' | 'info';

export const SEVERITIES: readonly Severity[] = ['critical', 'high', 'medium', 'low', 'info'];

/** OWASP Serverless Top 10 categories */
export type SasCategory = 'SAS-1' | 'SAS-2' | 'SAS-3' | 'SAS-4' | 'SAS-5' | 'SAS-6' | 'SAS-7' | 'SAS-8' | 'SAS-9' | 'SAS-10';

export const SAS_TITLES: Readonly<Record<SasCategory, string>> = {
  'SAS-1': 'Function event-data injection',
  'SAS-2': 'Broken authentication',
  'SAS-3': 'Insecure serverless deployment configuration',
  'SAS-4': 'Over-privileged function permissions and roles',
  'SAS-5': 'Inadequate function monitoring and logging',
  'SAS-6': 'Insecure third-party dependencies',
  'SAS-7': 'Insecure application secrets storage',
  'SAS-8': 'Denial of service and financial resource exhaustion',
  'SAS-9': 'Serverless business logic manipulation',
  'SAS-10': 'Improper exception handling and verbose error messages',
};

export interface RelatedLocation {
  loc: SourceLocation;
  message: string;
}

/** One step of a data flow (source first, sink last). */
export interface FlowStep {
  loc: SourceLocation;
  message: string;
}

/** What a finding is about. */
export interface FindingSubject {
  /** Model id */
  id: string;
  logicalId: string;
  /** CDK construct path, when known: CDK users do not know logical ids */
  constructPath?: string;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  category: SasCategory;
  /** CWE ids, e.g. `CWE-306` */
  cwe: string[];
  title: string;
  /** What is wrong and what an attacker can do, naming the resources */
  message: string;
  location: SourceLocation;
  related: RelatedLocation[];
  subject?: FindingSubject;
  /** For data-flow findings: how the data travels from its source to the sink */
  flow?: FlowStep[];
  fingerprint: string;
  /** Set when the scanned project accepts this finding (see `suppress/`): it is kept, but does not count */
  suppression?: Suppression;
}

/** How a finding was accepted in the scanned project. */
export interface Suppression {
  /** A `faasguard-ignore` comment beside what it covers, or an entry of a resource's `Metadata.faasguard.ignore` */
  kind: 'inline' | 'metadata';
  /** Why the risk is accepted, as written */
  reason: string;
  /** Where the suppression is written */
  location: SourceLocation;
}

export function severityRank(s: Severity): number {
  return SEVERITIES.length - SEVERITIES.indexOf(s);
}

export function isSeverity(s: string): s is Severity {
  return (SEVERITIES as readonly string[]).includes(s);
}
