import type { AppModel, Route, StageMethodSetting } from '../../model/app-model.js';
import { display } from '../../model/value.js';
import type { Rule, RuleResult } from '../rule.js';
import { nameOf, subjectOf } from '../subject.js';
import { answersItself, isPrivateApi, loggingLevel, stageKey, stageSettingsPlace, stagesOf, stageText, type StageOfApi } from './api-stages.js';
import { cloudWatchRoleText } from './cloudwatch-role-text.js';
import { sourceWords } from '../source-words.js';

export const apiStageWithoutExecutionLogging: Rule = {
  meta: {
    id: 'api-stage-without-execution-logging',
    title: 'REST or WebSocket API stage without execution logging',
    category: 'SAS-5',
    cwe: ['CWE-778'],
    severity: 'low',
    description:
      'A REST or WebSocket API stage sets no execution logging level (`LoggingLevel: ERROR` or `INFO` in `MethodSettings`, a Deployment\'s `StageDescription`, or `DefaultRouteSettings`), or sets it to `OFF` for every method. Execution logs are where API Gateway records what it decided: an authorizer that denied a token, a request the validator rejected, an integration that failed or timed out, an API key over its quota. Without them, an attack that fails against the API leaves no trace, and a failure that lets requests through cannot be explained; an access log that writes the error variables (`$context.error.message`, `$context.integration.error`, `$context.authorizer.error` …) keeps one line per failure, without that account, and the message says so. The message names the decisions the API makes: authorization denials only where a route authenticates or requires an API key or the API has a resource policy (or the template does not show the routes), the validator\'s rejections only where one checks requests. Access logs (api-stage-without-access-logs) record who called what; they do not record these decisions. AWS Security Hub control APIGateway.1 asks for `ERROR` or `INFO` on every stage.\n\n' +
      'Severity: `low` (monitoring, not an entry point); `info` for a private API. HTTP APIs have no execution logs and are not judged; nor are APIs whose known routes all answer with a mock integration. Keep data trace off (api-stage-data-trace-enabled): the level alone logs no request bodies.',
    remediation:
      'Set `LoggingLevel: ERROR` (or `INFO`) for every method of the stage: a `MethodSettings` entry with `HttpMethod: "*"` and `ResourcePath: "/*"` (SAM `Api`: the `MethodSettings` property; WebSocket: `DefaultRouteSettings.LoggingLevel`; Serverless Framework: `provider.logs.restApi` with `executionLogging: true`). The account needs a CloudWatch role for API Gateway (`AWS::ApiGateway::Account`).',
    example: {
      language: 'yaml',
      vulnerable: 'ProdStage:\n  Type: AWS::ApiGateway::Stage\n  Properties:\n    StageName: prod',
      fixed: 'ProdStage:\n  Type: AWS::ApiGateway::Stage\n  Properties:\n    StageName: prod\n    MethodSettings:\n      - HttpMethod: "*"\n        ResourcePath: "/*"\n        LoggingLevel: ERROR',
    },
    references: ['https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-logging.html', 'https://docs.aws.amazon.com/securityhub/latest/userguide/apigateway-controls.html'],
    judges: ['AWS::ApiGateway::Stage', 'AWS::ApiGateway::Deployment', 'AWS::ApiGatewayV2::Stage', 'AWS::Serverless::Api'],
    peerChecks: ['AWS Security Hub APIGateway.1', 'AWS Guard Rules Registry api_gw_v1_execution_logging_enabled_check'],
  },
  check({ model }) {
    const results: RuleResult[] = [];
    for (const s of stagesOf(model)) {
      if (s.api.protocol === 'http' || answersItself(model, s.api) || logsExecution(s)) continue;
      const off = (s.stage.methodSettings ?? []).find((m) => loggingLevel(m) === 'OFF');
      results.push({
        message: `${stageText(s)} has no execution logging${off ? ' (LoggingLevel OFF)' : ''}: ${unrecorded(model, s)} ${loggingFix(model, s)}${cloudWatchRoleText(model, s, stageSettingsPlace(model, s))}`,
        location: off?.loc ?? s.stage.loc,
        related: [{ loc: s.api.loc, message: `API ${nameOf(s.api)}` }],
        subject: subjectOf(s.api),
        key: stageKey(s),
        ...(isPrivateApi(s.api, model) ? { severity: 'info' as const } : {}),
      });
    }
    return results;
  },
};

/**
 * What goes unrecorded, named from what the API has: denials where a route authenticates, the API
 * has a resource policy, or the template does not show its routes or its settings, rejections where a validator checks requests, and integration
 * failures always; and whether the stage's access log at least writes their error fields, or their
 * status codes.
 */
function unrecorded(model: AppModel, s: StageOfApi): string {
  const routes = model.routes.filter((r) => r.apiId === s.api.id);
  const refusals = [
    ...(routes.length === 0 || s.api.resourcePolicy || s.api.definedElsewhere || routes.some((r) => r.auth.type !== 'none' || r.auth.apiKeyRequired) ? ['authorization denials'] : []),
    ...(routes.some(validates) ? ['requests the validator rejected'] : []),
  ];
  const what = listText([...refusals, 'integration failures']);
  const steps = `${refusals.includes('authorization denials') ? "the authorizer's answer, " : ''}the request it sent to the integration and what came back`;
  if (accessLogRecordsErrors(s)) return `${what} are recorded only as the access log's error fields, without API Gateway's account of each step (${steps}).`;
  if (accessLogRecordsStatus(s)) return `${what} are recorded only as the access log's status codes, without why each failed or API Gateway's account of each step (${steps}).`;
  // Without a refusal to record, what is lost is why a request failed between API Gateway and its backend.
  if (refusals.length === 0) return 'integration failures (timeouts, responses API Gateway cannot use) leave no record on the API\'s side, so a failing request cannot be explained.';
  return `${what} leave no record, so an attack that fails against the API goes unseen.`;
}

function validates(r: Route): boolean {
  const v = r.requestValidation;
  return v !== undefined && (v.body || (v.parameters && v.requiredParameters.length > 0));
}

function listText(items: readonly string[]): string {
  return items.length === 1 ? items[0]! : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** `$context` variables that put an error's text in the access log line. */
const ERROR_VARIABLES = /\$context\.(?:error\.message(?:String)?|integrationErrorMessage|integration\.error|authorizer\.error|authorize\.error|authenticate\.error|waf\.error)\b/;

function accessLogRecordsErrors(s: StageOfApi): boolean {
  return ERROR_VARIABLES.test(accessLogFormat(s) ?? '');
}

/** The access log writes each response's status (`$context.status`): a failed request leaves a line, if not its cause. */
function accessLogRecordsStatus(s: StageOfApi): boolean {
  return /\$context\.status\b/.test(accessLogFormat(s) ?? '');
}

/** The format of the stage's access log, when it has one. */
function accessLogFormat({ stage }: StageOfApi): string | undefined {
  if (stage.accessLogDestination === undefined || stage.accessLogFormat === undefined) return undefined;
  return typeof stage.accessLogFormat === 'string' ? stage.accessLogFormat : display(stage.accessLogFormat);
}

/** Some method logs at ERROR or INFO, or the level is chosen by a parameter or a condition. */
function logsExecution({ stage }: StageOfApi): boolean {
  return (stage.methodSettings ?? []).some((m) => {
    if (m.loggingLevel === undefined) return false;
    if (typeof m.loggingLevel !== 'string') return true;
    return loggingLevel(m) === 'ERROR' || loggingLevel(m) === 'INFO';
  });
}

/**
 * The setting as the stage's source spells it: every method of a REST stage (under `Globals: Api`
 * for the API SAM makes from the functions' events, which has no resource of its own), the default
 * route of a WebSocket one.
 */
function loggingFix(model: AppModel, s: StageOfApi): string {
  const terraform = sourceWords(s.stage.loc.file).terraform;
  if (s.api.protocol === 'websocket') return terraform ? 'Set default_route_settings { logging_level = "ERROR" } on the stage.' : 'Set DefaultRouteSettings.LoggingLevel: ERROR.';
  if (terraform) return 'Set logging_level = "ERROR" in an aws_api_gateway_method_settings with method_path "*/*".';
  switch (stageSettingsPlace(model, s)) {
    case 'globals':
      return "Set LoggingLevel: ERROR for every method, in MethodSettings under Globals: Api (SAM makes this API from the functions' events).";
    case 'provider':
      return 'Set logs: { restApi: { executionLogging: true, level: ERROR } } under provider.';
    case 'deployment':
      return "Set LoggingLevel: ERROR in the deployment's StageDescription, which makes this stage (it applies to every method).";
    case 'stage':
      return 'Set LoggingLevel: ERROR for every method.';
  }
}
