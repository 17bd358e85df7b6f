/**
 * `x-amazon-apigateway-integration` into what the route hands requests to: a function of the model
 * (a Lambda proxy or custom integration, whose URI names the function's ARN), an AWS service (a REST
 * API's `aws` integration to `arn:aws:apigateway:<region>:<service>:path|action/…`, or an HTTP API's
 * first-class integration named by `integrationSubtype`), an HTTP backend, or a mock.
 */
import type { LambdaFunction, RouteIntegration } from '../../model/app-model.js';
import type { SourceLocation } from '../../model/location.js';
import { display, isValueMap, referencedResource, ResourceRef, Composite, type Value, type ValueMap } from '../../model/value.js';
import type { LoadContext } from '../cloudformation/load-context.js';
import { lookupTable } from '../../util/own-keys.js';

export interface ResolvedIntegration {
  integration: RouteIntegration;
  fn?: LambdaFunction;
}

/** `arn:aws:apigateway:<region>:<service>:path/…` or `…:action/…` (the region may be a `${AWS::Region}` left as written) */
const SERVICE_URI = /^arn:[^:]*:apigateway:(?:\$\{[^}]*\}|[^:])*:([a-z0-9-]+):(?:path|action)\//i;
/** HTTP API integration subtypes (`SQS-SendMessage` …) by the service prefix they call */
const SUBTYPE_SERVICES: Readonly<Record<string, string>> = lookupTable({
  sqs: 'sqs',
  eventbridge: 'events',
  kinesis: 'kinesis',
  stepfunctions: 'states',
  appconfig: 'appconfig',
});

/** Whether a function integration passes the proxy event (`aws_proxy`) or a custom one (`aws`: the body, or what request templates make). */
function lambdaEventShape(type: string, templates: Value | undefined): Pick<RouteIntegration, 'proxy' | 'requestTemplates'> {
  if (type === 'aws_proxy') return { proxy: true };
  if (type !== 'aws') return {};
  return { proxy: false, requestTemplates: isValueMap(templates) && Object.keys(templates).length > 0 };
}

export function resolveIntegration(ctx: LoadContext, v: ValueMap, loc: SourceLocation): ResolvedIntegration {
  const resolved = resolveByType(ctx, v, loc);
  if (!resolved.integration || !rejectsEveryRequest(v)) return resolved;
  return { ...resolved, integration: { ...resolved.integration, rejectsEveryRequest: true } };
}

/**
 * `passthroughBehavior: never` on a custom integration (`aws`, `http`) without a request template:
 * no content type has a template, so API Gateway refuses every request with 415.
 */
function rejectsEveryRequest(v: ValueMap): boolean {
  const type = typeof v['type'] === 'string' ? v['type'].toLowerCase() : '';
  const passthrough = typeof v['passthroughBehavior'] === 'string' ? v['passthroughBehavior'].toLowerCase() : '';
  const templates = v['requestTemplates'];
  return (type === 'aws' || type === 'http') && passthrough === 'never' && !(isValueMap(templates) && Object.keys(templates).length > 0);
}

function resolveByType(ctx: LoadContext, v: ValueMap, loc: SourceLocation): ResolvedIntegration {
  const type = typeof v['type'] === 'string' ? v['type'].toLowerCase() : '';
  if (type === 'mock') return { integration: { kind: 'mock', loc } };
  if (type === 'http' || type === 'http_proxy') return { integration: httpIntegration(ctx, v, loc) };
  const subtype = typeof v['integrationSubtype'] === 'string' ? v['integrationSubtype'] : undefined;
  // `SQS-SendMessage`: the service, then the action.
  if (subtype) return service(ctx, SUBTYPE_SERVICES[subtype.split('-')[0]!.toLowerCase()] ?? subtype, [v['requestParameters']], loc, subtype.split('-')[1]);
  const uri = v['uri'];
  const text = uriText(uri);
  const fn = ctx.builder.functionOf(uri) ?? functionNamedInUri(ctx, uri);
  const shape = lambdaEventShape(type, v['requestTemplates']);
  if (fn && (isLambdaUri(text) || uri instanceof ResourceRef)) return { integration: { kind: 'lambda', targetId: fn.id, ...shape, loc }, fn };
  if (isLambdaUri(text)) return { integration: { kind: 'lambda', ...shape, loc } };
  const match = SERVICE_URI.exec(text);
  if (match) return service(ctx, match[1]!.toLowerCase(), [uri, v['requestParameters'], v['requestTemplates']], loc);
  return { integration: { kind: 'unknown', loc } };
}

/** An HTTP backend: a resource of the model when its URI names one (a load balancer, another API). */
function httpIntegration(ctx: LoadContext, v: ValueMap, loc: SourceLocation): RouteIntegration {
  const target = firstResource(ctx, v['uri']);
  return { kind: 'http', ...(target ? { targetId: target } : {}), ...(v['connectionType'] === 'VPC_LINK' ? { viaVpcLink: true } : {}), loc };
}

/** The URI with deploy-time values as `*`, so that the patterns below see its shape. */
function uriText(v: Value | undefined): string {
  if (typeof v === 'string') return v;
  if (v instanceof ResourceRef) return v.toString();
  if (v instanceof Composite) return v.parts.map((p) => (typeof p === 'string' ? p : p instanceof ResourceRef ? p.toString() : '*')).join('');
  return '';
}

/**
 * A function of the template named in the URI by its FunctionName, as an ARN written out
 * (`…:function:${AWS::StackName}-Approval:live/invocations`): the same text, with the same stack,
 * region and account, names the same function. A name with no text of its own is not matched.
 */
function functionNamedInUri(ctx: LoadContext, uri: Value | undefined): LambdaFunction | undefined {
  const name = /:function:([^:/]+)(?::[^:/]+)?(?:\/invocations)?$/.exec(display(uri))?.[1];
  if (name === undefined || !/[A-Za-z0-9]{2}/.test(name.replace(/<[^>]*>|\$\{[^}]*\}/g, ''))) return undefined;
  return ctx.builder.functionNamed(ctx.template.stackId, name);
}

function isLambdaUri(text: string): boolean {
  return /:lambda:path\/[^/]+\/functions\//.test(text) || /^arn:[^:]*:lambda:/.test(text);
}

/** The first resource of the model that the integration's URI, parameters or templates name is its target. */
function service(ctx: LoadContext, name: string, places: Array<Value | undefined>, loc: SourceLocation, named?: string): ResolvedIntegration {
  const action = named ?? /:action\/([A-Za-z0-9]+)/.exec(uriText(places[0]))?.[1] ?? actionParameter(places[1]) ?? formAction(places[2]);
  const keyedByRequest = name === 'dynamodb' ? requestIdAttributes(places[2]) : [];
  const sms = name === 'sns' && action?.toLowerCase() === 'publish' && phoneNumberFromRequest(places[1], places[2]);
  const integration: RouteIntegration = { kind: 'aws-service', service: name, ...(action ? { action } : {}), ...(keyedByRequest.length > 0 ? { requestIdAttributes: keyedByRequest } : {}), ...(sms ? { smsToCallerNumber: true } : {}), loc };
  for (const place of places) {
    const target = firstResource(ctx, place);
    if (target) return { integration: { ...integration, targetId: target } };
  }
  const machine = name === 'states' ? stateMachineNamedIn(ctx, places) : undefined;
  return { integration: machine ? { ...integration, targetId: machine } : integration };
}

/**
 * A state machine of the template named by its physical name in an ARN the integration writes out
 * (`arn:aws:states:${AWS::Region}:${AWS::AccountId}:stateMachine:Orders` in a request template):
 * the same stack's machine of that `Name` (SAM) or `StateMachineName`.
 */
function stateMachineNamedIn(ctx: LoadContext, places: Array<Value | undefined>): string | undefined {
  const texts = places.flatMap((p) => (isValueMap(p) ? Object.values(p) : [p])).map(uriText);
  for (const text of texts) {
    const name = /:stateMachine:([A-Za-z0-9_-]+)/.exec(text)?.[1];
    if (name === undefined) continue;
    const stack = ctx.template.stackId;
    const machine = ctx.builder.resourceNamed(stack, 'AWS::Serverless::StateMachine', 'Name', name) ?? ctx.builder.resourceNamed(stack, 'AWS::StepFunctions::StateMachine', 'StateMachineName', name);
    if (machine) return machine.id;
  }
  return undefined;
}

/**
 * The attributes that every request template of a DynamoDB integration sets to the request's id
 * (`"id": {"S": "$context.requestId"}`) or its WebSocket connection's: a template that does not, or
 * one the scan cannot read, leaves none.
 */
function requestIdAttributes(templates: Value | undefined): string[] {
  if (!isValueMap(templates)) return [];
  const perTemplate = Object.values(templates).map((t) => new Set([...uriText(t).matchAll(REQUEST_ID_ATTRIBUTE)].map((m) => m[1]!)));
  if (perTemplate.length === 0) return [];
  return [...perTemplate[0]!].filter((name) => perTemplate.every((set) => set.has(name)));
}

/**
 * The action of a query-protocol service (SQS, SNS) called by path (`sqs:path/<account>/<queue>`),
 * where the URI names none: a constant `Action` query parameter, or the form body every request
 * template writes (`Action=SendMessage&MessageBody=…`).
 */
function actionParameter(parameters: Value | undefined): string | undefined {
  const v = isValueMap(parameters) ? parameters['integration.request.querystring.Action'] : undefined;
  return typeof v === 'string' ? /^'([A-Za-z0-9]+)'$/.exec(v)?.[1] : undefined;
}

function formAction(templates: Value | undefined): string | undefined {
  if (!isValueMap(templates)) return undefined;
  const actions = new Set(Object.values(templates).map((t) => /(?:^|[&\s])Action=([A-Za-z0-9]+)(?:&|\s|$)/.exec(uriText(t))?.[1]));
  const [only] = actions;
  return actions.size === 1 ? only : undefined;
}

/**
 * Whether an SNS `Publish` takes its `PhoneNumber` from the request: the query parameter is the
 * method request's (`method.request.querystring.phone`), or every request template writes
 * `PhoneNumber=` from `$input`.
 */
function phoneNumberFromRequest(parameters: Value | undefined, templates: Value | undefined): boolean {
  const mapped = isValueMap(parameters) ? parameters['integration.request.querystring.PhoneNumber'] : undefined;
  if (typeof mapped === 'string' && mapped.startsWith('method.request.')) return true;
  if (!isValueMap(templates)) return false;
  const texts = Object.values(templates).map(uriText);
  return texts.length > 0 && texts.every((t) => /(?:^|[&\s])PhoneNumber=[^&]*\$input\b/.test(t));
}

/**
 * `"<attribute>": {"S": "$context.requestId"}` (or `extendedRequestId`, or a WebSocket route's
 * `connectionId`, which only that connection's requests carry), as a request template writes an
 * item's attribute.
 */
const REQUEST_ID_ATTRIBUTE = /"([A-Za-z0-9_.-]+)"\s*:\s*\{\s*"S"\s*:\s*"\$context\.(?:requestId|extendedRequestId|connectionId)"\s*\}/g;

function firstResource(ctx: LoadContext, v: Value | undefined): string | undefined {
  if (v instanceof ResourceRef || v instanceof Composite) {
    const ref = referencedResource(v);
    return ref && ctx.builder.resource(ref.target) ? ref.target : undefined;
  }
  if (Array.isArray(v)) return v.map((x) => firstResource(ctx, x)).find((x) => x !== undefined);
  if (isValueMap(v)) return Object.values(v).map((x) => firstResource(ctx, x)).find((x) => x !== undefined);
  return undefined;
}
