import type { Stack, TemplateParameter } from '../../model/app-model.js';
import { credentialValues, pathText, takesParameter, type CredentialValue } from '../../model/facts/credential-values.js';
import { classifyNamedValue, isSecretLikeName, redact } from '../../secrets/index.js';
import { nameOf } from '../subject.js';
import type { Rule, RuleResult } from '../rule.js';
import { confidenceSeverity, secretLabel } from './secret-text.js';

export const templateParameterSecretDefault: Rule = {
  meta: {
    id: 'template-parameter-secret-default',
    title: 'Secret template parameter with a default value or without NoEcho',
    category: 'SAS-7',
    cwe: ['CWE-798', 'CWE-532'],
    severity: 'high',
    description:
      "A template parameter carries a secret badly. With a `Default` holding the credential, the secret is written into the template itself, in the repository and in every copy of the template. Without `NoEcho: true`, a parameter with a secret's name (`DbPassword`, `ApiToken`) is shown in plain text by the console, `describe-stacks` and the stack's events to anyone with read access to CloudFormation (reported at medium severity).\n\n" +
      "A parameter whose value goes to a property that holds a credential by definition (a database's `MasterUserPassword`, a connection's API key: see `credential-in-template`) is a secret whatever its name; and when the resource accepts that credential (a password it lets users sign in with), any Default is reported, a placeholder included, since it is the password the resource gets unless a deployment overrides it.",
    remediation:
      'Remove the Default and rotate the credential. Better, do not pass secrets as parameters at all: create them in AWS Secrets Manager and reference them with `{{resolve:secretsmanager:…}}` where a resource property needs the value, or pass the secret\'s ARN to the function. If a parameter must carry a secret, set `NoEcho: true`.',
    example: {
      language: 'yaml',
      vulnerable: 'Parameters:\n  DbPassword:\n    Type: String\n    Default: Pr0d-Passw0rd-2024',
      fixed: 'Parameters:\n  DbPassword:\n    Type: String\n    NoEcho: true',
    },
    references: ['https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/parameters-section-structure.html#parameters-section-structure-properties', 'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/security-best-practices.html#creds'],
    judges: ['template parameters'],
    // cfn_nag's checks of credential properties also fail a `Ref` to a parameter with a Default or without NoEcho: this rule's half of them.
    peerChecks: ['cfn-nag F51', 'cfn-nag F23', 'cfn-nag F34', 'cfn-nag F35', 'cfn-nag F70', 'cfn-nag F44', 'cfn-nag F52', 'cfn-nag F36', 'cfn-nag F31', 'cfn-nag F37', 'cfn-nag F69', 'cfn-nag F41', 'cfn-nag F58', 'cfn-nag F50', 'cfn-nag F60'],
  },
  check({ model }) {
    const credentials = credentialValues(model);
    return model.stacks.flatMap((stack) =>
      stack.parameters.flatMap((p) => {
        const fed = credentials.filter((c) => c.resource.stack === stack.id && takesParameter(c.value, p.name, p.value));
        return withUses(check(stack, p, fed[0]), fed);
      }),
    );
  },
};

/** SSM parameter types carry a parameter's name, not a secret. */
const REFERENCE_TYPE = /^AWS::SSM::Parameter::/;

/** Each credential property the parameter's value goes to is where the secret ends up: a related location of the finding. */
function withUses(results: RuleResult[], fed: readonly CredentialValue[]): RuleResult[] {
  if (fed.length === 0) return results;
  const related = fed.map((c) => ({ loc: c.resource.locate(...c.path), message: `${pathText(c.path)} of ${nameOf(c.resource)} takes this parameter: ${c.property.what}` }));
  return results.map((r) => ({ ...r, related: [...(r.related ?? []), ...related] }));
}

/** `feeds`: the (first) credential property the parameter's value goes to, if any: the parameter is then a secret whatever its name. */
function check(stack: Stack, p: TemplateParameter, feeds: CredentialValue | undefined): RuleResult[] {
  if (REFERENCE_TYPE.test(p.type)) return [];
  const subject = { id: `${stack.id}/${p.name}`, logicalId: p.name };
  const match = p.hasDefault && typeof p.value === 'string' ? classifyNamedValue(p.name, p.value) : undefined;
  const gives = feeds ? `${feeds.property.what} of ${nameOf(feeds.resource)}` : undefined;
  if (!match && gives && feeds?.property.accepted && p.hasDefault && typeof p.value === 'string' && p.value !== '') {
    return [
      {
        message: `Parameter ${p.name} has a Default (${redact(p.value)}) that becomes ${gives}: unless every deployment overrides it, the resource accepts a password written in the template. Remove the Default, rotate the credential, and reference it from AWS Secrets Manager instead.`,
        location: p.defaultLoc ?? p.loc,
        subject,
        key: [p.name, 'default'],
      },
    ];
  }
  if (match) {
    const severity = confidenceSeverity(match);
    return [
      {
        message: `Parameter ${p.name} has a Default holding a secret: ${secretLabel(match)}: the secret is written in the template${gives ? ` and becomes ${gives}` : ''}. Remove the Default, rotate the credential, and reference it from AWS Secrets Manager instead.`,
        location: p.defaultLoc ?? p.loc,
        subject,
        key: [p.name, 'default'],
        ...(severity ? { severity } : {}),
      },
    ];
  }
  if ((!isSecretLikeName(p.name) && !gives) || p.noEcho) return [];
  return [
    {
      message: `Parameter ${p.name} ${gives ? `gives ${gives}` : 'looks like a secret'} but has no NoEcho: true, so its value is shown in plain text by the console, describe-stacks and stack events. Set NoEcho: true, or better, keep the secret in AWS Secrets Manager and use a {{resolve:secretsmanager:…}} reference.`,
      location: p.loc,
      subject,
      key: [p.name, 'no-echo'],
      severity: 'medium',
    },
  ];
}
