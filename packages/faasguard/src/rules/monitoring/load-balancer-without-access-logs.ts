import type { Resource } from '../../model/app-model.js';
import { loadBalancerAccessLogs, type LoadBalancerAccessLogs } from '../../model/facts/load-balancer-access-logs.js';
import { forwardingListeners, LOAD_BALANCER_TYPE, type ForwardingAction } from '../../model/facts/load-balancer-listeners.js';
import { ModelIndex } from '../../model/model-index.js';
import { forwardTargets } from '../config/load-balancer-targets.js';
import { pushTo } from '../../util/multimap.js';
import type { Rule, RuleResult } from '../rule.js';
import { sourceWords } from '../source-words.js';
import { nameOf, subjectOf } from '../subject.js';

export const loadBalancerWithoutAccessLogs: Rule = {
  meta: {
    id: 'load-balancer-without-access-logs',
    title: 'Application Load Balancer without access logs',
    category: 'SAS-5',
    cwe: ['CWE-778'],
    severity: 'medium',
    description:
      "An Application Load Balancer writes no access logs (`LoadBalancerAttributes` without `access_logs.s3.enabled: true`, which is off by default; Terraform's `access_logs` block without `enabled = true`, which is false even when a bucket is given). The load balancer is then the only place that sees every request before its targets do, and keeps no line of them: the caller's address, the path and query, the status it answered, the target that served it and how long it took. Requests its listener rules refuse, that time out or that a target fails on leave no trace, and a function behind it logs only what its own code chooses to write. Abuse of the entry point (probing, credential stuffing, floods) goes unseen and cannot be investigated afterwards.\n\n" +
      'Severity: `medium` for an internet-facing load balancer, `low` for an internal one (reached from its VPC only) or one whose scheme the template does not say. Network and Gateway Load Balancers are not judged (the one logs its TLS listeners only, the other nothing); a setting written as a parameter or a condition is not reported.',
    remediation:
      'Create an S3 bucket for the logs whose policy lets Elastic Load Balancing write to it, and set the load balancer attributes `access_logs.s3.enabled: "true"` and `access_logs.s3.bucket` (in Terraform, `access_logs { bucket = aws_s3_bucket.logs.id, enabled = true }`). Keep the logs as long as an investigation needs them, and query them with Athena.',
    example: {
      language: 'yaml',
      vulnerable: 'LoadBalancer:\n  Type: AWS::ElasticLoadBalancingV2::LoadBalancer\n  Properties:\n    Subnets: !Ref PublicSubnets',
      fixed: 'LoadBalancer:\n  Type: AWS::ElasticLoadBalancingV2::LoadBalancer\n  Properties:\n    Subnets: !Ref PublicSubnets\n    LoadBalancerAttributes:\n      - Key: access_logs.s3.enabled\n        Value: "true"\n      - Key: access_logs.s3.bucket\n        Value: !Ref AccessLogBucket',
    },
    references: ['https://docs.aws.amazon.com/elasticloadbalancing/latest/application/enable-access-logging.html', 'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-access-logs.html'],
    judges: [LOAD_BALANCER_TYPE],
    peerChecks: ['Checkov CKV_AWS_91', 'KICS ELBv2 ALB Access Log Disabled', 'KICS ELBv2 LB Access Log Disabled'],
  },
  check({ model }) {
    const index = ModelIndex.of(model);
    const forwardsOf = new Map<Resource, ForwardingAction[]>();
    for (const l of forwardingListeners(model)) for (const f of l.forwards) pushTo(forwardsOf, l.loadBalancer, f);
    const results: RuleResult[] = [];
    for (const lb of index.resourcesOfType(LOAD_BALANCER_TYPE)) {
      const logs = loadBalancerAccessLogs(lb);
      if (!logs || logs.state !== 'off') continue;
      results.push(resultFor(lb, logs, targetsText(forwardsOf.get(lb) ?? [], index)));
    }
    return results;
  },
};

function resultFor(lb: Resource, logs: LoadBalancerAccessLogs, targets: string | undefined): RuleResult {
  const setting = logs.writtenOff ? ` (${sourceWords(lb.loc.file).terraform ? 'access_logs enabled = false' : 'access_logs.s3.enabled false'})` : '';
  const who = WHO[logs.scheme];
  return {
    message: `${KIND[logs.scheme]} ${nameOf(lb)} writes no access logs${setting}: ${who}${targets ? ` to ${targets}` : ''} leave no record of caller address, path, status or the target that served them, so abuse through it goes unseen and cannot be investigated. ${fixFor(lb)}`,
    location: logs.loc,
    subject: subjectOf(lb),
    key: [lb.logicalId],
    ...(logs.scheme === 'internet-facing' ? {} : { severity: 'low' as const }),
  };
}

const KIND: Readonly<Record<LoadBalancerAccessLogs['scheme'], string>> = {
  'internet-facing': 'Internet-facing load balancer',
  internal: 'Internal load balancer',
  unknown: 'Load balancer',
};

/** Whose requests go unrecorded: an internal one is reached inside its VPC (hosts, services, API Gateway VPC links). */
const WHO: Readonly<Record<LoadBalancerAccessLogs['scheme'], string>> = {
  'internet-facing': 'requests from the internet',
  internal: 'the requests it receives in its VPC (from hosts, services or an API Gateway VPC link, which may pass on the internet\'s)',
  unknown: 'the requests it receives',
};

/** What its internet-facing listeners forward to, when the model knows. */
function targetsText(forwards: readonly ForwardingAction[], index: ModelIndex): string | undefined {
  if (forwards.length === 0) return undefined;
  const targets = forwardTargets(forwards, index);
  return targets.text === 'its targets' ? undefined : targets.text;
}

function fixFor(lb: Resource): string {
  if (sourceWords(lb.loc.file).terraform) return 'Add access_logs { bucket = …, enabled = true }.';
  return 'Set the attributes access_logs.s3.enabled: "true" and access_logs.s3.bucket.';
}
