import { whoseRoleCan } from '../../analysis/reach-text.js';
import { publicWriteGrant, WRITE_VERBS } from '../../analysis/source-writers.js';
import { ModelIndex } from '../../model/model-index.js';
import type { Rule, RuleResult } from '../rule.js';
import { nameOf, subjectOf } from '../subject.js';

export const publicSourceTriggersFunction: Rule = {
  meta: {
    id: 'public-source-triggers-function',
    title: 'Rogue entry point: a source anyone can write to triggers a function',
    category: 'SAS-2',
    cwe: ['CWE-306', 'CWE-284'],
    severity: 'critical',
    description:
      "A bucket, topic or queue that anyone on the internet may write to (by its resource policy or a public ACL) invokes a function with every object or message (a bucket directly, or through EventBridge when it sends its events there and a rule's pattern takes them). Even when every API is authenticated, this is an unauthenticated entry point: an attacker chooses the event the function processes (object keys, bodies, message attributes), and every weakness in the function's code and every permission of its role is within reach.",
    remediation:
      "Remove the public grant: name the principals that may write (your account, a role, a partner account) and keep the bucket's public access block on. If uploads must come from the public, hand out short-lived presigned URLs from an authenticated API instead of a public policy, and validate every event in the function.",
    example: {
      language: 'yaml',
      vulnerable: 'PolicyDocument:\n  Statement:\n    - Effect: Allow\n      Principal: "*"\n      Action: s3:PutObject\n      Resource: !Sub "${UploadsBucket.Arn}/*"',
      fixed: 'PolicyDocument:\n  Statement:\n    - Effect: Allow\n      Principal: { AWS: !GetAtt UploadApiRole.Arn }\n      Action: s3:PutObject\n      Resource: !Sub "${UploadsBucket.Arn}/*"',
    },
    references: ['https://owasp.org/www-project-serverless-top-10/', 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html'],
    judges: ['AWS::S3::Bucket', 'AWS::S3::BucketPolicy', 'AWS::SQS::QueuePolicy', 'AWS::SNS::TopicPolicy', 'AWS::Kinesis::ResourcePolicy'],
    peerChecks: ['Checkov CKV_AWS_57', 'cfn-nag F14'],
  },
  check({ model }) {
    const index = ModelIndex.of(model);
    const results: RuleResult[] = [];
    for (const t of model.triggers) {
      const source = index.resource(t.sourceId);
      const fn = index.function(t.functionId);
      const grant = source ? publicWriteGrant(source) : undefined;
      if (!source || !fn || !grant) continue;
      const verb = WRITE_VERBS[source.kind] ?? 'write to';
      results.push({
        message: `Anyone on the internet can ${verb} ${nameOf(source)}, which invokes ${nameOf(fn)}${whoseRoleCan(fn, index)}: an unauthenticated entry point into the application.`,
        location: grant.loc,
        related: [
          { loc: source.loc, message: `${source.kind} ${nameOf(source)}` },
          { loc: t.loc, message: `${t.kind} event invokes ${nameOf(fn)}` },
          { loc: fn.loc, message: `function ${nameOf(fn)}` },
        ],
        subject: subjectOf(source),
        key: [source.logicalId, fn.logicalId],
      });
    }
    return results;
  },
};
