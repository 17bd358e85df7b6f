import type { Resource } from '../../model/app-model.js';
import { ModelIndex } from '../../model/model-index.js';
import { forwardingListeners, LISTENER_TYPE, LOAD_BALANCER_TYPE, type ForwardingListener } from '../../model/facts/load-balancer-listeners.js';
import { forwardTargets } from '../config/load-balancer-targets.js';
import { admitsInternet } from '../../model/facts/internet-admission.js';
import { webAclAssociationFacts, WEB_ACL_ASSOCIATION_TYPE } from '../../model/facts/web-acl-association-facts.js';
import { pushTo } from '../../util/multimap.js';
import type { Rule, RuleResult } from '../rule.js';
import { nameOf, subjectOf } from '../subject.js';

export const publicLoadBalancerWithoutWaf: Rule = {
  meta: {
    id: 'public-load-balancer-without-waf',
    title: 'Internet-facing load balancer without a WAF web ACL',
    category: 'SAS-8',
    cwe: ['CWE-770', 'CWE-693'],
    severity: 'medium',
    description:
      'An internet-facing Application Load Balancer forwards requests to its targets (Lambda functions, containers, instances) on a listener its security groups open to every address, without signing the caller in first (an `authenticate-cognito` or `authenticate-oidc` action), and no `AWS::WAFv2::WebACLAssociation` in the template attaches a web ACL to it. Nothing then filters requests before they reach the targets: no per-IP rate-based rule against floods and scrapers, no managed rules against known bad inputs (SQL injection, path traversal, bad bots) and no IP reputation lists, so every malicious request runs, and for a function is billed as, an invocation.\n\n' +
      'Severity: `medium`: the application works without it, but the cheapest defence against abuse of its open entry point is missing. A load balancer whose security groups admit only some address ranges (an office, CloudFront\'s prefix list) or that the template gives no group (the VPC\'s default group admits only itself) is not reported, nor one that is internal or a Network Load Balancer, to which WAF cannot be attached.',
    remediation:
      'Create an `AWS::WAFv2::WebACL` (scope `REGIONAL`) with a rate-based rule and the AWS managed rule groups that fit (`AWSManagedRulesCommonRuleSet`, `AWSManagedRulesKnownBadInputsRuleSet`, `AWSManagedRulesAmazonIpReputationList`), and attach it with `AWS::WAFv2::WebACLAssociation` (`ResourceArn: !Ref MyLoadBalancer`, the load balancer\'s ARN). Behind CloudFront, attach the web ACL there and admit only CloudFront\'s prefix list in the load balancer\'s security group.',
    example: {
      language: 'yaml',
      vulnerable: 'LoadBalancer:\n  Type: AWS::ElasticLoadBalancingV2::LoadBalancer\n  Properties:\n    Scheme: internet-facing\n    SecurityGroups: [!Ref OpenToTheWorld]\n    Subnets: !Ref PublicSubnets',
      fixed: 'LoadBalancerWaf:\n  Type: AWS::WAFv2::WebACLAssociation\n  Properties:\n    WebACLArn: !GetAtt RegionalAcl.Arn\n    ResourceArn: !Ref LoadBalancer',
    },
    references: ['https://docs.aws.amazon.com/waf/latest/developerguide/waf-application-load-balancer.html', 'https://docs.aws.amazon.com/waf/latest/developerguide/waf-rule-statement-type-rate-based.html'],
    judges: [LOAD_BALANCER_TYPE, LISTENER_TYPE, WEB_ACL_ASSOCIATION_TYPE],
    peerChecks: ['Checkov CKV2_AWS_28'],
  },
  check({ model }) {
    const index = ModelIndex.of(model);
    const protectedIds = new Set(model.resources.flatMap((r) => (webAclAssociationFacts(r)?.referenced ?? []).map((ref) => ref.target)));
    const byLoadBalancer = new Map<Resource, ForwardingListener[]>();
    for (const l of forwardingListeners(model)) if (!protectedIds.has(l.loadBalancer.id)) pushTo(byLoadBalancer, l.loadBalancer, l);
    const results: RuleResult[] = [];
    for (const [lb, listeners] of byLoadBalancer) {
      const open = listeners.filter((l) => l.forwards.some((f) => !f.authenticated) && admitsInternet(lb, portOf(l), index));
      if (open.length > 0) results.push(resultFor(lb, open, index));
    }
    return results;
  },
};

function resultFor(lb: Resource, open: readonly ForwardingListener[], index: ModelIndex): RuleResult {
  const targets = forwardTargets(open.flatMap((l) => l.forwards.filter((f) => !f.authenticated)), index);
  return {
    message: `Internet-facing load balancer ${nameOf(lb)} forwards requests from any address (${open.map(listenerText).join(', ')}) to ${targets.text} and no WAF web ACL is attached: floods, scrapers and known attack payloads all reach ${targets.functions.length > 0 ? 'them and are billed as invocations' : 'them'}. Attach a web ACL with a rate-based rule.`,
    location: lb.loc,
    related: open.map((l) => ({ loc: l.listener.loc, message: `listener ${nameOf(l.listener)} forwards what any address sends` })),
    subject: subjectOf(lb),
    key: [lb.logicalId],
  };
}

function listenerText(l: ForwardingListener): string {
  const protocol = l.protocol ?? 'a listener';
  return l.port !== undefined ? `${protocol} on port ${l.port}` : protocol;
}

function portOf(l: ForwardingListener): number | undefined {
  const port = l.port !== undefined ? Number(l.port) : NaN;
  return Number.isInteger(port) ? port : undefined;
}
