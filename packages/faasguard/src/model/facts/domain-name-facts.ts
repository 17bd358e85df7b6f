/**
 * The TLS security policy of an API Gateway custom domain: the oldest TLS version it accepts.
 *
 * A security policy can be chosen only for custom domains: `AWS::ApiGateway::DomainName`,
 * `AWS::ApiGatewayV2::DomainName` (per `DomainNameConfigurations` entry) and SAM's `Domain` of an
 * `AWS::Serverless::Api` or `AWS::Serverless::HttpApi`. Default endpoints keep AWS's policy.
 */
import type { Resource } from '../app-model.js';
import { asArray, isValueMap, type Value } from '../value.js';

/** Typed view of a custom domain's TLS settings. */
export interface DomainNameFacts {
  resource: Resource;
  /** The domain name as written */
  domainName?: Value;
  /** Every SecurityPolicy written for the domain; empty when none is */
  securityPolicies: Value[];
  /**
   * Whether leaving SecurityPolicy out means TLS 1.0: true for REST custom domains; HTTP API
   * domains accept only TLS 1.2 and later by default.
   */
  defaultsToTls10: boolean;
}

export function domainNameFacts(resource: Resource): DomainNameFacts | undefined {
  const p = resource.properties;
  switch (resource.type) {
    case 'AWS::ApiGateway::DomainName':
      return facts(resource, p['DomainName'], p['SecurityPolicy'] !== undefined ? [p['SecurityPolicy']] : [], true);
    case 'AWS::ApiGatewayV2::DomainName': {
      const configs = asArray(p['DomainNameConfigurations']).filter(isValueMap);
      const policies = configs.map((c) => c['SecurityPolicy']).filter((v): v is Value => v !== undefined);
      return facts(resource, p['DomainName'], policies, false);
    }
    case 'AWS::Serverless::Api':
    case 'AWS::Serverless::HttpApi':
      return samDomain(resource);
    default:
      return undefined;
  }
}

function samDomain(resource: Resource): DomainNameFacts | undefined {
  const domain = resource.properties['Domain'];
  if (!isValueMap(domain)) return undefined;
  const policy = domain['SecurityPolicy'];
  return facts(resource, domain['DomainName'], policy !== undefined ? [policy] : [], resource.type === 'AWS::Serverless::Api');
}

function facts(resource: Resource, domainName: Value | undefined, securityPolicies: Value[], defaultsToTls10: boolean): DomainNameFacts {
  return { resource, ...(domainName !== undefined ? { domainName } : {}), securityPolicies, defaultsToTls10 };
}

/** Whether the domain accepts TLS 1.0 (and 1.1) clients. */
export function acceptsTls10(facts: DomainNameFacts): boolean {
  if (facts.securityPolicies.length === 0) return facts.defaultsToTls10;
  return facts.securityPolicies.some((p) => p === 'TLS_1_0');
}
