/** The model's elements a finding can be about: functions, resources, APIs, roles and routes. */
import type { AppModel, ModelElement } from '../model/app-model.js';

export function findingSubjects(model: AppModel): Array<ModelElement & { endLine?: number }> {
  return [...model.functions, ...model.resources, ...model.apis, ...model.roles, ...model.routes];
}
