/**
 * The TLS security policy of an API Gateway custom domain: the oldest TLS version it accepts.
 *
 * A security policy can be chosen only for custom domains: `AWS::ApiGateway::DomainName`,
 * `AWS::ApiGatewayV2::DomainName` (per `DomainNameConfigurations` entry) and SAM's `Domain` of an
 * `AWS::Serverless::Api` or `AWS::Serverless::HttpApi`. Default endpoints keep AWS's policy.
 */
import type { Resource } from '../app-model.js';
import type { SourceLocation } from '../location.js';
import { asArray, isValueMap, type Value } from '../value.js';

/** Typed view of a custom domain's TLS settings. */
export interface DomainNameFacts {
  resource: Resource;
  /** The domain name as written */
  domainName?: Value;
  /** Every SecurityPolicy written for the domain; empty when none is */
  securityPolicies: Value[];
  /** Property paths of those policies, in the same order (for `Resource.locate`) */
  policyPaths: string[][];
  /**
   * Whether leaving SecurityPolicy out means TLS 1.0: true for REST custom domains; HTTP API
   * domains accept only TLS 1.2 and later by default.
   */
  defaultsToTls10: boolean;
}

/** The types a custom domain's security policy is written on. */
export const DOMAIN_NAME_TYPES: readonly string[] = ['AWS::ApiGateway::DomainName', 'AWS::ApiGatewayV2::DomainName', 'AWS::Serverless::Api', 'AWS::Serverless::HttpApi'];

export function domainNameFacts(resource: Resource): DomainNameFacts | undefined {
  const p = resource.properties;
  switch (resource.type) {
    case 'AWS::ApiGateway::DomainName':
      return facts(resource, p['DomainName'], written([[p['SecurityPolicy'], ['SecurityPolicy']]]), true);
    case 'AWS::ApiGatewayV2::DomainName': {
      const configs = asArray(p['DomainNameConfigurations']);
      const policies = configs.map((c, i): [Value | undefined, string[]] => [isValueMap(c) ? c['SecurityPolicy'] : undefined, ['DomainNameConfigurations', String(i), 'SecurityPolicy']]);
      return facts(resource, p['DomainName'], written(policies), false);
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
  return facts(resource, domain['DomainName'], written([[domain['SecurityPolicy'], ['Domain', 'SecurityPolicy']]]), resource.type === 'AWS::Serverless::Api');
}

type Written = Array<[Value, string[]]>;

function written(candidates: Array<[Value | undefined, string[]]>): Written {
  return candidates.filter((c): c is [Value, string[]] => c[0] !== undefined);
}

function facts(resource: Resource, domainName: Value | undefined, policies: Written, defaultsToTls10: boolean): DomainNameFacts {
  return { resource, ...(domainName !== undefined ? { domainName } : {}), securityPolicies: policies.map((p) => p[0]), policyPaths: policies.map((p) => p[1]), defaultsToTls10 };
}

/** Whether the domain accepts TLS 1.0 (and 1.1) clients. */
export function acceptsTls10(facts: DomainNameFacts): boolean {
  if (facts.securityPolicies.length === 0) return facts.defaultsToTls10;
  return facts.securityPolicies.some((p) => p === 'TLS_1_0');
}

/** Where the domain accepts TLS 1.0: the `TLS_1_0` policy when written, else the domain (SAM: its `Domain`). */
export function tls10Loc(facts: DomainNameFacts): SourceLocation {
  const r = facts.resource;
  const at = facts.securityPolicies.findIndex((p) => p === 'TLS_1_0');
  if (at >= 0) return r.locate(...facts.policyPaths[at]!);
  return r.type.startsWith('AWS::Serverless::') ? r.locate('Domain') : r.loc;
}
