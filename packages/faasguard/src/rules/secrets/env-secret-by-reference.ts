import type { EnvironmentVariable, LambdaFunction } from '../../model/app-model.js';
import { secretReferenceIn, type SecretReference, type SecretReferenceKind } from '../../model/facts/secret-reference-facts.js';
import { ModelIndex } from '../../model/model-index.js';
import { isSecretLikeName } from '../../secrets/index.js';
import type { Rule, RuleResult } from '../rule.js';
import { nameOf, subjectOf } from '../subject.js';

export const envSecretByReference: Rule = {
  meta: {
    id: 'env-secret-by-reference',
    title: 'Secret resolved into a function environment variable at deployment',
    category: 'SAS-7',
    cwe: ['CWE-312', 'CWE-522'],
    severity: 'medium',
    description:
      "A function's environment variable receives a secret by reference: `{{resolve:secretsmanager:…}}`, `{{resolve:ssm-secure:…}}`, `!Ref` of a `NoEcho` parameter, `!GetAtt <AccessKey>.SecretAccessKey` of an IAM access key, a Serverless Framework `${ssm:…}` / `${secretsmanager:…}` variable holding a secret, or in Terraform an API key's `value`, an access key's `secret`, a `data.aws_secretsmanager_secret_version`'s `secret_string` or a `data.aws_ssm_parameter`'s `value`. The template does not hold the secret, but the deployment resolves it and writes the value in plain text into the function's configuration: anyone allowed `lambda:GetFunctionConfiguration` (read-only roles, the console, support tooling) reads it, it is copied into every published version, and rotating the secret leaves the old value in the function until the next deployment.\n\n" +
      "Severity: `high` for an IAM user's secret access key (a long-lived AWS credential), `medium` otherwise. A Serverless `${ssm:…}` variable is reported when the parameter is decrypted (`~true`), is a Secrets Manager reference (`/aws/reference/secretsmanager/…`), or the variable's name is a secret's (`DB_PASSWORD`). A Terraform `data.aws_ssm_parameter` is reported when the variable's name is a secret's. A Secrets Manager reference that picks a JSON key which is not a secret's name (`:SecretString:username`, `::host`) is not reported.",
    remediation:
      'Pass the secret\'s name or ARN in the environment and read the value at run time with the AWS SDK or the AWS Parameters and Secrets Lambda Extension (cached outside the handler), after granting the execution role `secretsmanager:GetSecretValue` (or `ssm:GetParameter` and `kms:Decrypt`) on that one secret. Replace IAM user access keys with permissions on the execution role.',
    example: {
      language: 'yaml',
      vulnerable: 'Environment:\n  Variables:\n    DB_PASSWORD: "{{resolve:secretsmanager:prod/db:SecretString:password}}"',
      fixed: 'Environment:\n  Variables:\n    DB_SECRET_ARN: !Ref DbSecret',
    },
    references: [
      'https://docs.aws.amazon.com/secretsmanager/latest/userguide/retrieving-secrets_lambda.html',
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/dynamic-references-secretsmanager.html',
    ],
    judges: ['AWS::Lambda::Function', 'AWS::Serverless::Function'],
  },
  check({ model }) {
    const index = ModelIndex.of(model);
    const results: RuleResult[] = [];
    for (const fn of model.functions) {
      for (const v of fn.environment) {
        const ref = secretReferenceIn(v.value, fn, index, isSecretLikeName(v.name));
        if (ref) results.push(result(fn, v, ref, index));
      }
    }
    return results;
  },
};

const WHAT: Readonly<Record<SecretReferenceKind, string>> = {
  'access-key-secret': 'the secret access key of an IAM user',
  'api-key': 'the value of the API key',
  'no-echo-parameter': 'the NoEcho parameter',
  'secrets-manager': 'the Secrets Manager secret',
  'ssm-secure': 'the SSM SecureString parameter',
  'ssm-parameter': 'the SSM parameter',
  'deploy-time-variable': 'the secret of the deployment variable',
};

function result(fn: LambdaFunction, v: EnvironmentVariable, ref: SecretReference, index: ModelIndex): RuleResult {
  const source = index.resource(ref.sourceId);
  return {
    message: `Environment variable ${v.name} of function ${nameOf(fn)} receives ${WHAT[ref.kind]} ${ref.text}: the deployment writes its value in plain text into the function's configuration, readable by anyone allowed lambda:GetFunctionConfiguration. Pass the secret's name or ARN instead and read it at run time.`,
    location: v.loc,
    related: [{ loc: fn.loc, message: `function ${nameOf(fn)}` }, ...(source ? [{ loc: source.loc, message: `${ref.kind === 'api-key' ? 'API key' : 'access key'} ${nameOf(source)}` }] : [])],
    subject: subjectOf(fn),
    key: [fn.logicalId, v.name],
    ...(ref.kind === 'access-key-secret' ? { severity: 'high' as const } : {}),
  };
}
