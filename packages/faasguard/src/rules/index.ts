/**
 * Every rule faasguard runs. Adding a rule: write it in its risk's folder, list it here, and run
 * `npm run docs` to generate its page.
 */
import { apiRouteWithoutAuth } from './auth/api-route-without-auth.js';
import { functionUrlWithoutAuth } from './auth/function-url-without-auth.js';
import { lambdaPermissionPublic } from './auth/lambda-permission-public.js';
import { lambdaPermissionServiceWithoutSource } from './auth/lambda-permission-service-without-source.js';
import type { Rule } from './rule.js';
import { envPlaintextSecret } from './secrets/env-plaintext-secret.js';

export const ALL_RULES: readonly Rule[] = [
  apiRouteWithoutAuth,
  functionUrlWithoutAuth,
  lambdaPermissionPublic,
  lambdaPermissionServiceWithoutSource,
  envPlaintextSecret,
];

export function findRule(id: string): Rule | undefined {
  return ALL_RULES.find((r) => r.meta.id === id);
}
