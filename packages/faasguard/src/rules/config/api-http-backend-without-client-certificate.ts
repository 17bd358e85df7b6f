import type { RouteIntegration } from '../../model/app-model.js';
import { ModelIndex } from '../../model/model-index.js';
import { routeName } from '../../model/route-name.js';
import type { Rule, RuleResult } from '../rule.js';
import { nameOf, subjectOf } from '../subject.js';
import { stageKey, stagesOf, stageText } from '../monitoring/api-stages.js';

export const apiHttpBackendWithoutClientCertificate: Rule = {
  meta: {
    id: 'api-http-backend-without-client-certificate',
    title: 'API stage forwards to an HTTP backend without a client certificate',
    category: 'SAS-3',
    cwe: ['CWE-306'],
    severity: 'low',
    description:
      "A REST API forwards requests to an HTTP backend of the application over the internet (an `HTTP` or `HTTP_PROXY` integration, without a VPC link, whose URI names a server of the template: a load balancer, an instance, a container service), and the stage sets no `ClientCertificateId`. The backend then has to be reachable by anyone, and cannot tell a request that went through API Gateway (its authorizer, throttling, WAF and validation) from one sent to it directly: an attacker who learns its address bypasses every control of the API.\n\n" +
      'Severity: `low`: the backend may check something else (a secret header, an IP allow-list of a private network); a client certificate lets it verify the caller with TLS. Backends reached through a VPC link are private and not reported; nor are URLs the template does not build from its own resources (a third-party API, a parameter), since only the owner of the backend can verify a certificate; nor another API Gateway API of the template, whose execute-api endpoint cannot verify a client certificate and has its own authorizers, API keys and resource policy. HTTP APIs cannot present a client certificate and are not checked.',
    remediation: 'Create an `AWS::ApiGateway::ClientCertificate`, set its id as the stage\'s `ClientCertificateId`, and make the backend require and verify that certificate; or reach the backend through a VPC link and keep it private.',
    example: {
      language: 'yaml',
      vulnerable: 'ProdStage:\n  Type: AWS::ApiGateway::Stage\n  Properties:\n    StageName: prod',
      fixed: 'ProdStage:\n  Type: AWS::ApiGateway::Stage\n  Properties:\n    StageName: prod\n    ClientCertificateId: !Ref BackendCertificate',
    },
    references: ['https://docs.aws.amazon.com/apigateway/latest/developerguide/getting-started-client-side-ssl-authentication.html'],
    judges: ['AWS::ApiGateway::Stage', 'AWS::ApiGateway::Deployment', 'AWS::ApiGateway::Method', 'AWS::Serverless::Api'],
    peerChecks: ['KICS API Gateway Without SSL Certificate'],
  },
  check({ model }) {
    const index = ModelIndex.of(model);
    const results: RuleResult[] = [];
    for (const s of stagesOf(model)) {
      if (s.api.protocol !== 'rest' || s.stage.clientCertificateId !== undefined) continue;
      const forwarding = index.routesOf(s.api).filter((r) => forwardsToOwnServer(r.integration, index));
      if (forwarding.length === 0) continue;
      const first = forwarding[0]!;
      results.push({
        message: `${stageText(s)} forwards ${forwarding.slice(0, 3).map(routeName).join(', ')}${forwarding.length > 3 ? ' …' : ''} to an HTTP backend without a client certificate: the backend cannot tell the API's requests from anyone else's, so calling it directly bypasses the API's controls. Set ClientCertificateId and verify it in the backend.`,
        location: s.stage.loc,
        related: [{ loc: first.integration!.loc, message: `HTTP integration of ${routeName(first)}` }, { loc: s.api.loc, message: `API ${nameOf(s.api)}` }],
        subject: subjectOf(s.api),
        key: stageKey(s),
      });
    }
    return results;
  },
};

/**
 * An HTTP integration over the internet to a server of the template. Another API Gateway API is
 * left out: its execute-api endpoint cannot verify a client certificate (it has its own
 * authorizers, API keys and resource policy for that).
 */
function forwardsToOwnServer(integration: RouteIntegration | undefined, index: ModelIndex): boolean {
  if (integration?.kind !== 'http' || integration.targetId === undefined || integration.viaVpcLink) return false;
  return index.api(integration.targetId) === undefined;
}
