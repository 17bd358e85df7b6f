import { BROKER_TYPE, brokerFacts, type BrokerFacts } from '../../model/facts/broker-facts.js';
import { ModelIndex } from '../../model/model-index.js';
import type { Rule, RuleResult } from '../rule.js';
import { nameOf, subjectOf } from '../subject.js';

export const mqBrokerWithoutLogs: Rule = {
  meta: {
    id: 'mq-broker-without-logs',
    title: 'Amazon MQ broker without CloudWatch logs',
    category: 'SAS-5',
    cwe: ['CWE-778'],
    severity: 'low',
    description:
      "An Amazon MQ broker does not publish its logs to CloudWatch Logs: `Logs.General` (the broker's events and errors) is false or left out, or, for ActiveMQ, `Logs.Audit` (every management action through the web console or JMX: destinations created or deleted, users changed) is. A broker that feeds functions is an entry point of its own; when one of its passwords leaks, or a publisher starts sending events it should not, these logs are where the broker's side of it is recorded, and without them there is nothing on the broker to alarm on or to investigate afterwards.\n\n" +
      'Severity: `low`: it takes nothing from an attacker, but it removes the trace they leave. RabbitMQ brokers have no audit log and are judged on the general log only; a value known only at deploy time is not judged.',
    remediation:
      "Set `Logs: { General: true, Audit: true }` on an ActiveMQ broker, `Logs: { General: true }` on a RabbitMQ broker (Terraform: a `logs` block with `general = true` and, for ActiveMQ, `audit = true`). Amazon MQ writes them to log groups under `/aws/amazonmq/broker/`; give those a retention period.",
    example: {
      language: 'yaml',
      vulnerable: 'Jobs:\n  Type: AWS::AmazonMQ::Broker\n  Properties:\n    EngineType: ACTIVEMQ\n    PubliclyAccessible: false',
      fixed: 'Jobs:\n  Type: AWS::AmazonMQ::Broker\n  Properties:\n    EngineType: ACTIVEMQ\n    PubliclyAccessible: false\n    Logs:\n      General: true\n      Audit: true',
    },
    references: ['https://docs.aws.amazon.com/amazon-mq/latest/developer-guide/security-logging-monitoring-cloudwatch.html', 'https://docs.aws.amazon.com/securityhub/latest/userguide/mq-controls.html'],
    judges: ['AWS::AmazonMQ::Broker'],
    peerChecks: ['Checkov CKV_AWS_48', 'Checkov CKV_AWS_197', 'KICS MQ Broker Logging Disabled'],
  },
  check({ model }) {
    const results: RuleResult[] = [];
    for (const resource of ModelIndex.of(model).resourcesOfType(BROKER_TYPE)) {
      const facts = brokerFacts(resource);
      const missing = facts ? missingLogs(facts) : [];
      if (facts && missing.length > 0) results.push(resultFor(facts, missing));
    }
    return results;
  },
};

/** The logs the broker could publish and does not, as `Logs` names them. */
function missingLogs(facts: BrokerFacts): string[] {
  const missing: string[] = [];
  if (facts.generalLog === false) missing.push('General');
  if (facts.engine === 'ACTIVEMQ' && facts.auditLog === false) missing.push('Audit');
  return missing;
}

function resultFor(facts: BrokerFacts, missing: string[]): RuleResult {
  const broker = facts.resource;
  const what = missing.map((m) => `Logs.${m}`).join(' and ');
  const records = missing.length === 2 ? "the broker's events and errors and its management actions" : missing[0] === 'General' ? "the broker's events and errors" : 'management actions through the web console or JMX (destinations and users changed)';
  return {
    message: `Broker ${nameOf(broker)} does not publish ${what} to CloudWatch Logs: ${records} are kept nowhere you can alarm on or search, so misuse of the broker (a leaked password, a rogue publisher) is hard to see or investigate. Set ${what} to true.`,
    location: facts.logsLoc,
    subject: subjectOf(broker),
    key: [broker.logicalId],
  };
}
