/**
 * A role grants actions that none of its functions' code calls. Reported only when the code of
 * every function using the role was fully analyzed and no call was left undetermined.
 */
import { codeScope } from '../code-scope.js';
import { leastPrivilegeFor, type FunctionPrivilege } from '../../code/aws-calls/least-privilege.js';
import { callerPermissionsOf } from '../../code/aws-calls/caller-permissions.js';
import { isServiceSideAction } from '../../iam/code-usage.js';
import { actionId } from '../../iam/expand-actions.js';
import { rolePermissions, type GrantingStatement } from '../../iam/role-permissions.js';
import type { IamRole } from '../../model/app-model.js';
import { ModelIndex } from '../../model/model-index.js';
import type { Rule, RuleResult } from '../rule.js';
import { nameOf, subjectOf } from '../subject.js';
import { pushTo } from '../../util/multimap.js';

const LISTED = 8;

export const iamActionGrantedNeverUsed: Rule = {
  meta: {
    id: 'iam-action-granted-never-used',
    title: 'Role grants actions its code never calls',
    category: 'SAS-4',
    cwe: ['CWE-250'],
    severity: 'low',
    description:
      "The execution role grants IAM actions that no AWS SDK call of its functions' code needs. Whoever gets code running in the function (an injection, a compromised dependency) can use them: to delete what the function only writes, read what it never reads. Reported only when every call of the code could be determined, and never for the actions Lambda itself uses with the role (logs, tracing, VPC interfaces, queue and stream pollers), nor for those a called service performs with the caller's permissions (Textract and Rekognition reading an S3 object, Athena reading the Glue catalogue and writing results).",
    remediation:
      'Remove the unused actions. `faasguard policy <dir> --function <F>` prints the policy the code needs, as IAM JSON or as a SAM `Policies` / Serverless `iamRoleStatements` snippet.',
    example: {
      language: 'yaml',
      vulnerable: "Policies:\n  - Statement:\n      - Effect: Allow\n        Action: [dynamodb:PutItem, dynamodb:DeleteItem, dynamodb:Scan]\n        Resource: !GetAtt Orders.Arn\n# code: only PutCommand",
      fixed: "Policies:\n  - Statement:\n      - Effect: Allow\n        Action: dynamodb:PutItem\n        Resource: !GetAtt Orders.Arn",
    },
    references: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege', 'https://owasp.org/www-project-serverless-top-10/'],
    judges: ['AWS::IAM::Role', 'AWS::Serverless::Function', 'function code'],
  },
  check(ctx) {
    const scope = codeScope(ctx);
    if (!scope) return [];
    const model = ctx.model;
    const index = ModelIndex.of(model);
    const privilegesOf = groupByRole(leastPrivilegeFor(model, scope));
    const results: RuleResult[] = [];
    for (const role of model.roles) {
      const users = privilegesOf.get(role.id) ?? [];
      if (users.length === 0 || !users.every(fullyKnown)) continue;
      const called = users.flatMap((p) => p.actions.map((a) => a.action.toLowerCase()));
      const used = new Set([...called, ...called.flatMap(callerPermissionsOf)]);
      for (const s of rolePermissions(role, index).statements) {
        if (!reviewable(s)) continue;
        const unused = s.actions.map(actionId).filter((a) => !used.has(a.toLowerCase()) && !isServiceSideAction(a));
        if (unused.length > 0) results.push(finding(role, s, unused, users));
      }
    }
    return results;
  },
};

/** The handler and every file it reaches were read, and every call was determined. */
function fullyKnown(p: FunctionPrivilege): boolean {
  return p.analyzed && p.undetermined.length === 0;
}

/**
 * Statements written for the function: inline and customer policies, and SAM policy templates on
 * every resource. A SAM template or connector scoped to one resource is AWS's own bundle for it, and
 * AWS managed policies and `*` grants have rules of their own.
 */
function reviewable(s: GrantingStatement): boolean {
  if (s.admin || s.unknownPatterns.length > 0) return false;
  if (s.policy.kind === 'aws-managed') return false;
  return (s.policy.kind !== 'sam-template' && s.policy.kind !== 'sam-connector') || s.anyResource;
}

function finding(role: IamRole, s: GrantingStatement, unused: string[], users: FunctionPrivilege[]): RuleResult {
  const first = users[0]!.fn;
  const listed = unused.slice(0, LISTED).join(', ') + (unused.length > LISTED ? ` and ${unused.length - LISTED} more` : '');
  return {
    message: `Role ${nameOf(role)} grants ${unused.length} action${unused.length === 1 ? '' : 's'} that the code of ${users.map((u) => nameOf(u.fn)).join(', ')} never calls: ${listed}.`,
    location: s.statement.loc,
    related: users.map((u) => ({ loc: u.fn.loc, message: `function ${nameOf(u.fn)} uses this role` })),
    subject: subjectOf(first),
    key: [role.id, s.policy.name, String(s.index)],
  };
}

/** Each role's functions, in model order. */
function groupByRole(privileges: readonly FunctionPrivilege[]): Map<string, FunctionPrivilege[]> {
  const byRole = new Map<string, FunctionPrivilege[]>();
  for (const p of privileges) {
    const roleId = p.fn.role?.roleId;
    if (roleId !== undefined) pushTo(byRole, roleId, p);
  }
  return byRole;
}
