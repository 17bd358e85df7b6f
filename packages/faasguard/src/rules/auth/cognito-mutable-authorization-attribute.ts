import { userPoolFacts } from '../../model/facts/user-pool-facts.js';
import { asArray, referencedResource } from '../../model/value.js';
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
      "A custom attribute whose name says it decides access (`is_admin`, `role`, `tenant_id` …) is mutable and app clients may write it. Any signed-in user can call Cognito's UpdateUserAttributes with their own access token and, on the next token, make themselves an administrator or move into another tenant.",
    remediation: 'Make the attribute immutable or leave it out of every app client\'s `WriteAttributes`, and set it only from the back end (AdminUpdateUserAttributes). Prefer Cognito groups for roles.',
    example: { language: 'yaml', vulnerable: 'Schema:\n  - Name: role\n    AttributeDataType: String', fixed: 'Schema:\n  - Name: role\n    AttributeDataType: String\n    Mutable: false' },
    references: ['https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-attributes.html'],
  },
  check({ model }) {
    const results: RuleResult[] = [];
    const clients = model.resources.filter((r) => r.type === 'AWS::Cognito::UserPoolClient');
    for (const pool of model.resources.filter((r) => r.kind === 'user-pool')) {
      const poolClients = clients.filter((c) => referencedResource(c.properties['UserPoolId'])?.target === pool.id);
      for (const attr of userPoolFacts(pool).customAttributes) {
        if (!attr.mutable || !AUTHZ_NAME.test(attr.name)) continue;
        if (poolClients.length > 0 && !poolClients.some((c) => clientMayWrite(c.properties['WriteAttributes'], attr.name))) continue;
        results.push({
          message: `Custom attribute ${attr.name} of user pool ${nameOf(pool)} is mutable and writable by app clients: any user can set custom:${attr.name} on their own account.`,
          location: attr.loc,
          subject: subjectOf(pool),
          key: [pool.logicalId, attr.name],
        });
      }
    }
    return results;
  },
};

/** Without WriteAttributes a client may write every mutable attribute. */
function clientMayWrite(writeAttributes: unknown, name: string): boolean {
  if (writeAttributes === undefined) return true;
  return asArray(writeAttributes as never).some((a) => a === `custom:${name}`);
}
