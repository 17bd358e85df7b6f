import { ModelIndex } from '../../model/model-index.js';
import { LISTENER_RULE_TYPE, LISTENER_TYPE, type ForwardingAction } from '../../model/facts/load-balancer-listeners.js';
import { forwardTargets } from './load-balancer-targets.js';
import { plaintextListeners, type PlaintextListener } from '../../model/facts/plaintext-listeners.js';
import type { Rule, RuleResult } from '../rule.js';
import { nameOf, subjectOf } from '../subject.js';

export const loadBalancerPlaintextListener: Rule = {
  meta: {
    id: 'load-balancer-plaintext-listener',
    title: 'Internet-facing load balancer forwards plain HTTP',
    category: 'SAS-3',
    cwe: ['CWE-319'],
    severity: 'medium',
    description:
      "A listener of an internet-facing Application Load Balancer takes plain HTTP and forwards the requests to its targets (Lambda functions, containers, instances), by its default action or by a listener rule. Every request and response on it crosses the internet unencrypted: whoever is on the path (a shared Wi-Fi, a compromised router, an ISP) reads the session cookies, bearer tokens, API keys and personal data in them, and can change what the client receives. An authenticated application is then as good as open to anyone who sees one request. A listener that only redirects to HTTPS (the usual port-80 listener) or answers with a fixed response is not reported, nor one of an internal load balancer, reached from its VPC only.",
    remediation:
      'Serve the application on an HTTPS listener (port 443, a certificate from AWS Certificate Manager, a current `SslPolicy`), and give the HTTP listener a single default action that redirects to HTTPS (`Type: redirect`, `RedirectConfig: { Protocol: HTTPS, Port: 443, StatusCode: HTTP_301 }`), with no listener rules that forward.',
    example: {
      language: 'yaml',
      vulnerable: 'HttpListener:\n  Type: AWS::ElasticLoadBalancingV2::Listener\n  Properties:\n    LoadBalancerArn: !Ref LoadBalancer\n    Port: 80\n    Protocol: HTTP\n    DefaultActions:\n      - Type: forward\n        TargetGroupArn: !Ref FunctionTargetGroup',
      fixed: 'HttpListener:\n  Type: AWS::ElasticLoadBalancingV2::Listener\n  Properties:\n    LoadBalancerArn: !Ref LoadBalancer\n    Port: 80\n    Protocol: HTTP\n    DefaultActions:\n      - Type: redirect\n        RedirectConfig:\n          Protocol: HTTPS\n          Port: 443\n          StatusCode: HTTP_301\nHttpsListener:\n  Type: AWS::ElasticLoadBalancingV2::Listener\n  Properties:\n    LoadBalancerArn: !Ref LoadBalancer\n    Port: 443\n    Protocol: HTTPS\n    Certificates:\n      - CertificateArn: !Ref Certificate\n    SslPolicy: ELBSecurityPolicy-TLS13-1-2-2021-06\n    DefaultActions:\n      - Type: forward\n        TargetGroupArn: !Ref FunctionTargetGroup',
    },
    references: [
      'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/create-https-listener.html',
      'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-listeners.html#redirect-actions',
      'https://docs.aws.amazon.com/lambda/latest/dg/services-alb.html',
    ],
    judges: [LISTENER_TYPE, LISTENER_RULE_TYPE],
    peerChecks: ['Checkov CKV_AWS_2', 'Trivy AVD-AWS-0054'],
  },
  check({ model }) {
    const index = ModelIndex.of(model);
    return plaintextListeners(model).map((l) => resultFor(l, index));
  },
};

function resultFor(l: PlaintextListener, index: ModelIndex): RuleResult {
  const port = l.port !== undefined ? ` on port ${l.port}` : '';
  const to = forwardTargets(l.forwards, index).text;
  return {
    message: `Listener ${nameOf(l.listener)} of internet-facing load balancer ${nameOf(l.loadBalancer)} takes plain HTTP${port} and forwards the requests to ${to}: they cross the internet unencrypted, with their cookies and tokens, and so do the responses. Serve HTTPS, and make this listener only redirect to it.`,
    location: l.loc,
    related: [
      { loc: l.loadBalancer.loc, message: `internet-facing load balancer ${nameOf(l.loadBalancer)}` },
      ...l.forwards.map((f) => ({ loc: f.loc, message: forwardWords(f) })),
    ],
    subject: subjectOf(l.listener),
    key: [l.listener.logicalId],
  };
}

function forwardWords(f: ForwardingAction): string {
  if (f.fn) return `the alb event of function ${nameOf(f.fn)} forwards to it`;
  return f.rule ? `listener rule ${nameOf(f.rule)} forwards` : 'the default action forwards';
}
