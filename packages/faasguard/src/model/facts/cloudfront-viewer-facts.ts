/**
 * How a CloudFront distribution talks to its viewers (`AWS::CloudFront::Distribution`; Terraform
 * `aws_cloudfront_distribution`): each cache behavior's `ViewerProtocolPolicy` (`allow-all` serves
 * plain HTTP, `redirect-to-https` and `https-only` do not), and the viewer certificate with the
 * oldest TLS version it accepts.
 *
 * With the CloudFront certificate (`*.cloudfront.net`), CloudFront always accepts TLS 1.0 and no
 * setting changes it; with a certificate of the distribution's own domain (ACM or IAM),
 * `MinimumProtocolVersion` chooses.
 */
import type { Resource } from '../app-model.js';
import type { SourceLocation } from '../location.js';
import { asArray, asBoolean, asString, isValueMap, type Value, type ValueMap } from '../value.js';

export const DISTRIBUTION_TYPE = 'AWS::CloudFront::Distribution';

export interface CacheBehaviorFacts {
  /** `PathPattern`; undefined for the default behavior */
  pathPattern?: string;
  /** `allow-all`, `redirect-to-https`, `https-only`; undefined when not a literal */
  viewerProtocolPolicy?: string;
  /** Where `ViewerProtocolPolicy` is written */
  loc: SourceLocation;
}

export interface CloudFrontViewerFacts {
  resource: Resource;
  /** `Enabled: false`: the distribution serves no one */
  disabled: boolean;
  /** The default behavior first, then `CacheBehaviors` in order */
  behaviors: CacheBehaviorFacts[];
  /** `custom` for an ACM or IAM certificate, `cloudfront` for the default one; undefined when the template does not say */
  certificate?: 'custom' | 'cloudfront';
  /** `MinimumProtocolVersion` as written (`TLSv1`, `TLSv1.2_2021` …) */
  minimumProtocolVersion?: string;
  /** Where `MinimumProtocolVersion` is written, else the viewer certificate, else the distribution */
  certificateLoc: SourceLocation;
}

/** Security policies that accept a TLS version older than 1.2 (or SSL 3). */
const BELOW_TLS_12 = new Set(['SSLv3', 'TLSv1', 'TLSv1_2016', 'TLSv1.1_2016']);

export function acceptsTlsBelow12(securityPolicy: string): boolean {
  return BELOW_TLS_12.has(securityPolicy);
}

export function cloudFrontViewerFacts(resource: Resource): CloudFrontViewerFacts | undefined {
  if (resource.type !== DISTRIBUTION_TYPE) return undefined;
  const config = resource.properties['DistributionConfig'];
  if (!isValueMap(config)) return undefined;
  const behaviors: CacheBehaviorFacts[] = [];
  if (isValueMap(config['DefaultCacheBehavior'])) behaviors.push(behaviorFacts(resource, config['DefaultCacheBehavior'], ['DefaultCacheBehavior']));
  asArray(config['CacheBehaviors']).forEach((b, i) => {
    if (isValueMap(b)) behaviors.push(behaviorFacts(resource, b, ['CacheBehaviors', String(i)]));
  });
  const cert = isValueMap(config['ViewerCertificate']) ? config['ViewerCertificate'] : undefined;
  const minimum = asString(cert?.['MinimumProtocolVersion']);
  const certificate = certificateKind(cert);
  return {
    resource,
    disabled: asBoolean(config['Enabled']) === false,
    behaviors,
    ...(certificate ? { certificate } : {}),
    ...(minimum !== undefined ? { minimumProtocolVersion: minimum } : {}),
    certificateLoc: resource.locate('DistributionConfig', 'ViewerCertificate', 'MinimumProtocolVersion'),
  };
}

function behaviorFacts(resource: Resource, b: ValueMap, path: string[]): CacheBehaviorFacts {
  const pathPattern = asString(b['PathPattern']);
  const policy = asString(b['ViewerProtocolPolicy']);
  return {
    ...(pathPattern !== undefined ? { pathPattern } : {}),
    ...(policy !== undefined ? { viewerProtocolPolicy: policy } : {}),
    loc: resource.locate('DistributionConfig', ...path, 'ViewerProtocolPolicy'),
  };
}

function certificateKind(cert: ValueMap | undefined): 'custom' | 'cloudfront' | undefined {
  if (!cert) return undefined;
  if (written(cert['AcmCertificateArn']) || written(cert['IamCertificateId'])) return 'custom';
  return asBoolean(cert['CloudFrontDefaultCertificate']) === true ? 'cloudfront' : undefined;
}

/** Terraform writes an unset certificate attribute as an empty string. */
function written(v: Value | undefined): boolean {
  return v !== undefined && v !== null && v !== '';
}
