/**
 * Event data choosing who the function e-mails or texts (the `recipient` row of `families.ts`):
 * an SES message's destination addresses, or the phone number of an SNS text. As for the content
 * of such messages (`email-content-injection.ts`), only data that callers outside the account send
 * is reported.
 */
import type { SdkCall } from '../../code/aws-calls/aws-call.js';
import type { Flow } from '../../code/taint/analyze-function.js';
import type { Rule, RuleResult } from '../rule.js';
import { nameOf, subjectOf } from '../subject.js';
import { FAMILIES } from './families.js';
import { capitalize, flowSteps, LEVEL_INDEX } from './flow-rule.js';
import { describeSource } from './trigger-context.js';
import { outsideMessageFlows } from './outside-message-flows.js';

const { meta, scale, consequence } = FAMILIES.recipient;

export const messageRecipientFromEvent: Rule = {
  meta,
  check(ctx) {
    return outsideMessageFlows(ctx, 'recipient').flatMap(({ fn, flow, call, exposure, level, key }): RuleResult[] => {
      const abuse = abuseOf(call);
      if (!abuse || ownAttributesOnly(flow)) return [];
      return [{
        message: `${capitalize(describeSource(flow.source, ctx.model, exposure))} chooses the recipients of \`${flow.sink.what}\` at ${flow.sink.loc.file}:${flow.sink.loc.line} in ${nameOf(fn)}: ${abuse}; ${consequence} ${FIX}`,
        location: flow.sink.loc,
        related: flowSteps(flow),
        flow: flow.steps,
        subject: subjectOf(fn),
        key,
        severity: scale[LEVEL_INDEX[level]],
      }];
    });
  },
};

/**
 * A user pool's triggers (a custom SMS or e-mail sender, a custom message) send to the user's own
 * attribute, where the pool would send anyway: the number is not the function's choice. Whether
 * strangers may sign up and be texted is the pool's setting.
 */
function ownAttributesOnly(flow: Flow): boolean {
  return flow.source.triggers.length > 0 && flow.source.triggers.every((t) => t.kind === 'cognito-user-pool');
}

const FIX = "Send only to an address or number the app already holds (the signed-in user's verified one, a fixed team address), or verify it and limit how many messages each caller may send.";

/** What sending to anyone costs, by service. */
function abuseOf(call: SdkCall): string | undefined {
  if (call.service === 'ses') return "whoever sends it makes the app e-mail any address from its verified identity (spam and phishing from the app's domain, and the bounces and complaints for which SES pauses the account's sending)";
  if (call.service === 'sns') return 'whoever sends it makes the app text any number (SMS pumping: texts to premium numbers whose operators share the fees, billed to the account)';
  return undefined;
}
