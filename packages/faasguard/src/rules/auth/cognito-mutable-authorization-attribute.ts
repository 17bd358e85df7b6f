import { userPoolFacts } from '../../model/facts/user-pool-facts.js';
import { clientsOfOutsidePools, userPoolClients, type UserPoolClientFacts } from '../../model/facts/user-pool-client-facts.js';
import type { Resource } from '../../model/app-model.js';
import type { Rule, RuleResult } from '../rule.js';
import { nameOf, subjectOf } from '../subject.js';

/** Names that code commonly trusts for authorization decisions. */
const AUTHZ_NAME = /^(is_?admin|admin|roles?|groups?|tenant(_?id)?|permissions?|scopes?|privileges?|access_?level|is_?staff|is_?superuser)$/i;

export const cognitoMutableAuthorizationAttribute: Rule = {
  meta: {
    id: 'cognito-mutable-authorization-attribute',
    title: 'Users can change an authorization attribute',
    category: 'SAS-2',
    cwe: ['CWE-269', 'CWE-639'],
    severity: 'high',
    description:
      "A custom attribute whose name says it decides access (`is_admin`, `role`, `tenant_id` …) is mutable and app clients may write it. Any signed-in user can call Cognito's UpdateUserAttributes with their own access token and, on the next token, make themselves an administrator or move into another tenant.\n\n" +
      'The user pool is judged with its app clients: a client without `WriteAttributes` lets users write every mutable attribute. An app client whose user pool is not in the template (an id, an import) is judged alone: listing such an attribute in its `WriteAttributes` is reported at medium severity, since whether the pool keeps the attribute mutable cannot be seen.',
    remediation: 'Make the attribute immutable or leave it out of every app client\'s `WriteAttributes`, and set it only from the back end (AdminUpdateUserAttributes). Prefer Cognito groups for roles.',
    example: { language: 'yaml', vulnerable: 'Schema:\n  - Name: role\n    AttributeDataType: String', fixed: 'Schema:\n  - Name: role\n    AttributeDataType: String\n    Mutable: false' },
    references: ['https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-attributes.html'],
    judges: ['AWS::Cognito::UserPool', 'AWS::Cognito::UserPoolClient'],
  },
  check({ model }) {
    const results: RuleResult[] = [];
    for (const pool of model.resources.filter((r) => r.kind === 'user-pool')) results.push(...checkPool(pool, userPoolClients(model, pool)));
    for (const client of clientsOfOutsidePools(model)) results.push(...checkOutsideClient(client));
    return results;
  },
};

function checkPool(pool: Resource, clients: UserPoolClientFacts[]): RuleResult[] {
  const results: RuleResult[] = [];
  for (const attr of userPoolFacts(pool).customAttributes) {
    if (!attr.mutable || !AUTHZ_NAME.test(attr.name)) continue;
    const writers = clients.filter((c) => clientMayWrite(c, attr.name));
    if (clients.length > 0 && writers.length === 0) continue;
    const through = writers.length > 0 ? ` through app client${writers.length === 1 ? '' : 's'} ${writers.map((c) => nameOf(c.client)).join(', ')}` : '';
    results.push({
      message: `Custom attribute ${attr.name} of user pool ${nameOf(pool)} is mutable and writable by app clients: any user can set custom:${attr.name} on their own account${through}.`,
      location: attr.loc,
      related: writers.map((c) => ({ loc: writeLoc(c, attr.name) ?? c.client.loc, message: `app client ${nameOf(c.client)} lets users write it` })),
      subject: subjectOf(pool),
      key: [pool.logicalId, attr.name],
    });
  }
  return results;
}

/** A client of a pool outside the template: only what it lists says anything. */
function checkOutsideClient(client: UserPoolClientFacts): RuleResult[] {
  return (client.writeAttributes ?? [])
    .filter((a) => a.name.startsWith('custom:') && AUTHZ_NAME.test(a.name.slice('custom:'.length)))
    .map((a) => ({
      message: `App client ${nameOf(client.client)} lets signed-in users write ${a.name} on their own account (WriteAttributes); its user pool is outside the template. Unless the pool makes ${a.name} immutable, any user can give themselves another role or tenant.`,
      location: a.loc,
      subject: subjectOf(client.client),
      key: [client.client.logicalId, a.name],
      severity: 'medium' as const,
    }));
}

/** Without WriteAttributes a client may write every mutable attribute. */
function clientMayWrite(client: UserPoolClientFacts, name: string): boolean {
  return client.writeAttributes === undefined || client.writeAttributes.some((a) => a.name === `custom:${name}`);
}

function writeLoc(client: UserPoolClientFacts, name: string) {
  return client.writeAttributes?.find((a) => a.name === `custom:${name}`)?.loc;
}
