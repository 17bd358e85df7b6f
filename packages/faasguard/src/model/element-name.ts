/**
 * How findings name an element: by what its author wrote, where that is not the template's logical
 * id. A CDK user knows the construct path, a Serverless Framework user the function's key; the
 * logical ids both tools generate (`ApiHandler5E7490E8`, `HelloLambdaFunction`) appear nowhere in
 * their source.
 */
import type { ModelElement } from './app-model.js';

export function elementName(e: Pick<ModelElement, 'logicalId' | 'constructPath' | 'declaredName'>): string {
  return e.constructPath ?? e.declaredName ?? e.logicalId;
}
