import { nameOf } from '../subject.js';
import type { AppModel, LambdaFunction, TriggerKind } from '../../model/app-model.js';
import { ModelIndex } from '../../model/model-index.js';
import { API_TRIGGER_KINDS } from '../../model/trigger-kind.js';
import { codeEventRule } from './code-event-rule.js';
import { hasHttpInvokePermission } from './response-reaches-caller.js';

export const eventLogged = codeEventRule(
  {
    id: 'event-logged',
    title: 'The whole event, or a secret-bearing field of it, is logged',
    category: 'SAS-5',
    cwe: ['CWE-532'],
    severity: 'low',
    description:
      "The handler writes the whole event (`console.log(event)`, `JSON.stringify(event)`) or a field that carries credentials (an `Authorization` header, a password, a token, cookies) to its logs. Logs are kept long, read by many and exported to other systems: tokens and personal data in them outlive the request, and a reader of the logs can replay them. A whole event is reported for requests, Lambda authorizers and Cognito triggers, not for bucket, queue, topic, stream, scheduled or directly invoked functions' events, which carry no caller credentials.",
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
  (e, f, _facts, model) => (e.field || carriesCredentials(f.fn, model) ? {
    message: e.field
      ? `${nameOf(f.fn)} logs ${e.field} from its event at ${e.loc.file}:${e.loc.line}: credentials in logs can be read and replayed by anyone with access to the logs.`
      : `${nameOf(f.fn)} logs its whole event at ${e.loc.file}:${e.loc.line}: headers with tokens, cookies and personal data end up in the logs.`,
    severity: e.field ? 'medium' : 'low',
    key: `${e.loc.file}|${e.what}|${e.field ?? 'event'}`,
  } : undefined),
);

/**
 * Whole events that carry credentials or personal data: requests (headers, cookies, bodies, also
 * through an API known only by its invoke permission), a Lambda authorizer's token, Cognito
 * triggers (user attributes, a migrating user's password). A bucket notification, a queue message,
 * a stream record or the input of a state machine task logged whole is a service's record, not a
 * caller's credentials.
 */
const CREDENTIAL_BEARING = new Set<TriggerKind>([...API_TRIGGER_KINDS, 'function-url', 'alb', 'cognito-user-pool']);

export function carriesCredentials(fn: LambdaFunction, model: AppModel): boolean {
  if (ModelIndex.of(model).triggersOf(fn).some((t) => CREDENTIAL_BEARING.has(t.kind))) return true;
  if (model.apis.some((a) => a.authorizers.some((z) => z.functionId === fn.id))) return true;
  return hasHttpInvokePermission(fn, model);
}
