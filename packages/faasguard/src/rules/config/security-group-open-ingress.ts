import type { Resource } from '../../model/app-model.js';
import { ModelIndex } from '../../model/model-index.js';
import { ANYWHERE, INGRESS_RULE_TYPE, SECURITY_GROUP_TYPE, ingressRules, type IngressRule } from '../../model/facts/security-group-ingress.js';
import { securityGroupListeners } from '../../model/facts/security-group-listeners.js';
import { referencedResource } from '../../model/value.js';
import type { Rule, RuleResult } from '../rule.js';
import { nameOf, subjectOf } from '../subject.js';
import { SENSITIVE_PORTS, type SensitivePort } from './sensitive-ports.js';

export const securityGroupOpenIngress: Rule = {
  meta: {
    id: 'security-group-open-ingress',
    title: 'Security group admits the whole internet to an administration or data port',
    category: 'SAS-3',
    cwe: ['CWE-284'],
    severity: 'medium',
    description:
      'An inbound rule of a security group admits `0.0.0.0/0` or `::/0` on every port, or on a port where remote administration (SSH, RDP, WinRM, SMB …) or a data store or broker (MySQL, PostgreSQL, Redis, MongoDB/DocumentDB, Kafka, AMQP …) listens. Whatever the group is attached to then accepts those connections from every address that can route to it: from the internet as soon as it has a public address, and from every host of the VPC and its peered networks in any case. What listens there is then guarded by its own sign-in alone, if it has one; scanners find such ports within minutes of their opening. Web ports (80 and 443), the usual front door of a load balancer, are not reported, nor groups that only Lambda functions use (a function accepts no inbound connection), nor groups that nothing of the scanned templates uses, since what they will expose is not known (a group made for a function of another stack is common).\n\n' +
      'Severity: `high` for every port or an administration port, `medium` for a data port.',
    remediation:
      'Admit only what must connect: the security group of the functions or services that use the database (`SourceSecurityGroupId`), or the address ranges of your network. Reach hosts through Systems Manager Session Manager or a VPN instead of opening SSH or RDP.',
    example: {
      language: 'yaml',
      vulnerable: 'DatabaseSecurityGroup:\n  Type: AWS::EC2::SecurityGroup\n  Properties:\n    GroupDescription: database\n    VpcId: !Ref Vpc\n    SecurityGroupIngress:\n      - IpProtocol: tcp\n        FromPort: 5432\n        ToPort: 5432\n        CidrIp: 0.0.0.0/0',
      fixed: 'DatabaseSecurityGroup:\n  Type: AWS::EC2::SecurityGroup\n  Properties:\n    GroupDescription: database\n    VpcId: !Ref Vpc\n    SecurityGroupIngress:\n      - IpProtocol: tcp\n        FromPort: 5432\n        ToPort: 5432\n        SourceSecurityGroupId: !Ref FunctionSecurityGroup',
    },
    references: ['https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html', 'https://docs.aws.amazon.com/lambda/latest/dg/configuration-vpc.html'],
    judges: [SECURITY_GROUP_TYPE, INGRESS_RULE_TYPE],
    peerChecks: ['Checkov CKV_AWS_24', 'Checkov CKV_AWS_25', 'cfn-nag W2', 'CIS AWS Foundations 5.2', 'Security Hub EC2.18'],
  },
  check({ model }) {
    const index = ModelIndex.of(model);
    const listenersOf = securityGroupListeners(model);
    const results: RuleResult[] = [];
    for (const resource of index.resourcesOfTypes([SECURITY_GROUP_TYPE, INGRESS_RULE_TYPE])) {
      const group = resource.type === SECURITY_GROUP_TYPE ? resource : index.resource(referencedResource(resource.properties['GroupId'])?.target);
      // A group nothing of the model uses may serve a function of another stack (which accepts no
      // connection) as well as a database: what it exposes is not known, so it is not judged.
      const listeners = group ? (listenersOf.get(group.id) ?? []) : [];
      if (!group || listeners.length === 0) continue;
      for (const rule of ingressRules(resource)) {
        const result = resultFor(rule, group, listeners);
        if (result) results.push(result);
      }
    }
    return results;
  },
};

function resultFor(rule: IngressRule, group: Resource, listeners: readonly Resource[]): RuleResult | undefined {
  const open = rule.cidrs.filter((c) => ANYWHERE.has(c));
  if (open.length === 0) return undefined;
  const ports = rule.ports;
  const exposed = ports ? SENSITIVE_PORTS.filter((p) => p.port >= ports.from && p.port <= ports.to) : [];
  if (ports && exposed.length === 0) return undefined;
  const what = ports ? `${portsText(rule.protocol, ports)} (${servicesText(exposed)})` : rule.protocol === 'all' ? 'every protocol and port' : `every ${rule.protocol.toUpperCase()} port`;
  return {
    message: `Security group ${nameOf(group)} admits ${open.join(' and ')} on ${what}: ${reachText(listeners)} Admit only the security groups or address ranges that must connect.`,
    location: rule.loc,
    related: [{ loc: group.loc, message: `security group ${nameOf(group)}` }, ...listeners.slice(0, 3).map((r) => ({ loc: r.loc, message: `${nameOf(r)} uses the group` }))],
    subject: subjectOf(rule.resource),
    key: [rule.resource.logicalId, rule.index, rule.protocol, ports ? `${ports.from}-${ports.to}` : 'all', ...open],
    severity: !ports || exposed.some((p) => p.administration) ? 'high' : 'medium',
  };
}

/** Who then takes connections from anywhere. */
function reachText(listening: readonly Resource[]): string {
  const names = `${listening.slice(0, 3).map(listenerName).join(', ')}${listening.length > 3 ? ` and ${listening.length - 3} more` : ''}`;
  const one = listening.length === 1 && !STARTS_TASKS.has(listening[0]!.type);
  return `${names}, which ${one ? 'uses' : 'use'} it, ${one ? 'accepts' : 'accept'} those connections from every address that can route to ${one ? 'it' : 'them'}: every host of the VPC and its peered networks, and the internet wherever ${one ? 'it has' : 'they have'} a public address.`;
}

/** What listens behind a resource that names the group: a schedule or rule starts ECS tasks. */
function listenerName(r: Resource): string {
  return STARTS_TASKS.has(r.type) ? `the ECS tasks ${nameOf(r)} starts` : nameOf(r);
}

const STARTS_TASKS = new Set(['AWS::Scheduler::Schedule', 'AWS::Events::Rule', 'AWS::Pipes::Pipe']);

function portsText(protocol: string, ports: { from: number; to: number }): string {
  const name = protocol.toUpperCase();
  return ports.from === ports.to ? `${name} port ${ports.from}` : `${name} ports ${ports.from}-${ports.to}`;
}

function servicesText(ports: readonly SensitivePort[]): string {
  const names = ports.map((p) => p.service);
  return names.length <= 4 ? names.join(', ') : `${names.slice(0, 4).join(', ')} and ${names.length - 4} more`;
}
