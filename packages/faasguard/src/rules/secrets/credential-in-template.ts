import type { AppModel, Resource } from '../../model/app-model.js';
import { isValueMap, type Value } from '../../model/value.js';
import { CREDENTIAL_PROPERTIES, type CredentialProperty } from '../../secrets/credential-properties.js';
import { classifyNamedValue, type SecretMatch } from '../../secrets/index.js';
import type { Rule, RuleResult } from '../rule.js';
import { nameOf, subjectOf } from '../subject.js';
import { confidenceSeverity, secretLabel } from './secret-text.js';

export const credentialInTemplate: Rule = {
  meta: {
    id: 'credential-in-template',
    title: 'Password or token written in the template',
    category: 'SAS-7',
    cwe: ['CWE-798', 'CWE-312'],
    severity: 'high',
    description:
      "A resource property that holds a credential by definition is given a literal value: a database's `MasterUserPassword`, an IAM user's `LoginProfile.Password`, a cache's `AuthToken`, a broker user's password, an EventBridge connection's API key or client secret, a webhook's secret token, an Amplify app's repository token … Whatever is written there is the credential the deployed resource accepts. It is in the repository and its history, in the deployment bucket, in every copy of the template and in CloudFormation's stored template, readable by anyone with `cloudformation:GetTemplate`; \n\n" +
      'The value is judged as environment variables are, by its format and then by the property\'s name and the value\'s entropy: placeholders (`changeme`, `<PASSWORD>`, `dummy-value`) and short words are not reported, though a resource created with one accepts it until someone changes it. Dynamic references (`{{resolve:secretsmanager:…}}`, `{{resolve:ssm-secure:…}}`) and values the template computes are not reported either. A value taken from a template parameter, whole or in part, is the parameter\'s to judge (`template-parameter-secret-default`). Medium-confidence matches are reported one level lower.',
    remediation:
      'Rotate the credential: it is in the repository history. Let AWS keep it: `ManageMasterUserPassword: true` for RDS and Aurora, or a Secrets Manager secret with `GenerateSecretString` referenced as `{{resolve:secretsmanager:<secret>:SecretString:password}}`; for a token of a third party, create the secret outside the template and reference it the same way.',
    example: {
      language: 'yaml',
      vulnerable: 'Type: AWS::RDS::DBCluster\nProperties:\n  Engine: aurora-postgresql\n  MasterUsername: app\n  MasterUserPassword: Sup3r-Secret-2024',
      fixed: 'Type: AWS::RDS::DBCluster\nProperties:\n  Engine: aurora-postgresql\n  MasterUsername: app\n  ManageMasterUserPassword: true',
    },
    references: ['https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/security-best-practices.html#creds', 'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/dynamic-references.html'],
    judges: [...new Set(CREDENTIAL_PROPERTIES.map((p) => p.type))],
    peerChecks: ['cfn-nag F51'],
  },
  check({ model }) {
    const results: RuleResult[] = [];
    for (const r of model.resources) {
      for (const property of CREDENTIAL_PROPERTIES) {
        if (property.type !== r.type) continue;
        for (const found of valuesAt(r.properties, property.path, [])) {
          const match = writtenCredential(model, r, found);
          if (match) results.push(resultFor(r, property, found.path, match));
        }
      }
    }
    return results;
  },
};

interface FoundValue {
  value: Value;
  /** The path with each `*` replaced by the item's index */
  path: string[];
}

function valuesAt(v: Value | undefined, path: readonly string[], done: string[]): FoundValue[] {
  if (v === undefined) return [];
  const [step, ...rest] = path;
  if (step === undefined) return [{ value: v, path: done }];
  if (step === '*') return Array.isArray(v) ? v.flatMap((item, i) => valuesAt(item, rest, [...done, String(i)])) : [];
  return isValueMap(v) ? valuesAt(v[step], rest, [...done, step]) : [];
}

/** A secret the template itself holds: a literal, not a dynamic reference, not computed, no parameter's value. */
function writtenCredential(model: AppModel, r: Resource, found: FoundValue): SecretMatch | undefined {
  const value = found.value;
  if (typeof value !== 'string' || value.trim().startsWith('{{resolve:')) return undefined;
  const stack = model.stacks.find((s) => s.id === r.stack);
  if (stack?.parameters.some((p) => typeof p.value === 'string' && p.value !== '' && value.includes(p.value))) return undefined;
  return classifyNamedValue(found.path[found.path.length - 1] ?? '', value);
}

function resultFor(r: Resource, property: CredentialProperty, path: string[], match: SecretMatch): RuleResult {
  const written = path.map((step, i) => (/^\d+$/.test(step) ? `[${step}]` : i === 0 ? step : `.${step}`)).join('');
  const severity = confidenceSeverity(match);
  return {
    message: `${nameOf(r)} sets ${written} in plain text (${secretLabel(match)}): ${property.what} is written in the template, for anyone who reads the repository or the deployed stack's template. Rotate it, and let Secrets Manager hold it ({{resolve:secretsmanager:…}}${r.type.startsWith('AWS::RDS::') ? ', or ManageMasterUserPassword: true' : ''}).`,
    location: r.locate(...path),
    subject: subjectOf(r),
    key: [r.logicalId, written],
    ...(severity ? { severity } : {}),
  };
}
