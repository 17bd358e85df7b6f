/**
 * `ServerlessDeploymentBucket`, where the framework uploads packages and templates, unless the
 * provider names its own bucket. The framework encrypts it and denies requests without TLS.
 */
import { naming } from '../naming.js';
import type { CompileContext } from './context.js';
import { join, ref } from './nodes.js';

export function compileDeploymentBucket(ctx: CompileContext): void {
  const own = ctx.providerAt('deploymentBucket');
  if (own?.kind === 'scalar' || ctx.providerAt('deploymentBucket', 'name') !== undefined) return;
  const loc = ctx.provider?.loc ?? ctx.config.loc;
  ctx.add(naming.deploymentBucket, 'AWS::S3::Bucket', {
    BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
    PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
  }, loc);
  ctx.add(naming.deploymentBucketPolicy, 'AWS::S3::BucketPolicy', {
    Bucket: ref(naming.deploymentBucket),
    PolicyDocument: {
      Statement: [{
        Action: 's3:*',
        Effect: 'Deny',
        Principal: '*',
        Resource: [join(['arn:', ref('AWS::Partition'), ':s3:::', ref(naming.deploymentBucket), '/*']), join(['arn:', ref('AWS::Partition'), ':s3:::', ref(naming.deploymentBucket)])],
        Condition: { Bool: { 'aws:SecureTransport': false } },
      }],
    },
  }, loc);
}
