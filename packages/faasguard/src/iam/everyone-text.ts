/**
 * How a message says who a statement allows when it allows everyone: `Principal "*"`, or an Allow
 * with `NotPrincipal`, which the model reads as everyone (every principal but those it names).
 */
import type { PolicyStatement } from '../model/app-model.js';

export const NOT_PRINCIPAL_TEXT = 'an Allow with NotPrincipal: everyone but the principals it names';

/** Whether the statement allows everyone through `NotPrincipal`. */
export function allowsThroughNotPrincipal(s: PolicyStatement | undefined): boolean {
  return s !== undefined && s.effect === 'Allow' && s.notPrincipals.length > 0;
}

export function everyoneText(s: PolicyStatement | undefined): string {
  return allowsThroughNotPrincipal(s) ? NOT_PRINCIPAL_TEXT : 'Principal "*"';
}
