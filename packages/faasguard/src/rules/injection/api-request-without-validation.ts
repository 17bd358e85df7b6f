import { codeFactsFor } from '../../code/code-facts.js';
import type { AppModel, LambdaFunction, Resource, Route } from '../../model/app-model.js';
import { ModelIndex } from '../../model/model-index.js';
import { routeName } from '../../model/route-name.js';
import { isOpenRoute } from '../dos/open-routes.js';
import { codeScope } from '../code-scope.js';
import type { Rule, RuleContext, RuleResult } from '../rule.js';
import { nameOf, subjectOf } from '../subject.js';
import { reachesNothing } from '../../model/facts/route-reach.js';

/** Methods whose requests carry a body that a model can describe. */
const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);

export const apiRequestWithoutValidation: Rule = {
  meta: {
    id: 'api-request-without-validation',
    title: 'Public API route whose requests nothing validates',
    category: 'SAS-1',
    cwe: ['CWE-20'],
    severity: 'low',
    description:
      "A REST API method that anyone on the internet can call takes a body (`POST`, `PUT`, `PATCH`) or declares required query string or header parameters, and API Gateway validates neither: no request validator (`RequestValidatorId`, `x-amazon-apigateway-request-validator`, a SAM event's `RequestModel`) checks the body against a model or the required parameters for presence. Every malformed, oversized or hostile payload then reaches the integration (the function, the HTTP backend, or the queue or table an AWS service integration writes to) and is paid for, and the backend alone stands between it and the data.\n\n" +
      'Defence in depth: the backend must still validate what it receives, a gateway model cannot express every rule. Severity: `low`. Only routes without authorization on an API reachable from the internet are judged (an authenticated caller is accountable), and only where the template tells the methods (not `ANY` proxies, whose body has no single shape); not a route whose function\'s handler, when its code was analysed, never reads its event, nor one that starts a state machine whose states never use their input (what a request holds reaches nothing there). HTTP APIs have no request validation at all, so for them validation belongs in the function: an open `POST`, `PUT` or `PATCH` route of an HTTP API is reported when its function\'s code was analysed, reads the request body (`event.body`, `req.body`, `event["body"]`, Powertools `json_body`, Flask `request.json`), and neither it nor the files it imports import a schema validation library (zod, joi, yup, ajv, superstruct, valibot, class-validator, `@middy/validator`, Powertools parser or validation, `@faasguard/guard`; pydantic, jsonschema, marshmallow, cerberus, voluptuous …: the list is `VALIDATION_LIBRARIES` in `code/input-validation.ts`). Checks written by hand (`if (typeof body.qty !== \'number\')`) are not recognised; if they cover every field, suppress the finding with that reason.',
    remediation:
      'HTTP API: parse the body with a schema in the function before using any field (`const order = Order.parse(JSON.parse(event.body))` with zod, a pydantic model, the Powertools parser), and answer 400 when it fails. REST API: define a model (JSON schema) for the body and a request validator that checks the body and the parameters: `AWS::ApiGateway::RequestValidator` with `ValidateRequestBody: true` and `ValidateRequestParameters: true`, named by the method\'s `RequestValidatorId` with `RequestModels`; in OpenAPI, `x-amazon-apigateway-request-validators` and `x-amazon-apigateway-request-validator`; in SAM, the event\'s `RequestModel` with `ValidateBody: true`.',
    example: {
      language: 'yaml',
      vulnerable: 'CreateOrder:\n  Type: AWS::ApiGateway::Method\n  Properties:\n    HttpMethod: POST\n    AuthorizationType: NONE',
      fixed: 'CreateOrder:\n  Type: AWS::ApiGateway::Method\n  Properties:\n    HttpMethod: POST\n    AuthorizationType: NONE\n    RequestValidatorId: !Ref BodyValidator\n    RequestModels:\n      application/json: !Ref OrderModel',
    },
    references: ['https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-method-request-validation.html'],
    judges: ['AWS::ApiGateway::Method', 'AWS::ApiGateway::RequestValidator', 'AWS::Serverless::Api', 'AWS::Serverless::HttpApi', 'AWS::ApiGatewayV2::Route', 'AWS::Serverless::Function', 'function code'],
  },
  check(ctx) {
    return [...restMethods(ctx), ...httpApiRoutes(ctx)];
  },
};

function restMethods(ctx: RuleContext): RuleResult[] {
  const model = ctx.model;
  const index = ModelIndex.of(model);
  const results: RuleResult[] = [];
  const ignoring = handlersIgnoringEvents(ctx);
  for (const route of model.routes) {
    const api = index.api(route.apiId);
    const v = route.requestValidation;
    if (!api || !v || !isOpenRoute(route, api, model) || reachesNothing(route)) continue;
    const gaps = unvalidated(route);
    if (gaps.length === 0 || (route.functionId !== undefined && ignoring.has(route.functionId)) || startsMachineIgnoringInput(route, index)) continue;
    const target = integrationTarget(route, index);
    results.push({
      message: `Route ${routeName(route)} of API ${nameOf(api)} is open to anyone and API Gateway does not validate ${gaps.join(' nor ')}: every malformed or hostile request reaches ${target.text}. Add a request validator and a model.`,
      location: v.loc,
      related: target.resource ? [{ loc: target.resource.loc, message: target.text }] : [],
      subject: subjectOf(route),
      key: [api.logicalId, route.method, route.path],
    });
  }
  return results;
}

/** What the route's requests reach, named as the model knows it: a function, a resource through a service's action, or the integration. */
function integrationTarget(route: Route, index: ModelIndex): { text: string; resource?: Resource | LambdaFunction } {
  const fn = index.function(route.functionId);
  if (fn) return { text: `function ${nameOf(fn)}`, resource: fn };
  const integration = route.integration;
  if (integration?.kind === 'http') return { text: 'its HTTP backend' };
  if (integration?.kind !== 'aws-service' || integration.service === undefined) return { text: 'its integration' };
  // Without an action in its URI (SQS and SNS take theirs as a request parameter), the service alone is named.
  const through = integration.action ? `${integration.service}:${integration.action}` : `its ${integration.service} integration`;
  const resource = index.resource(integration.targetId);
  if (resource) return { text: `${nameOf(resource)} through ${through}`, resource };
  return { text: integration.action ? `its ${through} integration` : through };
}

/**
 * The functions whose handler never reads its event (when the code was analysed): what a request
 * holds reaches nothing there, so validating it protects nothing.
 */
function handlersIgnoringEvents(ctx: RuleContext): Set<string> {
  const scope = codeScope(ctx);
  if (!scope) return new Set();
  const facts = codeFactsFor(ctx.model, scope);
  return new Set([...facts.byFunction].filter(([, code]) => code.analysis?.ignoresEvent === true).map(([id]) => id));
}

/** A route whose integration starts a state machine that never uses its input (`Resource.ignoresInput`). */
function startsMachineIgnoringInput(route: Route, index: ModelIndex): boolean {
  const integration = route.integration;
  return integration?.service === 'states' && index.resource(integration.targetId)?.ignoresInput === true;
}

/**
 * Open HTTP API routes with a body: the API cannot validate it, so the function must. Reported when
 * the function's code was analysed, reads the request body, and imports no validation library.
 */
function httpApiRoutes(ctx: RuleContext): RuleResult[] {
  const scope = codeScope(ctx);
  if (!scope) return [];
  const index = ModelIndex.of(ctx.model);
  const candidates = ctx.model.routes.filter((r) => {
    const api = index.api(r.apiId);
    return api?.protocol === 'http' && BODY_METHODS.has(r.method) && r.functionId !== undefined && isOpenRoute(r, api, ctx.model);
  });
  if (candidates.length === 0) return [];
  const facts = codeFactsFor(ctx.model, scope);
  const results: RuleResult[] = [];
  for (const route of candidates) {
    const code = route.functionId === undefined ? undefined : facts.byFunction.get(route.functionId);
    if (!code?.analysis) continue;
    const files = code.files.map((f) => facts.files.get(f)).filter((f) => f !== undefined);
    const reading = files.find((f) => f.requestBodyRead !== undefined);
    if (!reading || files.some((f) => f.validators.length > 0)) continue;
    const api = index.api(route.apiId)!;
    results.push({
      message: `Route ${routeName(route)} of HTTP API ${nameOf(api)} is open to anyone, and HTTP APIs cannot validate requests: the body goes straight to function ${nameOf(code.fn)}, whose code reads it (${reading.requestBodyRead!.file}:${reading.requestBodyRead!.line}) and imports no validation library. Validate the body against a schema in the function (zod, ajv, pydantic, Powertools parser) before using it.`,
      location: route.auth.loc,
      related: [{ loc: reading.requestBodyRead!, message: `${nameOf(code.fn)} reads the request body` }],
      subject: subjectOf(route),
      key: [api.logicalId, route.method, route.path],
    });
  }
  return results;
}

/** What the route takes and no validator checks: `its body`, `its required parameters (…)`. */
function unvalidated(route: Route): string[] {
  const v = route.requestValidation!;
  const gaps: string[] = [];
  if (BODY_METHODS.has(route.method) && !v.body) gaps.push('its body');
  if (v.requiredParameters.length > 0 && !v.parameters) gaps.push(`its required parameters (${v.requiredParameters.map((p) => p.replace(/^method\.request\./, '')).join(', ')})`);
  return gaps;
}
