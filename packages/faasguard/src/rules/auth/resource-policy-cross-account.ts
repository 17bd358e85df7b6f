import { actionsText, allowsEveryAction, capabilities, literalAccountOf } from '../../analysis/resource-policy-grants.js';
import { resourcePolicies, subjectResource, type ResourcePolicy } from '../../analysis/resource-policies.js';
import type { Severity } from '../../findings/finding.js';
import type { LambdaFunction, PolicyStatement } from '../../model/app-model.js';
import { ModelIndex } from '../../model/model-index.js';
import type { Rule, RuleResult } from '../rule.js';
import { nameOf, subjectOf } from '../subject.js';

export const resourcePolicyCrossAccount: Rule = {
  meta: {
    id: 'resource-policy-cross-account',
    title: 'Bucket, queue, topic, event bus or stream shared with another AWS account',
    category: 'SAS-2',
    cwe: ['CWE-284'],
    severity: 'medium',
    description:
      'A resource policy allows a principal of another AWS account, named by a literal account id (`123456789012`, `arn:aws:iam::123456789012:root` or one of its roles). Whoever controls that account — a partner, a former vendor, an attacker in it — acts on the resource with the template\'s blessing, and nothing in the template says who they are or why. The template\'s own account (`${AWS::AccountId}`) is never reported. A literal id may be your own account written by hand: the finding names it so that you can tell.\n\n' +
      'Severity: `medium` when the account may read the data, manage the resource or use every action; `low` when it may only write into it (send, publish, put events), the usual shape of a deliberate integration. When the resource triggers a function, the message says so and the severity rises one step.',
    remediation:
      'Keep cross-account grants to the accounts and actions an integration needs, name them in a parameter with a description, and prefer a role of the other account to its root. For the accounts of your organization, grant `Principal: "*"` with an `aws:PrincipalOrgID` condition instead of listing them.',
    example: {
      language: 'yaml',
      vulnerable: 'Statement:\n  - Effect: Allow\n    Principal: { AWS: "111122223333" }\n    Action: sqs:*\n    Resource: !GetAtt Jobs.Arn',
      fixed: 'Statement:\n  - Effect: Allow\n    Principal: { AWS: !Sub "arn:aws:iam::${PartnerAccount}:role/order-feed" }\n    Action: sqs:SendMessage\n    Resource: !GetAtt Jobs.Arn',
    },
    references: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies-cross-account-resource-access.html'],
    judges: ['AWS::S3::BucketPolicy', 'AWS::SQS::QueuePolicy', 'AWS::SNS::TopicPolicy', 'AWS::Events::EventBusPolicy', 'AWS::Events::EventBus', 'AWS::Kinesis::ResourcePolicy'],
  },
  check({ model }) {
    const index = ModelIndex.of(model);
    const results: RuleResult[] = [];
    for (const p of resourcePolicies(model)) {
      p.document.statements.forEach((s, i) => {
        const accounts = [...new Set(s.principals.map(literalAccountOf).filter((a): a is string => a !== undefined))];
        if (s.effect !== 'Allow' || accounts.length === 0) return;
        results.push(resultFor(p, s, i, accounts, consumersOf(p, index)));
      });
    }
    return results;
  },
};

function resultFor(p: ResourcePolicy, s: PolicyStatement, i: number, accounts: string[], consumers: LambdaFunction[]): RuleResult {
  const subject = subjectResource(p);
  const caps = capabilities(s, p.kind);
  const broad = allowsEveryAction(s, p.kind) || caps.includes('read') || caps.includes('manage');
  const feeds = consumers.length > 0 ? ` It triggers ${consumers.map(nameOf).join(', ')}: that account ${caps.includes('write') ? 'chooses' : 'reaches'} the events it processes.` : '';
  return {
    message: `The policy of ${nameOf(subject)} allows ${actionsText(s)} to account ${accounts.join(', ')}: a principal outside the template's account acts on it.${feeds} Check that the account is meant to, and grant it only the actions its integration needs.`,
    location: s.loc,
    related: p.governed.filter((r) => r.loc !== s.loc).map((r) => ({ loc: r.loc, message: `${r.type} ${nameOf(r)}` })),
    subject: subjectOf(subject),
    key: [p.holder.logicalId, s.sid ?? `statement${i}`, ...accounts],
    severity: severityOf(broad, consumers.length > 0),
  };
}

function severityOf(broad: boolean, feedsFunction: boolean): Severity {
  if (broad) return feedsFunction ? 'high' : 'medium';
  return feedsFunction ? 'medium' : 'low';
}

function consumersOf(p: ResourcePolicy, index: ModelIndex): LambdaFunction[] {
  const fns = p.governed.flatMap((r) => index.triggersFrom(r.id)).map((t) => index.function(t.functionId));
  return [...new Set(fns)].filter((f): f is LambdaFunction => f !== undefined);
}
