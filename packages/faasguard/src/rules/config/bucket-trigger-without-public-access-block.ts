import type { AppModel, PublicAccessBlock, Resource, Trigger } from '../../model/app-model.js';
import { ModelIndex } from '../../model/model-index.js';
import type { Rule, RuleResult } from '../rule.js';
import { nameOf, subjectOf } from '../subject.js';
import { pushTo } from '../../util/multimap.js';

const SETTINGS: ReadonlyArray<[keyof Omit<PublicAccessBlock, 'loc'>, string]> = [
  ['blockPublicAcls', 'BlockPublicAcls'],
  ['ignorePublicAcls', 'IgnorePublicAcls'],
  ['blockPublicPolicy', 'BlockPublicPolicy'],
  ['restrictPublicBuckets', 'RestrictPublicBuckets'],
];

export const bucketTriggerWithoutPublicAccessBlock: Rule = {
  meta: {
    id: 'bucket-trigger-without-public-access-block',
    title: 'Bucket that triggers a function without a full public access block',
    category: 'SAS-3',
    cwe: ['CWE-284'],
    severity: 'medium',
    description:
      'A bucket whose events invoke a function does not turn on all four S3 Block Public Access settings. Without them, one public ACL or bucket policy statement (added later, by another stack, by hand) lets anyone on the internet upload objects, and every upload runs the function with content and object keys the attacker chose: injection into the function, and a bill driven by the attacker.\n\n' +
      'Severity: `medium` when the template turns a setting off (the protection is explicitly weakened); `low` when it leaves `PublicAccessBlockConfiguration` out, as S3 turns all four settings on for new buckets since April 2023 but not for older buckets brought into the stack, and the template no longer says which is true.',
    remediation:
      'Set `PublicAccessBlockConfiguration` with `BlockPublicAcls`, `IgnorePublicAcls`, `BlockPublicPolicy` and `RestrictPublicBuckets` all `true`. If outsiders must upload, give them presigned URLs (short-lived, one key each), and validate objects in the function.',
    example: {
      language: 'yaml',
      vulnerable: 'Uploads:\n  Type: AWS::S3::Bucket\n  Properties:\n    PublicAccessBlockConfiguration:\n      BlockPublicPolicy: false',
      fixed: 'Uploads:\n  Type: AWS::S3::Bucket\n  Properties:\n    PublicAccessBlockConfiguration:\n      BlockPublicAcls: true\n      IgnorePublicAcls: true\n      BlockPublicPolicy: true\n      RestrictPublicBuckets: true',
    },
    references: ['https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html'],
  },
  check({ model }) {
    const results: RuleResult[] = [];
    for (const [bucket, triggers] of triggeringBuckets(model)) {
      const result = checkBucket(model, bucket, triggers);
      if (result) results.push(result);
    }
    return results;
  },
};

function triggeringBuckets(model: AppModel): Map<Resource, Trigger[]> {
  const index = ModelIndex.of(model);
  const out = new Map<Resource, Trigger[]>();
  for (const t of model.triggers) {
    const bucket = t.kind === 's3' ? index.resource(t.sourceId) : undefined;
    if (bucket?.kind === 'bucket') pushTo(out, bucket, t);
  }
  return out;
}

function checkBucket(model: AppModel, bucket: Resource, triggers: Trigger[]): RuleResult | undefined {
  const fns = functionNames(model, triggers);
  const base = { subject: subjectOf(bucket), key: [bucket.logicalId], related: triggers.map((t) => ({ loc: t.loc, message: 'S3 event that invokes the function' })) };
  const pab = bucket.publicAccessBlock;
  if (!pab) {
    return { ...base, location: bucket.loc, severity: 'low', message: `Bucket ${nameOf(bucket)} triggers ${fns} and has no PublicAccessBlockConfiguration: it relies on S3 defaults, and a public ACL or policy would let anyone upload objects that run the function. Set all four Block Public Access settings to true.` };
  }
  const off = SETTINGS.filter(([k]) => !pab[k]).map(([, name]) => name);
  if (off.length === 0) return undefined;
  return { ...base, location: pab.loc, message: `Bucket ${nameOf(bucket)} triggers ${fns} but its public access block leaves ${off.join(', ')} off: a public ACL or policy would let anyone on the internet upload objects that run the function with content they choose. Set all four settings to true.` };
}

function functionNames(model: AppModel, triggers: Trigger[]): string {
  const ids = [...new Set(triggers.map((t) => t.functionId))];
  return ids.map((id) => ModelIndex.of(model).function(id)).filter((f) => f !== undefined).map(nameOf).join(', ');
}
