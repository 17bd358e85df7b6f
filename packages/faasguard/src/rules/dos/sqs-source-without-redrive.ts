import type { AppModel, Resource, Trigger } from '../../model/app-model.js';
import { queueFacts } from '../../model/facts/queue-facts.js';
import { ModelIndex } from '../../model/model-index.js';
import type { Rule, RuleResult } from '../rule.js';
import { nameOf, subjectOf } from '../subject.js';
import { pushTo } from '../../util/multimap.js';

export const sqsSourceWithoutRedrive: Rule = {
  meta: {
    id: 'sqs-source-without-redrive',
    title: 'SQS event source whose queue has no redrive policy',
    category: 'SAS-8',
    cwe: ['CWE-400', 'CWE-835'],
    severity: 'medium',
    description:
      'An SQS queue triggers the function and has no `RedrivePolicy`. A message the function keeps failing on (a poison message, which anyone allowed to send to the queue can craft) returns to the queue after each visibility timeout and is processed again and again until its retention expires (4 days by default, up to 14): every attempt is billed, takes a unit of concurrency and, with enough such messages, delays the legitimate ones; when it finally expires the queue deletes it, and no copy is kept to investigate unless the code made one.\n\n' +
      'Severity: `medium`: a few crafted messages create days of paid, useless work and then silent data loss.',
    remediation:
      'Add a dead-letter queue: `RedrivePolicy: { deadLetterTargetArn: !GetAtt OrdersDlq.Arn, maxReceiveCount: 5 }`, with a longer retention on the dead-letter queue and an alarm on its depth. Report partial batch failures (`FunctionResponseTypes: [ReportBatchItemFailures]`) so that good messages of a batch are not retried.',
    example: {
      language: 'yaml',
      vulnerable: 'Orders:\n  Type: AWS::SQS::Queue',
      fixed: 'Orders:\n  Type: AWS::SQS::Queue\n  Properties:\n    RedrivePolicy:\n      deadLetterTargetArn: !GetAtt OrdersDlq.Arn\n      maxReceiveCount: 5',
    },
    references: ['https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-dead-letter-queues.html', 'https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-errorhandling.html'],
    judges: ['AWS::SQS::Queue', 'AWS::Lambda::EventSourceMapping', 'AWS::Serverless::Function'],
  },
  check({ model }) {
    const results: RuleResult[] = [];
    for (const [queue, triggers] of queuesWithoutRedrive(model)) {
      const fns = [...new Set(triggers.map((t) => t.functionId))].map((id) => ModelIndex.of(model).function(id)).filter((f) => f !== undefined);
      results.push({
        message: `Queue ${nameOf(queue)} triggers ${fns.map(nameOf).join(', ')} and has no redrive policy: a message the function cannot process is retried until it expires (days), billed every time, and then the queue deletes it. Add a dead-letter queue with maxReceiveCount.`,
        location: queue.loc,
        related: triggers.map((t) => ({ loc: t.loc, message: 'SQS event source' })),
        subject: subjectOf(queue),
        key: [queue.logicalId],
      });
    }
    return results;
  },
};

function queuesWithoutRedrive(model: AppModel): Map<Resource, Trigger[]> {
  const index = ModelIndex.of(model);
  const out = new Map<Resource, Trigger[]>();
  for (const t of model.triggers) {
    const queue = t.kind === 'sqs' ? index.resource(t.sourceId) : undefined;
    const facts = queue ? queueFacts(queue) : undefined;
    if (!queue || !facts || facts.redrive) continue;
    pushTo(out, queue, t);
  }
  return out;
}
