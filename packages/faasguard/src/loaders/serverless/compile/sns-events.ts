/**
 * `sns` events: a topic name makes the framework create the topic (`SNSTopic<Name>`) with a
 * subscription; an ARN subscribes to a topic that exists elsewhere.
 */
import type { TNode } from '../../../parse/tree.js';
import { get } from '../../../parse/tree.js';
import { naming } from '../naming.js';
import type { CompileContext, ServerlessFunction } from './context.js';
import { build, getAtt, ref, text } from './nodes.js';

export function compileSnsEvent(ctx: CompileContext, fn: ServerlessFunction, event: TNode): void {
  const short = text(event);
  const arnNode = event.kind === 'map' ? get(event, 'arn') : short?.startsWith('arn:') ? event : undefined;
  const topicName = text(get(event, 'topicName')) ?? (short && !short.startsWith('arn:') ? short : undefined) ?? lastSegment(text(arnNode)) ?? refTarget(arnNode) ?? 'Topic';
  if (arnNode) {
    ctx.add(naming.snsSubscription(fn.name, topicName), 'AWS::SNS::Subscription', {
      TopicArn: arnNode,
      Protocol: 'lambda',
      Endpoint: getAtt(fn.logicalId, 'Arn'),
      FilterPolicy: get(event, 'filterPolicy'),
    }, event.loc);
    permission(ctx, fn, topicName, arnNode, event);
    return;
  }
  const id = naming.topic(topicName);
  const current = ctx.resources.get(id);
  const subscriptions = get(get(current?.node, 'Properties'), 'Subscription');
  const subscription = build({ Endpoint: getAtt(fn.logicalId, 'Arn'), Protocol: 'lambda' }, event.loc);
  ctx.add(id, 'AWS::SNS::Topic', {
    TopicName: topicName,
    DisplayName: get(event, 'displayName'),
    Subscription: [...(subscriptions?.kind === 'seq' ? subscriptions.items : []), subscription],
  }, current?.keyLoc ?? event.loc);
  permission(ctx, fn, topicName, build(ref(id), event.loc), event);
}

function permission(ctx: CompileContext, fn: ServerlessFunction, topicName: string, topicArn: TNode, event: TNode): void {
  ctx.add(naming.snsPermission(fn.name, topicName), 'AWS::Lambda::Permission', {
    FunctionName: getAtt(fn.logicalId, 'Arn'),
    Action: 'lambda:InvokeFunction',
    Principal: 'sns.amazonaws.com',
    SourceArn: topicArn,
  }, event.loc);
}

function lastSegment(arn: string | undefined): string | undefined {
  return arn?.split(':').pop();
}

function refTarget(node: TNode | undefined): string | undefined {
  return text(get(node, 'Ref'));
}
