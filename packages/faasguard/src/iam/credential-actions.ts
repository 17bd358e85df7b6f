/**
 * Actions that hand out credentials or secrets when granted on every resource: the value of every
 * secret and parameter, temporary credentials of any role that trusts the account, and long-lived
 * credentials of other identities. Access keys and console passwords of IAM users are privilege
 * escalation paths (`privilege-escalation.ts`) and are reported there.
 */
import { actionId, type ExpandedAction } from './expand-actions.js';

/** What an attacker gets from each action, completing "an attacker can …". */
const CREDENTIAL_ACTIONS: ReadonlyArray<readonly [RegExp, string]> = [
  [/^secretsmanager:(GetSecretValue|BatchGetSecretValue)$/i, 'read every secret'],
  [/^ssm:(GetParameter|GetParameters|GetParametersByPath|GetParameterHistory)$/i, 'read every parameter, SecureString ones included'],
  [/^sts:AssumeRole$/i, 'assume any role that trusts the account'],
  [/^sts:GetFederationToken$/i, 'mint federated credentials'],
  [/^iam:(CreateServiceSpecificCredential|ResetServiceSpecificCredential)$/i, "create or reset any user's service credentials (CodeCommit, Keyspaces)"],
  [/^iam:UpdateAccessKey$/i, "re-enable any user's disabled access keys"],
  [/^redshift:GetClusterCredentials(WithIAM)?$/i, 'log in to every Redshift cluster as any database user'],
];

/** What the action exposes, or undefined when it hands out no credential. */
export function credentialExposure(a: ExpandedAction): string | undefined {
  const id = actionId(a);
  return CREDENTIAL_ACTIONS.find(([re]) => re.test(id))?.[1];
}
