import type { Api, ApiStage, AppModel } from '../../model/app-model.js';
import { answersItself, isPrivateApi, loggingLevel, quickCreateStageFix, settingScope, stageSettingsPlace } from './api-stages.js';
import { cloudWatchRoleText } from './cloudwatch-role-text.js';
import { inServerlessService, sourceWords } from '../source-words.js';
import { naming } from '../../loaders/serverless/naming.js';
import { asBoolean, display } from '../../model/value.js';
import type { Rule, RuleResult } from '../rule.js';
import { nameOf, subjectOf } from '../subject.js';
import type { CodeEvent } from '../../code/taint/analyze-function.js';
import { ModelIndex } from '../../model/model-index.js';
import { routeEvent } from '../../model/facts/route-event.js';
import { wholeEventLoggers } from './whole-event-loggers.js';

export const apiStageWithoutAccessLogs: Rule = {
  meta: {
    id: 'api-stage-without-access-logs',
    title: 'API stage without access logging',
    category: 'SAS-5',
    cwe: ['CWE-778'],
    severity: 'medium',
    description:
      'An API Gateway stage has no access log destination (`AccessLogSetting` for REST APIs, `AccessLogSettings` for HTTP and WebSocket APIs). The API is the front door of the application: without access logs there is no record of who called which route, from which address, with which result, so credential stuffing, enumeration or abuse of a route cannot be detected, and after an incident nobody can tell what was reached.\n\n' +
      'A stage is judged whether or not the template defines routes behind it (they may live in another stack or in an OpenAPI file in S3), and so is a stage the template adds to an API it does not declare (`RestApiId: !ImportValue shared-api`). Execution logging (`LoggingLevel`) does not replace access logs: it records how API Gateway processed a request, for debugging, not one line per call with the caller and the result, and it is often off. Neither do functions that log each whole request they receive (they never see the calls the gateway refuses or throttles, nor the final status and latency of a call), nor X-Ray tracing, which keeps a sample of the calls; the message says which of these the stage has. A function that cannot start logs nothing, and is not counted as logging: its handler file requires at its top a package that nothing ships and its runtime lacks (the AWS SDK v2 on Node.js 18 and later; see `dependency-undeclared`), or its handler declares three parameters or more (`(event, context, callback)`) on Node.js 24 or later, which refuses callback-style handlers. A destination the template writes behind a condition that is false for the scan (`AccessLogSetting: !If [LogsOn, {…}, !Ref AWS::NoValue]`, with the parameter the condition reads at its default) is reported too, as the stage is deployed by default: the message names the condition and the parameters it reads (give `--param` to judge another case).\n\n' +
      'Severity: `medium` for an API reachable from the internet: the only record of its traffic is missing, and it cannot be recovered afterwards; `low` for a private API, and for an API whose routes all answer with mock integrations (they reach nothing behind the gateway: what goes unrecorded is only the traffic itself).',
    remediation:
      'Send access logs to a CloudWatch Logs group (or Firehose) with a JSON format that includes `$context.requestId`, `$context.identity.sourceIp`, `$context.httpMethod`, `$context.routeKey` or `$context.resourcePath`, `$context.status` and the authorizer\'s principal. Give the log group a retention period. For a REST or WebSocket API the account needs a CloudWatch role for API Gateway (`AWS::ApiGateway::Account` with `CloudWatchRoleArn`, once per account and region), or the stage update fails; HTTP APIs do not use it.',
    example: {
      language: 'yaml',
      vulnerable: 'MyApi:\n  Type: AWS::Serverless::HttpApi',
      fixed: 'MyApi:\n  Type: AWS::Serverless::HttpApi\n  Properties:\n    AccessLogSettings:\n      DestinationArn: !GetAtt ApiLogs.Arn\n      Format: \'{"requestId":"$context.requestId","ip":"$context.identity.sourceIp","route":"$context.routeKey","status":"$context.status"}\'',
    },
    references: ['https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-logging.html', 'https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-logging.html'],
    judges: ['AWS::ApiGateway::Stage', 'AWS::ApiGateway::Deployment', 'AWS::ApiGatewayV2::Stage', 'AWS::Serverless::Api', 'AWS::Serverless::HttpApi', 'function code'],
    peerChecks: ['Checkov CKV_AWS_76', 'cfn-nag W45', 'cfn-nag W46', 'cfn-nag W69', 'KICS Serverless API Access Logging Setting Undefined', 'Checkov CKV_AWS_95', 'KICS API Gateway V2 Stage Access Logging Settings Not Defined', 'KICS API Gateway Deployment Without Access Log Setting', 'KICS API Gateway Stage Access Logging Settings Not Defined'],
  },
  // The dependency facts tell which functions cannot start: those log nothing.
  requires: ['dependencies'],
  check(ctx) {
    const { model } = ctx;
    const results: RuleResult[] = [];
    const loggers = wholeEventLoggers(ctx);
    for (const api of model.apis) {
      const logged = requestsLoggedByFunctions(api, model, loggers);
      for (const stage of api.stages) if (stage.accessLogDestination === undefined) results.push(stageResult(api, stage, model, logged));
    }
    return results;
  },
};

/**
 * Where every route of the API (one at least) passes the whole request to a function that logs its
 * event, the first such log call: the functions then record each request they receive.
 */
function requestsLoggedByFunctions(api: Api, model: AppModel, loggers: ReadonlyMap<string, CodeEvent>): CodeEvent | undefined {
  const routes = ModelIndex.of(model).routesOf(api);
  if (routes.length === 0) return undefined;
  const logs = routes.map((r) => (r.functionId !== undefined && routeEvent(r) === 'request' ? loggers.get(r.functionId) : undefined));
  return logs.every((e) => e !== undefined) ? logs[0] : undefined;
}

function stageResult(api: Api, stage: ApiStage, model: AppModel, logged: CodeEvent | undefined): RuleResult {
  const name = display(stage.name);
  const privateApi = isPrivateApi(api, model);
  // Calls to mock routes reach nothing behind the gateway: what goes unrecorded is only their traffic.
  const mock = answersItself(model, api) ? ' (its routes answer with mock integrations, which reach nothing behind the gateway)' : '';
  return {
    message: `Stage ${name} of ${privateApi ? 'private ' : ''}API ${nameOf(api)} has no access logs${mock}${switchedText(api, stage)}: ${unrecorded(stage, logged)}. ${destinationFix(model, api, stage)}${cloudWatchRoleText(model, { api, stage }, stageSettingsPlace(model, { api, stage }))}`,
    location: stage.loc,
    related: [{ loc: api.loc, message: `API ${nameOf(api)}` }, ...(logged ? [{ loc: logged.loc, message: 'a function of its routes logs its whole event' }] : [])],
    subject: subjectOf(api),
    key: [api.logicalId, name],
    ...(privateApi || mock ? { severity: 'low' as const } : {}),
  };
}

/**
 * Where the destination goes: under `Globals` for the API SAM makes from the functions' events
 * (it has no resource of its own), under `provider` for the Serverless Framework's stages, in the
 * `StageDescription` of the Deployment that makes the stage; for a setting written behind a
 * condition, the condition.
 */
function destinationFix(model: AppModel, api: Api, stage: ApiStage): string {
  const switched = stage.accessLogsSwitchedOff;
  if (switched) {
    const reads = switched.parameters.length > 0 ? ` (it reads ${switched.parameters.map((p) => p.name).join(', ')})` : '';
    return `Turn condition ${switched.condition} on where this stage is deployed${reads}, or write the access log destination without the condition.`;
  }
  const quickCreate = quickCreateStageFix({ api, stage }, { cloudFormation: 'AccessLogSettings (an access log destination)', terraform: 'access_log_settings' });
  if (quickCreate) return quickCreate;
  // The framework's HTTP API stage takes its access logs from the provider, as its REST stage does.
  if (inServerlessService(model, api) && stage.resourceLogicalId === naming.httpApiStage) return 'Set logs: { httpApi: true } under provider: the framework then writes access logs to a log group of its own.';
  if (sourceWords(stage.loc.file).terraform) return 'Configure an access log destination: an access_log_settings block with the ARN of a CloudWatch Logs log group as destination_arn, and a format.';
  const property = api.protocol === 'rest' ? 'AccessLogSetting' : 'AccessLogSettings';
  switch (stageSettingsPlace(model, { api, stage })) {
    case 'globals':
      return `Configure an access log destination, in ${property} under Globals: ${api.protocol === 'http' ? 'HttpApi' : 'Api'} (SAM makes this API from the functions' events).`;
    case 'provider':
      return 'Set logs: { restApi: { fullExecutionData: false } } under provider: the framework then writes access logs to a log group of its own, and execution logs at INFO without the requests\' and responses\' bodies (they are written in full by default).';
    case 'deployment':
      return "Configure an access log destination, in AccessLogSetting of the deployment's StageDescription, which makes this stage.";
    case 'stage':
      return `Configure an access log destination: ${property} with the ARN of a CloudWatch Logs log group as DestinationArn, and a Format.`;
  }
}

/** A destination the template writes behind a condition that is false for this scan. */
function switchedText(api: Api, stage: ApiStage): string {
  const switched = stage.accessLogsSwitchedOff;
  if (!switched) return '';
  const property = api.protocol === 'rest' ? 'AccessLogSetting' : 'AccessLogSettings';
  const values = switched.parameters.map((p) => `${p.name} ${p.given ? 'given as' : 'at its default,'} ${p.value}`);
  const why = values.length > 0 ? `false with ${values.join(' and ')}` : 'false here';
  return ` as deployed (its ${property} applies only when condition ${switched.condition} holds, ${why})`;
}

/**
 * What goes unrecorded. Execution logging at INFO for every method writes each request's method,
 * resource and status, spread over several lines and without the caller's address or principal;
 * with full request data (`DataTraceEnabled`) also its headers, the caller's address among them, in
 * lines API Gateway cuts at 1 KB. Functions that log their whole proxy event record each request
 * that reaches them, but not its status, nor the requests the gateway answers itself; X-Ray
 * tracing (`TracingEnabled`) records a call's status, latency and caller for a sample of calls.
 */
function unrecorded(stage: ApiStage, logged: CodeEvent | undefined): string {
  const everyMethod = (stage.methodSettings ?? []).filter((m) => loggingLevel(m) === 'INFO' && settingScope(m) === 'every method');
  if (everyMethod.some((m) => asBoolean(m.dataTraceEnabled) === true)) {
    return "its execution logs (INFO, with full request data) hold each request's headers and the caller's address, but spread over lines cut at 1 KB, mixed with request bodies, and no line per request names caller, route and result, so abuse is hard to find and to investigate";
  }
  if (everyMethod.length > 0) return "its execution logs (INFO) record each request's route and status, but no line says who called (the caller's address or principal), so abuse goes unseen and cannot be investigated";
  const traced = asBoolean(stage.tracing) === true;
  if (logged && traced) return "its routes' functions log each request they receive (the caller's address and the route among it) and X-Ray traces a sample of the calls, but no record covers every call's status and latency, nor every call API Gateway refuses or throttles before any function runs, so abuse of the API is hard to see and to investigate";
  if (logged) return "its routes' functions log each request they receive (the caller's address and the route among it), but nothing records a call's status or latency, nor the calls API Gateway refuses or throttles before any function runs, so abuse of the API is hard to see and to investigate";
  if (traced) return 'X-Ray traces only a sample of the calls to its routes (by default the first each second and 5% of the others): the rest leave no record of caller, route or result, so most abuse goes unrecorded and cannot be investigated';
  return 'calls to its routes leave no record of caller, route or result, so abuse goes unseen and cannot be investigated';
}
