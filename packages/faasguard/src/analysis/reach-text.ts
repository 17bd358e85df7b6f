/**
 * A few words on what a function's role lets whoever controls the function do, for the messages
 * of entry-point findings: "whose role can delete every object in every bucket".
 */
import type { IamRole, LambdaFunction } from '../model/app-model.js';
import type { ModelIndex } from '../model/model-index.js';
import { rolePermissions } from '../iam/role-permissions.js';
import { grantsText } from '../rules/privilege/privilege-text.js';

/** The text of each role, as `rolePermissions` keeps its permissions: many routes and triggers share a role. */
const TEXTS = new WeakMap<IamRole, { text: string | undefined }>();

export function reachText(fn: LambdaFunction, index: ModelIndex): string | undefined {
  const role = index.roleOf(fn);
  if (!role) return undefined;
  let known = TEXTS.get(role);
  if (!known) TEXTS.set(role, (known = { text: roleText(role, index) }));
  return known.text;
}

function roleText(role: IamRole, index: ModelIndex): string | undefined {
  const grants = rolePermissions(role, index).statements.flatMap((s) => s.grants);
  if (grants.length === 0) return undefined;
  return grantsText(grants);
}

/** `, whose role can …` or nothing. */
export function whoseRoleCan(fn: LambdaFunction, index: ModelIndex): string {
  const text = reachText(fn, index);
  return text ? `, whose role can ${text}` : '';
}
