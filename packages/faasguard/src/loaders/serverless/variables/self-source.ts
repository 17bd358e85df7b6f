import type { VariableSource } from './source.js';

/** `${self:provider.stage}`: another part of the same configuration. */
export const selfSource: VariableSource = (ctx) => ctx.self(ctx.call.address, ctx.depth, ctx.loc);
