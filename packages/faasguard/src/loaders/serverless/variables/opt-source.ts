import { scalarNode, type VariableSource } from './source.js';

/** `${opt:stage}`, `${opt:region}`: command-line options; any other option was not given. */
export const optSource: VariableSource = (ctx) => {
  const name = ctx.call.address;
  if (name === 'stage' && ctx.options.stage !== undefined) return scalarNode(ctx.options.stage, ctx.loc);
  if (name === 'region' && ctx.options.region !== undefined) return scalarNode(ctx.options.region, ctx.loc);
  return undefined;
};
