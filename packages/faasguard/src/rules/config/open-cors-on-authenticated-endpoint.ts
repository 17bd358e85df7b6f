import { corsFacts, type CorsFacts } from '../../model/facts/cors-facts.js';
import type { Api, AppModel, FunctionUrl, LambdaFunction } from '../../model/app-model.js';
import { qualifierText, urlKey } from '../../model/facts/function-urls.js';
import type { Rule, RuleResult } from '../rule.js';
import { nameOf, subjectOf } from '../subject.js';
import { ModelIndex } from '../../model/model-index.js';

/** Route authorizations that identify the caller (an API key does not). */
const AUTHENTICATED = new Set(['iam', 'cognito', 'jwt', 'lambda']);

export const openCorsOnAuthenticatedEndpoint: Rule = {
  meta: {
    id: 'open-cors-on-authenticated-endpoint',
    title: 'CORS open to every origin on an authenticated API or Function URL',
    category: 'SAS-3',
    cwe: ['CWE-942'],
    severity: 'low',
    judges: ['AWS::Serverless::Api', 'AWS::Serverless::HttpApi', 'AWS::ApiGatewayV2::Api', 'AWS::Lambda::Url'],
    description:
      'An API with authenticated routes, or a Function URL with `AuthType: AWS_IAM`, allows cross-origin requests from any origin (`*`). Browsers then let every web site call the endpoint from a visitor\'s browser and read the answers: the origin check, which would have stopped a phishing or compromised site from driving the API with credentials it obtains (tokens leaked from storage, a user tricked into signing in), is gone.\n\n' +
      'Severity: `low` when credentials are not allowed (the attacker still needs the caller\'s token); `high` with `AllowCredentials: true`, where the browser adds the visitor\'s cookies and any site reads the visitor\'s data.',
    remediation:
      'List the exact origins of your front ends in `AllowOrigins` (`AllowOrigin` for a SAM REST API), never `*` for an endpoint that checks who calls it. Keep `AllowCredentials` false unless cookies are needed, and then only with named origins.',
    example: {
      language: 'yaml',
      vulnerable: "CorsConfiguration:\n  AllowOrigins: ['*']",
      fixed: 'CorsConfiguration:\n  AllowOrigins: [https://app.example.com]',
    },
    references: ['https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-cors.html', 'https://docs.aws.amazon.com/lambda/latest/dg/urls-configuration.html#urls-cors', 'https://cwe.mitre.org/data/definitions/942.html'],
  },
  check({ model }) {
    const results: RuleResult[] = [];
    for (const api of model.apis) {
      const cors = corsFacts(api.cors);
      if (cors?.anyOrigin && hasAuthenticatedRoute(model, api)) results.push(apiResult(api, cors));
    }
    for (const fn of model.functions) {
      for (const url of fn.urls) {
        const cors = corsFacts(url.cors);
        if (url.authType === 'AWS_IAM' && cors?.anyOrigin) results.push(urlResult(fn, url, cors));
      }
    }
    return results;
  },
};

function hasAuthenticatedRoute(model: AppModel, api: Api): boolean {
  return ModelIndex.of(model).routesOf(api).some((r) => AUTHENTICATED.has(r.auth.type));
}

function apiResult(api: Api, cors: CorsFacts): RuleResult {
  return {
    message: `API ${nameOf(api)} has authenticated routes and allows CORS from any origin${credentialsText(cors)}. Allow only the origins of your own front ends.`,
    location: api.loc,
    subject: subjectOf(api),
    key: [api.logicalId],
    ...(cors.allowCredentials ? { severity: 'high' as const } : {}),
  };
}

function urlResult(fn: LambdaFunction, url: FunctionUrl, cors: CorsFacts): RuleResult {
  return {
    message: `Function URL${qualifierText(url)} of ${nameOf(fn)} requires IAM authentication and allows CORS from any origin${credentialsText(cors)}. Allow only the origins of your own front ends.`,
    location: url.loc,
    related: [{ loc: fn.loc, message: `function ${nameOf(fn)}` }],
    subject: subjectOf(fn),
    key: urlKey(fn, url, 'url'),
    ...(cors.allowCredentials ? { severity: 'high' as const } : {}),
  };
}

function credentialsText(cors: CorsFacts): string {
  return cors.allowCredentials
    ? ' with credentials: any web site can make a signed-in visitor\'s browser call it with their cookies and read the answers'
    : ': any web site can call it from visitors\' browsers and read the answers, with whatever credentials it gets hold of';
}
