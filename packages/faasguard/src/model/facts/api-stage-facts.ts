/**
 * Which REST API an `AWS::ApiGateway::Stage` belongs to, for resources that name the stage rather
 * than the API (a WAF association's ARN built from `${MyStage}` …).
 */
import type { Resource } from '../app-model.js';
import { referencedResource } from '../value.js';

export const REST_STAGE_TYPE = 'AWS::ApiGateway::Stage';

/** Model id of the stage's REST API, when the resource is a stage of an API of the template. */
export function restStageApiId(resource: Resource | undefined): string | undefined {
  if (resource?.type !== REST_STAGE_TYPE) return undefined;
  return referencedResource(resource.properties['RestApiId'])?.target;
}
