/**
 * Topics whose messages people read: those the template subscribes an e-mail address or a phone
 * to (`AWS::SNS::Subscription` with the `email`, `email-json` or `sms` protocol, or the same in a
 * topic's own `Subscription` list; Terraform's `aws_sns_topic_subscription` and the CDK's
 * `EmailSubscription` become the former). What a function publishes there lands in an inbox or on
 * a phone, sent by AWS.
 */
import type { AppModel, Resource } from '../app-model.js';
import type { SourceLocation } from '../location.js';
import { isValueMap, referencedResource, type Value } from '../value.js';

const PEOPLE_PROTOCOLS: ReadonlySet<string> = new Set(['email', 'email-json', 'sms']);

export interface TopicReader {
  protocol: string;
  /** The address or number, when the template writes it (a parameter's value often stands in) */
  endpoint?: Value;
  loc: SourceLocation;
}

const COMPUTED = new WeakMap<AppModel, Map<string, TopicReader[]>>();

/** By topic (model id), its e-mail and SMS subscriptions, in template order. */
export function topicReaders(model: AppModel): ReadonlyMap<string, readonly TopicReader[]> {
  let found = COMPUTED.get(model);
  if (found) return found;
  found = new Map();
  for (const r of model.resources) {
    if (r.type === 'AWS::SNS::Topic') addEach(found, r.id, ownSubscriptions(r));
    if (r.type === 'AWS::SNS::Subscription') {
      const topic = referencedResource(r.properties['TopicArn']);
      const reader = readerOf(r.properties, r.locate('Protocol'));
      if (topic && reader) addEach(found, topic.target, [reader]);
    }
  }
  COMPUTED.set(model, found);
  return found;
}

function ownSubscriptions(topic: Resource): TopicReader[] {
  const list = topic.properties['Subscription'];
  if (!Array.isArray(list)) return [];
  return list.flatMap((entry, i) => {
    const reader = isValueMap(entry) ? readerOf(entry, topic.locate('Subscription', String(i), 'Protocol')) : undefined;
    return reader ? [reader] : [];
  });
}

function readerOf(props: Readonly<Record<string, Value>>, loc: SourceLocation): TopicReader | undefined {
  const protocol = props['Protocol'];
  if (typeof protocol !== 'string' || !PEOPLE_PROTOCOLS.has(protocol.toLowerCase())) return undefined;
  const endpoint = props['Endpoint'];
  return { protocol: protocol.toLowerCase(), ...(endpoint !== undefined ? { endpoint } : {}), loc };
}

function addEach(map: Map<string, TopicReader[]>, topicId: string, readers: readonly TopicReader[]): void {
  if (readers.length === 0) return;
  const list = map.get(topicId) ?? [];
  list.push(...readers);
  map.set(topicId, list);
}
