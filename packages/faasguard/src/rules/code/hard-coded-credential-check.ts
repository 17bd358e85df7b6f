import type { CodeEvent } from '../../code/taint/analyze-function.js';
import type { FunctionCodeFacts } from '../../code/code-facts.js';
import type { AppModel, TriggerKind } from '../../model/app-model.js';
import { authorizersOf } from '../../model/facts/authorizer-functions.js';
import { isApiTrigger } from '../../model/trigger-kind.js';
import { redact } from '../../secrets/redact.js';
import { nameOf } from '../subject.js';
import { codeEventRule, type EventView } from './code-event-rule.js';

/**
 * Triggers whose events carry what a caller sends to prove who it is: requests, a device's
 * connection to an IoT custom authorizer, a Transfer Family client's sign-in.
 */
function carriesCallerCredentials(kind: TriggerKind): boolean {
  return isApiTrigger(kind) || kind === 'function-url' || kind === 'alb' || kind === 'vpc-lattice' || kind === 'cloudfront' || kind === 'appsync-resolver' || kind === 'iot-authorizer' || kind === 'transfer-identity-provider';
}

export const hardCodedCredentialCheck = codeEventRule(
  {
    id: 'hard-coded-credential-check',
    title: "Caller's credential compared with text written in the code",
    category: 'SAS-2',
    cwe: ['CWE-798', 'CWE-287'],
    severity: 'high',
    description:
      "A Lambda authorizer, or a function that checks its callers itself, compares the token, password or API key the caller sends with text written in its code (`token === 'allow'`, `case 'Bearer allow':`, `if headers['x-api-key'] == 'abc123'`, `KEYS.includes(token)` or `token in ('a', 'b')` of a list written there). The accepted value is the same for every caller, sits in the repository and in every copy of the deployment package, and can be neither revoked for one caller nor rotated without a deployment: whoever reads the code, or tries the values such demos use, gets the access it grants. The rule reports functions that an API uses as a Lambda authorizer and functions whose triggers bring callers' requests or sign-ins; comparisons with an authentication scheme (`'Bearer'`, `'Basic'`) or with a word for no value (`'undefined'`, `'null'`) test the credential's form, and are not reported. The message shows a compared text as written when it is a word or two (the values demos use), and redacted otherwise, so that the report is not one more copy of a real key.",
    remediation:
      'Verify a credential each caller holds for themselves: a signed token checked with its issuer\'s keys (a Cognito or JWT authorizer needs no code at all; `aws-jwt-verify` in a Lambda authorizer), or a secret kept in Secrets Manager and compared in constant time (`crypto.timingSafeEqual`, `hmac.compare_digest`), so that it can be rotated and never appears in the code.',
    example: {
      language: 'javascript',
      vulnerable: "switch (event.authorizationToken) {\n  case 'allow': return policy('user', 'Allow', event.methodArn);\n  default: return policy('user', 'Deny', event.methodArn);\n}",
      fixed: "const verifier = CognitoJwtVerifier.create({ userPoolId, tokenUse: 'access', clientId });\nconst claims = await verifier.verify(event.authorizationToken);\nreturn policy(claims.sub, 'Allow', event.methodArn);",
    },
    references: ['https://cwe.mitre.org/data/definitions/798.html', 'https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-use-lambda-authorizer.html', 'https://owasp.org/www-project-serverless-top-10/'],
    judges: ['function code'],
  },
  (a) => a.fixedCredentials,
  (e, f, _facts, model) => view(e, f, model),
);

function view(e: CodeEvent, f: FunctionCodeFacts, model: AppModel): EventView | undefined {
  const who = callers(e, f, model);
  if (!who || !e.field || !e.constants) return undefined;
  const texts = e.constants.map(shown).join(', ');
  return {
    message: `${who} compares the ${e.field} its callers send with text written in its code (${texts}) at ${e.loc.file}:${e.loc.line}: whoever reads the code, or tries such demo values, gets the access the code grants for them, and the value cannot be revoked for one caller or rotated without a deployment.`,
    key: `${e.loc.file}|${e.field}`,
  };
}

/**
 * A compared text as the message shows it: a word or two as written (`'allow'`, `'Bearer allow'`:
 * what a reader must recognise), anything else redacted, since reports travel further than the
 * code (CI logs, uploaded SARIF) and a real key there would be one more copy of it.
 */
function shown(text: string): string {
  return /^[A-Za-z]+( [A-Za-z]+)?$/.test(text) && text.length <= 20 ? `'${text}'` : `'${redact(text)}'`;
}

/**
 * How the message names the function, when its callers send the compared field (a Lambda
 * authorizer's, or a request's or sign-in's the function gets itself); otherwise nothing is reported.
 */
function callers(e: CodeEvent, f: FunctionCodeFacts, model: AppModel): string | undefined {
  const apis = [...new Set(authorizersOf(f.fn, model).map((a) => a.api))];
  if (apis.length > 0) return `Function ${nameOf(f.fn)}, the Lambda authorizer of ${apis.length === 1 ? `API ${nameOf(apis[0]!)}` : `${apis.length} APIs (${apis.map(nameOf).join(', ')})`},`;
  return (e.source?.triggers ?? []).some((t) => carriesCallerCredentials(t.kind)) ? `Function ${nameOf(f.fn)}` : undefined;
}
