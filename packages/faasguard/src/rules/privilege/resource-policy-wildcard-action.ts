import { actionsText, allowsEveryAction, delegatesToAccessPoints, isOwnAccount, SERVICE_OF } from '../../analysis/resource-policy-grants.js';
import { resourcePolicies, subjectResource, type GovernedKind, type ResourcePolicy } from '../../analysis/resource-policies.js';
import { isPublicAllow } from '../../analysis/source-writers.js';
import type { LambdaFunction, PolicyStatement, Principal } from '../../model/app-model.js';
import { ModelIndex } from '../../model/model-index.js';
import { display } from '../../model/value.js';
import type { Rule, RuleResult } from '../rule.js';
import { nameOf, subjectOf } from '../subject.js';

export const resourcePolicyWildcardAction: Rule = {
  meta: {
    id: 'resource-policy-wildcard-action',
    title: 'Resource policy that allows every action',
    category: 'SAS-4',
    cwe: ['CWE-732'],
    severity: 'medium',
    description:
      'A bucket, queue, topic, event bus or stream policy allows `*`, every action of the service (`s3:*`, `sqs:*`, `sns:*`, `events:*`, `kinesis:*`) or every action but a few (`NotAction` in an Allow) to a named principal: another account, a role, a service. A principal that needs to send messages may then also read and purge them, change the policy, or delete the resource; if that principal is compromised or misconfigured, so is the resource. A grant to the template\'s own account (`${AWS::AccountId}`) is left out: it only hands the decision to the account\'s IAM policies. A statement that hands access control to the account\'s S3 access points (`s3:DataAccessPointAccount`) is left out too: each access point\'s policy decides. A grant to everyone is reported by `bucket-public-read`, `bucket-public-write` and `messaging-policy-public`.\n\n' +
      'Severity: `medium`; `high` when the resource triggers a function, whose events the grant then reaches; `low` when every principal is an AWS service, which performs only its own operations (the grant is still wider than it needs).',
    remediation: 'List the actions the principal needs (`sqs:SendMessage`, `sns:Publish`, `s3:GetObject` …) instead of the wildcard.',
    example: {
      language: 'yaml',
      vulnerable: 'PolicyDocument:\n  Statement:\n    - Effect: Allow\n      Principal: { Service: sns.amazonaws.com }\n      Action: sqs:*\n      Resource: !GetAtt Jobs.Arn',
      fixed: 'PolicyDocument:\n  Statement:\n    - Effect: Allow\n      Principal: { Service: sns.amazonaws.com }\n      Action: sqs:SendMessage\n      Resource: !GetAtt Jobs.Arn\n      Condition:\n        ArnEquals:\n          aws:SourceArn: !Ref Orders',
    },
    references: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege'],
    judges: ['AWS::S3::BucketPolicy', 'AWS::SQS::QueuePolicy', 'AWS::SNS::TopicPolicy', 'AWS::Events::EventBusPolicy', 'AWS::Events::EventBus', 'AWS::Kinesis::ResourcePolicy'],
    peerChecks: ['cfn-nag F15', 'cfn-nag F20', 'cfn-nag W18', 'cfn-nag W19', 'cfn-nag W20', 'KICS SNS Topic Publicity Has Allow and NotAction Simultaneously', 'KICS SQS Queue Policy Allows NotAction'],
  },
  check({ model }) {
    const index = ModelIndex.of(model);
    const results: RuleResult[] = [];
    for (const p of resourcePolicies(model)) {
      p.document.statements.forEach((s, i) => {
        if (!allowsEveryAction(s, p.kind) || isPublicAllow(s) || delegatesToAccessPoints(s)) return;
        const others = s.principals.filter((pr) => !isOwnAccount(pr));
        if (others.length === 0) return;
        results.push(resultFor(p, s, i, others, consumersOf(p, index)));
      });
    }
    return results;
  },
};

/** What the wildcard lets a principal do beyond its use, by kind. */
const BEYOND: Readonly<Record<GovernedKind, string>> = {
  bucket: 'reading and deleting every object and changing the bucket policy included',
  queue: 'receiving, purging and deleting messages and deleting the queue included',
  topic: 'subscribing to every message, changing the topic policy and deleting the topic included',
  'event-bus': 'creating rules that route its events elsewhere included',
  stream: 'reading every record and deleting the stream included',
};

/** A bucket statement whose resources are all object ARNs (`…:::uploads/*`) grants no bucket-level action. */
const OBJECTS_ONLY = 'reading, overwriting and deleting every object and changing object ACLs included';

/** What the grant spans: every action of the service, with what that includes; NotAction leaves out what it names, which may be any of those. */
function everyActionText(p: ResourcePolicy, s: PolicyStatement): string {
  if (s.notActions.length > 0) return `every ${SERVICE_OF[p.kind]} action but those it names`;
  return `every ${SERVICE_OF[p.kind]} action, ${beyondText(p, s)}`;
}

function beyondText(p: ResourcePolicy, s: PolicyStatement): string {
  if (p.kind === 'bucket' && s.resources.length > 0 && s.resources.every((r) => display(r).includes('/'))) return OBJECTS_ONLY;
  return BEYOND[p.kind];
}

function resultFor(p: ResourcePolicy, s: PolicyStatement, i: number, principals: Principal[], consumers: LambdaFunction[]): RuleResult {
  const subject = subjectResource(p);
  const services = principals.every((pr) => pr.type === 'Service');
  // A service acts for the account's own configuration: what it writes is what the app set it up to write.
  const feeds = consumers.length > 0 && !services ? ` It triggers ${consumers.map(nameOf).join(', ')}: the grant reaches the events it processes.` : '';
  return {
    message: `The policy of ${nameOf(subject)} allows ${actionsText(s)} to ${principals.map(principalText).join(', ')}: ${everyActionText(p, s)}.${feeds} List only the actions the principal needs.`,
    location: s.loc,
    related: p.governed.filter((r) => r !== subject || r.loc !== s.loc).map((r) => ({ loc: r.loc, message: `${r.type} ${nameOf(r)}` })),
    subject: subjectOf(subject),
    key: [p.holder.logicalId, s.sid ?? `statement${i}`],
    severity: services ? 'low' : consumers.length > 0 ? 'high' : 'medium',
  };
}

function principalText(p: Principal): string {
  return p.type === '*' ? '*' : `${p.type} ${display(p.value)}`;
}

function consumersOf(p: ResourcePolicy, index: ModelIndex): LambdaFunction[] {
  const fns = p.governed.flatMap((r) => index.triggersFrom(r.id)).map((t) => index.function(t.functionId));
  return [...new Set(fns)].filter((f): f is LambdaFunction => f !== undefined);
}
