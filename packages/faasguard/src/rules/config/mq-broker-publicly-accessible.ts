import { whoseRoleCan } from '../../analysis/reach-text.js';
import type { LambdaFunction, Trigger } from '../../model/app-model.js';
import { BROKER_TYPE, brokerFacts, type BrokerFacts } from '../../model/facts/broker-facts.js';
import { ModelIndex } from '../../model/model-index.js';
import type { Rule, RuleResult } from '../rule.js';
import { nameOf, subjectOf } from '../subject.js';

export const mqBrokerPubliclyAccessible: Rule = {
  meta: {
    id: 'mq-broker-publicly-accessible',
    title: 'Amazon MQ broker reachable from the internet',
    category: 'SAS-3',
    cwe: ['CWE-284', 'CWE-668'],
    severity: 'medium',
    description:
      "An Amazon MQ broker has `PubliclyAccessible: true`: its endpoints (AMQP, OpenWire, MQTT, STOMP, WebSocket) and its web console get internet addresses. Its users' passwords (and, when it has them, its security groups) then stand between the internet and the broker: whoever guesses, phishes or finds a password (in a repository, a log, a template default) can read the queues and publish messages from anywhere, and the endpoints take any load the internet sends. AWS's security advice for Amazon MQ starts with preferring brokers without public accessibility. When the broker triggers a function, every message published is an event the function processes: a second, password-only entry point into the application beside its APIs.\n\n" +
      'Severity: `high` when the broker triggers a function of the app, `medium` otherwise. AWS Config (`mq-no-public-access`) reports the same setting.',
    remediation:
      'Set `PubliclyAccessible: false` (Terraform: `publicly_accessible = false`) and put the broker in private subnets with a security group that admits only the functions and services that use it. A function connects through the VPC; a Lambda event source mapping reads a private broker through the broker\'s subnets (give them a NAT gateway or VPC endpoints for Lambda, STS and Secrets Manager). Reach the web console through a bastion or VPN.',
    example: {
      language: 'yaml',
      vulnerable: 'Broker:\n  Type: AWS::AmazonMQ::Broker\n  Properties:\n    EngineType: RABBITMQ\n    PubliclyAccessible: true',
      fixed: 'Broker:\n  Type: AWS::AmazonMQ::Broker\n  Properties:\n    EngineType: RABBITMQ\n    PubliclyAccessible: false\n    SubnetIds: [!Ref PrivateSubnet]\n    SecurityGroups: [!Ref BrokerSecurityGroup]',
    },
    references: ['https://docs.aws.amazon.com/amazon-mq/latest/developer-guide/using-amazon-mq-securely.html', 'https://docs.aws.amazon.com/amazon-mq/latest/developer-guide/configuring-private-broker.html', 'https://docs.aws.amazon.com/config/latest/developerguide/mq-no-public-access.html', 'https://docs.aws.amazon.com/lambda/latest/dg/with-mq.html'],
    judges: ['AWS::AmazonMQ::Broker'],
    peerChecks: ['Checkov CKV_AWS_69', 'KICS MQ Broker Is Publicly Accessible'],
  },
  check({ model }) {
    const index = ModelIndex.of(model);
    const results: RuleResult[] = [];
    for (const resource of ModelIndex.of(model).resourcesOfType(BROKER_TYPE)) {
      const facts = brokerFacts(resource);
      if (!facts?.publiclyAccessible) continue;
      const triggered = model.triggers.filter((t) => t.sourceId === resource.id).flatMap((t) => invoked(t, index));
      results.push(resultFor(facts, triggered, index));
    }
    return results;
  },
};

interface Invocation {
  trigger: Trigger;
  fn: LambdaFunction;
}

function invoked(trigger: Trigger, index: ModelIndex): Invocation[] {
  const fn = index.function(trigger.functionId);
  return fn ? [{ trigger, fn }] : [];
}

function resultFor(facts: BrokerFacts, triggered: Invocation[], index: ModelIndex): RuleResult {
  const broker = facts.resource;
  const reach = facts.hasSecurityGroups ? "from the internet addresses its security groups admit, guarded by its users' passwords" : "from anywhere on the internet, guarded only by its users' passwords";
  const console = facts.consoleUsers > 0 ? ` and its web console (${facts.consoleUsers} user${facts.consoleUsers === 1 ? '' : 's'} with console access)` : '';
  const first = triggered[0];
  const entry = first
    ? ` Its messages invoke ${triggered.map((i) => nameOf(i.fn)).join(', ')}${triggered.length === 1 ? whoseRoleCan(first.fn, index) : ''}: whoever has a broker password can feed ${triggered.length === 1 ? 'it' : 'them'} events.`
    : '';
  return {
    message: `Broker ${nameOf(broker)} is publicly accessible: its endpoints${console} can be reached ${reach}.${entry} Set PubliclyAccessible to false and reach it from the VPC.`,
    location: facts.publicLoc,
    related: [{ loc: broker.loc, message: `broker ${nameOf(broker)}` }, ...triggered.map((i) => ({ loc: i.trigger.loc, message: `${i.trigger.kind} event invokes ${nameOf(i.fn)}` }))],
    subject: subjectOf(broker),
    key: [broker.logicalId],
    severity: triggered.length > 0 ? 'high' : 'medium',
  };
}
