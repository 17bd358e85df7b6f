/**
 * The code calls an AWS API its execution role does not allow: the call fails at run time.
 */
import { codeScope } from '../code-scope.js';
import { leastPrivilegeFor } from '../../code/aws-calls/least-privilege.js';
import { statementGrants, statementsKnown } from '../../iam/code-usage.js';
import { rolePermissions } from '../../iam/role-permissions.js';
import { rolesTrustingByArn } from '../../iam/role-trust.js';
import { ModelIndex } from '../../model/model-index.js';
import type { Rule, RuleResult } from '../rule.js';
import { nameOf, subjectOf } from '../subject.js';
import { readableArn } from './privilege-text.js';

export const iamActionUsedNotGranted: Rule = {
  meta: {
    id: 'iam-action-used-not-granted',
    title: 'Code calls an AWS API its role does not allow',
    category: 'SAS-4',
    cwe: ['CWE-1188'],
    severity: 'low',
    description:
      "The function's code makes an AWS API call (found from the SDK call: client, command or method) whose IAM action its execution role does not grant, or grants only on other resources. The call is denied when it runs: a deployment bug, often \"fixed\" in a hurry by granting `*`. `sts:AssumeRole` is not reported when a role of the template trusts the function's role by its ARN: within one account that trust alone allows the call.",
    remediation:
      'Grant exactly the reported action on the resource the code uses (`faasguard policy <dir> --function <F>` prints the statement), or remove the call.',
    example: {
      language: 'yaml',
      vulnerable: "Policies:\n  - DynamoDBReadPolicy:\n      TableName: !Ref Orders\n# code: db.send(new PutCommand({ TableName: process.env.ORDERS_TABLE, ... }))",
      fixed: "Policies:\n  - Statement:\n      - Effect: Allow\n        Action: dynamodb:PutItem\n        Resource: !GetAtt Orders.Arn",
    },
    references: ['https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html'],
    judges: ['AWS::IAM::Role', 'AWS::Serverless::Function', 'function code'],
  },
  check(ctx) {
    const scope = codeScope(ctx);
    if (!scope) return [];
    const model = ctx.model;
    const index = ModelIndex.of(model);
    const results: RuleResult[] = [];
    for (const p of leastPrivilegeFor(model, scope)) {
      const role = index.roleOf(p.fn);
      if (!role || p.actions.length === 0) continue;
      const perms = rolePermissions(role, index);
      if (perms.bounded || !statementsKnown(role.policies.every((x) => x.document !== undefined), perms.statements)) continue;
      for (const used of p.actions) {
        if (perms.statements.some((s) => statementGrants(s, used))) continue;
        if (used.action === 'sts:AssumeRole' && rolesTrustingByArn(model, role).length > 0) continue;
        const on = used.resources.length > 0 ? ` on ${used.resources.map(readableArn).join(', ')}` : '';
        results.push({
          message: `${nameOf(p.fn)}'s code calls ${used.action}${on}, which its role ${nameOf(role)} does not grant: the call will be denied.`,
          location: used.locs[0]!,
          related: [{ loc: role.loc, message: `role ${nameOf(role)}` }],
          subject: subjectOf(p.fn),
          key: [used.action],
        });
      }
    }
    return results;
  },
};
