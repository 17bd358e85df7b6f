/**
 * Wording and severity shared by the dependency rules: who deploys a package, how severe a
 * problem of a development-only package is, and how a package is named in a message.
 */
import { adjustForScope, type SeverityLevel } from '../../deps/index.js';
import type { DependencyUse } from '../../analysis/dependency-facts.js';
import type { FindingSubject, RelatedLocation, Severity } from '../../findings/finding.js';
import type { ModelElement } from '../../model/app-model.js';
import { nameOf, subjectOf } from '../subject.js';

/** `lodash@4.17.20`, or the name alone for an unpinned requirement. */
export function packageLabel(name: string, version: string | undefined): string {
  return version ? `${name}@${version}` : name;
}

/** "function Api" / "functions Api, Worker" / "layer Shared"; empty when nothing deploys it. */
export function ownersText(owners: readonly ModelElement[]): string {
  if (owners.length === 0) return '';
  const layer = owners.every((o) => !('code' in o));
  const noun = layer ? 'layer' : 'function';
  const names = owners.map(nameOf);
  return `${noun}${names.length > 1 ? 's' : ''} ${names.join(', ')}`;
}

/** The finding's subject (first owner) and the other owners as related locations. */
export function ownerFields(owners: readonly ModelElement[]): { subject?: FindingSubject; related: RelatedLocation[] } {
  const [first] = owners;
  return {
    ...(first ? { subject: subjectOf(first) } : {}),
    related: owners.map((o) => ({ loc: o.loc, message: `deployed with ${ownersText([o])}` })),
  };
}

/** An advisory's level as a finding severity; an unrated advisory counts as medium. */
export function severityOfLevel(level: SeverityLevel): Severity {
  if (level === 'none') return 'info';
  return level === 'unknown' ? 'medium' : level;
}

/** One level lower for a development-only package that is not bundled: it is normally not deployed. */
export function scopedSeverity(base: Severity, use: DependencyUse): Severity {
  if (use.dependency.scope !== 'dev' || use.bundled) return base;
  return severityOfLevel(adjustForScope(base === 'info' ? 'none' : base, 'dev', false));
}

/** A sentence on how the package is deployed, or nothing for an ordinary production package. */
export function scopeNote(use: DependencyUse): string {
  if (use.dependency.scope === 'optional') return ' It is an optional dependency, installed when it can be.';
  if (use.dependency.scope !== 'dev') return '';
  return use.bundled ? ' It is a development dependency, but the code imports it, so a bundler ships it.' : ' It is a development dependency only, normally not deployed.';
}
