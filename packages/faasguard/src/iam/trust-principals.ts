/**
 * Who a trust policy statement lets assume a role: another AWS account, a federated identity
 * provider, a service. The stack's own account (`${AWS::AccountId}`) is unknown at scan time and
 * never "another" account; neither is a role or user of the template, nor a value the template
 * leaves to a parameter.
 */
import type { PolicyStatement, Principal } from '../model/app-model.js';
import { asArray, Composite, display, isValueMap, ResourceRef, Unknown, type Value } from '../model/value.js';

/** A principal of another account that a statement trusts. */
export interface TrustedAccount {
  account: string;
  /** The principal as written */
  principal: string;
}

/** The literal 12-digit accounts an `AWS` principal names: `123456789012`, `arn:aws:iam::123456789012:root`, a role of it. */
export function trustedAccounts(s: PolicyStatement): TrustedAccount[] {
  if (s.effect !== 'Allow') return [];
  return s.principals.flatMap((p) => {
    const account = p.type === 'AWS' ? literalAccount(p.value) : undefined;
    return account ? [{ account, principal: display(p.value) }] : [];
  });
}

function literalAccount(v: Value): string | undefined {
  if (v instanceof ResourceRef || v instanceof Unknown) return undefined;
  // In `!Sub arn:aws:iam::${AWS::AccountId}:root` the account is unknown, which is the stack's own.
  const text = typeof v === 'string' ? v : v instanceof Composite ? v.parts.map((x) => (typeof x === 'string' ? x : '\u0000')).join('') : undefined;
  if (text === undefined) return undefined;
  if (/^\d{12}$/.test(text)) return text;
  return /^arn:aws[a-z-]*:(?:iam|sts)::(\d{12}):/.exec(text)?.[1];
}

/** A web identity provider a statement trusts, and the condition key that must narrow it. */
export interface UnconditionedFederation {
  provider: string;
  /** The key a condition should test: `cognito-identity.amazonaws.com:aud`, `token.actions.githubusercontent.com:sub` */
  missingKey: string;
}

/**
 * Federated principals whose statement does not narrow who may sign in: Cognito identity pools
 * need the pool (`…:aud`), OpenID Connect providers the subject (`…:sub`: for GitHub Actions the
 * repository and branch; without it every repository of every GitHub user can assume the role).
 * A `sub` condition that is only a wildcard (`*`, `repo:*`) narrows nothing. SAML providers are
 * the organisation's own and are left alone.
 */
export function unconditionedFederations(s: PolicyStatement): UnconditionedFederation[] {
  if (s.effect !== 'Allow') return [];
  const out: UnconditionedFederation[] = [];
  for (const p of s.principals) {
    const key = requiredKey(p);
    if (key && !narrowedBy(s, key)) out.push({ provider: display(p.value), missingKey: key });
  }
  return out;
}

function requiredKey(p: Principal): string | undefined {
  if (p.type !== 'Federated') return undefined;
  const text = providerText(p.value);
  if (text === undefined) return undefined;
  if (text === 'cognito-identity.amazonaws.com') return 'cognito-identity.amazonaws.com:aud';
  const oidc = /:oidc-provider\/(.+)$/.exec(text);
  if (oidc) return `${oidc[1]}:sub`;
  return undefined;
}

/** The provider as text; a provider of the template (`!Ref GithubOidc`) or a parameter is not judged. */
function providerText(v: Value): string | undefined {
  if (typeof v === 'string') return v;
  if (v instanceof Composite && v.parts.every((x) => typeof x === 'string' || x instanceof Unknown)) {
    const last = v.parts[v.parts.length - 1];
    return typeof last === 'string' ? v.parts.map((x) => (typeof x === 'string' ? x : '<unknown>')).join('') : undefined;
  }
  return undefined;
}

function narrowedBy(s: PolicyStatement, key: string): boolean {
  if (!s.conditions) return false;
  for (const block of Object.values(s.conditions)) {
    if (!isValueMap(block)) continue;
    for (const [k, v] of Object.entries(block)) {
      if (k.toLowerCase() !== key.toLowerCase()) continue;
      const values = asArray(v);
      if (values.some((x) => typeof x !== 'string' || !/^(repo:)?\*$/.test(x.trim()))) return true;
    }
  }
  return false;
}

/** The service principals an Allow statement names (`ec2.amazonaws.com`). */
export function trustedServicePrincipals(s: PolicyStatement): string[] {
  if (s.effect !== 'Allow') return [];
  return s.principals.filter((p) => p.type === 'Service').map((p) => display(p.value));
}

/** Lambda itself, and Lambda@Edge's replicas: the principals a function's execution role is for. */
export function isLambdaService(principal: string): boolean {
  return /^(lambda|edgelambda)\.amazonaws\.com(\.cn)?$/.test(principal.trim());
}

/** Whether any test of the statement's `Condition` names the key, whatever its value (a parameter counts). */
export function testsConditionKey(s: PolicyStatement, key: string): boolean {
  return Object.values(s.conditions ?? {}).some((block) => isValueMap(block) && Object.keys(block).some((k) => k.toLowerCase() === key.toLowerCase()));
}
