import type { IamRole, PolicyStatement } from '../../model/app-model.js';
import { ModelIndex } from '../../model/model-index.js';
import { testsConditionKey, trustedAccounts, type TrustedAccount } from '../../iam/trust-principals.js';
import type { Rule, RuleResult } from '../rule.js';
import { nameOf, subjectOf } from '../subject.js';
import { judgedPermissions, severityOf, trustStatements, type JudgedIdentity } from './judged-identity.js';
import { grantsText, namesText, relatedIdentityFunctions } from './privilege-text.js';

/**
 * Every role of the model. The stack's own account (`${AWS::AccountId}`), roles of the template
 * and values left to parameters are never another account. A statement limited to the
 * organization (`aws:PrincipalOrgID`), or requiring the external id a third party must present
 * (`sts:ExternalId`, AWS's documented way to trust one), is left alone.
 */
export const iamTrustExternalAccount: Rule = {
  meta: {
    id: 'iam-trust-external-account',
    title: 'Role trusts another AWS account',
    category: 'SAS-4',
    cwe: ['CWE-284'],
    severity: 'medium',
    description:
      "The trust policy of a role names a principal of another AWS account, by account id (`123456789012`, `arn:aws:iam::123456789012:root`) or by the ARN of one of its roles or users. Whoever administers that account decides who there may assume the role, and so who acts with its permissions in yours. A principal written with `${AWS::AccountId}` is the stack's own account, and a role of the template is not another account: neither is reported. A literal account id is reported even when it is your own, since the scan cannot tell: write `${AWS::AccountId}` instead. A statement that requires `sts:ExternalId` (the documented way to let a third party assume a role) or limits principals to the organization (`aws:PrincipalOrgID`) is not reported.",
    remediation:
      'Confirm the account is meant to assume the role. Name one role of it rather than its root, require `sts:ExternalId` for a third party, and grant the role only what that account needs.',
    example: {
      language: 'yaml',
      vulnerable: 'Principal:\n  AWS: arn:aws:iam::444455556666:root',
      fixed: 'Principal:\n  AWS: arn:aws:iam::444455556666:role/order-sync\nCondition:\n  StringEquals:\n    sts:ExternalId: order-sync-7f3a',
    },
    references: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_common-scenarios_third-party.html'],
    judges: ['AWS::IAM::Role'],
    peerChecks: ['KICS Cross-Account IAM Assume Role Policy Without ExternalId or MFA'],
  },
  check({ model }) {
    const index = ModelIndex.of(model);
    const results: RuleResult[] = [];
    for (const { identity, role, statement: s, index: i } of trustStatements(index)) {
      if (testsConditionKey(s, 'aws:PrincipalOrgID') || testsConditionKey(s, 'sts:ExternalId')) continue;
      const accounts = trustedAccounts(s);
      if (accounts.length > 0) results.push(result(identity, role, s, i, accounts, index));
    }
    return results;
  },
};

function result(identity: JudgedIdentity, role: IamRole, s: PolicyStatement, i: number, accounts: TrustedAccount[], index: ModelIndex): RuleResult {
  const grants = judgedPermissions(identity, index).statements.flatMap((g) => g.grants);
  const can = grants.length > 0 ? `: principals it allows can ${grantsText(grants)}` : '';
  const who = namesText([...new Set(accounts.map((a) => (a.principal === a.account ? `account ${a.account}` : `${a.principal} (account ${a.account})`)))]);
  const used = identity.functions.length > 0 ? ` (the execution role of ${namesText(identity.functions.map(nameOf))})` : '';
  return {
    message: `Role ${nameOf(role)}${used} lets ${who} assume it${can}. Confirm that account is meant to, and name one role of it rather than the whole account.`,
    location: s.loc,
    related: relatedIdentityFunctions(identity),
    subject: subjectOf(role),
    key: [role.logicalId, s.sid ?? String(i), ...accounts.map((a) => a.account)],
    severity: severityOf(identity, 'medium'),
  };
}
