import { GRAPHQL_API_TYPES, graphqlApiFacts, type GraphqlApiFacts, type GraphqlDataSource } from '../../model/facts/graphql-api-facts.js';
import { ModelIndex } from '../../model/model-index.js';
import type { Rule, RuleResult } from '../rule.js';
import { nameOf, subjectOf } from '../subject.js';

export const appsyncApiKeyOnly: Rule = {
  meta: {
    id: 'appsync-api-key-only',
    title: 'GraphQL API whose default authorization is an API key',
    category: 'SAS-2',
    cwe: ['CWE-306', 'CWE-287'],
    severity: 'medium',
    description:
      "An AppSync GraphQL API (`AWS::AppSync::GraphQLApi`, SAM's `AWS::Serverless::GraphQLApi`, Terraform's `aws_appsync_graphql_api`) has `API_KEY` as its default authorization mode. The default mode governs every query, mutation and subscription the schema does not mark with another mode's directive (`@aws_iam`, `@aws_cognito_user_pools` …). An API key identifies an application, not a user: it ships inside every web page and mobile app that calls the API, anyone can copy it from there, and it stays valid until it expires. So these operations are open to the internet, and every data source their resolvers use (tables, functions, HTTP endpoints, Bedrock) is within reach of whoever reads the key.\n\n" +
      'Severity: `medium`: the key is public by design, but whether the open operations read or change something sensitive depends on the schema. The finding names the data sources the resolvers use. Additional modes do not close it: they apply only to the fields marked for them.',
    remediation:
      'Make a mode that identifies the caller the default: `AMAZON_COGNITO_USER_POOLS`, `OPENID_CONNECT`, `AWS_LAMBDA` (an authorizer function) or `AWS_IAM`. If some fields must stay public, add `API_KEY` as an additional provider and mark only those fields with `@aws_api_key`; never let a mutation or a resolver with side effects take the key alone.',
    example: {
      language: 'yaml',
      vulnerable: 'ChatApi:\n  Type: AWS::AppSync::GraphQLApi\n  Properties:\n    Name: chat\n    AuthenticationType: API_KEY',
      fixed: 'ChatApi:\n  Type: AWS::AppSync::GraphQLApi\n  Properties:\n    Name: chat\n    AuthenticationType: AMAZON_COGNITO_USER_POOLS\n    UserPoolConfig:\n      UserPoolId: !Ref UserPool\n      AwsRegion: !Ref AWS::Region\n      DefaultAction: ALLOW\n    AdditionalAuthenticationProviders:\n      - AuthenticationType: API_KEY  # only for fields marked @aws_api_key',
    },
    references: ['https://docs.aws.amazon.com/appsync/latest/devguide/security-authz.html', 'https://owasp.org/www-project-serverless-top-10/'],
    judges: ['AWS::AppSync::GraphQLApi', 'AWS::Serverless::GraphQLApi'],
  },
  check({ model }) {
    const results: RuleResult[] = [];
    for (const resource of ModelIndex.of(model).resourcesOfTypes(GRAPHQL_API_TYPES)) {
      const facts = graphqlApiFacts(resource, model);
      if (facts?.defaultMode === 'API_KEY') results.push(resultFor(facts));
    }
    return results;
  },
};

function resultFor(facts: GraphqlApiFacts): RuleResult {
  const api = facts.resource;
  const others = facts.additionalModes.filter((m) => m !== 'API_KEY');
  const additional = others.length > 0 ? ` (its additional ${others.join(', ')} ${others.length === 1 ? 'mode applies' : 'modes apply'} only to the fields marked for ${others.length === 1 ? 'it' : 'them'})` : '';
  const reach = facts.dataSources.length > 0 ? ` Its resolvers use ${facts.dataSources.map(sourceText).join(', ')}.` : '';
  return {
    message: `GraphQL API ${nameOf(api)} authorizes with an API key by default${additional}: every operation the schema does not mark for another mode is open to whoever holds the key, which every client carries.${reach} Make Cognito user pools, OIDC, IAM or a Lambda authorizer the default mode.`,
    location: facts.defaultModeLoc,
    related: facts.dataSources.map((d) => ({ loc: d.loc, message: `data source ${d.name}` })),
    subject: subjectOf(api),
    key: [api.logicalId],
  };
}

function sourceText(d: GraphqlDataSource): string {
  const kind = d.type === 'AWS_LAMBDA' ? 'function' : d.type === 'AMAZON_DYNAMODB' ? 'table' : d.type;
  return d.target ? `${d.name} (${kind} ${nameOf(d.target)})` : `${d.name} (${kind})`;
}
