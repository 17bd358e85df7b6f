import { actionsText } from '../../analysis/resource-policy-grants.js';
import { isPublicAllow } from '../../analysis/source-writers.js';
import type { Severity } from '../../findings/finding.js';
import { expandActions, type ExpandedAction } from '../../iam/expand-actions.js';
import { everyoneText } from '../../iam/everyone-text.js';
import type { AppModel, PolicyStatement, Resource } from '../../model/app-model.js';
import { KMS_KEY_TYPE, encryptedWith } from '../../model/facts/kms-key-facts.js';
import { ModelIndex } from '../../model/model-index.js';
import type { Rule, RuleResult } from '../rule.js';
import { nameOf, subjectOf } from '../subject.js';

export const kmsKeyPolicyPublic: Rule = {
  meta: {
    id: 'kms-key-policy-public',
    title: 'KMS key open to any AWS account',
    category: 'SAS-2',
    cwe: ['CWE-284', 'CWE-311'],
    severity: 'high',
    description:
      'The key policy of a KMS key (`AWS::KMS::Key` `KeyPolicy`, Terraform\'s `aws_kms_key` `policy`) allows `Principal: "*"` (or an Allow with `NotPrincipal`) with no condition that narrows who: `kms:CallerAccount`, `aws:PrincipalAccount`, `aws:PrincipalOrgID`, `aws:SourceAccount`, `aws:SourceArn` … (`kms:ViaService` alone does not: any account may call through the service). The key policy is the key\'s only gate, so every AWS account in the world may use the key as the statement allows. A key encrypts the app\'s queues, topics, tables, buckets, logs and function environments: whoever obtains their ciphertext (a copy of a bucket object, a snapshot, a leaked environment) can decrypt it, and the key no longer stands between the data and them.\n\n' +
      'Severity: `critical` when the statement lets everyone manage the key (change its policy, create grants, disable it or schedule its deletion, which destroys every piece of data encrypted under it); `high` when it lets everyone decrypt; `medium` for encrypting and generating data keys only; `low` when it only reveals the key\'s description and policy or changes its tags and aliases. The finding names the resources of the template that the key encrypts.',
    remediation:
      'Name the principals that may use the key: the account (`arn:aws:iam::${AWS::AccountId}:root`, which hands the decision to its IAM policies), the roles of the functions, or an AWS service. To let every principal of the account use it through one service, keep `Principal: "*"` only together with `kms:CallerAccount` and `kms:ViaService` conditions.',
    example: {
      language: 'yaml',
      vulnerable: 'KeyPolicy:\n  Statement:\n    - Effect: Allow\n      Principal: "*"\n      Action: kms:*\n      Resource: "*"',
      fixed: 'KeyPolicy:\n  Statement:\n    - Effect: Allow\n      Principal: { AWS: !Sub "arn:aws:iam::${AWS::AccountId}:root" }\n      Action: kms:*\n      Resource: "*"',
    },
    references: ['https://docs.aws.amazon.com/kms/latest/developerguide/key-policies.html', 'https://docs.aws.amazon.com/kms/latest/developerguide/conditions-kms.html'],
    judges: ['AWS::KMS::Key'],
    peerChecks: ['Checkov CKV_AWS_33', 'cfn-nag F76', 'KICS KMS Allows Wildcard Principal'],
  },
  check({ model }) {
    const results: RuleResult[] = [];
    for (const key of ModelIndex.of(model).resourcesOfType(KMS_KEY_TYPE)) {
      for (const doc of key.policies) {
        doc.statements.forEach((s, i) => {
          if (!isPublicAllow(s)) return;
          const use = strongestUse(s);
          if (use !== undefined) results.push(resultFor(model, key, s, i, use));
        });
      }
    }
    return results;
  },
};

/** What a key policy statement lets its principals do with the key, the strongest first. */
type KeyUse = 'manage' | 'decrypt' | 'encrypt' | 'describe';

/** Actions by use, as the IAM catalogue names them; everything else KMS grants counts as `describe`. */
const USES: ReadonlyArray<[KeyUse, RegExp]> = [
  ['manage', /^(PutKeyPolicy|CreateGrant|ScheduleKeyDeletion|DisableKey|DisableKeyRotation|UpdatePrimaryRegion|ReplicateKey|ImportKeyMaterial|DeleteImportedKeyMaterial|RetireGrant|RevokeGrant)$/],
  ['decrypt', /^(Decrypt|ReEncryptFrom)$/],
  ['encrypt', /^(Encrypt|ReEncryptTo|GenerateDataKey\w*|Sign|Verify|GenerateMac|VerifyMac|DeriveSharedSecret|GetPublicKey)$/],
];

const DOING: Readonly<Record<KeyUse, string>> = {
  manage: 'take the key over: change its policy, give themselves grants, or disable it and schedule its deletion, which makes everything encrypted under it unreadable',
  decrypt: 'decrypt everything encrypted under it',
  encrypt: 'encrypt and generate data keys with it, on your bill',
  describe: 'read its description and policy, or change its tags and aliases',
};

const SEVERITY: Readonly<Record<KeyUse, Severity>> = { manage: 'critical', decrypt: 'high', encrypt: 'medium', describe: 'low' };

/** The strongest use the statement grants of the key; undefined when it grants no KMS action the catalogue knows. */
function strongestUse(s: PolicyStatement): KeyUse | undefined {
  const kms = kmsActionsGranted(s);
  if (kms.length === 0) return undefined;
  for (const [use, names] of USES) if (kms.some((a) => names.test(a.name))) return use;
  return 'describe';
}

/** The KMS actions an Allow grants: those it names, or with `NotAction` every KMS action but those. */
function kmsActionsGranted(s: PolicyStatement): ExpandedAction[] {
  if (s.notActions.length === 0) return expandActions(s.actions).actions.filter((a) => a.service === 'kms');
  const excluded = new Set(expandActions(s.notActions).actions.map((a) => `${a.service}:${a.name}`));
  return expandActions(['kms:*']).actions.filter((a) => !excluded.has(`kms:${a.name}`));
}

function resultFor(model: AppModel, key: Resource, s: PolicyStatement, i: number, use: KeyUse): RuleResult {
  const users = encryptedWith(model, key);
  const encrypts = users.length > 0 ? ` It encrypts ${users.map(nameOf).join(', ')}.` : '';
  return {
    message: `Key ${nameOf(key)} allows everyone (${everyoneText(s)}, no condition on the caller's account or organization) to ${actionsText(s)}: any AWS account can ${DOING[use]}.${encrypts} Name the principals that may use the key, or add a kms:CallerAccount or aws:PrincipalOrgID condition.`,
    location: s.loc,
    related: users.map((r) => ({ loc: r.loc, message: `encrypted with ${nameOf(key)}` })),
    subject: subjectOf(key),
    key: [key.logicalId, s.sid ?? `statement${i}`],
    severity: SEVERITY[use],
  };
}
