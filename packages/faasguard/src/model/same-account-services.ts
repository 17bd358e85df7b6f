/**
 * Services that invoke a function only for resources of its own account and Region: a load
 * balancer's target group must be in the function's account ("Lambda functions as targets",
 * Elastic Load Balancing), so no other account's resource can use a permission granted to it,
 * with or without a source condition.
 */
const SAME_ACCOUNT_ONLY = new Set(['elasticloadbalancing.amazonaws.com']);

export function invokesOnlyForOwnAccount(servicePrincipal: string): boolean {
  return SAME_ACCOUNT_ONLY.has(servicePrincipal.replace(/\.cn$/, ''));
}
