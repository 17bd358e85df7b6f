import type { AppModel } from '../../model/app-model.js';
import { credentialValues, isDynamicReference, pathText, takesParameter, type CredentialValue } from '../../model/facts/credential-values.js';
import type { Value } from '../../model/value.js';
import { CREDENTIAL_PROPERTIES } from '../../secrets/credential-properties.js';
import { classifyNamedValue, redact, type SecretMatch } from '../../secrets/index.js';
import type { Rule, RuleResult } from '../rule.js';
import { nameOf, subjectOf } from '../subject.js';
import { confidenceSeverity, secretLabel } from './secret-text.js';
import { ModelIndex } from '../../model/model-index.js';

export const credentialInTemplate: Rule = {
  meta: {
    id: 'credential-in-template',
    title: 'Password or token written in the template',
    category: 'SAS-7',
    cwe: ['CWE-798', 'CWE-312'],
    severity: 'high',
    description:
      "A resource property that holds a credential by definition is given a literal value: a database's `MasterUserPassword`, an IAM user's `LoginProfile.Password`, a cache's `AuthToken`, a broker user's password, an EventBridge connection's API key or client secret, a webhook's secret token, an Amplify app's repository token … Whatever is written there is the credential the deployed resource accepts or presents. It is in the repository and its history, in the deployment bucket, in every copy of the template and in CloudFormation's stored template, readable by anyone with `cloudformation:GetTemplate`.\n\n" +
      'A credential the resource accepts (a database\'s, cache\'s, broker\'s or directory\'s password, an IAM user\'s console password, a webhook\'s secret token, a basic-authentication password) is reported whatever its value: a placeholder such as `changeme` is the password the resource is created with, and a weak one at that. A credential the resource presents to others (an EventBridge connection\'s key, password or client secret, an Amplify app\'s repository token, a DMS endpoint\'s password) is judged as environment variables are, by its format and then by the property\'s name and the value\'s entropy: a placeholder there (`<PASSWORD>`, `dummy-value`) sends nothing secret. Dynamic references to Secrets Manager and SecureString parameters (`{{resolve:secretsmanager:…}}`, `{{resolve:ssm-secure:…}}`) and values the template computes are not reported either; a reference to a plain String parameter (`{{resolve:ssm:…}}`) is, at `medium`: the credential is then stored unencrypted, readable by anyone allowed `ssm:GetParameter` on it. A value taken from a template parameter, whole or in part, is the parameter\'s to judge (`template-parameter-secret-default`). Medium-confidence matches are reported one level lower.',
    remediation:
      'Rotate the credential: it is in the repository history. Let AWS keep it: `ManageMasterUserPassword: true` for RDS and Aurora, or a Secrets Manager secret with `GenerateSecretString` referenced as `{{resolve:secretsmanager:<secret>:SecretString:password}}`; for a token of a third party, create the secret outside the template and reference it the same way.',
    example: {
      language: 'yaml',
      vulnerable: 'Type: AWS::RDS::DBCluster\nProperties:\n  Engine: aurora-postgresql\n  MasterUsername: app\n  MasterUserPassword: Sup3r-Secret-2024',
      fixed: 'Type: AWS::RDS::DBCluster\nProperties:\n  Engine: aurora-postgresql\n  MasterUsername: app\n  ManageMasterUserPassword: true',
    },
    references: ['https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/security-best-practices.html#creds', 'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/dynamic-references.html'],
    judges: [...new Set(CREDENTIAL_PROPERTIES.map((p) => p.type))],
    peerChecks: ['cfn-nag F51', 'cfn-nag F23', 'cfn-nag F34', 'cfn-nag F35', 'cfn-nag F70', 'cfn-nag F44', 'cfn-nag F52', 'cfn-nag F36', 'cfn-nag F31', 'cfn-nag F37', 'cfn-nag F69', 'cfn-nag F41', 'cfn-nag F58', 'cfn-nag F50', 'cfn-nag F60', 'KICS IAM User LoginProfile Password Is In Plaintext'],
  },
  check({ model }) {
    const results: RuleResult[] = [];
    for (const found of credentialValues(model)) {
      const plain = plainParameterReference(found.value);
      if (plain) results.push(plainParameterResult(found, plain));
      const written = writtenCredential(model, found);
      if (written) results.push(resultFor(found, written));
    }
    return results;
  },
};

/** How a credential written in the template is shown: the detector's label, or the literal redacted. */
type Written = { match: SecretMatch } | { literal: string };

/**
 * A credential the template itself holds: a literal, not a dynamic reference, not computed, no
 * parameter's value. One the resource accepts counts whatever it is (a placeholder is the password
 * it is created with); one it presents to others counts when it looks like a secret.
 */
function writtenCredential(model: AppModel, found: CredentialValue): Written | undefined {
  const value = found.value;
  if (typeof value !== 'string' || value.trim() === '' || isDynamicReference(value)) return undefined;
  const stack = ModelIndex.of(model).stackOf(found.resource);
  if (stack?.parameters.some((p) => takesParameter(value, p.name, p.value))) return undefined;
  const match = classifyNamedValue(found.path[found.path.length - 1] ?? '', value);
  if (match) return { match };
  return found.property.accepted ? { literal: redact(value) } : undefined;
}

/**
 * The name of the plain (String) SSM parameter a `{{resolve:ssm:…}}` reference reads: such a
 * parameter is stored unencrypted, unlike `ssm-secure` (SecureString) and Secrets Manager.
 */
function plainParameterReference(value: Value): string | undefined {
  if (typeof value !== 'string') return undefined;
  return /^\s*\{\{resolve:ssm:([^:}]+)/.exec(value)?.[1];
}

function plainParameterResult({ resource: r, property, path }: CredentialValue, parameter: string): RuleResult {
  const written = pathText(path);
  return {
    message: `${nameOf(r)} reads ${written} from the plain SSM parameter ${parameter} ({{resolve:ssm:…}}): ${property.what} is stored unencrypted, readable by anyone allowed ssm:GetParameter on it, and shown in its history. Keep it in Secrets Manager ({{resolve:secretsmanager:…}}), or in a SecureString parameter where the property accepts {{resolve:ssm-secure:…}}.`,
    location: r.locate(...path),
    subject: subjectOf(r),
    key: [r.logicalId, written, 'ssm'],
    severity: 'medium',
  };
}

function resultFor({ resource: r, property, path }: CredentialValue, found: Written): RuleResult {
  const written = pathText(path);
  const severity = 'match' in found ? confidenceSeverity(found.match) : undefined;
  const label = 'match' in found ? secretLabel(found.match) : `${found.literal}, a value that anyone who reads it can sign in with`;
  return {
    message: `${nameOf(r)} sets ${written} in plain text (${label}): ${property.what} is written in the template, for anyone who reads the repository or the deployed stack's template. Rotate it, and let Secrets Manager hold it ({{resolve:secretsmanager:…}}; in Terraform, a secret version data source${r.type.startsWith('AWS::RDS::') ? '; or let RDS manage the password' : ''}).`,
    location: r.locate(...path),
    subject: subjectOf(r),
    key: [r.logicalId, written],
    ...(severity ? { severity } : {}),
  };
}
