import type { Resource } from '../../model/app-model.js';
import { ModelIndex } from '../../model/model-index.js';
import { userPoolFacts } from '../../model/facts/user-pool-facts.js';
import { userPoolClients } from '../../model/facts/user-pool-client-facts.js';
import { referencedResource } from '../../model/value.js';
import type { Rule, RuleResult } from '../rule.js';
import { nameOf, subjectOf } from '../subject.js';

export const cognitoUserPoolWithoutMfa: Rule = {
  meta: {
    id: 'cognito-user-pool-without-mfa',
    title: 'User pool guarding an API without MFA',
    category: 'SAS-2',
    cwe: ['CWE-308'],
    severity: 'medium',
    description:
      'A Cognito user pool whose tokens authorize an API route does not require (or offer) multi-factor authentication. A phished, reused or guessed password is then enough to call the API as that user. A pool whose app clients in the template are all machine to machine (only the `client_credentials` grant, with a client secret, and no user sign-in flow) has no users signing in and is not reported.',
    remediation: "Set `MfaConfiguration: ON` (or `OPTIONAL` with enforcement for privileged users) and enable TOTP (`EnabledMfas: [SOFTWARE_TOKEN_MFA]`).",
    example: { language: 'yaml', vulnerable: 'Type: AWS::Cognito::UserPool\nProperties:\n  UserPoolName: orders', fixed: "Type: AWS::Cognito::UserPool\nProperties:\n  UserPoolName: orders\n  MfaConfiguration: 'ON'\n  EnabledMfas: [SOFTWARE_TOKEN_MFA]" },
    references: ['https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-mfa.html'],
    judges: ['AWS::Cognito::UserPool'],
    peerChecks: ['KICS Cognito UserPool Without MFA', 'cfn-nag F78'],
  },
  check({ model }) {
    const index = ModelIndex.of(model);
    const results: RuleResult[] = [];
    for (const { pool, apiName } of poolsGuardingRoutes(index)) {
      const facts = userPoolFacts(pool);
      if (facts.mfa !== 'OFF' || noPersonSignsIn(index, pool)) continue;
      results.push({
        message: `User pool ${nameOf(pool)} authorizes routes of API ${apiName} but has no multi-factor authentication: a stolen password is enough to call them.`,
        location: pool.loc,
        subject: subjectOf(pool),
        key: [pool.logicalId],
      });
    }
    return results;
  },
};

/** Every client the template gives the pool is machine to machine: there is no password for MFA to back up. */
function noPersonSignsIn(index: ModelIndex, pool: Resource): boolean {
  const clients = userPoolClients(index.model, pool);
  return clients.length > 0 && clients.every((c) => c.machineOnly);
}

/** User pools named by Cognito authorizers that at least one route uses. */
export function poolsGuardingRoutes(index: ModelIndex): Array<{ pool: Resource; apiName: string }> {
  const out = new Map<string, { pool: Resource; apiName: string }>();
  for (const api of index.model.apis) {
    for (const authorizer of api.authorizers) {
      if (authorizer.type !== 'cognito') continue;
      if (!index.routesOf(api).some((r) => r.auth.authorizer === authorizer.name)) continue;
      for (const v of authorizer.userPools ?? []) {
        const pool = index.resource(referencedResource(v)?.target);
        if (pool?.kind === 'user-pool' && !out.has(pool.id)) out.set(pool.id, { pool, apiName: nameOf(api) });
      }
    }
  }
  return [...out.values()];
}
