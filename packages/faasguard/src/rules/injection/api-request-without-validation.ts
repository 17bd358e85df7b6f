import type { Route } from '../../model/app-model.js';
import { ModelIndex } from '../../model/model-index.js';
import { routeName } from '../../model/route-name.js';
import { isOpenRoute } from '../dos/open-routes.js';
import type { Rule, RuleResult } from '../rule.js';
import { nameOf, subjectOf } from '../subject.js';

/** Methods whose requests carry a body that a model can describe. */
const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);

export const apiRequestWithoutValidation: Rule = {
  meta: {
    id: 'api-request-without-validation',
    title: 'Public REST method without request validation',
    category: 'SAS-1',
    cwe: ['CWE-20'],
    severity: 'low',
    description:
      "A REST API method that anyone on the internet can call takes a body (`POST`, `PUT`, `PATCH`) or declares required query string or header parameters, and API Gateway validates neither: no request validator (`RequestValidatorId`, `x-amazon-apigateway-request-validator`, a SAM event's `RequestModel`) checks the body against a model or the required parameters for presence. Every malformed, oversized or hostile payload then reaches the integration (the function, the HTTP backend, or the queue or table an AWS service integration writes to) and is paid for, and the backend alone stands between it and the data.\n\n" +
      'Defence in depth: the backend must still validate what it receives, a gateway model cannot express every rule. Severity: `low`. Only routes without authorization on an API reachable from the internet are judged (an authenticated caller is accountable), and only where the template tells the methods (not `ANY` proxies, whose body has no single shape). HTTP APIs have no request validation at all: their open routes are reported by `api-route-without-auth`, and validation belongs in the function.',
    remediation:
      'Define a model (JSON schema) for the body and a request validator that checks the body and the parameters: `AWS::ApiGateway::RequestValidator` with `ValidateRequestBody: true` and `ValidateRequestParameters: true`, named by the method\'s `RequestValidatorId` with `RequestModels`; in OpenAPI, `x-amazon-apigateway-request-validators` and `x-amazon-apigateway-request-validator`; in SAM, the event\'s `RequestModel` with `ValidateBody: true`.',
    example: {
      language: 'yaml',
      vulnerable: 'CreateOrder:\n  Type: AWS::ApiGateway::Method\n  Properties:\n    HttpMethod: POST\n    AuthorizationType: NONE',
      fixed: 'CreateOrder:\n  Type: AWS::ApiGateway::Method\n  Properties:\n    HttpMethod: POST\n    AuthorizationType: NONE\n    RequestValidatorId: !Ref BodyValidator\n    RequestModels:\n      application/json: !Ref OrderModel',
    },
    references: ['https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-method-request-validation.html'],
    judges: ['AWS::ApiGateway::Method', 'AWS::ApiGateway::RequestValidator', 'AWS::Serverless::Api', 'AWS::Serverless::Function'],
  },
  check({ model }) {
    const index = ModelIndex.of(model);
    const results: RuleResult[] = [];
    for (const route of model.routes) {
      const api = index.api(route.apiId);
      const v = route.requestValidation;
      if (!api || !v || !isOpenRoute(route, api) || route.integration?.kind === 'mock') continue;
      const gaps = unvalidated(route);
      if (gaps.length === 0) continue;
      const fn = index.function(route.functionId);
      const target = fn ? ` function ${nameOf(fn)}` : ' its integration';
      results.push({
        message: `Route ${routeName(route)} of API ${nameOf(api)} is open to anyone and API Gateway does not validate ${gaps.join(' nor ')}: every malformed or hostile request reaches${target}. Add a request validator and a model.`,
        location: v.loc,
        related: fn ? [{ loc: fn.loc, message: `function ${nameOf(fn)}` }] : [],
        subject: subjectOf(route),
        key: [api.logicalId, route.method, route.path],
      });
    }
    return results;
  },
};

/** What the route takes and no validator checks: `its body`, `its required parameters (…)`. */
function unvalidated(route: Route): string[] {
  const v = route.requestValidation!;
  const gaps: string[] = [];
  if (BODY_METHODS.has(route.method) && !v.body) gaps.push('its body');
  if (v.requiredParameters.length > 0 && !v.parameters) gaps.push(`its required parameters (${v.requiredParameters.map((p) => p.replace(/^method\.request\./, '')).join(', ')})`);
  return gaps;
}
