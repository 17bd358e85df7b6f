import type { AppModel, Resource } from '../../model/app-model.js';
import type { RelatedLocation } from '../../findings/finding.js';
import { accessKeyFacts, ssmParameterFacts, type AccessKeyFacts } from '../../model/facts/secret-store-facts.js';
import { display, isComposite, isRef, type Value } from '../../model/value.js';
import type { Rule, RuleResult } from '../rule.js';
import { nameOf, subjectOf } from '../subject.js';

export const iamAccessKeyInTemplate: Rule = {
  meta: {
    id: 'iam-access-key-in-template',
    title: 'Long-lived IAM user access key created by the template',
    category: 'SAS-7',
    cwe: ['CWE-522'],
    severity: 'medium',
    description:
      "The template creates an `AWS::IAM::AccessKey`: a long-lived credential of an IAM user that never expires and is not rotated by anything. Its secret is returned by `!GetAtt <Key>.SecretAccessKey`, and wherever the template sends it (an output, an environment variable, a parameter) it is stored in plain text. Whoever reads it acts as that user from anywhere, until someone deletes the key. Serverless code rarely needs one: a function, a build or another account can use a role with temporary credentials.\n\n" +
      'Severity: `medium`; `high` when the template itself writes the secret where others read it (an exported output, a function\'s environment, an SSM parameter).',
    remediation:
      'Remove the access key: give the function\'s execution role the permissions the key was used for, use roles with OIDC federation for CI and IAM Roles Anywhere or cross-account roles for other callers. If a third-party tool truly needs a key, create it outside the template, store it in Secrets Manager, and rotate it.',
    example: {
      language: 'yaml',
      vulnerable: 'DeployKey:\n  Type: AWS::IAM::AccessKey\n  Properties:\n    UserName: !Ref DeployUser',
      fixed: '# no access key: the function uses its execution role\nRole: !GetAtt DeployRole.Arn',
    },
    references: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#bp-workloads-use-roles', 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html'],
    judges: ['AWS::IAM::AccessKey'],
  },
  check({ model }) {
    const results: RuleResult[] = [];
    for (const r of model.resources) {
      const key = accessKeyFacts(r);
      if (key && key.status !== 'Inactive') results.push(result(key, exposures(key.resource, model)));
    }
    return results;
  },
};

function result(key: AccessKeyFacts, exposed: RelatedLocation[]): RuleResult {
  const user = key.user !== undefined ? ` for IAM user ${display(key.user)}` : '';
  const where = exposed.length > 0 ? ` Its secret is written in plain text to ${exposed.map((e) => e.message).join(', ')}.` : '';
  return {
    message: `The template creates access key ${nameOf(key.resource)}${user}: a long-lived credential that never expires.${where} Use a role with temporary credentials instead.`,
    location: key.resource.loc,
    related: exposed,
    subject: subjectOf(key.resource),
    key: [key.resource.logicalId],
    ...(exposed.length > 0 ? { severity: 'high' as const } : {}),
  };
}

/** Where the template sends the key's secret: exported outputs, function environments, SSM parameters. */
function exposures(key: Resource, model: AppModel): RelatedLocation[] {
  const out: RelatedLocation[] = [];
  for (const stack of model.stacks) for (const e of stack.exports) if (readsSecret(e.value, key.id)) out.push({ loc: e.loc, message: `export ${e.name}` });
  for (const fn of model.functions) for (const v of fn.environment) if (readsSecret(v.value, key.id)) out.push({ loc: v.loc, message: `environment variable ${v.name} of function ${nameOf(fn)}` });
  for (const r of model.resources) {
    const p = ssmParameterFacts(r);
    if (p && readsSecret(p.value, key.id)) out.push({ loc: p.valueLoc, message: `SSM parameter ${nameOf(r)}` });
  }
  return out;
}

function readsSecret(v: Value | undefined, id: string): boolean {
  const parts = isComposite(v) ? v.parts : [v];
  return parts.some((p) => isRef(p) && p.target === id && p.attribute === 'SecretAccessKey');
}
