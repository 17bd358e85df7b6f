import type { AppModel, Resource, Trigger } from '../../model/app-model.js';
import { queueFacts } from '../../model/facts/queue-facts.js';
import type { SourceLocation } from '../../model/location.js';
import { ModelIndex } from '../../model/model-index.js';
import type { Rule, RuleResult } from '../rule.js';
import { nameOf, subjectOf } from '../subject.js';
import { pushTo } from '../../util/multimap.js';

/** Kinds whose encryption at rest is the template's choice (DynamoDB streams are always encrypted). */
const CHECKED_KINDS = new Set<Resource['kind']>(['queue', 'topic', 'stream', 'bucket']);

export const eventSourceUnencrypted: Rule = {
  meta: {
    id: 'event-source-unencrypted',
    title: 'Unencrypted queue, topic, stream or bucket feeding a function',
    category: 'SAS-3',
    cwe: ['CWE-311'],
    severity: 'medium',
    description:
      'A queue, topic, stream or bucket in the template triggers a function and stores its messages without server-side encryption: SNS topics and Kinesis streams are unencrypted unless a key is set, SQS queues when `SqsManagedSseEnabled: false` and no key is given. The events a function receives usually carry the data it works on (orders, user records, tokens); at rest in clear, they are readable by anyone who reaches the storage layer or a backup, and no key policy can limit or log who reads them.\n\n' +
      'Severity: `medium`: reading the data needs access inside AWS, but the function input is often its most sensitive data.',
    remediation:
      'Turn on server-side encryption: `KmsMasterKeyId` on SNS topics (a customer managed key, so that the key policy decides which services may publish), `SqsManagedSseEnabled: true` or `KmsMasterKeyId` on SQS queues, `StreamEncryption` with `EncryptionType: KMS` on Kinesis streams. Give the function role `kms:Decrypt` on the key.',
    example: {
      language: 'yaml',
      vulnerable: 'Orders:\n  Type: AWS::SNS::Topic',
      fixed: 'Orders:\n  Type: AWS::SNS::Topic\n  Properties:\n    KmsMasterKeyId: !Ref OrdersKey',
    },
    references: ['https://docs.aws.amazon.com/sns/latest/dg/sns-server-side-encryption.html', 'https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-server-side-encryption.html', 'https://docs.aws.amazon.com/streams/latest/dev/server-side-encryption.html'],
  },
  check({ model }) {
    const results: RuleResult[] = [];
    for (const [source, triggers] of unencryptedSources(model)) {
      const fns = [...new Set(triggers.map((t) => t.functionId))].map((id) => ModelIndex.of(model).function(id)).filter((f) => f !== undefined);
      results.push({
        message: `${kindName(source)} ${nameOf(source)} triggers ${fns.map(nameOf).join(', ')} and is not encrypted at rest: the events it holds are stored in clear, out of reach of any key policy. Turn on server-side encryption with a KMS key.`,
        location: encryptionLoc(source),
        related: triggers.map((t) => ({ loc: t.loc, message: `event source of ${t.functionId.split('/').pop() ?? t.functionId}` })),
        subject: subjectOf(source),
        key: [source.logicalId],
      });
    }
    return results;
  },
};

function unencryptedSources(model: AppModel): Map<Resource, Trigger[]> {
  const index = ModelIndex.of(model);
  const out = new Map<Resource, Trigger[]>();
  for (const t of model.triggers) {
    const source = index.resource(t.sourceId);
    if (!source || !CHECKED_KINDS.has(source.kind) || source.encryption?.enabled !== false) continue;
    pushTo(out, source, t);
  }
  return out;
}

function kindName(r: Resource): string {
  return { queue: 'Queue', topic: 'Topic', stream: 'Stream', bucket: 'Bucket' }[r.kind as 'queue' | 'topic' | 'stream' | 'bucket'] ?? 'Resource';
}

/** `SqsManagedSseEnabled: false` is where a queue turns encryption off; elsewhere, where the key would go. */
function encryptionLoc(r: Resource): SourceLocation {
  return queueFacts(r)?.managedSseLoc ?? r.encryption?.loc ?? r.loc;
}
