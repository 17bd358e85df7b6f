import { ModelIndex } from '../../model/model-index.js';
import type { Rule } from '../rule.js';
import { grantsText } from './privilege-text.js';
import { judgeWildcardStatements, writesOnAnyResource } from './wildcard-statements.js';
import { actionId } from '../../iam/expand-actions.js';

const CALLBACK_ANSWER = /^lambda:SendDurableExecutionCallback(Success|Failure)$/i;

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
      "A policy statement of a function's role grants actions that delete or overwrite data, or change permissions (`iam:PassRole`, `iam:PutRolePolicy`, `s3:PutBucketPolicy` …), with `Resource: \"*\"` or a wildcard ARN such as `arn:aws:s3:::*/*`. The function touches its own bucket or table; with this statement, an attacker who controls its code can delete or overwrite the data of every bucket, table or queue in the account, or open them to the world. Actions that start, rewrite or stop other workflows count too: `states:StartExecution` or `states:UpdateStateMachine` on every state machine runs any of them with its own role, and `lambda:SendDurableExecutionCallbackSuccess` answers the callback any durable function waits for (an approval) once its id is known (severity one step lower when those callback answers are all the statement grants on `*`). Every role is judged, whether a function uses it or not, and so is every IAM user, group and policy that no role of the template carries. When a function reachable from the internet (signed in or not) runs with the role, the severity is one step higher; for a role no function uses that only services acting on the template's own configuration may assume (Step Functions, EventBridge, API Gateway, Firehose, CloudFormation …, not EC2, ECS tasks, CodeBuild or SageMaker, which run code), one step lower. A statement with a `Condition` is left out, since the condition may be what scopes it, unless it tests only `aws:RequestedRegion` or `aws:SecureTransport`, which every call of the function meets and which narrow no resource.",
    remediation:
      'Name the resources the function uses: `!GetAtt Table.Arn`, `!Sub ${Bucket.Arn}/*`. With SAM policy templates, pass the resource (`BucketName: !Ref Uploads`) rather than `*`.',
    example: {
      language: 'yaml',
      vulnerable: 'Policies:\n  - S3CrudPolicy:\n      BucketName: "*"',
      fixed: 'Policies:\n  - S3CrudPolicy:\n      BucketName: !Ref UploadsBucket',
    },
    references: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html'],
    judges: ['AWS::IAM::Role', 'AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy', 'AWS::IAM::User', 'AWS::IAM::Group', 'AWS::Serverless::Function'],
    peerChecks: ['Checkov CKV_AWS_111', 'cfn-nag W11', 'cfn-nag W12', 'cfn-nag W13', 'Checkov CKV_AWS_109', 'cfn-nag F38', 'cfn-nag F39', 'cfn-nag F40', 'cfn-nag W21', 'cfn-nag W22', 'cfn-nag W23'],
  },
  check({ model }) {
    return judgeWildcardStatements(ModelIndex.of(model), {
      actions: writesOnAnyResource,
      can: (_, s) => {
        const grants = s.grants.filter((g) => g.anyResource);
        return grants.length > 0 ? grantsText(grants) : 'change permissions on every resource of the service';
      },
      // Answering a durable function's callback takes its id, which only the waiting execution hands out.
      severity: (actions) => (actions.every((a) => CALLBACK_ANSWER.test(actionId(a))) ? 'medium' : 'high'),
    });
  },
};
