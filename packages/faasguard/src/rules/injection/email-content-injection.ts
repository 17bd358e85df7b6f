/**
 * Event data written into messages people read (the `email` row of `families.ts`): the subject or
 * body of an e-mail sent with SES, or a message published to a topic that the template subscribes
 * e-mail addresses or phones to. Unlike the other injection families, only data that callers
 * outside the account send is reported: the account's own people and services write what they
 * like into its mail.
 */
import type { SdkCall } from '../../code/aws-calls/aws-call.js';
import { targetValue } from '../../code/aws-calls/least-privilege.js';
import type { AppModel, LambdaFunction } from '../../model/app-model.js';
import type { SourceLocation } from '../../model/location.js';
import { ModelIndex } from '../../model/model-index.js';
import { topicReaders, type TopicReader } from '../../model/facts/topic-readers.js';
import { referencesWithin } from '../../model/value.js';
import type { Rule, RuleResult } from '../rule.js';
import { nameOf, subjectOf } from '../subject.js';
import { wordList } from '../../util/word-list.js';
import { FAMILIES } from './families.js';
import { capitalize, flowSteps, LEVEL_INDEX } from './flow-rule.js';
import { describeSource } from './trigger-context.js';
import { outsideMessageFlows } from './outside-message-flows.js';

const { meta, scale, consequence } = FAMILIES.email;

/** How the message reaches people, why they trust it, and the places of the template that say so. */
interface Delivery {
  text: string;
  trust: string;
  related: Array<{ loc: SourceLocation; message: string }>;
}

const FIX =
  "Write what people read from the function's own text (an id and a link to the record), or check each field against what it must be first (a number, an id pattern; no links or line breaks), and escape what goes into an HTML body.";

export const emailContentInjection: Rule = {
  meta,
  check(ctx) {
    return outsideMessageFlows(ctx, 'email').flatMap(({ fn, flow, call, exposure, level, key }): RuleResult[] => {
      const delivery = deliveryOf(ctx.model, fn, call, flow.sink.what);
      if (!delivery) return [];
      return [{
        message: `${capitalize(describeSource(flow.source, ctx.model, exposure))} is written into a message at ${flow.sink.loc.file}:${flow.sink.loc.line} in ${nameOf(fn)}: ${delivery.text}, so whoever sends the data writes part of what the recipients read ${delivery.trust}: ${consequence} ${FIX}`,
        location: flow.sink.loc,
        related: [...flowSteps(flow), ...delivery.related],
        flow: flow.steps,
        subject: subjectOf(fn),
        key,
        severity: scale[LEVEL_INDEX[level]],
      }];
    });
  },
};

/**
 * SES mails whoever the request names. A topic delivers to its subscribers: only a topic of the
 * template that e-mail addresses or phones subscribe to is judged, one the code does not name or
 * that only services read is not.
 */
function deliveryOf(model: AppModel, fn: LambdaFunction, call: SdkCall, what: string): Delivery | undefined {
  if (call.service === 'ses') return { text: `\`${what}\` sends it by e-mail with SES`, trust: "in a message from the app's own address", related: [] };
  if (call.service !== 'sns') return undefined;
  const readers = topicReaders(model);
  const index = ModelIndex.of(model);
  for (const ref of referencesWithin(targetValue(call.target, fn))) {
    const subscribed = readers.get(ref.target);
    const topic = index.resource(ref.target);
    if (!subscribed || !topic) continue;
    return {
      text: `\`${what}\` publishes it to \`${topic.logicalId}\`, whose subscriptions deliver it to ${readersText(subscribed)}`,
      trust: 'in a notification they subscribed to and expect',
      related: subscribed.map((r) => ({ loc: r.loc, message: `${r.protocol === 'sms' ? 'an SMS' : `an ${r.protocol}`} subscription of ${topic.logicalId}` })),
    };
  }
  return undefined;
}

/** `an e-mail address (ops@example.com) and 2 phones` */
function readersText(readers: readonly TopicReader[]): string {
  const mail = readers.filter((r) => r.protocol !== 'sms');
  const phones = readers.length - mail.length;
  const parts: string[] = [];
  if (mail.length > 0) parts.push(`${mail.length === 1 ? 'an e-mail address' : `${mail.length} e-mail addresses`}${addresses(mail)}`);
  if (phones > 0) parts.push(phones === 1 ? 'a phone (SMS)' : `${phones} phones (SMS)`);
  return wordList(parts);
}

function addresses(readers: readonly TopicReader[]): string {
  const written = readers.map((r) => r.endpoint).filter((e): e is string => typeof e === 'string' && e !== '');
  return written.length > 0 ? ` (${written.slice(0, 3).join(', ')}${written.length > 3 ? ', …' : ''})` : '';
}
