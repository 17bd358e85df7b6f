import { KMS_KEY_TYPE, encryptedWith, kmsKeyFacts, type KmsKeyFacts } from '../../model/facts/kms-key-facts.js';
import type { AppModel } from '../../model/app-model.js';
import { ModelIndex } from '../../model/model-index.js';
import type { Rule, RuleResult } from '../rule.js';
import { nameOf, subjectOf } from '../subject.js';

export const kmsKeyWithoutRotation: Rule = {
  meta: {
    id: 'kms-key-without-rotation',
    title: 'KMS key without automatic rotation',
    category: 'SAS-3',
    cwe: ['CWE-320'],
    severity: 'low',
    description:
      'A customer managed KMS key that AWS could rotate (a symmetric encryption key whose material KMS made and keeps) has `EnableKeyRotation` false or left out, which means false. One version of the key material then encrypts every queue message, object, table item, log and function environment under the key for as long as the key lives. Rotation makes new material each year (or each `RotationPeriodInDays`) while the key\'s ID, ARN, policy and grants stay the same, and KMS keeps the old versions to decrypt what they encrypted, so nothing breaks. AWS recommends it, and the CIS AWS Foundations Benchmark and PCI DSS require it.\n\n' +
      'Severity: `low`: the material never leaves KMS, so rotation limits how much data one version protects rather than closing a path an attacker can take today. Asymmetric and HMAC keys, imported material (`Origin: EXTERNAL`) and keys of a custom key store cannot be rotated automatically and are not reported; neither is a disabled key.',
    remediation:
      'Set `EnableKeyRotation: true` on the key (Terraform: `enable_key_rotation = true`; CDK: `enableKeyRotation: true`), and `RotationPeriodInDays` when a year is too long. Rotation needs no change to the resources that use the key.',
    example: {
      language: 'yaml',
      vulnerable: 'OrdersKey:\n  Type: AWS::KMS::Key\n  Properties:\n    KeyPolicy:\n      Statement:\n        - Effect: Allow\n          Principal: { AWS: !Sub "arn:aws:iam::${AWS::AccountId}:root" }\n          Action: kms:*\n          Resource: "*"',
      fixed: 'OrdersKey:\n  Type: AWS::KMS::Key\n  Properties:\n    EnableKeyRotation: true\n    KeyPolicy:\n      Statement:\n        - Effect: Allow\n          Principal: { AWS: !Sub "arn:aws:iam::${AWS::AccountId}:root" }\n          Action: kms:*\n          Resource: "*"',
    },
    references: ['https://docs.aws.amazon.com/kms/latest/developerguide/rotating-keys.html', 'https://docs.aws.amazon.com/securityhub/latest/userguide/kms-controls.html'],
    judges: ['AWS::KMS::Key'],
    peerChecks: ['Checkov CKV_AWS_7', 'cfn-nag F19', 'KICS CMK Rotation Disabled'],
  },
  check({ model }) {
    const results: RuleResult[] = [];
    for (const resource of ModelIndex.of(model).resourcesOfType(KMS_KEY_TYPE)) {
      const facts = kmsKeyFacts(resource);
      if (facts && facts.rotatable && !facts.disabled && facts.rotationEnabled !== true && !unknownSetting(facts)) results.push(resultFor(model, facts));
    }
    return results;
  },
};

/** `EnableKeyRotation` written as something other than a literal (a parameter without a default): not judged. */
function unknownSetting(facts: KmsKeyFacts): boolean {
  return facts.rotationWritten && facts.rotationEnabled === undefined;
}

function resultFor(model: AppModel, facts: KmsKeyFacts): RuleResult {
  const key = facts.resource;
  const users = encryptedWith(model, key);
  const why = facts.rotationWritten ? 'has EnableKeyRotation false' : 'leaves EnableKeyRotation out, so AWS never rotates it';
  const encrypts = users.length > 0 ? ` It encrypts ${users.map(nameOf).join(', ')}.` : '';
  return {
    message: `Key ${nameOf(key)} ${why}: one version of its key material encrypts everything under it for as long as the key lives.${encrypts} Set EnableKeyRotation to true; the key's ARN and policy stay the same.`,
    location: facts.rotationLoc,
    related: users.map((r) => ({ loc: r.loc, message: `encrypted with ${nameOf(key)}` })),
    subject: subjectOf(key),
    key: [key.logicalId],
  };
}
