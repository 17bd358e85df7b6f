import { nameOf } from '../subject.js';
import type { AppModel, LambdaFunction, Trigger, TriggerKind } from '../../model/app-model.js';
import { ModelIndex } from '../../model/model-index.js';
import { triggerDetail } from '../../model/facts/trigger-details.js';
import { triggerRouteEvent } from '../../model/facts/route-event.js';
import { API_TRIGGER_KINDS, isApiTrigger } from '../../model/trigger-kind.js';
import type { CodeFacts, FunctionCodeFacts } from '../../code/code-facts.js';
import type { CodeEvent } from '../../code/taint/analyze-function.js';
import { codeEventRule } from './code-event-rule.js';
import { hasHttpInvokePermission } from './response-reaches-caller.js';
import { isWritten } from './written-event-logs.js';
import { authorizesWithTokenOnly, isApiAuthorizer } from '../../model/facts/authorizer-functions.js';

export const eventLogged = codeEventRule(
  {
    id: 'event-logged',
    title: 'The whole event, or a secret-bearing field of it, is logged',
    category: 'SAS-5',
    cwe: ['CWE-532'],
    severity: 'low',
    description:
      "The handler writes the whole event (`console.log(event)`, `JSON.stringify(event)`) or a field that carries credentials (an `Authorization` header, a password, a token, cookies) to its logs. Logs are kept long, read by many and exported to other systems: tokens and personal data in them outlive the request, and a reader of the logs can replay them. A whole event is reported for requests, Lambda authorizers and Cognito triggers, not for bucket, queue, topic, stream, scheduled or directly invoked functions' events, which carry no caller credentials; the finding says what the event holds (the caller's token alone for a `TOKEN` authorizer, tokens and cookies where callers must send them, else the request's body, headers and the caller's address, or a Cognito user's attributes). A REST route's custom integration (`type: aws`) passes the body alone, or what its request templates take from the request; one without templates on a `GET`, `HEAD` or `OPTIONS` route passes nothing a caller sent, and its function's whole event is not reported. All the headers logged at once are reported when callers must send credentials in them (a route with an authorizer, IAM or an API key, a Function URL with IAM auth, a Lambda authorizer's request, an API whose authorization is not known here) or when the code itself reads a credential header or cookies; a webhook behind an open URL that checks a signature gets no credentials in its headers. The response of an AWS SDK call is AWS's own: logging it is not logging the token or event the call was sent. Powertools' logger logs the whole event (at INFO) when its Lambda context injection is told to (`@logger.inject_lambda_context(log_event=True)` in Python; `injectLambdaContext(logger, { logEvent: true })` as middy middleware or `@logger.injectLambdaContext({ logEvent: true })` on a handler method), or, without that option, when the function's environment sets `POWERTOOLS_LOGGER_LOG_EVENT` to `true`. A `debug` or `info` call is not reported when the function's environment sets a higher log level (`POWERTOOLS_LOG_LEVEL`, `LOG_LEVEL` or `AWS_LAMBDA_LOG_LEVEL`): it writes nothing.",
    remediation:
      'Log what is needed to diagnose (the request id, the route, an object key, a status) and never credentials. If an event must be logged while debugging, redact `headers.Authorization`, cookies and body fields named like secrets first.',
    example: {
      language: 'javascript',
      vulnerable: "console.log('event', JSON.stringify(event));",
      fixed: "console.log('request', { requestId: event.requestContext.requestId, route: event.routeKey });",
    },
    references: ['https://owasp.org/www-project-serverless-top-10/', 'https://cwe.mitre.org/data/definitions/532.html'],
    judges: ['function code'],
  },
  (a) => a.eventLogs,
  (e, f, facts, model) => !isWritten(e, f.fn) ? undefined : (e.field ? !isWholeHeaders(e.field) || headersCarryCredentials(e, f, facts, model) : carriesCredentials(f.fn, model)) ? {
    message: e.field
      ? `${nameOf(f.fn)} logs ${e.field} from its event at ${e.loc.file}:${e.loc.line}: credentials in logs can be read and replayed by anyone with access to the logs.`
      : `${nameOf(f.fn)} logs its whole event at ${e.loc.file}:${e.loc.line}: ${wholeEventHolds(e, f, facts, model)} end up in the logs.`,
    severity: e.field ? 'medium' : 'low',
    key: `${e.loc.file}|${e.what}|${e.field ?? 'event'}`,
  } : undefined,
);

/**
 * What a whole event logged puts in the logs, said as the function's triggers deliver it: the
 * credentials of a request whose callers must send them, the body and address of one whose callers
 * send none, a Cognito trigger's user attributes.
 */
function wholeEventHolds(e: CodeEvent, f: FunctionCodeFacts, facts: CodeFacts, model: AppModel): string {
  if (authorizesWithTokenOnly(f.fn, model)) return 'the tokens callers send (authorizationToken)';
  if (headersCarryCredentials(e, f, facts, model)) return 'headers with tokens, cookies and personal data';
  const index = ModelIndex.of(model);
  const triggers = index.triggersOf(f.fn);
  // A Lambda@Edge event holds the viewer's request: every header it sent on viewer events, those the distribution forwards on origin events.
  if (triggers.length > 0 && triggers.every((t) => t.kind === 'cloudfront')) return "the viewer's IP address and request headers (tokens and cookies among them, where the viewer sends them and CloudFront passes them on)";
  if (triggers.length > 0 && triggers.every((t) => t.kind === 'cognito-user-pool')) return triggers.some(migratesUsers) ? "the user's attributes and password" : "the user's attributes";
  const events = new Set(triggers.filter((t) => bearsCallerData(t, index)).map((t) => triggerRouteEvent(t, index)));
  if (events.size === 1 && events.has('body')) return "the fields of the request's body (its route's custom integration passes the body alone)";
  if (events.size === 1 && events.has('templated')) return "the parts of the request its route's request templates take";
  // API Gateway passes a WebSocket client's headers on `$connect` only: a message's event holds its body and the connection's context.
  if (triggers.length > 0 && triggers.every((t) => t.kind === 'apigw-websocket' && index.route(t.routeId)?.path !== '$connect')) return "the message's body and the caller's IP address (personal data that outlives the message)";
  return "the request's body, headers and the caller's IP address (personal data that outlives the request)";
}

/**
 * Whether the trigger's events carry what a caller sent: a request (not a body-less one that a
 * custom integration reduces to nothing), a Cognito trigger's user.
 */
function bearsCallerData(t: Trigger, index: ModelIndex): boolean {
  return CREDENTIAL_BEARING.has(t.kind) && triggerRouteEvent(t, index) !== 'empty';
}

/**
 * Whole events that carry credentials or personal data: requests (headers, cookies, bodies, also
 * through an API known only by its invoke permission; a viewer's request at CloudFront), a Lambda authorizer's token, Cognito
 * triggers (user attributes, a migrating user's password). A bucket notification, a queue message,
 * a stream record or the input of a state machine task logged whole is a service's record, not a
 * caller's credentials.
 */
const CREDENTIAL_BEARING = new Set<TriggerKind>([...API_TRIGGER_KINDS, 'function-url', 'alb', 'cloudfront', 'cognito-user-pool']);

function isWholeHeaders(field: string): boolean {
  return field === 'headers' || field === 'multiValueHeaders';
}

/**
 * Whether the headers a handler logs whole hold credentials: the callers of the triggers that
 * deliver them must authenticate (through the headers: an authorizer's token, a SigV4 signature, an
 * API key), the function is a Lambda authorizer, or its code reads a credential header or cookies
 * (its own sign-in or sessions). A trigger whose authorization is not known here counts as one
 * that needs it.
 */
function headersCarryCredentials(e: CodeEvent, f: FunctionCodeFacts, facts: CodeFacts, model: AppModel): boolean {
  const index = ModelIndex.of(model);
  if (isApiAuthorizer(f.fn, model)) return true;
  if (f.files.some((file) => facts.files.get(file)?.credentialHeaderNamed !== undefined)) return true;
  const triggers = e.source?.triggers.length ? e.source.triggers : index.triggersOf(f.fn);
  if (!triggers.some((t) => isApiTrigger(t.kind)) && hasHttpInvokePermission(f.fn, model)) return true;
  return triggers.some((t) => callerAuthenticates(t, f.fn, index));
}

function callerAuthenticates(t: Trigger, fn: LambdaFunction, index: ModelIndex): boolean {
  if (isApiTrigger(t.kind)) {
    // A custom integration without templates passes no header on: the caller's token stays out of the event.
    const event = triggerRouteEvent(t, index);
    if (event === 'body' || event === 'empty') return false;
    const route = index.route(t.routeId);
    return !route || route.auth.type !== 'none' || route.auth.apiKeyRequired;
  }
  if (t.kind === 'function-url') return fn.urls.length === 0 || fn.urls.some((u) => u.authType !== 'NONE');
  return t.kind === 'alb' || t.kind === 'unknown';
}

export function carriesCredentials(fn: LambdaFunction, model: AppModel): boolean {
  const index = ModelIndex.of(model);
  if (index.triggersOf(fn).some((t) => bearsCallerData(t, index))) return true;
  if (isApiAuthorizer(fn, model)) return true;
  return hasHttpInvokePermission(fn, model);
}

/** A Cognito `UserMigration` trigger, whose event carries the password the user signed in with. */
function migratesUsers(t: Trigger): boolean {
  const named = triggerDetail(t, 'trigger');
  return (Array.isArray(named) ? named : [named]).includes('UserMigration');
}
