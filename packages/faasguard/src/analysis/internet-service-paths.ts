/**
 * Entry paths through services that let anyone on the internet reach a function without an API of
 * the app in between: an SES receipt rule (the e-mail anyone sends, passed to the function or
 * stored in a bucket whose events run it), an IoT custom authorizer that checks no signature, a
 * Transfer Family server whose sign-ins the function checks, a CloudFront distribution's Lambda@Edge
 * association. The exposure analysis
 * (`exposure.ts`) takes them when the model's facts say so.
 */
import type { LambdaFunction, Resource, Trigger } from '../model/app-model.js';
import { display } from '../model/value.js';
import { nameOf } from '../rules/subject.js';
import type { EntryPath } from './exposure-types.js';

/**
 * An SES receipt rule hands the function the e-mail its recipients receive: anyone on the internet
 * can send one (spam and virus scanning mark a message, they do not stop it reaching the action).
 */
export function receivedMailPath(t: Trigger, rule: Resource | undefined, fn: LambdaFunction): EntryPath {
  const ruleName = rule ? `receipt rule ${nameOf(rule)}` : 'an SES receipt rule';
  return {
    level: 'public',
    via: t.id,
    description: `anyone on the internet can send an e-mail that ${ruleName} passes to ${nameOf(fn)}`,
    steps: [{ loc: t.loc, message: `${ruleName} invokes ${nameOf(fn)} with each e-mail it receives` }],
  };
}

/**
 * An IoT custom authorizer that does not check a token signature first: any client on the internet
 * that connects naming it makes IoT Core invoke the function with what it sent.
 */
export function unsignedAuthorizerPath(t: Trigger, authorizer: Resource | undefined, fn: LambdaFunction): EntryPath {
  const name = authorizer ? `IoT authorizer ${nameOf(authorizer)}` : 'an IoT authorizer';
  return {
    level: 'public',
    via: t.id,
    description: `anyone on the internet can connect to AWS IoT through ${name}, whose signing is disabled, and so invoke ${nameOf(fn)}`,
    steps: [{ loc: t.loc, message: `${name} invokes ${nameOf(fn)} with each connection attempt, unsigned tokens included` }],
  };
}

/** A Transfer Family server the internet reaches, whose users the function authenticates: anyone can try a user name and password. */
export function signInPath(t: Trigger, server: Resource | undefined, fn: LambdaFunction): EntryPath {
  const name = server ? `Transfer server ${nameOf(server)}` : 'a Transfer server';
  return {
    level: 'public',
    via: t.id,
    description: `anyone on the internet can sign in to ${name}, which asks ${nameOf(fn)} to check the user name and password`,
    steps: [{ loc: t.loc, message: `${name} invokes ${nameOf(fn)} with each sign-in attempt` }],
  };
}

/** A bucket an SES receipt rule stores received e-mail in: each message anyone sends becomes an object there. */
export function storedMailPath(t: Trigger, rule: Resource, bucket: Resource, fn: LambdaFunction): EntryPath {
  return {
    level: 'public',
    via: t.id,
    description: `anyone on the internet can send an e-mail that receipt rule ${nameOf(rule)} stores in ${nameOf(bucket)}, which invokes ${nameOf(fn)}`,
    steps: [
      { loc: rule.loc, message: `receipt rule ${nameOf(rule)} stores each e-mail it receives in ${nameOf(bucket)}` },
      { loc: t.loc, message: `${t.kind} event from ${nameOf(bucket)} invokes ${nameOf(fn)}` },
    ],
  };
}

/** What a Lambda@Edge association runs on, by its event type. */
const EDGE_EVENTS: Readonly<Record<string, string>> = {
  'viewer-request': 'every request',
  'viewer-response': 'the response to every request',
  'origin-request': 'each request it forwards to the origin (a cache miss)',
  'origin-response': "the origin's response to each request it forwards",
};

/**
 * A CloudFront distribution's Lambda@Edge association: the distribution answers anyone on the
 * internet, and runs the function on the requests of the behavior's paths (a firewall in front
 * filters them, it does not make them anyone's in particular).
 */
export function edgePath(t: Trigger, distribution: Resource | undefined, fn: LambdaFunction): EntryPath {
  const name = distribution ? `distribution ${nameOf(distribution)}` : display(t.source) || 'a CloudFront distribution';
  const eventType = display(t.details['eventType']);
  const paths = display(t.details['pathPattern']);
  const on = EDGE_EVENTS[eventType] ?? 'the requests it receives';
  return {
    level: 'public',
    via: t.id,
    description: `anyone on the internet can send requests to ${name}, which runs ${nameOf(fn)} on ${on}${paths && paths !== '*' ? ` to ${paths}` : ''}`,
    steps: [{ loc: t.loc, message: `${eventType || 'Lambda@Edge'} association of ${name} runs ${nameOf(fn)}` }],
  };
}
