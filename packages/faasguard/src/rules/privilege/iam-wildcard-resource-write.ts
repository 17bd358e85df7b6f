import { ModelIndex } from '../../model/model-index.js';
import { actionId, type ExpandedAction } from '../../iam/expand-actions.js';
import type { GrantingStatement } from '../../iam/role-permissions.js';
import type { Rule, RuleResult } from '../rule.js';
import { subjectOf } from '../subject.js';
import { actorText, grantsText, namesText, ownResourcesText, relatedIdentityFunctions, statementKey, statementOwnerText } from './privilege-text.js';
import { judgedIdentities, judgedPermissions, namedActionsOnAnyResource, severityOf, writesOnAnyResource, type JudgedIdentity } from './judged-identity.js';

/**
 * Write, delete and permission-changing actions granted on every resource by statements written
 * for the application. Counted: actions that can be scoped to resources (the catalogue says so)
 * and that change data, IAM or functions (`action-capabilities.ts`), or change permissions in any
 * service. Telemetry writes (logs, X-Ray, metrics) are not data. Statements with a Condition are
 * left out: the condition may be what scopes them.
 */
export const iamWildcardResourceWrite: Rule = {
  meta: {
    id: 'iam-wildcard-resource-write',
    title: 'Write or delete actions granted on every resource',
    category: 'SAS-4',
    cwe: ['CWE-732'],
    severity: 'high',
    description:
      "A policy statement of a function's role grants actions that delete or overwrite data, or change permissions, with `Resource: \"*\"` or a wildcard ARN such as `arn:aws:s3:::*/*`. The function touches its own bucket or table; with this statement, an attacker who controls its code can delete or overwrite the data of every bucket, table or queue in the account, or open them to the world. Every role is judged, whether a function uses it or not, and so is every IAM user, group and policy that no role of the template carries. When a function reachable from the internet (signed in or not) runs with the role, the severity is one step higher; for a role no function uses that only services acting on the template's own configuration may assume (Step Functions, EventBridge, API Gateway, Firehose, CloudFormation …, not EC2, ECS tasks, CodeBuild or SageMaker, which run code), one step lower.",
    remediation:
      'Name the resources the function uses: `!GetAtt Table.Arn`, `!Sub ${Bucket.Arn}/*`. With SAM policy templates, pass the resource (`BucketName: !Ref Uploads`) rather than `*`.',
    example: {
      language: 'yaml',
      vulnerable: 'Policies:\n  - S3CrudPolicy:\n      BucketName: "*"',
      fixed: 'Policies:\n  - S3CrudPolicy:\n      BucketName: !Ref UploadsBucket',
    },
    references: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html'],
    judges: ['AWS::IAM::Role', 'AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy', 'AWS::IAM::User', 'AWS::IAM::Group', 'AWS::Serverless::Function'],
    peerChecks: ['Checkov CKV_AWS_111', 'cfn-nag W11', 'cfn-nag W12', 'cfn-nag W13'],
  },
  check({ model }) {
    const index = ModelIndex.of(model);
    const results: RuleResult[] = [];
    for (const identity of judgedIdentities(index)) {
      for (const s of judgedPermissions(identity, index).statements) {
        if (!namedActionsOnAnyResource(s)) continue;
        const actions = writesOnAnyResource(s);
        if (actions.length > 0) results.push(result(identity, s, actions));
      }
    }
    return results;
  },
};

function result(i: JudgedIdentity, s: GrantingStatement, actions: ExpandedAction[]): RuleResult {
  const ids = actions.map(actionId);
  const shown = ids.length <= 3 ? namesText(ids) : `${ids.slice(0, 3).join(', ')} and ${ids.length - 3} more`;
  const anyTexts = namesText([...new Set(s.resources.filter((r) => r.kind === 'any').map((r) => r.text))]);
  const grants = s.grants.filter((g) => g.anyResource);
  const can = grants.length > 0 ? grantsText(grants) : 'change permissions on every resource of the service';
  return {
    message: `${statementOwnerText(i, s)} grants ${shown} on every resource (${anyTexts}): ${actorText(i)} can ${can}. Name ${ownResourcesText(i)} instead of a wildcard.`,
    location: s.statement.loc,
    related: relatedIdentityFunctions(i),
    subject: subjectOf(i.element),
    key: [i.element.logicalId, statementKey(s)],
    severity: severityOf(i, 'high'),
  };
}
