import { nameOf } from '../subject.js';
import { codeEventRule } from './code-event-rule.js';
import { everyCallerRejectsMalformedStatus, responseReach } from './response-reaches-caller.js';
import { referencedFunctionIds } from '../../analysis/function-references.js';

export const verboseErrorResponse = codeEventRule(
  {
    id: 'verbose-error-response',
    title: 'Verbose error: a caught exception is returned to the caller',
    category: 'SAS-10',
    cwe: ['CWE-209'],
    severity: 'medium',
    description:
      "A handler catches an exception and puts it (its message, its stack, or the whole error object) into the response. Unexpected errors describe internals: table and bucket names, SQL fragments, file paths, library versions and sometimes values from the environment. An attacker provokes errors on purpose to map the application. Reported where the response reaches a caller (API Gateway, Function URL, load balancer; a WebSocket route only with a route response and never `$connect`/`$disconnect`; not queues, streams, buckets, topics, schedules), and at low severity when a Step Functions task invokes the function (its result becomes the state's output, which the workflow passes on) or when the template shows no trigger but something of the app (another function) invokes it; not at all when nothing does. A response whose status code is the caught error's own `code` (`statusCode: err.code`, JavaScript) is not reported when only REST APIs and load balancers call the function: errors of Node.js and the AWS SDK carry a text code or none, which makes the response malformed, and those callers then answer 502 without the body; only errors the code raises with a numeric code, and their message, get through (a library whose errors carry an HTTP status as `code` would leak its messages this way). An HTTP API or a Function URL takes a response without a status code as a 200 whose body is the whole object, so there it is reported.",
    remediation:
      'Log the error (without secrets) and return a generic message with a correlation id. Return specific messages only for errors the code raises on purpose, such as validation failures.',
    example: {
      language: 'javascript',
      vulnerable: "} catch (err) {\n  return { statusCode: 500, body: JSON.stringify({ error: err.stack }) };\n}",
      fixed: "} catch (err) {\n  console.error('order failed', { requestId: context.awsRequestId, name: err.name });\n  return { statusCode: 500, body: JSON.stringify({ error: 'internal error', requestId: context.awsRequestId }) };\n}",
    },
    references: ['https://owasp.org/www-project-serverless-top-10/', 'https://cwe.mitre.org/data/definitions/209.html'],
    judges: ['function code'],
  },
  (a) => a.verboseErrors,
  (e, f, _facts, model) => {
    const reach = responseReach(f.fn, model);
    if (reach === 'nobody') return undefined;
    // Errors of Node.js and the AWS SDK carry a text `code` ('ECONNRESET', 'AccessDeniedException')
    // or none: with `statusCode: err.code`, a caller that refuses a malformed status gets only the
    // errors the code raised with a numeric code of its own, and the message it wrote.
    if (reach === 'caller' && e.statusFromErrorCode && everyCallerRejectsMalformedStatus(f.fn, model)) return undefined;
    const at = `${e.loc.file}:${e.loc.line}`;
    // No trigger and nothing of the app invokes it: its callers are people and tools of the account.
    if (reach === 'unknown' && !referencedFunctionIds(model).has(f.fn.id)) return undefined;
    if (reach === 'workflow') {
      return {
        message: `${nameOf(f.fn)} returns a caught error in its response at ${at}; a state machine's task invokes it, so the error's details become the state's output, which the workflow passes on (to the next state, or back to whoever started a synchronous execution).`,
        severity: 'low',
        key: `${e.loc.file}|response`,
      };
    }
    if (reach === 'unknown') {
      return {
        message: `${nameOf(f.fn)} returns a caught error in its response at ${at}; the template shows no trigger, so what invokes it (a workflow or another function of the app) receives the error's details and may pass them on.`,
        severity: 'low',
        key: `${e.loc.file}|response`,
      };
    }
    return {
      message: `${nameOf(f.fn)} returns a caught error in its response at ${at}: stack traces and error messages reveal the application's internals to the caller.`,
      key: `${e.loc.file}|response`,
    };
  },
);
