/**
 * Whether what a function returns reaches whoever sent the event: an HTTP response through API
 * Gateway, a Function URL or a load balancer does; the return value of an S3, SQS, SNS,
 * EventBridge, stream or scheduled invocation does not, nor does a WebSocket `$connect` or
 * `$disconnect` integration's (API Gateway sends neither body to the client), nor another WebSocket
 * route's without a route response (routes are one-way by default).
 */
import type { AppModel, LambdaFunction, Trigger, TriggerKind } from '../../model/app-model.js';
import { API_TRIGGER_KINDS } from '../../model/trigger-kind.js';
import { ModelIndex } from '../../model/model-index.js';
import { routeResponseRouteId } from '../../model/facts/route-response-facts.js';

/** `workflow`: a state machine's task; its result becomes the state's output, which the workflow passes on. */
export type ResponseReach = 'caller' | 'workflow' | 'unknown' | 'nobody';

const SYNCHRONOUS_HTTP = new Set<TriggerKind>([...API_TRIGGER_KINDS, 'function-url', 'alb']);
const WEBSOCKET_SILENT_ROUTES = new Set(['$connect', '$disconnect']);

/** `caller` when a trigger (or an API Gateway or load balancer invoke permission) returns the response to a client, `unknown` when the template shows nothing that says (direct invocation, an unknown source). */
export function responseReach(fn: LambdaFunction, model: AppModel): ResponseReach {
  const index = ModelIndex.of(model);
  const triggers = index.triggersOf(fn);
  if (triggers.some((t) => answersCaller(t, index, model))) return 'caller';
  if (triggers.some((t) => t.kind === 'step-functions')) return 'workflow';
  // An Alexa skill's answer goes to the Alexa service, which decides what the user hears.
  if (!triggers.every((t) => t.kind === 'unknown' || t.kind === 'alexa')) return 'nobody';
  return hasHttpInvokePermission(fn, model) ? 'caller' : 'unknown';
}

/**
 * Whether every caller that receives the function's response refuses one whose status code is
 * missing or not a number: a REST API's proxy integration and a load balancer answer it with a 502
 * and no body. An HTTP API (payload 2.0) and a Function URL take a response without a status code
 * as a 200 whose body is the whole object returned, and an invoke permission alone does not say
 * which kind of API calls.
 */
export function everyCallerRejectsMalformedStatus(fn: LambdaFunction, model: AppModel): boolean {
  const index = ModelIndex.of(model);
  const callers = index.triggersOf(fn).filter((t) => answersCaller(t, index, model));
  if (callers.length === 0) return false;
  return callers.every((t) => STATUS_CHECKING.has(t.kind));
}

const STATUS_CHECKING = new Set<TriggerKind>(['apigw-rest', 'alb']);

/** An API whose integrations live in an OpenAPI body, or a load balancer target group, shows only as its invoke permission. */
export function hasHttpInvokePermission(fn: LambdaFunction, model: AppModel): boolean {
  return ModelIndex.of(model).permissionsOf(fn).some((p) => typeof p.principal === 'string' && HTTP_PRINCIPALS.has(p.principal));
}

const HTTP_PRINCIPALS = new Set(['apigateway.amazonaws.com', 'elasticloadbalancing.amazonaws.com']);

function answersCaller(t: Trigger, index: ModelIndex, model: AppModel): boolean {
  if (!SYNCHRONOUS_HTTP.has(t.kind)) return false;
  const route = index.route(t.routeId);
  if (!route || index.api(route.apiId)?.protocol !== 'websocket') return true;
  if (WEBSOCKET_SILENT_ROUTES.has(route.method.toLowerCase())) return false;
  // A WebSocket route is one-way unless a route response sends the integration's answer back.
  return model.resources.some((r) => routeResponseRouteId(r) === route.id);
}
