/**
 * A typed view of Cognito app clients (AWS::Cognito::UserPoolClient): whether a person can sign
 * in through them, or only a program holding the client secret can get tokens.
 */
import type { AppModel, Resource } from '../app-model.js';
import type { SourceLocation } from '../location.js';
import { asArray, asBoolean, asString, referencedResource } from '../value.js';
import { ModelIndex } from '../model-index.js';

export interface UserPoolClientFacts {
  client: Resource;
  /** Only the `client_credentials` grant, with a generated secret, and no sign-in flow for users */
  machineOnly: boolean;
  /**
   * The attributes the client lets signed-in users write on their own account (`WriteAttributes`),
   * as written (`custom:role`); absent when the client does not list them, which lets users write
   * every mutable attribute.
   */
  writeAttributes?: WritableAttribute[];
}

export interface WritableAttribute {
  name: string;
  loc: SourceLocation;
}

export const USER_POOL_CLIENT_TYPE = 'AWS::Cognito::UserPoolClient';

/**
 * Flows through which a user signs in with a password, a passkey, a custom challenge or the
 * hosted UI. `ALLOW_REFRESH_TOKEN_AUTH` only renews tokens already issued.
 */
const REFRESH_ONLY = new Set(['ALLOW_REFRESH_TOKEN_AUTH', 'REFRESH_TOKEN_AUTH']);

/** The clients of the template that belong to `pool`. */
export function userPoolClients(model: AppModel, pool: Resource): UserPoolClientFacts[] {
  return clientsOf(model)
    .filter((r) => referencedResource(r.properties['UserPoolId'])?.target === pool.id)
    .map(userPoolClientFacts);
}

/** Clients whose user pool is not a resource of the model (an id, an import, a parameter): judged alone. */
export function clientsOfOutsidePools(model: AppModel): UserPoolClientFacts[] {
  const pools = new Set(model.resources.filter((r) => r.kind === 'user-pool').map((r) => r.id));
  return clientsOf(model)
    .filter((r) => {
      const target = referencedResource(r.properties['UserPoolId'])?.target;
      return target === undefined || !pools.has(target);
    })
    .map(userPoolClientFacts);
}

/** Asked once per user pool: from the index, not by going over every resource of the model each time. */
function clientsOf(model: AppModel): Resource[] {
  return ModelIndex.of(model).resourcesOfType(USER_POOL_CLIENT_TYPE);
}

export function userPoolClientFacts(client: Resource): UserPoolClientFacts {
  const written = client.properties['WriteAttributes'];
  const writeAttributes =
    written === undefined ? undefined : asArray(written).flatMap((a, i) => (typeof a === 'string' ? [{ name: a, loc: client.locate('WriteAttributes', String(i)) }] : []));
  return { client, machineOnly: isMachineOnly(client), ...(writeAttributes ? { writeAttributes } : {}) };
}

/**
 * Machine to machine: the OAuth flows are exactly `client_credentials` and the client has a secret.
 * Explicit flows, when listed, must be refresh only. When they are not listed Cognito enables
 * SRP and custom authentication by default, but on a client with a secret each of those calls
 * needs the secret hash, so only the program holding the secret can use them.
 */
function isMachineOnly(client: Resource): boolean {
  const p = client.properties;
  if (asBoolean(p['GenerateSecret']) !== true) return false;
  const oauth = asArray(p['AllowedOAuthFlows']).map(asString);
  if (oauth.length === 0 || oauth.some((f) => f !== 'client_credentials')) return false;
  if (p['ExplicitAuthFlows'] === undefined) return true;
  return asArray(p['ExplicitAuthFlows']).every((f) => REFRESH_ONLY.has(asString(f) ?? ''));
}
