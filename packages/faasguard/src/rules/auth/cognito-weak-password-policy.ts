import type { PasswordPolicy } from '../../model/facts/user-pool-facts.js';
import { userPoolFacts } from '../../model/facts/user-pool-facts.js';
import type { Rule, RuleResult } from '../rule.js';
import { nameOf, subjectOf } from '../subject.js';

/** Below this length a password needs every character class to resist guessing; at or above it, length carries it. */
const LONG_ENOUGH = 12;
const MINIMUM = 8;

export const cognitoWeakPasswordPolicy: Rule = {
  meta: {
    id: 'cognito-weak-password-policy',
    title: 'Weak user-pool password policy',
    category: 'SAS-2',
    cwe: ['CWE-521'],
    severity: 'medium',
    description: `The user pool accepts weak passwords: shorter than ${MINIMUM} characters, or shorter than ${LONG_ENOUGH} without requiring at least three character classes. Such passwords fall to guessing and credential stuffing.`,
    remediation: `Require at least ${LONG_ENOUGH} characters, or at least ${MINIMUM} with lower case, upper case, numbers and symbols; add MFA.`,
    example: { language: 'yaml', vulnerable: 'Policies:\n  PasswordPolicy:\n    MinimumLength: 6', fixed: 'Policies:\n  PasswordPolicy:\n    MinimumLength: 12' },
    references: ['https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-policies.html'],
    judges: ['AWS::Cognito::UserPool'],
  },
  check({ model }) {
    const results: RuleResult[] = [];
    for (const pool of model.resources.filter((r) => r.kind === 'user-pool')) {
      const policy = userPoolFacts(pool).passwordPolicy;
      if (!isWeak(policy)) continue;
      results.push({
        message: `User pool ${nameOf(pool)} accepts passwords of ${policy.minimumLength} characters with ${classes(policy)} of 4 character classes required.`,
        location: policy.loc,
        subject: subjectOf(pool),
        key: [pool.logicalId],
      });
    }
    return results;
  },
};

function classes(p: PasswordPolicy): number {
  return [p.requireLowercase, p.requireUppercase, p.requireNumbers, p.requireSymbols].filter(Boolean).length;
}

function isWeak(p: PasswordPolicy): boolean {
  if (p.minimumLength < MINIMUM) return true;
  return p.minimumLength < LONG_ENOUGH && classes(p) < 3;
}
