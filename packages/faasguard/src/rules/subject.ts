import type { FindingSubject } from '../findings/finding.js';
import type { ModelElement } from '../model/app-model.js';

export function subjectOf(e: ModelElement): FindingSubject {
  return { id: e.id, logicalId: e.logicalId, ...(e.constructPath ? { constructPath: e.constructPath } : {}) };
}

/** How a finding names an element: its construct path for CDK users, else its logical id. */
export function nameOf(e: ModelElement): string {
  return e.constructPath ?? e.logicalId;
}
