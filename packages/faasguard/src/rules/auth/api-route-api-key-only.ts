import { ModelIndex } from '../../model/model-index.js';
import type { Rule, RuleResult } from '../rule.js';
import { nameOf, subjectOf } from '../subject.js';
import { routeName } from '../../model/route-name.js';

export const apiRouteApiKeyOnly: Rule = {
  meta: {
    id: 'api-route-api-key-only',
    title: 'API route protected by an API key only',
    category: 'SAS-2',
    cwe: ['CWE-287'],
    severity: 'medium',
    description:
      "The route requires an API key and nothing else. API Gateway keys identify a client for usage plans; they are not a means of authentication: they are long-lived, shared, sent in clear headers, embedded in apps and easily leaked, and they say nothing about the user.",
    remediation: 'Add an authorizer (Cognito, JWT or Lambda) or IAM authorization to the route, and keep the API key for throttling and quotas only.',
    example: {
      language: 'yaml',
      vulnerable: 'Auth:\n  Authorizer: NONE\n  ApiKeyRequired: true',
      fixed: 'Auth:\n  Authorizer: CognitoAuth\n  ApiKeyRequired: true',
    },
    references: ['https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-api-usage-plans.html'],
    judges: ['AWS::ApiGateway::Method', 'AWS::Serverless::Api', 'AWS::Serverless::Function'],
  },
  check({ model }) {
    const index = ModelIndex.of(model);
    const results: RuleResult[] = [];
    for (const route of model.routes) {
      if (route.auth.type !== 'none' || !route.auth.apiKeyRequired) continue;
      const api = index.api(route.apiId);
      const fn = index.function(route.functionId);
      const apiName = api ? nameOf(api) : route.apiId;
      results.push({
        message: `Route ${routeName(route)} of API ${apiName} is protected by an API key only: anyone holding a leaked key can call ${fn ? nameOf(fn) : 'it'}.`,
        location: route.auth.loc,
        related: fn ? [{ loc: fn.loc, message: `function ${nameOf(fn)}` }] : [],
        subject: subjectOf(route),
        key: [apiName, route.method, route.path],
      });
    }
    return results;
  },
};
