import { scalarNode, unknownNode, type VariableSource } from './source.js';

/** `${aws:region}` is the deployment region; `${aws:accountId}` is known only with credentials. */
export const awsSource: VariableSource = (ctx) => {
  if (ctx.call.address === 'region') return scalarNode(ctx.region(), ctx.loc);
  return unknownNode(ctx, `\${aws:${ctx.call.address}} (the AWS account, known at deploy time)`);
};
