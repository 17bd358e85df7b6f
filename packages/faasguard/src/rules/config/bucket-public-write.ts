import { publicWriteGrant } from '../../analysis/source-writers.js';
import type { Severity } from '../../findings/finding.js';
import type { AppModel } from '../../model/app-model.js';
import { ModelIndex } from '../../model/model-index.js';
import type { Rule, RuleResult } from '../rule.js';
import { nameOf, subjectOf } from '../subject.js';
import { bucketPublicGrants, type BucketPublicGrant } from './bucket-public-grants.js';
import { everyoneText } from '../../iam/everyone-text.js';
import { anyActionMatches } from '../../iam/action-matches.js';

export const bucketPublicWrite: Rule = {
  meta: {
    id: 'bucket-public-write',
    title: 'Bucket anyone can write to, delete from or take over',
    category: 'SAS-3',
    cwe: ['CWE-284', 'CWE-732'],
    severity: 'high',
    description:
      'A bucket lets anyone upload, overwrite or delete its objects (canned ACL `PublicReadWrite`, or a bucket policy that allows `s3:PutObject`, `s3:DeleteObject`, `s3:RestoreObject`, `s3:*` or `*` to `Principal: "*"`, or to everyone through an Allow with `NotPrincipal`, with no condition narrowing who), or change its policy and ACL (`s3:PutBucketPolicy`, `s3:PutBucketAcl`). Anyone can then replace the files the application serves or reads, host malware under its name, delete its data, and run up its storage bill.\n\n' +
      'When such a bucket triggers a function, `public-source-triggers-function` reports the upload grant as the critical, unauthenticated entry point into that function, and this rule does not repeat it; grants of management actions are reported here all the same. Severity: `high`; `critical` when everyone may change the bucket\'s policy or ACL (a takeover); `medium` when the only write granted is `s3:RestoreObject` (anyone can restore archived objects on your bill, but change none).',
    remediation:
      'Remove the public grant: name the principals that may write (a role, a partner account with a condition), keep all four Block Public Access settings on, and hand out presigned upload URLs from an authenticated API when outsiders must upload.',
    example: {
      language: 'yaml',
      vulnerable: 'PolicyDocument:\n  Statement:\n    - Effect: Allow\n      Principal: "*"\n      Action: s3:PutObject\n      Resource: !Sub "${Drops.Arn}/*"',
      fixed: 'PolicyDocument:\n  Statement:\n    - Effect: Allow\n      Principal: { AWS: !GetAtt UploaderRole.Arn }\n      Action: s3:PutObject\n      Resource: !Sub "${Drops.Arn}/*"',
    },
    references: ['https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html', 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/PresignedUrlUploadObject.html'],
    judges: ['AWS::S3::Bucket', 'AWS::S3::BucketPolicy'],
    peerChecks: ['Checkov CKV_AWS_57', 'cfn-nag F14', 'cfn-nag F16', 'KICS S3 Bucket ACL Allows Read Or Write to All Users', 'KICS S3 Bucket Access to Any Principal', 'cfn-nag F9', 'KICS S3 Bucket Allows Delete Action From All Principals', 'KICS S3 Bucket Allows Put Action From All Principals', 'KICS S3 Bucket With All Permissions', 'KICS S3 Bucket Allows Restore Actions From All Principals'],
  },
  check({ model }) {
    const results: RuleResult[] = [];
    for (const g of bucketPublicGrants(model)) {
      const write = g.capabilities.includes('write');
      const manage = g.capabilities.includes('manage');
      if (!write && !manage) continue;
      if (!manage && reportedAsEntryPoint(model, g)) continue;
      results.push(resultFor(g, manage));
    }
    return results;
  },
};

/** The upload grant of a bucket that triggers a function is `public-source-triggers-function`'s finding. */
function reportedAsEntryPoint(model: AppModel, g: BucketPublicGrant): boolean {
  const index = ModelIndex.of(model);
  return g.buckets.length > 0 && g.buckets.every((b) => index.triggersFrom(b.id).length > 0 && sameLoc(publicWriteGrant(b)?.loc, g.loc));
}

function sameLoc(a: BucketPublicGrant['loc'] | undefined, b: BucketPublicGrant['loc']): boolean {
  return a !== undefined && a.file === b.file && a.line === b.line && a.column === b.column;
}

function resultFor(g: BucketPublicGrant, manage: boolean): RuleResult {
  const s = g.subject;
  const name = s.kind === 'bucket' ? `Bucket ${nameOf(s)}` : `The bucket of ${nameOf(s)}`;
  const how = g.how === 'acl' ? 'has the canned ACL PublicReadWrite' : `has a policy statement that allows everyone (${everyoneText(g.statement)}, no narrowing condition)`;
  const restoreOnly = !manage && onlyRestores(g);
  const what = manage
    ? 'change its policy or ACL, which hands the bucket to them'
    : restoreOnly
      ? 'restore its archived objects as often as they like, at your expense (s3:RestoreObject changes no object, but every restore is billed)'
      : 'upload, overwrite and delete its objects: replace what the application serves or reads, host their own files under its name, and run up its bill';
  const severity: Severity = manage ? 'critical' : restoreOnly ? 'medium' : 'high';
  return {
    message: `${name} ${how}: anyone on the internet can ${what}. Remove the public grant and name the principals that may write.`,
    location: g.loc,
    related: g.buckets.filter((b) => b.loc !== g.loc).map((b) => ({ loc: b.loc, message: `bucket ${nameOf(b)}` })),
    subject: subjectOf(s),
    key: g.key,
    severity,
  };
}

/** Object writes other than restoring an archived copy. */
const OBJECT_CHANGES = ['s3:PutObject', 's3:DeleteObject', 's3:DeleteObjectVersion', 's3:PutObjectAcl'];

/** A policy grant whose only write is `s3:RestoreObject`: it costs money but changes no object. */
function onlyRestores(g: BucketPublicGrant): boolean {
  const s = g.statement;
  if (g.how !== 'policy' || s === undefined || s.notActions.length > 0) return false;
  return !anyActionMatches(s.actions, OBJECT_CHANGES);
}
