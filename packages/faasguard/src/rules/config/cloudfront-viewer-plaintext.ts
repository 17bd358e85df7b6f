import { ModelIndex } from '../../model/model-index.js';
import { cloudFrontViewerFacts, DISTRIBUTION_TYPE, type CacheBehaviorFacts, type CloudFrontViewerFacts } from '../../model/facts/cloudfront-viewer-facts.js';
import type { Rule, RuleResult } from '../rule.js';
import { nameOf, subjectOf } from '../subject.js';

export const cloudfrontViewerPlaintext: Rule = {
  meta: {
    id: 'cloudfront-viewer-plaintext',
    title: 'CloudFront distribution serves viewers over plain HTTP',
    category: 'SAS-3',
    cwe: ['CWE-319'],
    severity: 'medium',
    description:
      "A cache behavior of a CloudFront distribution has `ViewerProtocolPolicy: allow-all`: CloudFront answers plain HTTP requests on its paths as it answers HTTPS ones, and forwards them to the origin (an API, a function URL, a bucket). Every request and response on such a connection crosses the network unencrypted: whoever is on the path (a shared Wi-Fi, a compromised router) reads the session cookies, bearer tokens and personal data in them and can change what the viewer receives, including the scripts of a web application. A browser that once followed an `http://` link keeps sending its cookies in the clear. A distribution that is not enabled is not reported.",
    remediation:
      'Set `ViewerProtocolPolicy: redirect-to-https` (browsers) or `https-only` (APIs, whose clients should fail loudly) on the default cache behavior and on every entry of `CacheBehaviors` (Terraform: `viewer_protocol_policy` in `default_cache_behavior` and each `ordered_cache_behavior`; CDK: `viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS`). Add a `Strict-Transport-Security` header with a response headers policy so that browsers stop trying HTTP.',
    example: {
      language: 'yaml',
      vulnerable: 'Cdn:\n  Type: AWS::CloudFront::Distribution\n  Properties:\n    DistributionConfig:\n      Enabled: true\n      Origins:\n        - Id: api\n          DomainName: !Sub "${Api}.execute-api.${AWS::Region}.amazonaws.com"\n          CustomOriginConfig: { OriginProtocolPolicy: https-only }\n      DefaultCacheBehavior:\n        TargetOriginId: api\n        ViewerProtocolPolicy: allow-all\n        CachePolicyId: 4135ea2d-6df8-44a3-9df3-4b5a84be39ad',
      fixed: 'Cdn:\n  Type: AWS::CloudFront::Distribution\n  Properties:\n    DistributionConfig:\n      Enabled: true\n      Origins:\n        - Id: api\n          DomainName: !Sub "${Api}.execute-api.${AWS::Region}.amazonaws.com"\n          CustomOriginConfig: { OriginProtocolPolicy: https-only }\n      DefaultCacheBehavior:\n        TargetOriginId: api\n        ViewerProtocolPolicy: https-only\n        CachePolicyId: 4135ea2d-6df8-44a3-9df3-4b5a84be39ad',
    },
    references: ['https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-https-viewers-to-cloudfront.html'],
    judges: [DISTRIBUTION_TYPE],
    peerChecks: ['Checkov CKV_AWS_34'],
  },
  check({ model }) {
    const results: RuleResult[] = [];
    for (const resource of ModelIndex.of(model).resourcesOfType(DISTRIBUTION_TYPE)) {
      const facts = cloudFrontViewerFacts(resource);
      if (!facts || facts.disabled) continue;
      const plaintext = facts.behaviors.filter((b) => b.viewerProtocolPolicy === 'allow-all');
      if (plaintext.length > 0) results.push(resultFor(facts, plaintext));
    }
    return results;
  },
};

function resultFor(facts: CloudFrontViewerFacts, plaintext: readonly CacheBehaviorFacts[]): RuleResult {
  const cdn = facts.resource;
  return {
    message: `Distribution ${nameOf(cdn)} serves ${pathsText(plaintext)} over plain HTTP (ViewerProtocolPolicy: allow-all): cookies, tokens and responses cross the network unencrypted and can be read or changed on the way. Set ViewerProtocolPolicy to redirect-to-https or https-only.`,
    location: plaintext[0]!.loc,
    related: plaintext.slice(1).map((b) => ({ loc: b.loc, message: `${behaviorName(b)}: allow-all` })),
    subject: subjectOf(cdn),
    key: [cdn.logicalId],
  };
}

function pathsText(plaintext: readonly CacheBehaviorFacts[]): string {
  const names = plaintext.map(behaviorName);
  return names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

function behaviorName(b: CacheBehaviorFacts): string {
  return b.pathPattern === undefined ? 'the paths of its default behavior' : `the paths ${b.pathPattern}`;
}
