import type { Api, ApiStage, AppModel, LambdaFunction, Resource, Route } from '../../model/app-model.js';
import { routeRelayedFunctions } from '../../analysis/route-relayed-functions.js';
import { functionsText } from '../privilege/privilege-text.js';
import { USAGE_PLAN_TYPE, usagePlans, type UsagePlanFacts } from '../../model/facts/usage-plan-facts.js';
import { display } from '../../model/value.js';
import type { Rule, RuleResult } from '../rule.js';
import { nameOf, subjectOf } from '../subject.js';
import { openRoutes } from './open-routes.js';
import { apiPolicyNarrowing, privateApiCallers } from '../../analysis/api-policy-callers.js';
import { internetCallersThrough, internetFrontOf } from '../../analysis/private-api-fronts.js';
import { certificateGate, certificateHolders } from '../../analysis/certificate-gate.js';
import { ModelIndex } from '../../model/model-index.js';
import { connectionGate } from '../../model/connection-gate.js';
import { heldBackByPrivateNetwork } from '../../analysis/private-api-fronts.js';
import { routeBackends } from '../../model/facts/route-backends.js';
import { sourceWords } from '../source-words.js';
import { quickCreateStageFix, stageSettingsPlace, type StageSettingsPlace } from '../monitoring/api-stages.js';
import { reachesNothing } from '../../model/facts/route-reach.js';
import { answeredFromCache } from '../../model/facts/route-cache.js';

export const apiWithoutThrottling: Rule = {
  meta: {
    id: 'api-without-throttling',
    title: 'API stage without throttling or usage plan',
    category: 'SAS-8',
    cwe: ['CWE-770'],
    severity: 'medium',
    description:
      "An API Gateway stage sets no rate or burst limit (REST `MethodSettings`, HTTP/WebSocket `DefaultRouteSettings`), and, for a REST API, no usage plan with a throttle or quota limits the API's callers (HTTP and WebSocket APIs have no usage plans). The only limit left is the account's regional quota (10,000 requests per second, shared by every API of the account): a single client can flood the API, run every integrated function at full scale (billed per request and per millisecond), or spend the request quotas of the services its routes call directly (and scale the functions triggered by the queues, streams and tables those routes write to, or run by the state machines they start), and starve the account's other APIs.\n\n" +
      'Severity: `medium` when the API has routes anyone can call without authorization; `low` when every route authenticates its callers (a flood then needs credentials, and authorizers still run and cost). A usage plan counts only when every route requires an API key, since plans apply to API-key holders only. An API with no route in the template is not judged (its routes live in another stack, or in an OpenAPI file in S3, and so does what decides this: who may call them, and whether a usage plan limits every caller); that holds for a stage the template adds to an API another stack declares.',
    remediation:
      'Set stage-wide limits (`MethodSettings` with `HttpMethod: "*"`, `ResourcePath: "/*"`, `ThrottlingRateLimit`, `ThrottlingBurstLimit` for REST; `DefaultRouteSettings` for HTTP and WebSocket APIs) sized to legitimate peak traffic, tighter per-route limits on expensive routes, and usage plans per client where callers use API keys. Add a WAF rate-based rule for per-IP limits on REST APIs.',
    example: {
      language: 'yaml',
      vulnerable: 'MyApi:\n  Type: AWS::Serverless::HttpApi',
      fixed: 'MyApi:\n  Type: AWS::Serverless::HttpApi\n  Properties:\n    DefaultRouteSettings:\n      ThrottlingBurstLimit: 100\n      ThrottlingRateLimit: 50',
    },
    references: ['https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-request-throttling.html', 'https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-throttling.html'],
    judges: ['AWS::ApiGateway::Stage', 'AWS::ApiGateway::Deployment', 'AWS::ApiGatewayV2::Stage', 'AWS::Serverless::Api', 'AWS::Serverless::HttpApi', 'AWS::ApiGateway::UsagePlan'],
    peerChecks: ['cfn-nag W64', 'cfn-nag W68', 'KICS API Gateway Stage Without API Gateway UsagePlan Associated', 'KICS API Gateway Deployment Without API Gateway UsagePlan Associated'],
  },
  check({ model }) {
    const results: RuleResult[] = [];
    const all = usagePlans(model);
    const relayed = routeRelayedFunctions(model);
    const plans = all.filter((p) => p.throttled || p.quota);
    for (const api of model.apis) {
      const routes = ModelIndex.of(model).routesOf(api);
      if (routes.length === 0 || coveredByUsagePlan(model, api, plans)) continue;
      const open = openRoutes(model, api).length > 0;
      const effect = floodEffect(routes, api, relayed);
      const who = callersOf(api, routes, open, model);
      const idle = idlePlan(all, api);
      for (const stage of api.stages) if (!isThrottled(stage)) results.push(stageResult(api, stage, { open, who, effect, ...(idle ? { idle } : {}) }, stageSettingsPlace(model, { api, stage })));
    }
    return results;
  },
};

function isThrottled(stage: ApiStage): boolean {
  return stage.throttling?.rateLimit !== undefined || stage.throttling?.burstLimit !== undefined;
}

/** A usage plan of the API that sets neither a throttle nor a quota: it is there, and limits nobody. */
function idlePlan(plans: readonly UsagePlanFacts[], api: Api): Resource | undefined {
  return plans.find((p) => !p.throttled && !p.quota && p.apiIds.includes(api.id))?.resource;
}

/** A throttling usage plan limits every caller only when no route can be called without a key. */
function coveredByUsagePlan(model: AppModel, api: Api, plans: readonly UsagePlanFacts[]): boolean {
  if (!plans.some((p) => p.apiIds.includes(api.id))) return false;
  return ModelIndex.of(model).routesOf(api).every((r) => r.auth.apiKeyRequired);
}

/**
 * What a flood of requests drives, by what the routes hand them to (see `routeBackends`); routes
 * the stages' cache answers for every caller pass a call on once per time to live, and drive nothing.
 */
function floodEffect(allRoutes: readonly Route[], api: Api, relayed: ReadonlyMap<string, LambdaFunction[]>): string {
  const routes = allRoutes.filter((r) => !answeredFromCache(r, api));
  if (routes.length === 0 && allRoutes.length > 0) return "running up the API's bill (the stages' cache answers every route, so what is behind them runs once per time to live)";
  const backends = routeBackends(routes);
  if (backends.functions) return backends.oneFunction ? 'scaling the integrated function (and its bill)' : 'scaling the integrated functions (and their bill)';
  if (backends.services.length > 0) return `spending the request quotas (and the bill) of the services its routes call (${backends.services.join(', ')})${smsText(routes)}${triggeredText(routes, relayed)}`;
  if (backends.http) return `passing each request on to its HTTP backend${backends.oneHttpBackend ? '' : 's'}`;
  return backends.undeclared ? `passing each request on to the backends its routes are integrated with (set up outside the ${sourceWords(api.loc.file).app})` : "running up the API's bill";
}

/** `, with each request sending an SMS message (billed per message) to a number it gives,`: a route that publishes to the caller's phone number. */
function smsText(routes: readonly Route[]): string {
  return routes.some((r) => r.integration?.smsToCallerNumber) ? ', with each request sending an SMS message (billed per message) to a number it gives,' : '';
}

/**
 * `, scaling the function they trigger (Publisher, and its bill)`: what runs for each request
 * written to a queue, stream or table, or each state machine started, by a service integration.
 */
function triggeredText(routes: readonly Route[], relayed: ReadonlyMap<string, LambdaFunction[]>): string {
  const fns = [...new Set(routes.flatMap((r) => relayed.get(r.id) ?? []))];
  if (fns.length === 0) return '';
  const one = fns.length === 1;
  return `, scaling the function${one ? '' : 's'} they trigger (${functionsText(fns)}, and ${one ? 'its' : 'their'} bill)`;
}

/**
 * Who can send the requests: anyone on the internet through an open route; else, through a route
 * without authorization, whoever the private API's network, the API's resource policy or the
 * certificates its custom domains ask for admit;
 * else signed-in callers (the IAM principals allowed to invoke it, where IAM decides every route).
 */
function callersOf(api: Api, routes: readonly Route[], open: boolean, model: AppModel): string {
  const front = internetFrontOf(api, model);
  if (open) return front ? internetCallersThrough(front) : 'anyone on the internet';
  // A route that reaches nothing behind the gateway (a mock, one refusing every request) speaks for the callers only of an API that has nothing else.
  const reaching = routes.some((r) => !reachesNothing(r)) ? routes.filter((r) => !reachesNothing(r)) : routes;
  // A WebSocket route is called on a connection its `$connect` admitted: that route's authorization decides.
  const index = ModelIndex.of(model);
  const gates = reaching.map((r) => connectionGate(r, api, index) ?? r);
  const unsigned = gates.some((r) => r.auth.type === 'none' && !r.auth.apiKeyRequired);
  // IAM authorization admits the principals whose policies allow execute-api:Invoke, not whoever signs in.
  if (!unsigned && gates.length > 0 && gates.every((r) => r.auth.type === 'iam')) return 'any IAM principal allowed execute-api:Invoke on it';
  if (!unsigned) return 'any authenticated caller';
  const narrowing = apiPolicyNarrowing(api);
  if (narrowing) return `anyone its resource policy admits (${narrowing.admits})`;
  const certificates = certificateGate(api, model);
  if (certificates) return certificateHolders(certificates);
  if (heldBackByPrivateNetwork(api, model)) return privateApiCallers(api);
  // Left: an API whose every route answers with a mock integration, which no route counts as open.
  return front ? internetCallersThrough(front) : 'anyone on the internet';
}

/** What a stage's finding says: whether a route is open, who can flood it, what that drives, and a usage plan that limits nobody. */
interface Flood {
  open: boolean;
  who: string;
  effect: string;
  idle?: Resource;
}

function stageResult(api: Api, stage: ApiStage, { open, who, effect, idle }: Flood, place: StageSettingsPlace): RuleResult {
  const name = display(stage.name);
  return {
    message: `Stage ${name} of API ${nameOf(api)} has no throttling${limitsText(api, idle)}: ${who} can send requests up to the account-wide quota, ${effect} and starving the account's other APIs. ${quickCreateStageFix({ api, stage }, QUICK_CREATE_LIMITS) ?? fixText(api, idle, place)}`,
    location: stage.loc,
    related: [{ loc: api.loc, message: `API ${nameOf(api)}` }, ...(idle ? [{ loc: idle.loc, message: `${planName(idle)}, which sets no throttle or quota` }] : [])],
    subject: subjectOf(api),
    key: [api.logicalId, name],
    ...(open ? {} : { severity: 'low' as const }),
  };
}

const QUICK_CREATE_LIMITS = { cloudFormation: 'DefaultRouteSettings rate and burst limits', terraform: 'default_route_settings { throttling_rate_limit, throttling_burst_limit }' };

/** Usage plans belong to REST APIs: of an HTTP or WebSocket API only the stage's limits are said. */
function limitsText(api: Api, idle: Resource | undefined): string {
  if (api.protocol !== 'rest') return '';
  return idle ? ` and ${planName(idle)} sets no throttle or quota` : ' and no usage plan limits its callers';
}

function fixText(api: Api, idle: Resource | undefined, place: StageSettingsPlace): string {
  if (api.protocol !== 'rest') return place === 'globals' ? `Set DefaultRouteSettings rate and burst limits under Globals: HttpApi ${BY_SAM}.` : "Set the stage's default route rate and burst limits.";
  const limits = place === 'globals' ? `Set MethodSettings rate and burst limits under Globals: Api ${BY_SAM}` : 'Set stage rate and burst limits';
  return idle ? `${limits}, or a throttle on ${planName(idle)} for its API-key holders.` : `${limits}.`;
}

/** Why the limits of the API SAM makes from the functions' events go under `Globals`: it has no resource of its own to write them on. */
const BY_SAM = "(SAM makes this API from the functions' events)";

/** `usage plan Plan`, or the one SAM makes of an API's `Auth.UsagePlan`. */
function planName(plan: Resource): string {
  return plan.type === USAGE_PLAN_TYPE ? `usage plan ${nameOf(plan)}` : `the usage plan of ${nameOf(plan)}'s Auth.UsagePlan`;
}
