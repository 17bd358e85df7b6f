import { ModelIndex } from '../../model/model-index.js';
import { acceptsTlsBelow12, cloudFrontViewerFacts, DISTRIBUTION_TYPE, type CloudFrontViewerFacts } from '../../model/facts/cloudfront-viewer-facts.js';
import type { Rule, RuleResult } from '../rule.js';
import { nameOf, subjectOf } from '../subject.js';

export const cloudfrontViewerTlsBelow12: Rule = {
  meta: {
    id: 'cloudfront-viewer-tls-below-12',
    title: 'CloudFront distribution accepts TLS older than 1.2 on its own domain',
    category: 'SAS-3',
    cwe: ['CWE-326', 'CWE-757'],
    severity: 'medium',
    description:
      'A CloudFront distribution with a certificate of its own domain (`AcmCertificateArn` or `IamCertificateId`) has a `MinimumProtocolVersion` (security policy) of `SSLv3`, `TLSv1`, `TLSv1_2016` or `TLSv1.1_2016`: CloudFront then accepts viewers on TLS 1.0 or 1.1 (or SSL 3), with their CBC cipher suites and SHA-1 signatures, which the IETF deprecated in 2021 (RFC 8996) and PCI DSS no longer allows. A client or a network attacker who forces the older protocol gets connections that known attacks (BEAST, POODLE, Lucky 13) weaken; every current browser speaks TLS 1.2.\n\n' +
      "Distributions on CloudFront's own certificate (`*.cloudfront.net`) are not reported: CloudFront sets their policy to `TLSv1` and no setting changes it (a custom domain with its certificate is the only way to raise it). A policy left out is not reported either, nor a distribution that is not enabled.",
    remediation:
      'Set `MinimumProtocolVersion: TLSv1.2_2021` (or a later `TLSv1.2_*`/`TLSv1.3_*` policy) with `SslSupportMethod: sni-only` in the distribution\'s `ViewerCertificate` (Terraform: `minimum_protocol_version` in `viewer_certificate`; CDK: `minimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021`).',
    example: {
      language: 'yaml',
      vulnerable: 'ViewerCertificate:\n  AcmCertificateArn: !Ref Certificate\n  SslSupportMethod: sni-only\n  MinimumProtocolVersion: TLSv1',
      fixed: 'ViewerCertificate:\n  AcmCertificateArn: !Ref Certificate\n  SslSupportMethod: sni-only\n  MinimumProtocolVersion: TLSv1.2_2021',
    },
    references: ['https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/secure-connections-supported-viewer-protocols-ciphers.html', 'https://www.rfc-editor.org/rfc/rfc8996'],
    judges: [DISTRIBUTION_TYPE],
    peerChecks: ['Checkov CKV_AWS_174', 'KICS CloudFront Without Minimum Protocol TLS 1.2'],
  },
  check({ model }) {
    const results: RuleResult[] = [];
    for (const resource of ModelIndex.of(model).resourcesOfType(DISTRIBUTION_TYPE)) {
      const facts = cloudFrontViewerFacts(resource);
      if (!facts || facts.disabled || facts.certificate !== 'custom' || facts.minimumProtocolVersion === undefined) continue;
      if (acceptsTlsBelow12(facts.minimumProtocolVersion)) results.push(resultFor(facts, facts.minimumProtocolVersion));
    }
    return results;
  },
};

function resultFor(facts: CloudFrontViewerFacts, policy: string): RuleResult {
  const cdn = facts.resource;
  return {
    message: `Distribution ${nameOf(cdn)} has the security policy ${policy} on its own domain: it accepts viewers on TLS versions older than 1.2, which the IETF deprecated and known attacks weaken. Set MinimumProtocolVersion to TLSv1.2_2021 or later.`,
    location: facts.certificateLoc,
    subject: subjectOf(cdn),
    key: [cdn.logicalId],
  };
}
