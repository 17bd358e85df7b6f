import { ssmParameterFacts, type SsmParameterFacts } from '../../model/facts/secret-store-facts.js';
import { isComposite, type Value } from '../../model/value.js';
import { classifyNamedValue } from '../../secrets/index.js';
import type { Rule, RuleResult } from '../rule.js';
import { nameOf, subjectOf } from '../subject.js';
import { confidenceSeverity, secretLabel } from './secret-text.js';

export const ssmParameterPlaintextSecret: Rule = {
  meta: {
    id: 'ssm-parameter-plaintext-secret',
    title: 'Secret stored in a plain SSM parameter',
    category: 'SAS-7',
    cwe: ['CWE-312', 'CWE-798'],
    severity: 'high',
    description:
      "An `AWS::SSM::Parameter` of type `String` or `StringList` holds a credential. Such a parameter is not encrypted: anyone allowed `ssm:GetParameter` or `ssm:GetParametersByPath` on it reads the value, no KMS key policy stands in the way, and it shows in the console and in the parameter's history. Written in the template, the value is also in the repository, in the deployment bucket and in every copy of the template.\n\n" +
      "The value is judged by its format (a vendor key is one whatever its name), then by the parameter's name (`/app/db-password`) or logical id and the value's entropy, as for environment variables: references (`!Ref`, `!GetAtt`, parameters), placeholders (`changeme`) and configuration (URLs, table names) are not reported; an access key's secret sent to a parameter is reported by `iam-access-key-in-template`. Medium-confidence matches are reported one level lower.",
    remediation:
      'Rotate the credential: it is in the repository history. Keep the secret in AWS Secrets Manager (a secret with `GenerateSecretString`, or one created outside the template), or as an SSM `SecureString` parameter created outside CloudFormation, which cannot create them; store only its name in the template and grant readers `ssm:GetParameter` and `kms:Decrypt` on that one parameter.',
    example: {
      language: 'yaml',
      vulnerable: 'Type: AWS::SSM::Parameter\nProperties:\n  Name: /shop/db-password\n  Type: String\n  Value: Pr0d-Passw0rd-2024!',
      fixed: 'Type: AWS::SecretsManager::Secret\nProperties:\n  Name: shop/db-password\n  GenerateSecretString:\n    PasswordLength: 32',
    },
    references: [
      'https://docs.aws.amazon.com/systems-manager/latest/userguide/systems-manager-parameter-store.html',
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ssm-parameter.html',
    ],
    judges: ['AWS::SSM::Parameter'],
    peerChecks: ['Checkov CKV_AWS_384'],
  },
  check({ model }) {
    const results: RuleResult[] = [];
    for (const r of model.resources) {
      const facts = ssmParameterFacts(r);
      if (!facts || (facts.type !== 'String' && facts.type !== 'StringList')) continue;
      const found = literalSecret(facts);
      if (found) results.push(found);
    }
    return results;
  },
};

function literalSecret(p: SsmParameterFacts): RuleResult | undefined {
  if (typeof p.value !== 'string') return undefined;
  const match = namesOf(p).map((n) => classifyNamedValue(n, p.value as string)).find((m) => m !== undefined);
  if (!match) return undefined;
  const severity = confidenceSeverity(match);
  return {
    message: `SSM parameter ${label(p)} of type ${p.type} holds a secret in plain text: ${secretLabel(match)}. It is written in the template and readable by anyone allowed ssm:GetParameter, with no encryption. Rotate it and keep it in Secrets Manager or a SecureString parameter created outside the template.`,
    location: p.valueLoc,
    subject: subjectOf(p.resource),
    key: [p.resource.logicalId, 'value'],
    ...(severity ? { severity } : {}),
  };
}

/** The names a reader judges the value by: the parameter's last path segment (`/app/db-password` → `db-password`), then its logical id. */
function namesOf(p: SsmParameterFacts): string[] {
  const last = lastSegment(p.name);
  return last ? [last, p.resource.logicalId] : [p.resource.logicalId];
}

function lastSegment(name: Value | undefined): string | undefined {
  const text = typeof name === 'string' ? name : isComposite(name) ? name.parts.filter((x): x is string => typeof x === 'string').at(-1) : undefined;
  const segment = text?.split('/').filter((s) => s.length > 0).at(-1);
  return segment && segment.length > 0 ? segment : undefined;
}

function label(p: SsmParameterFacts): string {
  return typeof p.name === 'string' ? `${nameOf(p.resource)} (${p.name})` : nameOf(p.resource);
}

