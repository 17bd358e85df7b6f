/**
 * The inbound rules of security groups: inline (`SecurityGroupIngress` of an
 * `AWS::EC2::SecurityGroup`) and standalone (`AWS::EC2::SecurityGroupIngress`). Terraform's
 * `aws_security_group` `ingress` blocks and `aws_security_group_rule`s of type `ingress` arrive as
 * inline rules whose sources are lists (`CidrBlocks`, `Ipv6CidrBlocks`), and
 * `aws_vpc_security_group_ingress_rule` as a standalone rule.
 */
import type { Resource } from '../app-model.js';
import type { SourceLocation } from '../location.js';
import { asArray, asNumber, asString, isValueMap, type ValueMap } from '../value.js';

export const SECURITY_GROUP_TYPE = 'AWS::EC2::SecurityGroup';
export const INGRESS_RULE_TYPE = 'AWS::EC2::SecurityGroupIngress';
/** The address ranges that stand for every address */
export const ANYWHERE: ReadonlySet<string> = new Set(['0.0.0.0/0', '::/0']);

/** One inbound rule from address ranges. */
export interface IngressRule {
  /** The security group, or the standalone rule resource */
  resource: Resource;
  /** `tcp`, `udp`, or `all` for `-1` (other protocols open no ports and are left out) */
  protocol: 'tcp' | 'udp' | 'all';
  /** The ports it opens; undefined for every port (all protocols, `-1`, or 0-65535) */
  ports?: { from: number; to: number };
  /** The literal IPv4 and IPv6 ranges it admits */
  cidrs: string[];
  /** Where the rule is written */
  loc: SourceLocation;
  /** Which rule of its resource (`0`, `1` … for inline rules; empty for a standalone one) */
  index: string;
}

/** Every inbound rule from address ranges of a security group or standalone ingress resource; others give none. */
export function ingressRules(resource: Resource): IngressRule[] {
  if (resource.type === INGRESS_RULE_TYPE) return ruleOf(resource, resource.properties, resource.loc, '');
  if (resource.type !== SECURITY_GROUP_TYPE) return [];
  return asArray(resource.properties['SecurityGroupIngress']).flatMap((entry, i) =>
    isValueMap(entry) ? ruleOf(resource, entry, resource.locate('SecurityGroupIngress', String(i)), String(i)) : [],
  );
}

function ruleOf(resource: Resource, p: ValueMap, loc: SourceLocation, index: string): IngressRule[] {
  const cidrs = [p['CidrIp'], p['CidrIpv6'], ...asArray(p['CidrBlocks']), ...asArray(p['Ipv6CidrBlocks'])].flatMap((c) => asString(c)?.trim() ?? []);
  if (cidrs.length === 0) return [];
  const protocol = protocolName(p['IpProtocol']);
  if (protocol === 'all') return [{ resource, protocol, cidrs, loc, index }];
  // ICMP's "ports" are message types; a protocol or port not written as a literal is not guessed.
  if (protocol !== 'tcp' && protocol !== 'udp') return [];
  const from = asNumber(p['FromPort']);
  const to = asNumber(p['ToPort']);
  if (from === undefined || to === undefined) return [];
  const everyPort = from === -1 || (from <= 0 && to >= 65535);
  return [{ resource, protocol, ...(everyPort ? {} : { ports: { from, to } }), cidrs, loc, index }];
}

/** `-1` (or Terraform's `all`) is every protocol; numbers name IP protocols (6 is TCP, 17 UDP). */
function protocolName(v: ValueMap[string] | undefined): string | undefined {
  const text = asString(v)?.trim().toLowerCase() ?? (typeof v === 'number' ? String(v) : undefined);
  if (text === undefined) return undefined;
  if (text === '-1' || text === 'all') return 'all';
  if (text === '6') return 'tcp';
  if (text === '17') return 'udp';
  return text;
}
