import { unknownNode, type VariableSource } from './source.js';

/**
 * `${param:name}`: the stage's entry under `params` in serverless.yml, else `params.default`, else
 * a Serverless Dashboard parameter (unknown).
 */
export const paramSource: VariableSource = (ctx) => {
  const name = ctx.call.address;
  const own = ctx.self(`params.${ctx.stage()}.${name}`, ctx.depth, ctx.loc) ?? ctx.self(`params.default.${name}`, ctx.depth, ctx.loc);
  return own ?? unknownNode(ctx, `\${param:${name}} (a Serverless Dashboard parameter, known at deploy time)`);
};
