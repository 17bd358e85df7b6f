/**
 * `terraform-aws-modules/s3-bucket/aws`: a bucket with its ACL, public access block and policy,
 * and its `modules/notification` submodule (a bucket's notifications to functions, with the
 * permissions that let S3 invoke them). The module blocks public access by default from version
 * 3.10 on, and not before.
 */
import type { TNode } from '../../../parse/tree.js';
import type { Translatable } from '../load-terraform.js';
import { scalar } from '../tree-values.js';
import { entriesOf, field, flag, getAtt, input, joined, list, made, newestAllowed, object, ref, type ModuleCall } from './module-call.js';

const BUCKET = 'aws_s3_bucket.this[0]';

export const s3BucketModule = {
  name: 'terraform-aws-modules/s3-bucket/aws',
  sources: [/^terraform-aws-modules\/s3-bucket\/aws$/, /^(git::)?(https:\/\/)?github\.com\/terraform-aws-modules\/terraform-aws-s3-bucket(\.git)?(\?ref=.*)?$/],
  majors: [3, 5] as const,
  outputs: (call: ModuleCall): Map<string, TNode> => new Map([
    ['s3_bucket_id', ref(call, BUCKET)],
    ['s3_bucket_arn', getAtt(call, BUCKET, 'Arn')],
  ]),
  resources: (call: ModuleCall): Translatable[] => {
    if (flag(call, 'create_bucket', true) === false) return [];
    const out: Translatable[] = [made(call, 'aws_s3_bucket', BUCKET, { bucket: input(call, 'bucket') })];
    const acl = input(call, 'acl');
    if (acl) out.push(made(call, 'aws_s3_bucket_acl', 'aws_s3_bucket_acl.this[0]', { bucket: ref(call, BUCKET), acl }));
    if (flag(call, 'attach_public_policy', true) !== false) {
      // Version 3.10 (April 2023, when S3 did the same for new buckets) turned every setting on by default; earlier versions left them off.
      const [major, minor] = newestAllowed(call.version) ?? [Infinity, Infinity];
      const dflt = major > 3 || (major === 3 && minor >= 10);
      const setting = (name: string): TNode => input(call, name) ?? scalar(dflt, call.loc);
      out.push(made(call, 'aws_s3_bucket_public_access_block', 'aws_s3_bucket_public_access_block.this[0]', {
        bucket: ref(call, BUCKET),
        block_public_acls: setting('block_public_acls'),
        block_public_policy: setting('block_public_policy'),
        ignore_public_acls: setting('ignore_public_acls'),
        restrict_public_buckets: setting('restrict_public_buckets'),
      }));
    }
    const statements = bucketStatements(call);
    if (statements.length > 0) {
      out.push(made(call, 'aws_s3_bucket_policy', 'aws_s3_bucket_policy.this[0]', {
        bucket: ref(call, BUCKET),
        policy: object(call.loc, { Version: scalar('2012-10-17', call.loc), Statement: list(call.loc, statements) }),
      }));
    }
    return out;
  },
};

/** The statements of the bucket's policy: the given `policy` (when `attach_policy`) and the TLS-only statement (`attach_deny_insecure_transport_policy`). */
function bucketStatements(call: ModuleCall): TNode[] {
  const loc = call.loc;
  const out: TNode[] = [];
  const policy = input(call, 'policy');
  const given = field(policy, 'Statement');
  if (flag(call, 'attach_policy', false) === true && given) out.push(...(given.kind === 'seq' ? given.items : [given]));
  if (flag(call, 'attach_deny_insecure_transport_policy', false) === true) {
    const arn = getAtt(call, BUCKET, 'Arn');
    out.push(object(loc, {
      Effect: scalar('Deny', loc), Principal: scalar('*', loc), Action: scalar('s3:*', loc), Resource: list(loc, [arn]),
      Condition: object(loc, { Bool: object(loc, { 'aws:SecureTransport': scalar('false', loc) }) }),
    }));
  }
  return out;
}

export const s3NotificationModule = {
  name: 'terraform-aws-modules/s3-bucket/aws//modules/notification',
  sources: [/^terraform-aws-modules\/s3-bucket\/aws\/\/modules\/notification$/],
  majors: [3, 5] as const,
  outputs: (): Map<string, TNode> => new Map(),
  resources: (call: ModuleCall): Translatable[] => {
    if (flag(call, 'create', true) === false) return [];
    const lambdas = entriesOf(call, 'lambda_notifications');
    if (lambdas.length === 0) return [];
    const out: Translatable[] = [made(call, 'aws_s3_bucket_notification', 'aws_s3_bucket_notification.this[0]', {
      bucket: input(call, 'bucket'),
      lambda_function: list(call.loc, lambdas.map((l) => object(l.value.loc, { lambda_function_arn: field(l.value, 'function_arn'), events: field(l.value, 'events') }))),
    })];
    // The module lets S3 invoke each function, from this bucket only.
    if (flag(call, 'create_lambda_permission', true) !== false) {
      for (const l of lambdas) {
        out.push(made(call, 'aws_lambda_permission', `aws_lambda_permission.allow[${JSON.stringify(l.key)}]`, {
          action: scalar('lambda:InvokeFunction', l.keyLoc),
          function_name: field(l.value, 'function_name') ?? field(l.value, 'function_arn'),
          principal: scalar('s3.amazonaws.com', l.keyLoc),
          // The module's own default: the bucket's ARN built from its name.
          source_arn: input(call, 'bucket_arn') ?? bucketArn(call),
        }));
      }
    }
    return out;
  },
};

function bucketArn(call: ModuleCall): TNode | undefined {
  const bucket = input(call, 'bucket');
  return bucket && joined(bucket.loc, [scalar('arn:aws:s3:::', bucket.loc), bucket]);
}
