import { actionsText, capabilities, type Capability } from '../../analysis/resource-policy-grants.js';
import { resourcePolicies, subjectResource, type GovernedKind, type ResourcePolicy } from '../../analysis/resource-policies.js';
import { isPublicAllow, publicWriteGrant } from '../../analysis/source-writers.js';
import type { RelatedLocation, Severity } from '../../findings/finding.js';
import type { AppModel, LambdaFunction, PolicyStatement, Resource } from '../../model/app-model.js';
import { ModelIndex } from '../../model/model-index.js';
import type { Rule, RuleResult } from '../rule.js';
import { nameOf, subjectOf } from '../subject.js';
import { everyoneText } from '../../iam/everyone-text.js';

const KIND_NAMES: Readonly<Record<Exclude<GovernedKind, 'bucket'>, string>> = { queue: 'Queue', topic: 'Topic', 'event-bus': 'Event bus', stream: 'Stream' };

/** What everyone may do, by capability and kind. */
const DOING: Readonly<Record<Exclude<GovernedKind, 'bucket'>, Readonly<Record<Capability, string>>>> = {
  queue: { read: 'receive and delete its messages', write: 'send it messages', manage: 'change its policy and attributes or delete it' },
  topic: { read: 'subscribe their own endpoint and receive every message published to it', write: 'publish messages to it', manage: 'change its policy and attributes or delete it' },
  'event-bus': { read: 'create rules on it that send every matching event to their own target', write: 'put events on it', manage: 'delete its rules and targets' },
  stream: { read: 'read every record in it', write: 'put records into it', manage: 'change its policy or delete it' },
};

export const messagingPolicyPublic: Rule = {
  meta: {
    id: 'messaging-policy-public',
    title: 'Queue, topic, event bus or stream open to any AWS account',
    category: 'SAS-2',
    cwe: ['CWE-284', 'CWE-200'],
    severity: 'high',
    description:
      'The resource policy of an SQS queue, SNS topic, EventBridge event bus or Kinesis stream allows `Principal: "*"` (or everyone through an Allow with `NotPrincipal`) with no condition that narrows who (`aws:SourceArn`, `aws:SourceAccount`, `aws:PrincipalOrgID`, `aws:SourceVpce` …): any AWS account in the world may use it. Depending on the actions, anyone can read the messages (`sqs:ReceiveMessage`; `sns:Subscribe`, which delivers every message to their own endpoint; `kinesis:GetRecords`; a rule of their own on the bus), inject messages that consumers trust, or change and delete the resource.\n\n' +
      'When the resource triggers a function, the finding says so and its severity rises to `critical`: the function\'s events are theirs to read or forge. A statement that only lets everyone write into a source that triggers a function is `public-source-triggers-function`\'s finding and is not repeated here. Severity `low` when the statement allows only actions that read attributes.',
    remediation:
      'Name the principals that may act (an account, a role, a service principal) and, for a service principal, add an `aws:SourceArn` or `aws:SourceAccount` condition; grant only the actions they need. To share with the accounts of your organization, use an `aws:PrincipalOrgID` condition.',
    example: {
      language: 'yaml',
      vulnerable: 'PolicyDocument:\n  Statement:\n    - Effect: Allow\n      Principal: "*"\n      Action: sns:Subscribe\n      Resource: !Ref Orders',
      fixed: 'PolicyDocument:\n  Statement:\n    - Effect: Allow\n      Principal: { AWS: !Sub "arn:aws:iam::${AWS::AccountId}:root" }\n      Action: sns:Subscribe\n      Resource: !Ref Orders',
    },
    references: ['https://docs.aws.amazon.com/sns/latest/dg/sns-security-best-practices.html', 'https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-security-best-practices.html', 'https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-event-bus-perms.html'],
    judges: ['AWS::SQS::QueuePolicy', 'AWS::SNS::TopicPolicy', 'AWS::Events::EventBusPolicy', 'AWS::Events::EventBus', 'AWS::Kinesis::ResourcePolicy'],
    peerChecks: ['cfn-nag F18', 'cfn-nag F21', 'KICS SNS Topic is Publicly Accessible', 'KICS SQS Policy With Public Access', 'cfn-nag F7', 'cfn-nag F8', 'KICS SQS Queue Policy Allows NotPrincipal'],
  },
  check({ model }) {
    const results: RuleResult[] = [];
    for (const p of resourcePolicies(model)) {
      if (p.kind === 'bucket') continue;
      p.document.statements.forEach((s, i) => {
        if (!isPublicAllow(s)) return;
        const result = resultFor(model, p, s, i);
        if (result) results.push(result);
      });
    }
    return results;
  },
};

function resultFor(model: AppModel, p: ResourcePolicy, s: PolicyStatement, i: number): RuleResult | undefined {
  const kind = p.kind as Exclude<GovernedKind, 'bucket'>;
  const caps = capabilities(s, kind);
  const index = ModelIndex.of(model);
  const consumers = functionsFedBy(p.governed, index);
  if (caps.length === 1 && caps[0] === 'write' && writeIsEntryPoint(p.governed, s, index)) return undefined;
  const subject = subjectResource(p);
  const name = subject === p.holder && p.governed.length === 0 ? `The ${KIND_NAMES[kind].toLowerCase()} of ${nameOf(subject)}` : `${KIND_NAMES[kind]} ${nameOf(subject)}`;
  const doing = caps.length > 0 ? caps.map((c) => DOING[kind][c]).join(', ') : `call ${actionsText(s)} on it`;
  const feeds = consumers.length > 0 ? ` It triggers ${consumers.map(nameOf).join(', ')}: ${caps.includes('read') ? 'the events it processes are readable by anyone' : 'anyone shapes the events it processes'}.` : '';
  return {
    message: `${name} allows everyone (${everyoneText(s)}, no narrowing condition) to ${actionsText(s)}: any AWS account can ${doing}.${feeds} Name the principals that may act, or add an aws:SourceArn, aws:SourceAccount or aws:PrincipalOrgID condition.`,
    location: s.loc,
    related: related(p, consumers, index),
    subject: subjectOf(subject),
    key: [p.holder.logicalId, s.sid ?? `statement${i}`],
    severity: severityOf(caps, consumers),
  };
}

function severityOf(caps: Capability[], consumers: LambdaFunction[]): Severity {
  if (caps.length === 0) return 'low';
  return consumers.length > 0 ? 'critical' : 'high';
}

/** Functions the governed resources trigger, each once. */
function functionsFedBy(governed: Resource[], index: ModelIndex): LambdaFunction[] {
  const fns = governed.flatMap((r) => index.triggersFrom(r.id)).map((t) => index.function(t.functionId));
  return [...new Set(fns)].filter((f): f is LambdaFunction => f !== undefined);
}

/** Everyone writing into a source that triggers a function is reported by `public-source-triggers-function`. */
function writeIsEntryPoint(governed: Resource[], s: PolicyStatement, index: ModelIndex): boolean {
  return governed.length > 0 && governed.every((r) => index.triggersFrom(r.id).length > 0 && publicWriteGrant(r)?.loc === s.loc);
}

function related(p: ResourcePolicy, consumers: LambdaFunction[], index: ModelIndex): RelatedLocation[] {
  const out: RelatedLocation[] = p.governed.map((r) => ({ loc: r.loc, message: `${r.type} ${nameOf(r)}` }));
  for (const r of p.governed) for (const t of index.triggersFrom(r.id)) out.push({ loc: t.loc, message: `${t.kind} event that invokes ${t.functionId.split('/').pop() ?? t.functionId}` });
  return consumers.length > 0 || p.governed.length > 0 ? out : [{ loc: p.holder.loc, message: `policy ${nameOf(p.holder)}` }];
}
