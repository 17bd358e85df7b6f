/**
 * The custom domains an API is served on, and whether each asks its clients for a certificate
 * (mutual TLS). A domain is mapped to an API by an `AWS::ApiGatewayV2::ApiMapping`, an
 * `AWS::ApiGateway::BasePathMapping` (or `…V2`), or SAM's `Domain` on the API itself; a mapping
 * names its domain by a reference to the `…::DomainName` resource or by the same name (the same
 * parameter or text) that resource is given. A domain asks for a certificate when it has a trust
 * store (`MutualTlsAuthentication.TruststoreUri`): API Gateway then refuses, during the TLS
 * handshake, every client without a certificate the trust store admits.
 */
import type { Api, AppModel, Resource } from '../app-model.js';
import type { SourceLocation } from '../location.js';
import { ModelIndex } from '../model-index.js';
import { isValueMap, referencedResource, sameWrittenValue, valueAt, type Value } from '../value.js';

const MAPPING_TYPES: Readonly<Record<string, { api: string; domain: string }>> = {
  'AWS::ApiGatewayV2::ApiMapping': { api: 'ApiId', domain: 'DomainName' },
  'AWS::ApiGateway::BasePathMapping': { api: 'RestApiId', domain: 'DomainName' },
  'AWS::ApiGateway::BasePathMappingV2': { api: 'RestApiId', domain: 'DomainNameArn' },
};
const DOMAIN_TYPES = ['AWS::ApiGatewayV2::DomainName', 'AWS::ApiGateway::DomainName', 'AWS::ApiGateway::DomainNameV2'];

/** One custom domain an API is served on. */
export interface ApiCustomDomain {
  /** The domain's resource, or the API's own resource for SAM's `Domain`; absent when the mapping's domain is not in the model */
  resource?: Resource;
  /** The domain asks its clients for a certificate its trust store admits */
  mutualTls: boolean;
  /** The trust store, or the mapping when the domain is not known */
  loc: SourceLocation;
}

export function apiCustomDomains(api: Api, model: AppModel): ApiCustomDomain[] {
  const index = ModelIndex.of(model);
  const own = samDomain(index.resource(api.id));
  const mapped = Object.entries(MAPPING_TYPES).flatMap(([type, keys]) =>
    index.resourcesOfType(type).filter((m) => referencedResource(m.properties[keys.api])?.target === api.id).map((m) => mappedDomain(m, m.properties[keys.domain], index)),
  );
  return [...(own ? [own] : []), ...mapped];
}

/** SAM's `Domain` of an `AWS::Serverless::Api` or `HttpApi`: the transform makes the domain and its mapping. */
function samDomain(resource: Resource | undefined): ApiCustomDomain | undefined {
  const domain = resource?.properties['Domain'];
  if (!resource || !isValueMap(domain)) return undefined;
  return withTrustStore(resource, ['Domain']);
}

function mappedDomain(mapping: Resource, named: Value | undefined, index: ModelIndex): ApiCustomDomain {
  const domain = domainResource(named, index);
  return domain ? withTrustStore(domain, []) : { mutualTls: false, loc: mapping.loc };
}

function withTrustStore(resource: Resource, path: string[]): ApiCustomDomain {
  const trustStore = valueAt(resource.properties, ...path, 'MutualTlsAuthentication', 'TruststoreUri');
  return trustStore === undefined ? { resource, mutualTls: false, loc: resource.loc } : { resource, mutualTls: true, loc: resource.locate(...path, 'MutualTlsAuthentication') };
}

/** The domain resource a mapping names: by reference, or by the name that resource is given. */
function domainResource(named: Value | undefined, index: ModelIndex): Resource | undefined {
  const byRef = index.resource(referencedResource(named)?.target);
  if (byRef && DOMAIN_TYPES.includes(byRef.type)) return byRef;
  if (named === undefined) return undefined;
  return DOMAIN_TYPES.flatMap((t) => index.resourcesOfType(t)).find((d) => sameWrittenValue(d.properties['DomainName'], named));
}
