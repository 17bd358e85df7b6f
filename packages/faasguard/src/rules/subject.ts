import type { FindingSubject } from '../findings/finding.js';
import type { ModelElement } from '../model/app-model.js';
import { elementName } from '../model/element-name.js';

export function subjectOf(e: ModelElement): FindingSubject {
  return { id: e.id, logicalId: e.logicalId, ...(e.constructPath ? { constructPath: e.constructPath } : {}) };
}

/** How a finding names an element (see `elementName`). */
export function nameOf(e: ModelElement): string {
  return elementName(e);
}
