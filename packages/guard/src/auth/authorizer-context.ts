import type { Authenticator, Principal } from './principal.js';

type Obj = Record<string, unknown>;

function obj(value: unknown): Obj | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Obj) : undefined;
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * Trusts the identity that an API Gateway authorizer (Lambda, Cognito, JWT or
 * IAM) already established for the route. API Gateway writes
 * `requestContext.authorizer` itself; a client cannot set it, so the guard
 * need not verify the credential again. Returns null on routes without one.
 */
export function authorizerContext(): Authenticator {
  return ({ event }) => {
    const context = obj(obj(event)?.['requestContext']);
    const authorizer = obj(context?.['authorizer']);
    if (!authorizer) return null;
    return fromJwt(authorizer) ?? fromIam(authorizer) ?? fromLambda(authorizer);
  };
}

function principal(id: string, claims: Obj): Principal {
  return { id, scheme: 'authorizer', claims };
}

// HTTP API JWT authorizer: { jwt: { claims, scopes } }; REST Cognito authorizer: { claims }.
function fromJwt(authorizer: Obj): Principal | null {
  const claims = obj(obj(authorizer['jwt'])?.['claims']) ?? obj(authorizer['claims']);
  const sub = str(claims?.['sub']);
  return claims && sub ? principal(sub, claims) : null;
}

// IAM authorization (HTTP API, Function URL): the caller's ARN.
function fromIam(authorizer: Obj): Principal | null {
  const iam = obj(authorizer['iam']);
  const arn = str(iam?.['userArn']) ?? str(iam?.['userId']);
  return iam && arn ? principal(arn, iam) : null;
}

// Lambda authorizers: REST/WebSocket put principalId beside the context; HTTP API simple responses nest it under `lambda`.
function fromLambda(authorizer: Obj): Principal | null {
  const lambda = obj(authorizer['lambda']) ?? authorizer;
  const id = str(authorizer['principalId']) ?? str(lambda['principalId']) ?? str(lambda['sub']);
  return id ? principal(id, lambda) : null;
}
