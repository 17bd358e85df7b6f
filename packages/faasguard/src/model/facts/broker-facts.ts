/**
 * An Amazon MQ broker's network exposure: whether its endpoints have public addresses, and what
 * else decides who can connect to them.
 */
import type { Resource } from '../app-model.js';
import type { SourceLocation } from '../location.js';
import { asArray, asBoolean, isValueMap } from '../value.js';

export const BROKER_TYPE = 'AWS::AmazonMQ::Broker';

/** Typed view of an `AWS::AmazonMQ::Broker` (Terraform's `aws_mq_broker`). */
export interface BrokerFacts {
  resource: Resource;
  /** `PubliclyAccessible` is true (it defaults to false) */
  publiclyAccessible: boolean;
  /** Where `PubliclyAccessible` is written, else the broker */
  publicLoc: SourceLocation;
  /** Whether the broker names security groups, which may narrow who reaches a public endpoint */
  hasSecurityGroups: boolean;
  /** How many of its users may sign in to the broker's web console */
  consoleUsers: number;
}

export function brokerFacts(resource: Resource): BrokerFacts | undefined {
  if (resource.type !== BROKER_TYPE) return undefined;
  const p = resource.properties;
  return {
    resource,
    publiclyAccessible: asBoolean(p['PubliclyAccessible']) === true,
    publicLoc: p['PubliclyAccessible'] !== undefined ? resource.locate('PubliclyAccessible') : resource.loc,
    hasSecurityGroups: asArray(p['SecurityGroups']).length > 0,
    consoleUsers: asArray(p['Users']).filter((u) => isValueMap(u) && asBoolean(u['ConsoleAccess']) === true).length,
  };
}
