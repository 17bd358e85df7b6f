import type { Rule, RuleResult } from '../rule.js';
import { nameOf, subjectOf } from '../subject.js';
import { isPrivateApi, settingScope, settingsWith, stageKey, stagesOf, stageText } from './api-stages.js';

export const apiStageDataTraceEnabled: Rule = {
  meta: {
    id: 'api-stage-data-trace-enabled',
    title: 'API stage logs full requests and responses (data trace)',
    category: 'SAS-5',
    cwe: ['CWE-532'],
    severity: 'medium',
    description:
      'A REST or WebSocket API stage sets `DataTraceEnabled: true` (in `MethodSettings`, a Deployment\'s `StageDescription` or `DefaultRouteSettings`). API Gateway then writes every request and response of those methods to the `API-Gateway-Execution-Logs_…` log group: headers with bearer tokens and API keys, cookies, request bodies with passwords and personal data, and whatever the backend answers. Anyone who may read the account\'s logs can replay the tokens, and the data is kept as long as the group keeps it (forever by default, since API Gateway creates that group without retention). AWS recommends it for troubleshooting only.\n\n' +
      'Severity: `medium` when the API is reachable from the internet (every caller\'s credentials and data are logged); `low` for a private API.',
    remediation:
      'Set `DataTraceEnabled: false` (or leave it out) and keep execution logging at `LoggingLevel: ERROR` or `INFO` for diagnosis; use access logs with chosen `$context` fields to record who called what. Turn data trace on only temporarily, on a non-production stage.',
    example: {
      language: 'yaml',
      vulnerable: 'MethodSettings:\n  - HttpMethod: "*"\n    ResourcePath: "/*"\n    LoggingLevel: INFO\n    DataTraceEnabled: true',
      fixed: 'MethodSettings:\n  - HttpMethod: "*"\n    ResourcePath: "/*"\n    LoggingLevel: ERROR\n    DataTraceEnabled: false',
    },
    references: ['https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-logging.html', 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-apigateway-stage-methodsetting.html'],
    judges: ['AWS::ApiGateway::Stage', 'AWS::ApiGateway::Deployment', 'AWS::ApiGatewayV2::Stage', 'AWS::Serverless::Api'],
  },
  check({ model }) {
    const results: RuleResult[] = [];
    for (const s of stagesOf(model)) {
      const traced = settingsWith(s.stage, (m) => m.dataTraceEnabled);
      if (traced.length === 0) continue;
      const privateApi = isPrivateApi(s.api, model);
      const who = privateApi ? 'every caller from the VPCs that reach this private API' : 'every caller on the internet';
      results.push({
        message: `${stageText(s)} logs full requests and responses (DataTraceEnabled for ${traced.map(settingScope).join(', ')}): the tokens, cookies and personal data of ${who} end up in its execution logs, readable and replayable by anyone with access to them. Turn data trace off.`,
        location: traced[0]!.loc,
        related: [{ loc: s.api.loc, message: `API ${nameOf(s.api)}` }],
        subject: subjectOf(s.api),
        key: stageKey(s),
        ...(privateApi ? { severity: 'low' as const } : {}),
      });
    }
    return results;
  },
};
