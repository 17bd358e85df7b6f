/**
 * API Gateway usage plans: which REST APIs they cover and whether they limit the request rate.
 *
 * A usage plan is declared on its own (`AWS::ApiGateway::UsagePlan`) or by SAM from an
 * `AWS::Serverless::Api`'s `Auth.UsagePlan`. It applies only to requests that carry an API key of
 * the plan: it limits callers of routes that require an API key, nobody else.
 */
import type { AppModel, Resource } from '../app-model.js';
import { apiDefinedElsewhereId } from '../api-defined-elsewhere.js';
import { asArray, isValueMap, referencedResource, type Value } from '../value.js';

export const USAGE_PLAN_TYPE = 'AWS::ApiGateway::UsagePlan';

/** Typed view of a usage plan. */
export interface UsagePlanFacts {
  resource: Resource;
  /** Model ids of the APIs the plan covers */
  apiIds: string[];
  /** Whether a rate or burst limit is set (for the plan or one of its API stages) */
  throttled: boolean;
  /** Whether a quota (requests per day, week or month) is set */
  quota: boolean;
}

/** Every usage plan of the model, in model order: one walk, which a rule then reads for each API. */
export function usagePlans(model: AppModel): UsagePlanFacts[] {
  return model.resources.map(usagePlanFacts).filter((p): p is UsagePlanFacts => p !== undefined);
}

export function usagePlanFacts(resource: Resource): UsagePlanFacts | undefined {
  if (resource.type === USAGE_PLAN_TYPE) return declaredPlan(resource);
  if (resource.type === 'AWS::Serverless::Api') return samPlan(resource);
  return undefined;
}

function declaredPlan(resource: Resource): UsagePlanFacts {
  const p = resource.properties;
  const stages = asArray(p['ApiStages']).filter(isValueMap);
  const apiIds = stages.map((s) => planApiId(resource, s['ApiId'])).filter((id): id is string => id !== undefined);
  const throttled = isSet(p['Throttle']) || stages.some((s) => isSet(s['Throttle']));
  return { resource, apiIds, throttled, quota: isSet(p['Quota']) };
}

function samPlan(resource: Resource): UsagePlanFacts | undefined {
  const auth = resource.properties['Auth'];
  const plan = isValueMap(auth) ? auth['UsagePlan'] : undefined;
  if (!isValueMap(plan) || plan['CreateUsagePlan'] === undefined || plan['CreateUsagePlan'] === 'NONE') return undefined;
  return { resource, apiIds: [resource.id], throttled: isSet(plan['Throttle']), quota: isSet(plan['Quota']) };
}

/** An API of the template, or one defined elsewhere that the plan's stack names alike. */
function planApiId(plan: Resource, apiId: Value | undefined): string | undefined {
  if (apiId === undefined || apiId === null) return undefined;
  return referencedResource(apiId)?.target ?? apiDefinedElsewhereId(plan.stack, apiId);
}

function isSet(v: Value | undefined): boolean {
  return isValueMap(v) ? Object.keys(v).length > 0 : v !== undefined && v !== null;
}
