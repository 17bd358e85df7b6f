/**
 * An API that a template adds methods, routes, stages or authorizers to without declaring it: the
 * API lives in another stack (`RestApiId: !ImportValue shared-api`), or its id is a parameter or a
 * literal. The template's own resources on it are judged like those of any API; what belongs to the
 * API itself (endpoint type, resource policy, CORS, the routes other stacks add) is not known here.
 * Such an API is known by its stack and the way the template names it, so that two resources naming
 * it alike (a method and the usage plan that limits its stage) meet on one model element.
 */
import { display, ImportedValue, ParameterValue, ResourceRef, Unknown, type Value } from './value.js';

/** How the template names the API: `!ImportValue shared-api`, `!Ref ApiId`, `!GetAtt ApiStack.Outputs.ApiId`, or the literal id. */
export function apiReferenceText(reference: Value): string {
  if (reference instanceof ImportedValue) return `!ImportValue ${reference.exportName}`;
  if (reference instanceof ParameterValue) return `!Ref ${reference.parameterName}`;
  if (reference instanceof Unknown && reference.label) return reference.label;
  if (reference instanceof ResourceRef && reference.attribute) return `!GetAtt ${reference.logicalId}.${reference.attribute}`;
  return display(reference);
}

/** The model id of the API that `reference` names in `stack`. */
export function apiDefinedElsewhereId(stack: string, reference: Value): string {
  return `${stack}#api:${apiReferenceText(reference)}`;
}
