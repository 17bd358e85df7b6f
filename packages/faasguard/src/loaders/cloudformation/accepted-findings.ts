/**
 * A resource's `Metadata.faasguard.ignore`: the findings its template accepts, with the reason.
 *
 *     Metadata:
 *       faasguard:
 *         ignore:
 *           - rule: function-url-without-auth
 *             reason: public webhook, every request is verified by its signature
 *
 * The entries are read as written (Metadata is plain data, never evaluated). An entry without a
 * reason is kept, so that the scan can report it; a section of the wrong shape is a diagnostic.
 */
import type { AcceptedFinding } from '../../model/app-model.js';
import type { DiagnosticSink } from '../../model/diagnostic.js';
import type { TNode } from '../../parse/tree.js';
import { at, get, scalarString } from '../../parse/tree.js';
import type { TemplateResource } from './template.js';

/** Diagnostic code of a `faasguard` Metadata section that cannot be read. */
export const MALFORMED_SUPPRESSION = 'malformed-suppression';

const SHAPE = 'write it as `faasguard: { ignore: [{ rule: <rule-id>, reason: <why> }] }`';

export function acceptedFindings(r: TemplateResource, diagnostics: DiagnosticSink): AcceptedFinding[] | undefined {
  const section = get(get(r.node, 'Metadata'), 'faasguard');
  if (section === undefined) return undefined;
  const list = at(section, 'ignore');
  if (list?.kind !== 'seq') {
    diagnostics.warning(MALFORMED_SUPPRESSION, `Metadata faasguard of ${r.logicalId} has no ignore list: ${SHAPE}`, list?.loc ?? section.loc);
    return undefined;
  }
  const accepted = list.items.map((item) => acceptedFinding(item, r, diagnostics)).filter((a) => a !== undefined);
  return accepted.length > 0 ? accepted : undefined;
}

function acceptedFinding(item: TNode, r: TemplateResource, diagnostics: DiagnosticSink): AcceptedFinding | undefined {
  const rule = scalarString(get(item, 'rule'))?.trim();
  if (item.kind !== 'map' || !rule) {
    diagnostics.warning(MALFORMED_SUPPRESSION, `an entry of ${r.logicalId}'s Metadata faasguard.ignore names no rule: ${SHAPE}`, item.loc);
    return undefined;
  }
  const reason = scalarString(get(item, 'reason'))?.trim();
  return { rule, loc: item.loc, ...(reason ? { reason } : {}) };
}
