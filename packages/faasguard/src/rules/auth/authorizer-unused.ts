import type { Rule, RuleResult } from '../rule.js';
import { nameOf } from '../subject.js';
import { ModelIndex } from '../../model/model-index.js';

export const authorizerUnused: Rule = {
  meta: {
    id: 'authorizer-unused',
    title: 'Authorizer attached to no route',
    category: 'SAS-2',
    cwe: ['CWE-306'],
    severity: 'low',
    judges: ['AWS::Serverless::Api', 'AWS::Serverless::HttpApi', 'AWS::ApiGateway::Authorizer', 'AWS::ApiGatewayV2::Authorizer'],
    description:
      "An authorizer is defined on an API but no route uses it. This is usually a route that was meant to be protected and is not: the authorizer gives a false sense of security in reviews of the template.",
    remediation: 'Attach the authorizer to the routes it was written for (or make it the API\'s default authorizer), or remove it.',
    example: {
      language: 'yaml',
      vulnerable: 'Auth:\n  Authorizers:\n    CognitoAuth:\n      UserPoolArn: !GetAtt Pool.Arn',
      fixed: 'Auth:\n  DefaultAuthorizer: CognitoAuth\n  Authorizers:\n    CognitoAuth:\n      UserPoolArn: !GetAtt Pool.Arn',
    },
  },
  check({ model }) {
    const results: RuleResult[] = [];
    for (const api of model.apis) {
      // Other stacks may add routes that use it to an API defined elsewhere.
      if (api.definedElsewhere) continue;
      const routes = ModelIndex.of(model).routesOf(api);
      for (const authorizer of api.authorizers) {
        if (routes.some((r) => r.auth.authorizer === authorizer.name)) continue;
        results.push({
          message: `Authorizer ${authorizer.name} of API ${nameOf(api)} protects no route${routes.length ? `; ${routes.length} route(s) use other authorization` : ''}.`,
          location: authorizer.loc,
          related: [{ loc: api.loc, message: `API ${nameOf(api)}` }],
          subject: { id: `${api.id}#${authorizer.name}`, logicalId: authorizer.name },
          key: [api.logicalId, authorizer.name],
        });
      }
    }
    return results;
  },
};
