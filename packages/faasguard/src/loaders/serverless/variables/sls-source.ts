import { scalarNode, unknownNode, type VariableSource } from './source.js';

/** `${sls:stage}` is the stage the framework deploys to; `${sls:instanceId}` changes every run. */
export const slsSource: VariableSource = (ctx) => {
  if (ctx.call.address === 'stage') return scalarNode(ctx.stage(), ctx.loc);
  return unknownNode(ctx, `\${sls:${ctx.call.address}} (set by the framework at deploy time)`);
};
