import type { AppModel, PublicAccessBlock, Resource, Trigger } from '../../model/app-model.js';
import { BUCKET_TYPE, bucketFacts } from '../../model/facts/bucket-facts.js';
import { ModelIndex } from '../../model/model-index.js';
import type { Rule, RuleResult } from '../rule.js';
import { nameOf, subjectOf } from '../subject.js';
import { sourceWords, type SourceWords } from '../source-words.js';

/** Each setting, as a template and as Terraform's `aws_s3_bucket_public_access_block` spell it. */
const SETTINGS: ReadonlyArray<[keyof Omit<PublicAccessBlock, 'loc'>, string, string]> = [
  ['blockPublicAcls', 'BlockPublicAcls', 'block_public_acls'],
  ['ignorePublicAcls', 'IgnorePublicAcls', 'ignore_public_acls'],
  ['blockPublicPolicy', 'BlockPublicPolicy', 'block_public_policy'],
  ['restrictPublicBuckets', 'RestrictPublicBuckets', 'restrict_public_buckets'],
];

export const bucketTriggerWithoutPublicAccessBlock: Rule = {
  meta: {
    id: 'bucket-trigger-without-public-access-block',
    title: 'Bucket without a full public access block',
    category: 'SAS-3',
    cwe: ['CWE-284'],
    severity: 'medium',
    description:
      'A bucket does not turn on all four S3 Block Public Access settings. Without them, one public ACL or bucket policy statement (added later, by another stack, by hand) exposes the bucket to everyone on the internet. When the bucket\'s events invoke a function (by an S3 notification, or through EventBridge: a rule whose pattern takes the bucket\'s `aws.s3` events, with the bucket\'s `EventBridgeEnabled` on), that means anyone can upload objects that run the function with content and object keys they chose: injection into the function, and a bill driven by the attacker.\n\n' +
      'Severity, for a bucket that triggers a function: `medium` when the template turns a setting off (the protection is explicitly weakened); `low` when it leaves `PublicAccessBlockConfiguration` out, as S3 turns all four settings on for new buckets since April 2023 but not for older buckets brought into the stack, and the template no longer says which is true. For any other bucket: `low` either way (the rule id keeps its historical name). A bucket that is public on purpose (a website) is also reported by `bucket-public-read`, where the exposure itself is judged.',
    remediation:
      'Set `PublicAccessBlockConfiguration` with `BlockPublicAcls`, `IgnorePublicAcls`, `BlockPublicPolicy` and `RestrictPublicBuckets` all `true`. If outsiders must upload, give them presigned URLs (short-lived, one key each), and validate objects in the function; if the bucket serves a website, serve it through CloudFront with an origin access control and block public access on the bucket.',
    example: {
      language: 'yaml',
      vulnerable: 'Uploads:\n  Type: AWS::S3::Bucket\n  Properties:\n    PublicAccessBlockConfiguration:\n      BlockPublicPolicy: false',
      fixed: 'Uploads:\n  Type: AWS::S3::Bucket\n  Properties:\n    PublicAccessBlockConfiguration:\n      BlockPublicAcls: true\n      IgnorePublicAcls: true\n      BlockPublicPolicy: true\n      RestrictPublicBuckets: true',
    },
    references: ['https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html'],
    judges: ['AWS::S3::Bucket'],
    peerChecks: ['Checkov CKV_AWS_53', 'Checkov CKV_AWS_54', 'Checkov CKV_AWS_55', 'Checkov CKV_AWS_56', 'KICS S3 Bucket Allows Public ACL'],
  },
  check({ model }) {
    const index = ModelIndex.of(model);
    const results: RuleResult[] = [];
    for (const r of ModelIndex.of(model).resourcesOfType(BUCKET_TYPE)) {
      if (!bucketFacts(r)) continue;
      const result = checkBucket(model, r, index.triggersFrom(r.id).filter((t) => t.kind === 's3' || t.kind === 'eventbridge'));
      if (result) results.push(result);
    }
    return results;
  },
};

function checkBucket(model: AppModel, bucket: Resource, triggers: Trigger[]): RuleResult | undefined {
  const pab = bucket.publicAccessBlock;
  const words = sourceWords(bucket.loc.file);
  const off = pab ? SETTINGS.filter(([k]) => !pab[k]).map(([, name, tfName]) => (words.terraform ? tfName : name)) : [];
  const block = words.terraform ? 'aws_s3_bucket_public_access_block' : 'PublicAccessBlockConfiguration';
  const unsaid = unsaidText(words);
  if (pab && off.length === 0) return undefined;
  const base = { subject: subjectOf(bucket), key: [bucket.logicalId], related: triggers.map((t) => ({ loc: t.loc, message: t.kind === 'eventbridge' ? 'S3 event, through EventBridge, that invokes the function' : 'S3 event that invokes the function' })) };
  if (triggers.length === 0) {
    if (!pab) return { ...base, location: bucket.loc, severity: 'low', message: `Bucket ${nameOf(bucket)} has no ${block}: ${unsaid}. Set all four Block Public Access settings to true.` };
    return { ...base, location: pab.loc, severity: 'low', message: `Bucket ${nameOf(bucket)}: its public access block leaves ${off.join(', ')} off, so one public ACL or policy statement would expose it to everyone on the internet. Set all four Block Public Access settings to true.` };
  }
  const fns = functionNames(model, triggers);
  if (!pab) {
    return { ...base, location: bucket.loc, severity: 'low', message: `Bucket ${nameOf(bucket)} triggers ${fns} and has no ${block}: ${unsaid}; one that allows a public ACL or policy would let anyone upload objects that run the function. Set all four Block Public Access settings to true.` };
  }
  return { ...base, location: pab.loc, message: `Bucket ${nameOf(bucket)} triggers ${fns} but its public access block leaves ${off.join(', ')} off: a public ACL or policy would let anyone on the internet upload objects that run the function with content they choose. Set all four settings to true.` };
}

/** What a bucket without the configuration gets: S3's default since April 2023, unless it is older. */
function unsaidText(words: SourceWords): string {
  return `S3 turns all four settings on for a bucket created since April 2023, but a bucket older than that, or one imported into ${words.owner}, keeps what it had, and the ${words.app} does not say which`;
}

function functionNames(model: AppModel, triggers: Trigger[]): string {
  const ids = [...new Set(triggers.map((t) => t.functionId))];
  return ids.map((id) => ModelIndex.of(model).function(id)).filter((f) => f !== undefined).map(nameOf).join(', ');
}
