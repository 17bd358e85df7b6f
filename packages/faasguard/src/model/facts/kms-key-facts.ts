/**
 * A KMS key's settings that decide what it is and whether AWS rotates its key material, and the
 * resources of the model that it encrypts.
 *
 * AWS rotates key material automatically only for symmetric encryption keys whose material KMS
 * made (`Origin: AWS_KMS`, the default) and keeps in its own store: asymmetric and HMAC keys,
 * imported material (`EXTERNAL`) and keys of a custom key store (CloudHSM or external) cannot be
 * rotated that way.
 */
import type { AppModel, Resource } from '../app-model.js';
import type { SourceLocation } from '../location.js';
import { asBoolean, asString, isComposite, isRef, isValueMap, type Value } from '../value.js';

/** Typed view of a KMS key (`AWS::KMS::Key`, Terraform's `aws_kms_key`). */
export interface KmsKeyFacts {
  resource: Resource;
  /**
   * Whether AWS can rotate the key's material automatically: a symmetric encryption key of KMS's
   * own store. False when a setting written as a literal says otherwise; a setting that is not a
   * literal (a parameter without a default) counts as the default.
   */
  rotatable: boolean;
  /** `EnableKeyRotation` read as a boolean; undefined when absent or not a literal */
  rotationEnabled: boolean | undefined;
  /** Whether `EnableKeyRotation` is written (as anything) */
  rotationWritten: boolean;
  /** `Enabled: false`: the key cannot be used */
  disabled: boolean;
  /** Where a finding about rotation points: `EnableKeyRotation` when written, else the key */
  rotationLoc: SourceLocation;
}

/** The type of the resources this view reads (resource kind `kms-key`), for looking them up by index. */
export const KMS_KEY_TYPE = 'AWS::KMS::Key';

export function kmsKeyFacts(resource: Resource): KmsKeyFacts | undefined {
  if (resource.kind !== 'kms-key') return undefined;
  const p = resource.properties;
  const written = p['EnableKeyRotation'] !== undefined;
  return {
    resource,
    rotatable: isSymmetricEncryptionKey(p['KeySpec'], p['KeyUsage']) && inKmsStore(p['Origin'], p['CustomKeyStoreId']),
    rotationEnabled: asBoolean(p['EnableKeyRotation']),
    rotationWritten: written,
    disabled: asBoolean(p['Enabled']) === false,
    rotationLoc: written ? resource.locate('EnableKeyRotation') : resource.loc,
  };
}

/** `KeySpec` (Terraform: `customer_master_key_spec`) and `KeyUsage` default to a symmetric encryption key. */
function isSymmetricEncryptionKey(spec: Value | undefined, usage: Value | undefined): boolean {
  const s = asString(spec);
  const u = asString(usage);
  return (s === undefined || s.toUpperCase() === 'SYMMETRIC_DEFAULT') && (u === undefined || u.toUpperCase() === 'ENCRYPT_DECRYPT');
}

function inKmsStore(origin: Value | undefined, customKeyStore: Value | undefined): boolean {
  const o = asString(origin);
  return (o === undefined || o.toUpperCase() === 'AWS_KMS') && customKeyStore === undefined;
}

/**
 * Resources of the model that name the key in one of their KMS settings (`KmsKeyId`,
 * `KMSMasterKeyID`, `KmsKeyArn` …). A reference names a resource of its own stack, so only the
 * key's stack is searched: a scan of many templates need not walk every other template's properties.
 */
export function encryptedWith(model: AppModel, key: Resource): Resource[] {
  return model.resources.filter((r) => r.stack === key.stack && r !== key && (namesKey(r.encryption?.kmsKey, key.id, true) || namesKey(r.properties, key.id, false)));
}

function namesKey(v: Value | undefined, keyId: string, underKmsSetting: boolean): boolean {
  if (isRef(v)) return underKmsSetting && v.target === keyId;
  if (isComposite(v)) return v.parts.some((part) => namesKey(part, keyId, underKmsSetting));
  if (Array.isArray(v)) return v.some((item) => namesKey(item, keyId, underKmsSetting));
  if (!isValueMap(v)) return false;
  return Object.entries(v).some(([name, child]) => namesKey(child, keyId, underKmsSetting || /^kms/i.test(name)));
}
