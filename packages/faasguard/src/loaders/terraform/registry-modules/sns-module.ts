/** `terraform-aws-modules/sns/aws`: a topic, its policy (`topic_policy_statements`) and its subscriptions. */
import type { TNode } from '../../../parse/tree.js';
import type { Translatable } from '../load-terraform.js';
import { scalar } from '../tree-values.js';
import { entriesOf, field, flag, getAtt, input, made, moduleStatementsPolicy, ref, type ModuleCall } from './module-call.js';

const TOPIC = 'aws_sns_topic.this[0]';

export const snsModule = {
  name: 'terraform-aws-modules/sns/aws',
  sources: [/^terraform-aws-modules\/sns\/aws$/, /^(git::)?(https:\/\/)?github\.com\/terraform-aws-modules\/terraform-aws-sns(\.git)?(\?ref=.*)?$/],
  majors: [5, 6] as const,
  outputs: (call: ModuleCall): Map<string, TNode> => new Map([
    ['topic_arn', ref(call, TOPIC)],
    ['topic_name', getAtt(call, TOPIC, 'TopicName')],
  ]),
  resources: (call: ModuleCall): Translatable[] => {
    if (flag(call, 'create', true) === false) return [];
    const out: Translatable[] = [made(call, 'aws_sns_topic', TOPIC, { name: input(call, 'name'), kms_master_key_id: input(call, 'kms_master_key_id') })];
    // The module's default statement lets only the topic's own account publish and manage it: only the given statements can open it.
    if (flag(call, 'create_topic_policy', true) !== false && entriesOf(call, 'topic_policy_statements').length > 0) {
      out.push(moduleStatementsPolicy(call, 'aws_sns_topic_policy', 'aws_sns_topic_policy.this[0]', { arn: ref(call, TOPIC) }, 'topic_policy_statements'));
    }
    for (const s of entriesOf(call, 'subscriptions')) {
      out.push(made(call, 'aws_sns_topic_subscription', `aws_sns_topic_subscription.this[${JSON.stringify(s.key)}]`, {
        topic_arn: ref(call, TOPIC), protocol: field(s.value, 'protocol'), endpoint: field(s.value, 'endpoint'),
      }));
    }
    return out;
  },
};
