import { DOMAIN_NAME_TYPES, acceptsTls10, domainNameFacts, tls10Loc, type DomainNameFacts } from '../../model/facts/domain-name-facts.js';
import { display } from '../../model/value.js';
import { ModelIndex } from '../../model/model-index.js';
import type { Rule, RuleResult } from '../rule.js';
import { nameOf, subjectOf } from '../subject.js';

export const apiDomainWithoutTls12: Rule = {
  meta: {
    id: 'api-domain-without-tls12',
    title: 'API custom domain accepts TLS 1.0',
    category: 'SAS-3',
    cwe: ['CWE-326', 'CWE-757'],
    severity: 'medium',
    description:
      'An API Gateway custom domain has the `TLS_1_0` security policy, by choice or because a REST API custom domain leaves `SecurityPolicy` out. It then accepts TLS 1.0 and 1.1 clients and their weaker cipher suites: an attacker on the network path (public Wi-Fi, a compromised proxy) can force a downgrade and attack the session that carries your users\' tokens and data. PCI DSS and most compliance regimes forbid these versions.\n\n' +
      'Severity: `medium`: exploitation needs a position on the network path. The default `execute-api` endpoints do not let you choose a policy, so only custom domains are checked.',
    remediation:
      'Set `SecurityPolicy: TLS_1_2` (or a newer `SecurityPolicy_TLS13_…` policy) on the domain: `AWS::ApiGateway::DomainName`, each `DomainNameConfigurations` entry of `AWS::ApiGatewayV2::DomainName`, or `Domain.SecurityPolicy` of a SAM API.',
    example: {
      language: 'yaml',
      vulnerable: 'ApiDomain:\n  Type: AWS::ApiGateway::DomainName\n  Properties:\n    DomainName: api.example.com',
      fixed: 'ApiDomain:\n  Type: AWS::ApiGateway::DomainName\n  Properties:\n    DomainName: api.example.com\n    SecurityPolicy: TLS_1_2',
    },
    references: ['https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-custom-domain-tls-version.html'],
    judges: ['AWS::ApiGateway::DomainName', 'AWS::ApiGatewayV2::DomainName', 'AWS::Serverless::Api', 'AWS::Serverless::HttpApi'],
    peerChecks: ['cfn-nag W62', 'KICS API Gateway Without Security Policy'],
  },
  check({ model }) {
    const results: RuleResult[] = [];
    for (const resource of ModelIndex.of(model).resourcesOfTypes(DOMAIN_NAME_TYPES)) {
      const facts = domainNameFacts(resource);
      if (facts && acceptsTls10(facts)) results.push(result(facts));
    }
    return results;
  },
};

function result(facts: DomainNameFacts): RuleResult {
  const r = facts.resource;
  const domain = facts.domainName !== undefined ? ` (${display(facts.domainName)})` : '';
  const why = facts.securityPolicies.length === 0 ? 'has no SecurityPolicy, so it defaults to TLS_1_0' : 'uses the TLS_1_0 security policy';
  return {
    message: `Custom domain of ${nameOf(r)}${domain} ${why}: clients may connect with TLS 1.0 or 1.1, which a network attacker can downgrade to and break. Set SecurityPolicy to TLS_1_2.`,
    location: tls10Loc(facts),
    subject: subjectOf(r),
    key: [r.logicalId],
  };
}
