import { resourcePolicies } from '../../analysis/resource-policies.js';
import type { PolicyStatement, Resource } from '../../model/app-model.js';
import { BUCKET_TYPE, bucketFacts } from '../../model/facts/bucket-facts.js';
import { ModelIndex } from '../../model/model-index.js';
import { asArray, asBoolean, isValueMap } from '../../model/value.js';
import { anyActionMatches } from '../../iam/action-matches.js';
import type { Rule, RuleResult } from '../rule.js';
import { nameOf, subjectOf } from '../subject.js';

export const bucketWithoutTlsPolicy: Rule = {
  meta: {
    id: 'bucket-without-tls-policy',
    title: 'Bucket that accepts requests over plain HTTP',
    category: 'SAS-3',
    cwe: ['CWE-319'],
    severity: 'low',
    description:
      'No bucket policy statement denies requests made without TLS (`Effect: Deny` with the condition `Bool: { aws:SecureTransport: false }`). S3 answers plain HTTP on its REST endpoints: a client that builds an `http://` URL (a presigned link, a script, an old SDK setting) sends and receives the objects, and its credentials\' signatures, in clear on the network.\n\n' +
      'Severity: `low`: the AWS SDKs use HTTPS unless told otherwise, so the risk lies in the clients a template cannot see. Buckets that serve a static website (`WebsiteConfiguration`) are left out: the website endpoint speaks only HTTP, and such a deny would break the site (put CloudFront in front to serve it over HTTPS).',
    remediation: 'Add a bucket policy statement that denies `s3:*` on the bucket and its objects to `Principal: "*"` when `aws:SecureTransport` is `false` (CDK: `enforceSSL: true`).',
    example: {
      language: 'yaml',
      vulnerable: 'Reports:\n  Type: AWS::S3::Bucket',
      fixed: 'ReportsPolicy:\n  Type: AWS::S3::BucketPolicy\n  Properties:\n    Bucket: !Ref Reports\n    PolicyDocument:\n      Statement:\n        - Effect: Deny\n          Principal: "*"\n          Action: s3:*\n          Resource: [!GetAtt Reports.Arn, !Sub "${Reports.Arn}/*"]\n          Condition:\n            Bool: { aws:SecureTransport: false }',
    },
    references: ['https://docs.aws.amazon.com/AmazonS3/latest/userguide/security-best-practices.html', 'https://docs.aws.amazon.com/securityhub/latest/userguide/s3-controls.html#s3-5'],
    judges: ['AWS::S3::Bucket', 'AWS::S3::BucketPolicy'],
    peerChecks: ['KICS S3 Bucket Without SSL In Write Actions'],
  },
  check({ model }) {
    const index = ModelIndex.of(model);
    const tlsOnly = new Set(resourcePolicies(model).filter((p) => p.kind === 'bucket' && p.document.statements.some(deniesPlainHttp)).flatMap((p) => p.governed));
    const results: RuleResult[] = [];
    for (const r of ModelIndex.of(model).resourcesOfType(BUCKET_TYPE)) {
      const b = bucketFacts(r);
      if (!b || b.websiteLoc !== undefined || tlsOnly.has(r)) continue;
      results.push(resultFor(r, index));
    }
    return results;
  },
};

function resultFor(bucket: Resource, index: ModelIndex): RuleResult {
  const fns = [...new Set(index.triggersFrom(bucket.id).map((t) => index.function(t.functionId)).filter((f) => f !== undefined))];
  const feeds = fns.length > 0 ? ` Its objects trigger ${fns.map(nameOf).join(', ')}.` : '';
  return {
    message: `Bucket ${nameOf(bucket)} has no policy statement denying requests without TLS (aws:SecureTransport false): a client that uses http:// sends and receives its objects in clear.${feeds} Add the deny statement (CDK: enforceSSL).`,
    location: bucket.loc,
    subject: subjectOf(bucket),
    key: [bucket.logicalId],
  };
}

/** Deny of S3 actions when `aws:SecureTransport` is false. */
function deniesPlainHttp(s: PolicyStatement): boolean {
  if (s.effect !== 'Deny' || !anyActionMatches(s.actions, ['s3:GetObject', 's3:PutObject'])) return false;
  const bool = s.conditions?.['Bool'];
  if (!isValueMap(bool)) return false;
  const key = Object.keys(bool).find((k) => k.toLowerCase() === 'aws:securetransport');
  return key !== undefined && asArray(bool[key]).some((v) => asBoolean(v) === false);
}
