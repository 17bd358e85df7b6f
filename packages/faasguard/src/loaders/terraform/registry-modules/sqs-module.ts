/** `terraform-aws-modules/sqs/aws`: a queue, its dead-letter queue (`create_dlq`) and its policy (`queue_policy_statements`). */
import type { TNode } from '../../../parse/tree.js';
import type { Translatable } from '../load-terraform.js';
import { scalar } from '../tree-values.js';
import { flag, getAtt, input, made, moduleStatementsPolicy, object, ref, type ModuleCall } from './module-call.js';

const QUEUE = 'aws_sqs_queue.this[0]';
const DLQ = 'aws_sqs_queue.dlq[0]';

export const sqsModule = {
  name: 'terraform-aws-modules/sqs/aws',
  sources: [/^terraform-aws-modules\/sqs\/aws$/, /^(git::)?(https:\/\/)?github\.com\/terraform-aws-modules\/terraform-aws-sqs(\.git)?(\?ref=.*)?$/],
  majors: [4, 5] as const,
  outputs: (call: ModuleCall): Map<string, TNode> => new Map([
    ['queue_arn', getAtt(call, QUEUE, 'Arn')],
    ['queue_id', ref(call, QUEUE)],
    ['queue_url', ref(call, QUEUE)],
    ['queue_name', getAtt(call, QUEUE, 'QueueName')],
    ['dead_letter_queue_arn', getAtt(call, DLQ, 'Arn')],
  ]),
  resources: (call: ModuleCall): Translatable[] => {
    if (flag(call, 'create', true) === false) return [];
    const dlq = flag(call, 'create_dlq', false) === true;
    const redrive = dlq ? object(call.loc, { deadLetterTargetArn: getAtt(call, DLQ, 'Arn'), maxReceiveCount: scalar(5, call.loc) }) : input(call, 'redrive_policy');
    const out: Translatable[] = [made(call, 'aws_sqs_queue', QUEUE, {
      name: input(call, 'name'),
      kms_master_key_id: input(call, 'kms_master_key_id'),
      sqs_managed_sse_enabled: input(call, 'sqs_managed_sse_enabled'),
      redrive_policy: redrive,
      visibility_timeout_seconds: input(call, 'visibility_timeout_seconds'),
    })];
    if (dlq) out.push(made(call, 'aws_sqs_queue', DLQ, { name: input(call, 'dlq_name') }));
    if (flag(call, 'create_queue_policy', false) === true) out.push(moduleStatementsPolicy(call, 'aws_sqs_queue_policy', 'aws_sqs_queue_policy.this[0]', { queue_url: ref(call, QUEUE) }, 'queue_policy_statements'));
    return out;
  },
};
