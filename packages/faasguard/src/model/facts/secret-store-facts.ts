/**
 * Typed views of where a template keeps credentials: Systems Manager parameters
 * (AWS::SSM::Parameter), Secrets Manager secrets and their rotation schedules, and IAM access keys
 * (AWS::IAM::AccessKey, the long-lived credentials of an IAM user).
 */
import type { AppModel, Resource } from '../app-model.js';
import type { SourceLocation } from '../location.js';
import { asString, isComposite, isRef, referencedResource, type Value } from '../value.js';

export const SSM_PARAMETER_TYPE = 'AWS::SSM::Parameter';
export const SECRET_TYPE = 'AWS::SecretsManager::Secret';
export const ROTATION_SCHEDULE_TYPE = 'AWS::SecretsManager::RotationSchedule';
export const SECRET_TARGET_ATTACHMENT_TYPE = 'AWS::SecretsManager::SecretTargetAttachment';
export const ACCESS_KEY_TYPE = 'AWS::IAM::AccessKey';

export interface SsmParameterFacts {
  resource: Resource;
  /** `Name` as written, when set */
  name?: Value;
  /** `String`, `StringList` (CloudFormation cannot create a `SecureString`); `String` when not set */
  type: string;
  value?: Value;
  valueLoc: SourceLocation;
}

export function ssmParameterFacts(resource: Resource): SsmParameterFacts | undefined {
  if (resource.type !== SSM_PARAMETER_TYPE) return undefined;
  const p = resource.properties;
  return {
    resource,
    ...(p['Name'] !== undefined ? { name: p['Name'] } : {}),
    type: asString(p['Type']) ?? 'String',
    ...(p['Value'] !== undefined ? { value: p['Value'] } : {}),
    valueLoc: resource.locate('Value'),
  };
}

export interface SecretFacts {
  resource: Resource;
  /** A database of the template is attached (`SecretTargetAttachment`): AWS's rotation functions know how to change its password */
  attachedToDatabase: boolean;
  /** An `AWS::SecretsManager::RotationSchedule` of the scan names the secret */
  rotated: boolean;
}

/** Every Secrets Manager secret of the model, with what says whether it rotates. */
export function secretFacts(model: AppModel): SecretFacts[] {
  const rotated = targetsOf(model, ROTATION_SCHEDULE_TYPE, 'SecretId');
  const attached = targetsOf(model, SECRET_TARGET_ATTACHMENT_TYPE, 'SecretId');
  for (const id of databasePasswordSecrets(model)) attached.add(id);
  return model.resources
    .filter((r) => r.type === SECRET_TYPE)
    .map((resource) => ({
      resource,
      attachedToDatabase: attached.has(resource.id),
      rotated: rotated.has(resource.id),
    }));
}

/** Ids of the resources that resources of `type` name in `property`. */
function targetsOf(model: AppModel, type: string, property: string): Set<string> {
  const ids = new Set<string>();
  for (const r of model.resources) {
    if (r.type !== type) continue;
    const target = referencedResource(r.properties[property])?.target;
    if (target !== undefined) ids.add(target);
  }
  return ids;
}

/** Databases whose master password property reads a secret: `{{resolve:secretsmanager:${Secret}…}}`. */
const DATABASE_TYPES = new Set(['AWS::RDS::DBInstance', 'AWS::RDS::DBCluster', 'AWS::Redshift::Cluster', 'AWS::DocDB::DBCluster', 'AWS::Neptune::DBCluster']);

function databasePasswordSecrets(model: AppModel): Set<string> {
  const ids = new Set<string>();
  for (const r of model.resources) {
    if (!DATABASE_TYPES.has(r.type)) continue;
    const password = r.properties['MasterUserPassword'];
    const parts = isComposite(password) ? password.parts : [password];
    for (const part of parts) if (isRef(part)) ids.add(part.target);
  }
  return ids;
}

export interface AccessKeyFacts {
  resource: Resource;
  /** `UserName` as written */
  user?: Value;
  /** `Active` (the default) or `Inactive` */
  status: string;
}

export function accessKeyFacts(resource: Resource): AccessKeyFacts | undefined {
  if (resource.type !== ACCESS_KEY_TYPE) return undefined;
  const p = resource.properties;
  return { resource, ...(p['UserName'] !== undefined ? { user: p['UserName'] } : {}), status: asString(p['Status']) ?? 'Active' };
}
