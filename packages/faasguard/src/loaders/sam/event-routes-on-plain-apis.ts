/**
 * A SAM `Api` event whose `RestApiId` names a plain `AWS::ApiGateway::RestApi` of the template:
 * SAM writes no operation into such an API, only the permission for it to invoke the function. The
 * method is the template's own `AWS::ApiGateway::Method`, whose authorization holds, not the
 * event's `Auth`. Where that method is there, the event's route is taken back and the method's
 * route stands for the way in; where it is not (the method lives in a definition the scan reads
 * later, or in another stack), the event's route is kept, as the only word on it.
 */
import type { LoadContext } from '../cloudformation/load-context.js';

export function dropEventRoutesThatMethodsMake(ctx: LoadContext): void {
  const routes = ctx.builder.model.routes.filter((r) => r.stack === ctx.template.stackId);
  const methods = new Set(routes.filter((r) => !isSamEventRoute(ctx, r.id)).map((r) => `${r.apiId} ${r.method} ${r.path}`));
  for (const route of routes.filter((r) => isSamEventRoute(ctx, r.id))) {
    if (ctx.builder.resource(route.apiId)?.type !== 'AWS::ApiGateway::RestApi') continue;
    if (methods.has(`${route.apiId} ${route.method} ${route.path}`)) ctx.builder.removeRoute(route.id);
  }
}

/** A route a SAM function's or state machine's `Api` event made (its id is `<owner>#<event>`). */
export function isSamEventRoute(ctx: LoadContext, routeId: string): boolean {
  const hash = routeId.indexOf('#');
  if (hash < 0) return false;
  const owner = ctx.builder.resource(routeId.slice(0, hash));
  return owner?.type === 'AWS::Serverless::Function' || owner?.type === 'AWS::Serverless::StateMachine';
}
