import { GRAPHQL_API_TYPES, graphqlApiFacts, type GraphqlApiFacts } from '../../model/facts/graphql-api-facts.js';
import { ModelIndex } from '../../model/model-index.js';
import type { Rule, RuleResult } from '../rule.js';
import { nameOf, subjectOf } from '../subject.js';

export const graphqlApiWithoutLogs: Rule = {
  meta: {
    id: 'graphql-api-without-logs',
    title: 'GraphQL API without CloudWatch logs',
    category: 'SAS-5',
    cwe: ['CWE-778'],
    severity: 'low',
    description:
      "An AppSync GraphQL API writes no logs to CloudWatch Logs: CloudFormation's `LogConfig` (with the role AppSync writes them with) or Terraform's `log_config` is left out, or SAM's `Logging` is `false`. AppSync then keeps no record of the requests it served, the errors its resolvers returned or the callers they came from, so probing of the schema, abuse of an API key and failing resolvers go unseen, and there is nothing to investigate afterwards.\n\n" +
      'Severity: `low`: it takes nothing from an attacker, but it removes the trace they leave. SAM turns logging on by itself unless told not to; a setting known only at deploy time is not judged.',
    remediation:
      "Add `LogConfig` with a `CloudWatchLogsRoleArn` (a role AppSync can assume that may write to CloudWatch Logs) and `FieldLogLevel: ERROR` (or `ALL` while debugging), with `ExcludeVerboseContent: true` so that headers and resolver payloads are not logged. In SAM, leave `Logging` out or configure it instead of `false`; in Terraform, add a `log_config` block.",
    example: {
      language: 'yaml',
      vulnerable: 'ChatApi:\n  Type: AWS::AppSync::GraphQLApi\n  Properties:\n    Name: chat\n    AuthenticationType: AMAZON_COGNITO_USER_POOLS',
      fixed: 'ChatApi:\n  Type: AWS::AppSync::GraphQLApi\n  Properties:\n    Name: chat\n    AuthenticationType: AMAZON_COGNITO_USER_POOLS\n    LogConfig:\n      CloudWatchLogsRoleArn: !GetAtt AppSyncLogsRole.Arn\n      FieldLogLevel: ERROR\n      ExcludeVerboseContent: true',
    },
    references: ['https://docs.aws.amazon.com/appsync/latest/devguide/monitoring.html', 'https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-resource-graphqlapi.html'],
    judges: ['AWS::AppSync::GraphQLApi', 'AWS::Serverless::GraphQLApi'],
    peerChecks: ['Checkov CKV_AWS_193'],
  },
  check({ model }) {
    const results: RuleResult[] = [];
    for (const resource of ModelIndex.of(model).resourcesOfTypes(GRAPHQL_API_TYPES)) {
      const facts = graphqlApiFacts(resource, model);
      if (facts?.logging === false) results.push(resultFor(facts));
    }
    return results;
  },
};

function resultFor(facts: GraphqlApiFacts): RuleResult {
  const api = facts.resource;
  const how = api.type === 'AWS::Serverless::GraphQLApi' ? 'Logging is false' : 'it has no LogConfig with a CloudWatchLogsRoleArn';
  return {
    message: `GraphQL API ${nameOf(api)} writes no logs to CloudWatch Logs (${how}): the requests it serves, its resolvers' errors and who called are not recorded, so probing and abuse leave no trace to alarm on or investigate. Add a LogConfig with FieldLogLevel ERROR.`,
    location: facts.loggingLoc,
    subject: subjectOf(api),
    key: [api.logicalId],
  };
}
