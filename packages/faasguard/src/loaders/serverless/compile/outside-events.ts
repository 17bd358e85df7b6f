/**
 * Events whose source is outside the service's template: Alexa skills, IoT fleet provisioning
 * hooks and CloudFront (Lambda@Edge) associations. Each is a trigger of the function; its source
 * is named as the configuration names it.
 */
import type { TNode } from '../../../parse/tree.js';
import { get } from '../../../parse/tree.js';
import type { CompileContext, ServerlessFunction } from './context.js';
import { text } from './nodes.js';

/** `alexaSkill: amzn1.ask.skill.…` or `{ appId, enabled }`; the smart home form is the same. */
export function compileAlexaEvent(what: string) {
  return (ctx: CompileContext, fn: ServerlessFunction, event: TNode): void => {
    const appId = event.kind === 'scalar' ? text(event) : text(get(event, 'appId'));
    ctx.externalTriggers.push({ kind: 'alexa', functionLogicalId: fn.logicalId, source: `Alexa ${what} ${appId ?? '(any)'}`, details: { alexa: what }, loc: event.loc });
  };
}

export function compileIotFleetProvisioningEvent(ctx: CompileContext, fn: ServerlessFunction, event: TNode): void {
  const template = text(get(event, 'templateName')) ?? 'provisioning template';
  ctx.externalTriggers.push({ kind: 'iot', functionLogicalId: fn.logicalId, source: template, details: { preProvisioningHook: true }, loc: event.loc });
}

/**
 * Lambda@Edge: the framework makes a CloudFront distribution of its own for the service's
 * `cloudFront` events, and each runs its function on the requests of its path pattern.
 */
export function compileCloudFrontEvent(ctx: CompileContext, fn: ServerlessFunction, event: TNode): void {
  const eventType = text(get(event, 'eventType')) ?? 'origin-request';
  const pathPattern = text(get(event, 'pathPattern')) ?? '*';
  const includeBody = text(get(event, 'includeBody')) === 'true';
  ctx.externalTriggers.push({ kind: 'cloudfront', functionLogicalId: fn.logicalId, source: "the service's CloudFront distribution", details: { eventType, includeBody, pathPattern }, loc: event.loc });
}
