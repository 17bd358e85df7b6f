/**
 * Whether a policy statement names everyone as its principal: `"Principal": "*"` or
 * `{ "AWS": "*" }`. Trust policies, resource policies of queues, buckets and APIs all read it so.
 */
import type { PolicyStatement } from '../model/app-model.js';

export function namesEveryone(s: PolicyStatement): boolean {
  return s.principals.some((p) => p.type === '*' || (p.type === 'AWS' && p.value === '*'));
}
