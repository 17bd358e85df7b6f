import { ModelIndex } from '../../model/model-index.js';
import { capabilityOf } from '../../iam/action-capabilities.js';
import type { ExpandedAction } from '../../iam/expand-actions.js';
import type { Rule } from '../rule.js';
import { lookupTable } from '../../util/own-keys.js';
import { actionsOnAnyResource, judgeWildcardStatements, writesOnAnyResource } from './wildcard-statements.js';

/**
 * Actions that return stored data (objects, items, query results, topic messages) granted on every
 * resource: the data-exfiltration grant. Secrets and parameters are iam-credentials-exposure's;
 * receiving from queues and streams is transit (see action-capabilities.ts), not counted.
 * `kms:Decrypt` is left out: it returns nothing without a ciphertext, and each key's own policy
 * decides whether IAM grants count at all.
 */
const LEFT_TO_OTHER_RULES = new Set(['secretsmanager', 'ssm', 'kms']);

export const iamWildcardResourceRead: Rule = {
  meta: {
    id: 'iam-wildcard-resource-read',
    title: 'Data of every resource readable (data exfiltration)',
    category: 'SAS-4',
    cwe: ['CWE-732'],
    severity: 'medium',
    description:
      "A policy statement grants actions that return stored data (`s3:GetObject`, `dynamodb:Scan`, `dynamodb:Query`, `rds-data:ExecuteStatement`, `sns:Subscribe` …) with `Resource: \"*\"` or a wildcard ARN such as `arn:aws:s3:::*/*`. The application reads its own bucket or table; with this statement, whoever acts with the identity reads the objects, items and messages of every other application in the account: one injection or leaked credential becomes a copy of the account's data. Every role is judged, whether a function uses it or not, and so is every IAM user, group and policy that no role of the template carries.\n\n" +
      'Severity: `medium` (it reads, it does not destroy; iam-wildcard-resource-write reports the writes). One step higher when a function reachable from the internet runs with the role; one step lower for a role no function uses that only services acting on the template\'s own configuration assume (Step Functions, EventBridge, API Gateway, Firehose …). A statement that also writes or deletes on every resource is reported once, by iam-wildcard-resource-write, whose message names the reads too. Secrets and parameters on every resource are reported by iam-credentials-exposure; `kms:Decrypt` is not reported, because a key\'s own policy decides whether an IAM grant counts. A statement with a `Condition` is left out, since the condition may be what scopes it, unless it tests only `aws:RequestedRegion` or `aws:SecureTransport`, which every call of the function meets and which narrow no resource.',
    remediation:
      'Name the resources the identity reads: `!Sub ${ReportsBucket.Arn}/*`, `!GetAtt Orders.Arn`. With SAM policy templates, pass the resource (`S3ReadPolicy: {BucketName: !Ref Reports}`) rather than `*`.',
    example: {
      language: 'yaml',
      vulnerable: 'Statement:\n  - Effect: Allow\n    Action: [s3:GetObject, dynamodb:Query]\n    Resource: "*"',
      fixed: 'Statement:\n  - Effect: Allow\n    Action: [s3:GetObject]\n    Resource: !Sub ${ReportsBucket.Arn}/*\n  - Effect: Allow\n    Action: [dynamodb:Query]\n    Resource: !GetAtt Orders.Arn',
    },
    references: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html'],
    judges: ['AWS::IAM::Role', 'AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy', 'AWS::IAM::User', 'AWS::IAM::Group', 'AWS::Serverless::Function'],
    peerChecks: ['Checkov CKV_AWS_108'],
  },
  check({ model }) {
    return judgeWildcardStatements(ModelIndex.of(model), {
      // A statement that also writes on every resource is iam-wildcard-resource-write's, whose message names the reads too.
      actions: (s) => (writesOnAnyResource(s).length > 0 ? [] : actionsOnAnyResource(s, readsData)),
      can: (actions) => `read the data of every ${servicesText(actions)} in the account, not only the application's`,
      severity: 'medium',
    });
  },
};

function readsData(a: ExpandedAction): boolean {
  return a.resourceScoped && !LEFT_TO_OTHER_RULES.has(a.service) && capabilityOf(a) === 'read-all-data';
}

const STORE_NAMES: Readonly<Record<string, string>> = lookupTable({
  s3: 'bucket',
  dynamodb: 'table',
  'rds-data': 'database',
  'redshift-data': 'warehouse',
  sns: 'topic',
  elasticfilesystem: 'file system',
});

function servicesText(actions: readonly ExpandedAction[]): string {
  const names = [...new Set(actions.map((a) => STORE_NAMES[a.service] ?? `${a.service} resource`))];
  return names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}
