import { scalarNode, unknownNode, type VariableSource } from './source.js';

/**
 * `${env:NAME}` reads the environment only when `--env-vars` allows that name (or `*`): otherwise
 * the value is unknown, since it would be the scanning machine's, not the deployment's.
 */
export const envSource: VariableSource = (ctx) => {
  const name = ctx.call.address;
  const allowed = ctx.options.envVars ?? [];
  if (!allowed.includes('*') && !allowed.includes(name)) {
    return unknownNode(ctx, `environment variable ${name} (not read: allow it with --env-vars ${name})`);
  }
  const value = (ctx.options.env ?? process.env)[name];
  return value === undefined ? undefined : scalarNode(value, ctx.loc);
};
