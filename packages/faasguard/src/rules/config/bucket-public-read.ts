import { bucketWriters, userFacingWriters, type BucketWriter } from '../../analysis/bucket-writers.js';
import type { RelatedLocation, Severity } from '../../findings/finding.js';
import type { AppModel, Resource } from '../../model/app-model.js';
import { bucketFacts } from '../../model/facts/bucket-facts.js';
import type { Rule, RuleResult } from '../rule.js';
import { nameOf, subjectOf } from '../subject.js';
import { bucketPublicGrants, type BucketPublicGrant } from './bucket-public-grants.js';
import { everyoneText } from '../../iam/everyone-text.js';

export const bucketPublicRead: Rule = {
  meta: {
    id: 'bucket-public-read',
    title: 'Bucket anyone can read or list',
    category: 'SAS-3',
    cwe: ['CWE-200', 'CWE-284'],
    severity: 'high',
    description:
      'A bucket lets anyone download (or list) its objects: its canned ACL is `PublicRead`, `PublicReadWrite` or `AuthenticatedRead` (any AWS account holder), or its bucket policy allows `s3:GetObject`, `s3:ListBucket`, `s3:*` or `*` to `Principal: "*"` with no condition that narrows who (`aws:SourceVpce`, `aws:SourceArn`, `aws:SourceAccount`, `aws:PrincipalOrgID`, `aws:SourceIp` …). `aws:Referer` is no such condition: any client sets the header. A public access block that refuses or restricts public ACLs or policies keeps the bucket private, and so does a CloudFront origin access control or identity (its principal is CloudFront, not everyone).\n\n' +
      'Severity: `high`. `critical` when a function that people call (anyone on the internet, or any signed-in user) writes into the bucket: what one user sends is stored where every other user, and everyone else, can read it — other users\' data. `low` for a bucket that serves a static website (`WebsiteConfiguration`) and no such function writes into: public read is what a website needs, but everything stored in the bucket is public.',
    remediation:
      'Remove the public grant: set no `AccessControl` (or `Private`), drop the `Principal: "*"` read statement, and turn on all four Block Public Access settings. To serve files, put CloudFront in front with an origin access control (`Service: cloudfront.amazonaws.com` with an `aws:SourceArn` condition on the distribution); to share single objects, hand out presigned URLs from an authenticated API. Keep user data out of website buckets.',
    example: {
      language: 'yaml',
      vulnerable: 'PolicyDocument:\n  Statement:\n    - Effect: Allow\n      Principal: "*"\n      Action: s3:GetObject\n      Resource: !Sub "${Reports.Arn}/*"',
      fixed: 'PolicyDocument:\n  Statement:\n    - Effect: Allow\n      Principal: { Service: cloudfront.amazonaws.com }\n      Action: s3:GetObject\n      Resource: !Sub "${Reports.Arn}/*"\n      Condition:\n        StringEquals:\n          aws:SourceArn: !Sub "arn:aws:cloudfront::${AWS::AccountId}:distribution/${Cdn}"',
    },
    references: ['https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html', 'https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-restricting-access-to-s3.html'],
    judges: ['AWS::S3::Bucket', 'AWS::S3::BucketPolicy'],
    peerChecks: ['Checkov CKV_AWS_20', 'cfn-nag W31', 'cfn-nag F16', 'KICS S3 Bucket ACL Allows Read to All Users', 'KICS S3 Bucket Access to Any Principal', 'cfn-nag F9', 'KICS S3 Bucket ACL Allows Read to Any Authenticated User', 'KICS S3 Bucket Allows Get Action From All Principals', 'KICS S3 Bucket Allows List Action From All Principals', 'KICS S3 Bucket With All Permissions'],
  },
  check({ model }) {
    const writers = bucketWriters(model);
    return bucketPublicGrants(model)
      .filter((g) => g.capabilities.includes('read'))
      .map((g) => resultFor(model, g, g.buckets.flatMap((b) => writers.get(b.id) ?? [])));
  },
};

function resultFor(model: AppModel, g: BucketPublicGrant, writers: BucketWriter[]): RuleResult {
  const subject = g.subject;
  const people = userFacingWriters(writers);
  const website = g.buckets.some((b) => bucketFacts(b)?.websiteLoc !== undefined);
  const related: RelatedLocation[] = [
    ...g.buckets.filter((b) => b.loc !== g.loc).map((b) => ({ loc: b.loc, message: `bucket ${nameOf(b)}` })),
    ...writers.map((w) => ({ loc: w.grantLoc, message: `${nameOf(w.fn)} may write into it` })),
  ];
  return {
    message: `${whoReads(g, subject)}${context(people, writers, website)}`,
    location: g.loc,
    related,
    subject: subjectOf(subject),
    key: g.key,
    severity: severityOf(people, writers, website),
  };
}

function whoReads(g: BucketPublicGrant, subject: Resource): string {
  const name = subject.kind === 'bucket' ? `Bucket ${nameOf(subject)}` : `The bucket of ${nameOf(subject)}`;
  if (g.how === 'acl') {
    const acl = bucketFacts(subject)?.acl ?? '';
    const who = acl === 'AuthenticatedRead' ? 'any AWS account holder' : 'anyone on the internet';
    return `${name} has the canned ACL ${acl}: ${who} can list and download every object in it.`;
  }
  return `${name} has a policy statement that allows everyone (${everyoneText(g.statement)}, no narrowing condition) to read it: anyone on the internet can download its objects.`;
}

function context(people: BucketWriter[], writers: BucketWriter[], website: boolean): string {
  if (people.length > 0) {
    const names = people.map((w) => `${nameOf(w.fn)} (${w.exposure === 'public' ? 'anyone on the internet' : 'any signed-in user'} can call it)`).join(', ');
    return ` ${names} writes into it: what one user sends is readable by every other user and by everyone else. Make the bucket private and serve each user only their own objects.`;
  }
  if (writers.length > 0) return ` ${writers.map((w) => nameOf(w.fn)).join(', ')} writes into it: whatever it stores is public. Make the bucket private.`;
  if (website) return ' It serves a static website, which needs public read, but everything stored in it is public: keep other data out, or serve the site through CloudFront with an origin access control.';
  return ' Make it private (Block Public Access on) and serve files through CloudFront or presigned URLs.';
}

function severityOf(people: BucketWriter[], writers: BucketWriter[], website: boolean): Severity {
  if (people.length > 0) return 'critical';
  if (writers.length > 0 || !website) return 'high';
  return 'low';
}
