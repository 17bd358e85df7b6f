import type { IamRole, PolicyStatement } from '../../model/app-model.js';
import { ModelIndex } from '../../model/model-index.js';
import { functionsUsing, rolePermissions } from '../../iam/role-permissions.js';
import type { Rule, RuleResult } from '../rule.js';
import { nameOf, subjectOf } from '../subject.js';
import { grantsText, relatedFunctions } from './privilege-text.js';
import { allowsThroughNotPrincipal, NOT_PRINCIPAL_TEXT } from '../../iam/everyone-text.js';
import { namesEveryone } from '../../iam/everyone-principal.js';

/**
 * Every role of the model, used by a function or not. A trust statement with any Condition
 * (`sts:ExternalId`, `aws:PrincipalOrgID` …) is left alone: the condition names who may assume it.
 */
export const iamTrustAnyPrincipal: Rule = {
  meta: {
    id: 'iam-trust-any-principal',
    title: 'Role trusts any principal',
    category: 'SAS-4',
    cwe: ['CWE-732'],
    severity: 'critical',
    description:
      'The trust policy (`AssumeRolePolicyDocument`) of a role allows `Principal: "*"` (or `AWS: "*"`) to assume it, with no condition. Anyone with an AWS account, in any organization, can call `sts:AssumeRole` on it and act with its permissions.',
    remediation:
      'Name who may assume the role: the service principal (`lambda.amazonaws.com`), an account or a role ARN. To share with partners, name their account and require `sts:ExternalId`; within an organization, add an `aws:PrincipalOrgID` condition.',
    example: {
      language: 'yaml',
      vulnerable: 'AssumeRolePolicyDocument:\n  Statement:\n    - Effect: Allow\n      Principal: "*"\n      Action: sts:AssumeRole',
      fixed: 'AssumeRolePolicyDocument:\n  Statement:\n    - Effect: Allow\n      Principal:\n        Service: lambda.amazonaws.com\n      Action: sts:AssumeRole',
    },
    references: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html'],
    judges: ['AWS::IAM::Role'],
    peerChecks: ['Checkov CKV_AWS_60', 'cfn-nag F6', 'KICS IAM Role Allows All Principals To Assume'],
  },
  check({ model }) {
    const index = ModelIndex.of(model);
    const results: RuleResult[] = [];
    for (const role of model.roles) {
      (role.trust?.statements ?? []).forEach((s, i) => {
        if (trustsAnyone(s)) results.push(result(role, s, i, index));
      });
    }
    return results;
  },
};

function trustsAnyone(s: PolicyStatement): boolean {
  if (s.effect !== 'Allow' || s.conditions !== undefined) return false;
  return namesEveryone(s);
}

function result(role: IamRole, s: PolicyStatement, i: number, index: ModelIndex): RuleResult {
  const functions = functionsUsing(role, index);
  const grants = rolePermissions(role, index).statements.flatMap((g) => g.grants);
  const can = grants.length > 0 ? `, and so ${grantsText(grants)}` : '';
  const used = functions.length > 0 ? ` (the execution role of ${functions.map(nameOf).join(', ')})` : '';
  return {
    message: `Role ${nameOf(role)}${used} trusts any principal (${allowsThroughNotPrincipal(s) ? NOT_PRINCIPAL_TEXT : '"Principal": "*"'}) with no condition: anyone with an AWS account can assume it and act with its permissions${can}. Name the service or account that may assume it.`,
    location: s.loc,
    related: relatedFunctions(functions),
    subject: subjectOf(role),
    key: [role.logicalId, s.sid ?? String(i)],
  };
}
