/**
 * Application Load Balancer target groups of type `lambda`: the load balancer invokes the function
 * a group registers with every request its listeners forward to the group, so the group is one of
 * the function's triggers (`alb`), as a Serverless Framework `alb` event is. Which listeners forward
 * to the group, and whether the internet reaches them, is for the exposure analysis to say
 * (`model/facts/load-balancer-listeners.ts`).
 */
import { asString } from '../../model/value.js';
import { get, items } from '../../parse/tree.js';
import { prop, type LoadContext } from './load-context.js';
import type { TemplateResource } from './template.js';

export function linkLambdaTargetGroup(ctx: LoadContext, r: TemplateResource): void {
  if (asString(prop(ctx, r, 'TargetType').value)?.toLowerCase() !== 'lambda') return;
  const groupId = ctx.template.resourceId(r.logicalId);
  items(prop(ctx, r, 'Targets').node).forEach((target, i) => {
    const id = get(target, 'Id');
    const fn = ctx.builder.functionOf(ctx.ev.value(id));
    if (!fn) return;
    ctx.builder.addTrigger({ id: `${groupId}#target${i}`, kind: 'alb', functionId: fn.id, sourceId: groupId, asynchronous: false, details: {}, loc: id?.loc ?? r.loc });
  });
}
