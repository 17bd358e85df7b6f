import type { Api, ApiStage, AppModel } from '../../model/app-model.js';
import { display } from '../../model/value.js';
import type { Rule, RuleResult } from '../rule.js';
import { nameOf, subjectOf } from '../subject.js';
import { ModelIndex } from '../../model/model-index.js';

export const apiStageWithoutAccessLogs: Rule = {
  meta: {
    id: 'api-stage-without-access-logs',
    title: 'API stage without access logging',
    category: 'SAS-5',
    cwe: ['CWE-778'],
    severity: 'medium',
    description:
      'An API Gateway stage has no access log destination (`AccessLogSetting` for REST APIs, `AccessLogSettings` for HTTP and WebSocket APIs). The API is the front door of the application: without access logs there is no record of who called which route, from which address, with which result, so credential stuffing, enumeration or abuse of a route cannot be detected, and after an incident nobody can tell what was reached.\n\n' +
      'Severity: `medium`: the only record of internet-facing traffic is missing, and it cannot be recovered afterwards.',
    remediation:
      'Send access logs to a CloudWatch Logs group (or Firehose) with a JSON format that includes `$context.requestId`, `$context.identity.sourceIp`, `$context.httpMethod`, `$context.routeKey` or `$context.resourcePath`, `$context.status` and the authorizer\'s principal. Give the log group a retention period.',
    example: {
      language: 'yaml',
      vulnerable: 'MyApi:\n  Type: AWS::Serverless::HttpApi',
      fixed: 'MyApi:\n  Type: AWS::Serverless::HttpApi\n  Properties:\n    AccessLogSettings:\n      DestinationArn: !GetAtt ApiLogs.Arn\n      Format: \'{"requestId":"$context.requestId","ip":"$context.identity.sourceIp","route":"$context.routeKey","status":"$context.status"}\'',
    },
    references: ['https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-logging.html', 'https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-logging.html'],
    judges: ['AWS::ApiGateway::Stage', 'AWS::ApiGatewayV2::Stage', 'AWS::Serverless::Api', 'AWS::Serverless::HttpApi'],
    peerChecks: ['Checkov CKV_AWS_76', 'cfn-nag W69', 'KICS Serverless API Access Logging Setting Undefined'],
  },
  check({ model }) {
    const results: RuleResult[] = [];
    for (const api of model.apis) {
      if (!hasRoutes(model, api)) continue;
      for (const stage of api.stages) if (stage.accessLogDestination === undefined) results.push(stageResult(api, stage));
    }
    return results;
  },
};

/** An API with no route serves nothing yet (routes may live in another stack): nothing to log. */
function hasRoutes(model: AppModel, api: Api): boolean {
  return ModelIndex.of(model).routesOf(api).length > 0;
}

function stageResult(api: Api, stage: ApiStage): RuleResult {
  const name = display(stage.name);
  return {
    message: `Stage ${name} of API ${nameOf(api)} has no access logs: calls to its routes leave no record of caller, route or result, so abuse goes unseen and cannot be investigated. Configure an access log destination.`,
    location: stage.loc,
    related: [{ loc: api.loc, message: `API ${nameOf(api)}` }],
    subject: subjectOf(api),
    key: [api.logicalId, name],
  };
}
