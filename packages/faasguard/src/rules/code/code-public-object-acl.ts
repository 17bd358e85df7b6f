/**
 * Function code that writes S3 objects with a public canned ACL: each object it writes can be read
 * by anyone who learns or guesses its key, whatever the bucket's policy says.
 */
import { computeExposure } from '../../analysis/exposure.js';
import { codeFactsFor } from '../../code/code-facts.js';
import type { SdkCall } from '../../code/aws-calls/aws-call.js';
import { writesObject } from '../../code/aws-calls/action-exceptions.js';
import { targetValue } from '../../code/aws-calls/least-privilege.js';
import type { AppModel, LambdaFunction } from '../../model/app-model.js';
import { bucketAclFacts } from '../../model/facts/bucket-acl-facts.js';
import { ModelIndex } from '../../model/model-index.js';
import { ResourceRef } from '../../model/value.js';
import { codeScope } from '../code-scope.js';
import type { Rule, RuleResult } from '../rule.js';
import { nameOf, subjectOf } from '../subject.js';

/** Canned ACLs that let people outside the account read the object. */
const PUBLIC_ACLS: Readonly<Record<string, string>> = {
  'public-read': 'anyone on the internet',
  'public-read-write': 'anyone on the internet',
  'authenticated-read': 'anyone with an AWS account',
};

export const codePublicObjectAcl: Rule = {
  meta: {
    id: 'code-public-object-acl',
    title: 'Code writes S3 objects with a public ACL',
    category: 'SAS-3',
    cwe: ['CWE-732', 'CWE-200'],
    severity: 'medium',
    description:
      "The function's code writes S3 objects with a public canned ACL (`ACL: 'public-read'`, `public-read-write`, `authenticated-read`). Each object it writes becomes readable by anyone on the internet (or by any AWS account) who learns or guesses its key, whatever the bucket policy says and although the template shows no public bucket: order exports, invoices, user uploads. Not reported when the template makes the bucket refuse public object ACLs (`BlockPublicAcls` or `IgnorePublicAcls`, or Object Ownership `BucketOwnerEnforced`).\n\nSeverity: `high` when users can make the function run (it is reachable from the internet or by signed-in users), so that the objects it writes hold what they sent; `medium` otherwise.",
    remediation:
      'Remove the `ACL` parameter and keep the bucket private (Object Ownership `BucketOwnerEnforced`, all four public access block settings on). Serve the objects through presigned URLs that expire, or through CloudFront with origin access control.',
    example: {
      language: 'javascript',
      vulnerable: "await s3.send(new PutObjectCommand({ Bucket: process.env.BUCKET, Key: key, Body: pdf, ACL: 'public-read' }));",
      fixed: "await s3.send(new PutObjectCommand({ Bucket: process.env.BUCKET, Key: key, Body: pdf }));\nconst url = await getSignedUrl(s3, new GetObjectCommand({ Bucket: process.env.BUCKET, Key: key }), { expiresIn: 300 });",
    },
    references: [
      'https://docs.aws.amazon.com/AmazonS3/latest/userguide/acl-overview.html#canned-acl',
      'https://docs.aws.amazon.com/AmazonS3/latest/userguide/about-object-ownership.html',
      'https://owasp.org/www-project-serverless-top-10/',
    ],
    judges: ['function code'],
  },
  check(ctx) {
    const scope = codeScope(ctx);
    if (!scope) return [];
    const facts = codeFactsFor(ctx.model, scope);
    const byCall = new Map<SdkCall, LambdaFunction[]>();
    for (const f of facts.functions) {
      const calls = [...f.files.flatMap((file) => facts.files.get(file)?.calls?.calls ?? []), ...(f.inlineCalls?.calls ?? [])];
      for (const call of calls) {
        if (!publicAcl(call) || refused(ctx.model, call, f.fn)) continue;
        byCall.set(call, [...(byCall.get(call) ?? []), f.fn]);
      }
    }
    const exposure = computeExposure(ctx.model);
    const results: RuleResult[] = [];
    const seen = new Map<string, number>();
    for (const [call, users] of byCall) {
      const reachable = users.filter((u) => ['public', 'authenticated'].includes(exposure.get(u.id)?.level ?? 'internal'));
      const key = [call.loc.file, call.operation, publicAcl(call)!];
      const nth = seen.get(key.join('\0')) ?? 0;
      seen.set(key.join('\0'), nth + 1);
      results.push(finding(call, users, reachable, [...key, String(nth)]));
    }
    return results;
  },
};

function publicAcl(call: SdkCall): string | undefined {
  const canned = call.acl?.canned;
  if (!writesObject(call) || canned === undefined) return undefined;
  return Object.hasOwn(PUBLIC_ACLS, canned) ? canned : undefined;
}

/** The call writes into a bucket of the template that refuses public object ACLs. */
function refused(model: AppModel, call: SdkCall, fn: LambdaFunction): boolean {
  const value = targetValue(call.target, fn);
  const bucket = value instanceof ResourceRef ? ModelIndex.of(model).resource(value.target) : undefined;
  return bucket !== undefined && bucketAclFacts(bucket)?.publicAclsRefused === true;
}

function finding(call: SdkCall, users: LambdaFunction[], reachable: LambdaFunction[], key: string[]): RuleResult {
  const acl = publicAcl(call)!;
  const who = PUBLIC_ACLS[acl]!;
  const names = users.map(nameOf).join(', ');
  const data = reachable.length > 0 ? ` ${reachable.map(nameOf).join(', ')} runs for outside users, so the objects hold what they send.` : '';
  return {
    message: `The code of ${names} writes S3 objects with the ACL ${acl} (${call.operation}): each object becomes readable by ${who} who knows its key.${data}`,
    location: call.loc,
    related: users.map((u) => ({ loc: u.loc, message: `function ${nameOf(u)} runs this code` })),
    subject: subjectOf(users[0]!),
    key,
    ...(reachable.length > 0 ? { severity: 'high' as const } : {}),
  };
}
