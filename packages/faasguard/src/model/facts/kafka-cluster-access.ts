/**
 * Whether an Amazon MSK cluster admits clients that do not authenticate: `ClientAuthentication`'s
 * `Unauthenticated` set to true (Terraform: `client_authentication { unauthenticated = true }`),
 * whatever other methods it also allows. Only that literal value is taken: the reference does not
 * say what a cluster without `ClientAuthentication` allows. MSK Serverless clusters always require
 * IAM authentication, and are not judged.
 */
import type { Resource } from '../app-model.js';
import type { SourceLocation } from '../location.js';
import { asBoolean, asString, valueAt } from '../value.js';

export const MSK_CLUSTER_TYPE = 'AWS::MSK::Cluster';

export interface OpenKafkaCluster {
  resource: Resource;
  /** Where `Unauthenticated: Enabled: true` is written */
  loc: SourceLocation;
  /** Clients may also connect without TLS (`ClientBroker: PLAINTEXT` or `TLS_PLAINTEXT`) */
  plaintext: boolean;
  /** Its brokers have public addresses (`PublicAccess: Type: SERVICE_PROVIDED_EIPS`) */
  publicAccess: boolean;
}

/** The facts of a cluster that admits unauthenticated clients; undefined for others. */
export function unauthenticatedKafkaCluster(resource: Resource): OpenKafkaCluster | undefined {
  if (resource.type !== MSK_CLUSTER_TYPE) return undefined;
  const p = resource.properties;
  if (asBoolean(valueAt(p['ClientAuthentication'], 'Unauthenticated', 'Enabled')) !== true) return undefined;
  const clientBroker = asString(valueAt(p['EncryptionInfo'], 'EncryptionInTransit', 'ClientBroker'))?.toUpperCase();
  const publicAccess = asString(valueAt(p['BrokerNodeGroupInfo'], 'ConnectivityInfo', 'PublicAccess', 'Type'))?.toUpperCase() === 'SERVICE_PROVIDED_EIPS';
  return {
    resource,
    loc: resource.locate('ClientAuthentication', 'Unauthenticated', 'Enabled'),
    plaintext: clientBroker === 'PLAINTEXT' || clientBroker === 'TLS_PLAINTEXT',
    publicAccess,
  };
}
