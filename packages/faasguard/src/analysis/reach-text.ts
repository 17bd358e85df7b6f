/**
 * A few words on what a function's role lets whoever controls the function do, for the messages
 * of entry-point findings: "whose role can delete every object in every bucket".
 */
import type { LambdaFunction } from '../model/app-model.js';
import type { ModelIndex } from '../model/model-index.js';
import { rolePermissions } from '../iam/role-permissions.js';
import { grantsText } from '../rules/privilege/privilege-text.js';

export function reachText(fn: LambdaFunction, index: ModelIndex): string | undefined {
  const role = index.roleOf(fn);
  if (!role) return undefined;
  const grants = rolePermissions(role, index).statements.flatMap((s) => s.grants);
  if (grants.length === 0) return undefined;
  return grantsText(grants);
}

/** `, whose role can …` or nothing. */
export function whoseRoleCan(fn: LambdaFunction, index: ModelIndex): string {
  const text = reachText(fn, index);
  return text ? `, whose role can ${text}` : '';
}
