/**
 * An Amazon MQ broker's network exposure (whether its endpoints have public addresses, and what
 * else decides who can connect to them) and the logs it sends to CloudWatch Logs.
 */
import type { Resource } from '../app-model.js';
import type { SourceLocation } from '../location.js';
import { asArray, asBoolean, asString, isValueMap, type Value } from '../value.js';

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
  /** `ACTIVEMQ` or `RABBITMQ` (upper case); undefined when not a literal */
  engine?: string;
  /** `Logs.General` read as a boolean (off when left out); undefined when known only at deploy time */
  generalLog: boolean | undefined;
  /** `Logs.Audit` likewise (ActiveMQ only: RabbitMQ has no audit log) */
  auditLog: boolean | undefined;
  /** Where `Logs` is written, else the broker */
  logsLoc: SourceLocation;
}

export function brokerFacts(resource: Resource): BrokerFacts | undefined {
  if (resource.type !== BROKER_TYPE) return undefined;
  const p = resource.properties;
  const logs = p['Logs'];
  const engine = asString(p['EngineType'])?.toUpperCase();
  return {
    resource,
    publiclyAccessible: asBoolean(p['PubliclyAccessible']) === true,
    publicLoc: p['PubliclyAccessible'] !== undefined ? resource.locate('PubliclyAccessible') : resource.loc,
    hasSecurityGroups: asArray(p['SecurityGroups']).length > 0,
    consoleUsers: asArray(p['Users']).filter((u) => isValueMap(u) && asBoolean(u['ConsoleAccess']) === true).length,
    ...(engine !== undefined ? { engine } : {}),
    generalLog: logSetting(logs, 'General'),
    auditLog: logSetting(logs, 'Audit'),
    logsLoc: logs !== undefined ? resource.locate('Logs') : resource.loc,
  };
}

/** One log of `Logs`: off when `Logs` or the log is left out; undefined when not a literal. */
function logSetting(logs: Value | undefined, name: string): boolean | undefined {
  if (logs === undefined) return false;
  if (!isValueMap(logs)) return undefined;
  return logs[name] === undefined ? false : asBoolean(logs[name]);
}
