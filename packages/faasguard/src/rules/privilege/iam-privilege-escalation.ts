import { ModelIndex } from '../../model/model-index.js';
import { escalationsOf, type Escalation } from '../../iam/privilege-escalation.js';
import { rolePermissions } from '../../iam/role-permissions.js';
import type { Rule, RuleResult } from '../rule.js';
import { subjectOf } from '../subject.js';
import { actorText, identityText, namesText, relatedIdentityFunctions } from './privilege-text.js';
import { judgedIdentities, judgedPermissions, severityOf, type JudgedIdentity } from './judged-identity.js';

/** One finding per role, listing every path; roles that already grant `*` are iam-cross-service-admin's. */
export const iamPrivilegeEscalation: Rule = {
  meta: {
    id: 'iam-privilege-escalation',
    title: 'Role can escalate its own privileges',
    category: 'SAS-4',
    cwe: ['CWE-269'],
    severity: 'critical',
    description:
      "A function's role holds IAM permissions that are known to lead to administrator access: `iam:PutRolePolicy`, `iam:AttachRolePolicy`, `iam:CreatePolicyVersion` and their user and group counterparts, `iam:PassRole` together with `lambda:CreateFunction`, `ec2:RunInstances` or `cloudformation:CreateStack`, or `lambda:UpdateFunctionCode`, on every resource. An attacker who controls the function does not stop at its permissions: they grant themselves more, or borrow the most privileged role of the account. Every role is judged, whether a function uses it or not, and so is every IAM user, group and policy that no role of the template carries. When a function reachable from the internet (signed in or not) runs with the role, the severity is one step higher; for a role no function uses that only services acting on the template's own configuration may assume (Step Functions, EventBridge, API Gateway, Firehose, CloudFormation …, not EC2, ECS tasks, CodeBuild or SageMaker, which run code), one step lower.",
    remediation:
      'Remove the IAM write actions from the function\'s role; deployments belong to the pipeline, not to functions. When a function must pass a role, name that role in `Resource` and add an `iam:PassedToService` condition; when it must update a function, name the function.',
    example: {
      language: 'yaml',
      vulnerable: 'Statement:\n  - Effect: Allow\n    Action: [iam:PassRole, lambda:CreateFunction]\n    Resource: "*"',
      fixed: 'Statement:\n  - Effect: Allow\n    Action: iam:PassRole\n    Resource: !GetAtt WorkerRole.Arn\n    Condition:\n      StringEquals:\n        iam:PassedToService: lambda.amazonaws.com',
    },
    references: ['https://rhinosecuritylabs.com/aws/aws-privilege-escalation-methods-mitigation/'],
    judges: ['AWS::IAM::Role', 'AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy', 'AWS::IAM::User', 'AWS::IAM::Group', 'AWS::Serverless::Function'],
    peerChecks: ['Checkov CKV_AWS_110'],
  },
  check({ model }) {
    const index = ModelIndex.of(model);
    const results: RuleResult[] = [];
    for (const fr of judgedIdentities(index)) {
      const permissions = judgedPermissions(fr, index);
      if (permissions.statements.some((s) => s.admin)) continue;
      const escalations = escalationsOf(permissions);
      if (escalations.length > 0) results.push(result(fr, escalations));
    }
    return results;
  },
};

function result(i: JudgedIdentity, escalations: Escalation[]): RuleResult {
  const first = escalations[0]!;
  // The path's last action is the one that does the harm (PassRole comes first).
  const at = first.statements[first.statements.length - 1]!;
  const others = [...new Set(escalations.flatMap((e) => e.statements))].filter((s) => s !== at);
  const hows = escalations.map((e) => `${e.path.how} (${e.path.actions.join(' + ')})`);
  const shown = hows.length <= 3 ? namesText(hows) : `${hows.slice(0, 3).join(', ')} and ${hows.length - 3} more ways`;
  return {
    message: `The ${identityText(i)} ${i.kind === 'role' ? 'can raise its own privileges' : 'lets its holder raise their own privileges'}: ${actorText(i)} can ${shown}, and so become administrator of the account. Remove IAM write actions from it, or name the exact roles and functions they apply to.`,
    location: at.statement.loc,
    related: [...relatedIdentityFunctions(i), ...others.map((s) => ({ loc: s.statement.loc, message: `also needed: policy ${s.policy.name}` }))],
    subject: subjectOf(i.element),
    key: [i.element.logicalId],
    severity: severityOf(i, 'critical'),
  };
}
