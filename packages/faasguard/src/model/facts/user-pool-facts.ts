/**
 * A typed view of a Cognito user pool (AWS::Cognito::UserPool) for the authentication rules.
 */
import type { Resource } from '../app-model.js';
import type { SourceLocation } from '../location.js';
import { asArray, asBoolean, asNumber, isValueMap, type ValueMap } from '../value.js';

export interface PasswordPolicy {
  minimumLength: number;
  requireLowercase: boolean;
  requireUppercase: boolean;
  requireNumbers: boolean;
  requireSymbols: boolean;
  loc: SourceLocation;
}

export interface CustomAttribute {
  /** Name as written in Schema (without the `custom:` prefix) */
  name: string;
  mutable: boolean;
  loc: SourceLocation;
}

export interface UserPoolFacts {
  /** `ON`, `OPTIONAL` or `OFF` (the default) */
  mfa: string;
  mfaLoc: SourceLocation;
  passwordPolicy: PasswordPolicy;
  /** Whether users may sign themselves up */
  selfSignUp: boolean;
  customAttributes: CustomAttribute[];
}

/** Cognito's defaults when PasswordPolicy is not set. */
const DEFAULT_PASSWORD_POLICY = { minimumLength: 8, requireLowercase: true, requireUppercase: true, requireNumbers: true, requireSymbols: true };

export function userPoolFacts(pool: Resource): UserPoolFacts {
  const p = pool.properties;
  return {
    mfa: typeof p['MfaConfiguration'] === 'string' ? p['MfaConfiguration'] : 'OFF',
    mfaLoc: pool.locate('MfaConfiguration'),
    passwordPolicy: passwordPolicy(pool),
    selfSignUp: asBoolean(isValueMap(p['AdminCreateUserConfig']) ? p['AdminCreateUserConfig']['AllowAdminCreateUserOnly'] : undefined) !== true,
    customAttributes: customAttributes(pool),
  };
}

function passwordPolicy(pool: Resource): PasswordPolicy {
  const policies = pool.properties['Policies'];
  const pp: ValueMap | undefined = isValueMap(policies) && isValueMap(policies['PasswordPolicy']) ? policies['PasswordPolicy'] : undefined;
  const loc = pool.locate('Policies', 'PasswordPolicy');
  if (!pp) return { ...DEFAULT_PASSWORD_POLICY, loc };
  const flag = (k: string) => asBoolean(pp[k]) ?? false;
  return {
    minimumLength: asNumber(pp['MinimumLength']) ?? DEFAULT_PASSWORD_POLICY.minimumLength,
    requireLowercase: flag('RequireLowercase'),
    requireUppercase: flag('RequireUppercase'),
    requireNumbers: flag('RequireNumbers'),
    requireSymbols: flag('RequireSymbols'),
    loc,
  };
}

function customAttributes(pool: Resource): CustomAttribute[] {
  return asArray(pool.properties['Schema']).flatMap((a, i) => {
    if (!isValueMap(a) || typeof a['Name'] !== 'string') return [];
    // Attributes are mutable unless Mutable is false.
    return [{ name: a['Name'], mutable: asBoolean(a['Mutable']) !== false, loc: pool.locate('Schema', String(i)) }];
  });
}
