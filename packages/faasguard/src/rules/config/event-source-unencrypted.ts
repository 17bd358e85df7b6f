import type { AppModel, Resource, Trigger } from '../../model/app-model.js';
import { queueFacts } from '../../model/facts/queue-facts.js';
import type { SourceLocation } from '../../model/location.js';
import { ModelIndex } from '../../model/model-index.js';
import type { Rule, RuleResult } from '../rule.js';
import { nameOf, subjectOf } from '../subject.js';

/**
 * Kinds whose encryption at rest is the template's choice. Buckets are never unencrypted (see the
 * description) and DynamoDB streams always are encrypted.
 */
const CHECKED_KINDS = new Set<Resource['kind']>(['queue', 'topic', 'stream']);

export const eventSourceUnencrypted: Rule = {
  meta: {
    id: 'event-source-unencrypted',
    title: 'Unencrypted queue, topic or stream',
    category: 'SAS-3',
    cwe: ['CWE-311'],
    severity: 'medium',
    description:
      'A queue, topic or stream stores its messages without server-side encryption: Kinesis streams unless a key is set, SNS topics unless a key is set (SNS then keeps messages under its own disk encryption only), SQS queues when `SqsManagedSseEnabled: false` and no key is given (the same). Messages usually carry the data the application works on (orders, user records, tokens); without server-side encryption, whoever reaches the service\'s storage or a backup reads them, and no key policy can limit or log who reads them.\n\n' +
      'Severity: `medium` when the resource triggers a function (the message says which): a function\'s input is often its most sensitive data. `low` otherwise: reading the data needs access inside AWS.\n\n' +
      'What is not reported, on purpose: an SQS queue without `KmsMasterKeyId` (SQS encrypts every new queue with SQS-managed keys since October 2022 unless `SqsManagedSseEnabled` is `false`), and an S3 bucket without `BucketEncryption` (S3 encrypts every new object with S3-managed keys since January 2023). Both are encrypted at rest; a customer managed key would add a key policy and an audit trail of decryption, which is worth asking for where the data is sensitive, not a finding on every queue and bucket. Checkov (CKV_AWS_27, CKV_AWS_19) and cfn-nag (W48, W41) do report them.',
    remediation:
      'Turn on server-side encryption: `KmsMasterKeyId` on SNS topics (a customer managed key, so that the key policy decides which services may publish), `SqsManagedSseEnabled: true` or `KmsMasterKeyId` on SQS queues, `StreamEncryption` with `EncryptionType: KMS` on Kinesis streams. Give the function role `kms:Decrypt` on the key.',
    example: {
      language: 'yaml',
      vulnerable: 'Orders:\n  Type: AWS::SNS::Topic',
      fixed: 'Orders:\n  Type: AWS::SNS::Topic\n  Properties:\n    KmsMasterKeyId: !Ref OrdersKey',
    },
    references: ['https://docs.aws.amazon.com/sns/latest/dg/sns-server-side-encryption.html', 'https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-server-side-encryption.html', 'https://docs.aws.amazon.com/streams/latest/dev/server-side-encryption.html'],
    judges: ['AWS::SNS::Topic', 'AWS::SQS::Queue', 'AWS::Kinesis::Stream'],
    peerChecks: ['Checkov CKV_AWS_26', 'Checkov CKV_AWS_43', 'cfn-nag W47', 'cfn-nag W49', 'KICS Kinesis SSE Not Configured', 'KICS SNS Topic Without KmsMasterKeyId', 'KICS SQS with SSE disabled'],
  },
  check({ model }) {
    const index = ModelIndex.of(model);
    const results: RuleResult[] = [];
    for (const source of model.resources) {
      if (!CHECKED_KINDS.has(source.kind) || source.encryption?.enabled !== false) continue;
      results.push(resultFor(model, source, index.triggersFrom(source.id)));
    }
    return results;
  },
};

function resultFor(model: AppModel, source: Resource, triggers: Trigger[]): RuleResult {
  const base = { location: encryptionLoc(source), subject: subjectOf(source), key: [source.logicalId] };
  if (triggers.length === 0) {
    return { ...base, severity: 'low', message: `${kindName(source)} ${nameOf(source)} has no server-side encryption: the data it holds is ${howStored(source)}, out of reach of any key policy. Turn on server-side encryption with a KMS key.` };
  }
  const fns = [...new Set(triggers.map((t) => t.functionId))].map((id) => ModelIndex.of(model).function(id)).filter((f) => f !== undefined);
  return {
    ...base,
    message: `${kindName(source)} ${nameOf(source)} triggers ${fns.map(nameOf).join(', ')} and has no server-side encryption: the events it holds are ${howStored(source)}, out of reach of any key policy. Turn on server-side encryption with a KMS key.`,
    related: triggers.map((t) => ({ loc: t.loc, message: `event source of ${t.functionId.split('/').pop() ?? t.functionId}` })),
  };
}

/** SNS and SQS keep messages under their own disk encryption when no server-side encryption is set (their developer guides say so); Kinesis says nothing of the kind. */
function howStored(r: Resource): string {
  return r.kind === 'stream' ? 'stored unencrypted' : "protected only by the service's own disk encryption";
}

function kindName(r: Resource): string {
  return { queue: 'Queue', topic: 'Topic', stream: 'Stream' }[r.kind as 'queue' | 'topic' | 'stream'] ?? 'Resource';
}

/** `SqsManagedSseEnabled: false` is where a queue turns encryption off; elsewhere, where the key would go. */
function encryptionLoc(r: Resource): SourceLocation {
  return queueFacts(r)?.managedSseLoc ?? r.encryption?.loc ?? r.loc;
}
