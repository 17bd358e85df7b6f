import type { SourceName } from '../sources/source-name.js';
import { sendCustomResourceFailure } from './custom-resource-response.js';
import { asObject as obj } from '../sources/json-object.js';
import { errorResponse } from '../errors/http-response.js';

type Obj = Record<string, unknown>;

/** What Lex, a Bedrock agent, CloudFront or CloudFormation is answered on a failure (see {@link serviceAnswer}). */
export type FailureAnswer = Readonly<Record<string, unknown>>;

/** A refusal or a handler failure, as much of it as may leave the function. */
export interface Failure {
  readonly event: string;
  readonly status: number;
  readonly publicMessage: string;
  readonly correlationId: string;
}

/**
 * What a source that expects an answer of its own gets instead of a thrown
 * error: Lex ends the intent as failed, a Bedrock agent reads the error,
 * CloudFront sends the viewer an error response (Lambda@Edge), CloudFormation
 * is told the resource failed (it would otherwise wait for its timeout). Undefined for every other source, which gets the thrown
 * `GuardError` so that the platform's retries and error paths apply.
 */
export async function serviceAnswer(
  source: SourceName,
  event: unknown,
  failure: Failure,
  responseHosts: readonly string[],
): Promise<{ readonly answer: FailureAnswer } | undefined> {
  switch (source) {
    case 'lex':
      return { answer: lexFailure(obj(event)) };
    case 'bedrock-agent':
      return { answer: agentFailure(obj(event), failure) };
    case 'cloudfront':
      return edgeFailure(obj(event), failure);
    case 'cloudformation-custom-resource': {
      const sent = await sendCustomResourceFailure(obj(event), failure, responseHosts);
      return sent ? { answer: { ...sent } } : undefined;
    }
    default:
      return undefined;
  }
}

// No message: the bot's own failure wording applies, and nothing of the error reaches the user.
function lexFailure(event: Obj): Obj {
  const state = event['sessionState'];
  if (state !== undefined) {
    const session = obj(state);
    return {
      sessionState: {
        sessionAttributes: session['sessionAttributes'] ?? {},
        dialogAction: { type: 'Close' },
        intent: { ...obj(session['intent']), state: 'Failed' },
      },
    };
  }
  return { sessionAttributes: event['sessionAttributes'] ?? {}, dialogAction: { type: 'Close', fulfillmentState: 'Failed' } };
}

/**
 * An action group answer the agent can read: an HTTP status for API-schema
 * action groups; for function-detail ones, REPROMPT for a refused input (the
 * model may ask again) and FAILURE for a failure of the function.
 */
function agentFailure(event: Obj, failure: Failure): Obj {
  const actionGroup = event['actionGroup'];
  const text = `${failure.publicMessage} (correlation id ${failure.correlationId})`;
  const json = JSON.stringify({ error: failure.publicMessage, correlationId: failure.correlationId });
  const response = typeof event['function'] === 'string'
    ? {
        actionGroup,
        function: event['function'],
        functionResponse: { responseState: failure.status < 500 ? 'REPROMPT' : 'FAILURE', responseBody: { TEXT: { body: text } } },
      }
    : {
        actionGroup,
        apiPath: event['apiPath'],
        httpMethod: event['httpMethod'],
        httpStatusCode: failure.status,
        responseBody: { 'application/json': { body: json } },
      };
  return { messageVersion: '1.0', response };
}

/**
 * A Lambda@Edge function answers CloudFront with a response it generates, the
 * one HTTP sources get (a JSON body without details, not cached), in
 * CloudFront's header lists. A viewer-response function cannot change the
 * status, so it fails instead and CloudFront answers 502.
 */
function edgeFailure(event: Obj, failure: Failure): { readonly answer: FailureAnswer } | undefined {
  const records = event['Records'];
  const cf = obj(obj(Array.isArray(records) ? records[0] : undefined)['cf']);
  if (obj(cf['config'])['eventType'] === 'viewer-response') return undefined;
  const { headers, body } = errorResponse('apigw-http', failure.status, failure.publicMessage, failure.correlationId);
  const listed = Object.fromEntries(Object.entries(headers).map(([key, value]) => [key, [{ key, value }]]));
  return { answer: { status: String(failure.status), statusDescription: failure.publicMessage, headers: listed, body } };
}
