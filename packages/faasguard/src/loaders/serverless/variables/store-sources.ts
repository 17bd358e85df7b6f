import { unknownNode, type VariableSource } from './source.js';
import { lookupTable } from '../../../util/own-keys.js';

/** Remote stores: the value exists only in the AWS account, so it is unknown with its origin. */
const STORES: Readonly<Record<string, string>> = lookupTable({
  ssm: 'SSM Parameter Store',
  cf: 'the output of another CloudFormation stack',
  s3: 'an S3 object',
  secretsmanager: 'AWS Secrets Manager',
});

export function storeSource(source: string): VariableSource {
  return (ctx) => {
    const base = source.split('.')[0]!;
    const store = STORES[base] ?? `the ${base} variable source`;
    return unknownNode(ctx, `\${${source}:${ctx.call.address}} (a value from ${store}, known at deploy time)`);
  };
}

export const STORE_NAMES = Object.keys(STORES);
