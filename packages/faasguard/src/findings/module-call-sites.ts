/**
 * A finding about a resource a Terraform module makes is located in the module's file; where the
 * module is called (each call, outermost first) is added as a related location, as the root
 * module's author reads it.
 */
import type { AppModel, ModelElement } from '../model/app-model.js';
import type { Finding } from './finding.js';
import { findingSubjects } from './model-elements.js';

export function addModuleCallSites(model: AppModel, findings: Finding[]): Finding[] {
  const called = new Map<string, ModelElement>();
  for (const e of findingSubjects(model)) if (e.calledFrom) called.set(e.id, e);
  if (called.size === 0) return findings;
  return findings.map((f) => {
    const sites = (f.subject ? called.get(f.subject.id)?.calledFrom : undefined) ?? [];
    const extra = sites.filter((s) => !f.related.some((r) => r.loc.file === s.loc.file && r.loc.line === s.loc.line)).map((s) => ({ loc: s.loc, message: `${s.module} is called here` }));
    return extra.length > 0 ? { ...f, related: [...f.related, ...extra] } : f;
  });
}
