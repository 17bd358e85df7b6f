/**
 * Findings about what exists only for some values not known offline (a Terraform resource with
 * `count = var.create ? 1 : 0`) say so: "This holds only when var.create is true." The element is
 * the finding's subject, or the resource whose lines hold the finding's location or one of its
 * related locations (a URL's `authorization_type` is inside the conditional URL, whose function is
 * not conditional; a function is public through that URL).
 */
import type { AppModel, ModelElement } from '../model/app-model.js';
import type { Finding } from './finding.js';
import { findingSubjects } from './model-elements.js';

export function qualifyConditional(model: AppModel, findings: Finding[]): Finding[] {
  const conditional = findingSubjects(model).filter((e) => e.onlyWhen !== undefined);
  if (conditional.length === 0) return findings;
  const byId = new Map(conditional.map((e) => [e.id, e]));
  const holding = (loc: { file: string; line: number }): (ModelElement & { endLine?: number }) | undefined =>
    conditional.find((e) => e.endLine !== undefined && e.loc.file === loc.file && loc.line >= e.loc.line && loc.line <= e.endLine);
  return findings.map((f) => {
    const holder = (f.subject ? byId.get(f.subject.id) : undefined) ?? holding(f.location) ?? f.related.map((r) => holding(r.loc)).find((e) => e !== undefined);
    return holder?.onlyWhen ? holdsOnlyWhen(f, holder.onlyWhen) : f;
  });
}

/** The finding, saying it holds only when `when` does (`var.create is true`), after any such condition it already states. */
export function holdsOnlyWhen(f: Finding, when: string): Finding {
  const message = f.message.replace(/\s+$/, '');
  const stated = / This holds only when .*\.$/.test(message);
  return { ...f, message: stated ? `${message.slice(0, -1)}, and ${when}.` : `${message} This holds only when ${when}.` };
}
