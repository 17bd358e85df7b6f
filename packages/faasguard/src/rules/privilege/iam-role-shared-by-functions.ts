import { ModelIndex } from '../../model/model-index.js';
import { rolePermissions } from '../../iam/role-permissions.js';
import type { Rule, RuleResult } from '../rule.js';
import { subjectOf } from '../subject.js';
import { functionRoles, functionsText, grantsText, relatedFunctions, type FunctionRole } from './privilege-text.js';

/**
 * Only roles that grant a capability of the blast radius (data writes, IAM, functions …): sharing a
 * role that writes logs and reads one table costs nothing worth a finding.
 */
export const iamRoleSharedByFunctions: Rule = {
  meta: {
    id: 'iam-role-shared-by-functions',
    title: 'Execution role shared by several functions',
    category: 'SAS-4',
    cwe: ['CWE-250'],
    severity: 'medium',
    description:
      'Several functions run with the same execution role, so each holds the permissions all of them need. The function with the widest exposure (a public API, a bucket anyone uploads to) then carries the write and delete permissions of the most privileged one, and an attacker who controls it can use them all. A role outside the template (an ARN) is not reported, nor is one that grants nothing of note (no write, delete or read-all on data, no IAM, role-passing or function changes): what the functions would share is then unknown or harmless.',
    remediation:
      'Give each function its own role with only what it uses. With SAM, drop `Role` and list `Policies` per function: SAM creates one role per function.',
    example: {
      language: 'yaml',
      vulnerable: 'Api:\n  Type: AWS::Serverless::Function\n  Properties:\n    Role: !GetAtt SharedRole.Arn\nCleanup:\n  Type: AWS::Serverless::Function\n  Properties:\n    Role: !GetAtt SharedRole.Arn',
      fixed: 'Api:\n  Type: AWS::Serverless::Function\n  Properties:\n    Policies:\n      - DynamoDBReadPolicy: { TableName: !Ref Orders }\nCleanup:\n  Type: AWS::Serverless::Function\n  Properties:\n    Policies:\n      - DynamoDBCrudPolicy: { TableName: !Ref Orders }',
    },
    references: ['https://docs.aws.amazon.com/lambda/latest/dg/lambda-intro-execution-role.html'],
    judges: ['AWS::IAM::Role', 'AWS::Lambda::Function', 'AWS::Serverless::Function'],
    peerChecks: ['KICS Lambda Functions Without Unique IAM Roles', 'KICS Serverless Function Without Unique IAM Role'],
  },
  check({ model }) {
    const index = ModelIndex.of(model);
    const results: RuleResult[] = [];
    for (const fr of functionRoles(index)) {
      if (fr.functions.length < 2) continue;
      const grants = rolePermissions(fr.role, index).statements.flatMap((s) => s.grants);
      if (grants.length > 0) results.push(result(fr, grants));
    }
    return results;
  },
};

function result(fr: FunctionRole, grants: Parameters<typeof grantsText>[0]): RuleResult {
  const names = functionsText(fr.functions);
  return {
    message: `Role ${fr.role.logicalId} is the execution role of ${fr.functions.length} functions (${names}): each can do what any of them needs, so an attacker who controls any one of them can ${grantsText(grants)}. Give each function its own role.`,
    location: fr.role.loc,
    related: relatedFunctions(fr.functions),
    subject: subjectOf(fr.role),
    key: [fr.role.logicalId],
  };
}
