/**
 * Every rule faasguard runs. Adding a rule: write it in its risk's folder, list it here, and run
 * `npm run docs` to generate its page.
 */
import { apiRouteWithoutAuth } from './auth/api-route-without-auth.js';
import { functionUrlWithoutAuth } from './auth/function-url-without-auth.js';
import { lambdaPermissionPublic } from './auth/lambda-permission-public.js';
import { lambdaPermissionServiceWithoutSource } from './auth/lambda-permission-service-without-source.js';
import { apiRouteApiKeyOnly } from './auth/api-route-api-key-only.js';
import { authorizerUnused } from './auth/authorizer-unused.js';
import { cognitoMutableAuthorizationAttribute } from './auth/cognito-mutable-authorization-attribute.js';
import { cognitoUserPoolWithoutMfa } from './auth/cognito-user-pool-without-mfa.js';
import { cognitoWeakPasswordPolicy } from './auth/cognito-weak-password-policy.js';
import { functionExposedThroughChain } from './auth/function-exposed-through-chain.js';
import { lambdaPermissionCrossAccount } from './auth/lambda-permission-cross-account.js';
import { publicSourceTriggersFunction } from './auth/public-source-triggers-function.js';
import { recursiveTriggerLoop } from './dos/recursive-trigger-loop.js';
import type { Rule } from './rule.js';
import { envPlaintextSecret } from './secrets/env-plaintext-secret.js';

export const ALL_RULES: readonly Rule[] = [
  apiRouteWithoutAuth,
  functionUrlWithoutAuth,
  lambdaPermissionPublic,
  lambdaPermissionServiceWithoutSource,
  envPlaintextSecret,
  apiRouteApiKeyOnly,
  authorizerUnused,
  cognitoMutableAuthorizationAttribute,
  cognitoUserPoolWithoutMfa,
  cognitoWeakPasswordPolicy,
  functionExposedThroughChain,
  lambdaPermissionCrossAccount,
  publicSourceTriggersFunction,
  recursiveTriggerLoop,
];

export function findRule(id: string): Rule | undefined {
  return ALL_RULES.find((r) => r.meta.id === id);
}
