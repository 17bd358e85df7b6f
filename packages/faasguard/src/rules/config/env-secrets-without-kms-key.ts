import { isSecretLikeName } from '../../secrets/index.js';
import type { EnvironmentVariable, LambdaFunction } from '../../model/app-model.js';
import type { Rule, RuleResult } from '../rule.js';
import { nameOf, subjectOf } from '../subject.js';

export const envSecretsWithoutKmsKey: Rule = {
  meta: {
    id: 'env-secrets-without-kms-key',
    title: 'Secret-bearing environment not encrypted with a customer managed key',
    category: 'SAS-3',
    cwe: ['CWE-311'],
    severity: 'medium',
    judges: ['AWS::Serverless::Function', 'AWS::Lambda::Function'],
    peerChecks: ['Checkov CKV_AWS_173', 'KICS Serverless Function Environment Variables Not Encrypted'],
    description:
      "The function's environment has variables whose names say they hold secrets (`PASSWORD`, `SECRET`, `TOKEN`, `API_KEY`, `PRIVATE_KEY` …), and no `KmsKeyArn`. Lambda then encrypts the environment with the AWS managed key `aws/lambda`, which every principal of the account allowed to call `lambda:GetFunctionConfiguration` can use: anyone with read access to Lambda (a support role, a CI user, a compromised developer laptop) reads the secrets in clear text. With a customer managed key, reading them also needs `kms:Decrypt` on that key, which its key policy restricts and CloudTrail records.\n\n" +
      'Severity: `medium`: exploiting it needs an identity inside the account, but it turns read-only access into credentials. Checkov (CKV_AWS_173) and KICS ask for a customer managed key on every environment; faasguard does not, on purpose: variables that hold no secret (a table name, a log level) are configuration that anyone who may read the function\'s settings sees anyway, and a key would protect nothing.',
    remediation:
      'Best: keep the secret out of the environment (Secrets Manager or SSM Parameter Store SecureString, read at run time). Otherwise set `KmsKeyArn` to a customer managed key whose key policy allows `kms:Decrypt` only to the function role and the people who must see the values.',
    example: {
      language: 'yaml',
      vulnerable: 'Environment:\n  Variables:\n    DB_PASSWORD: !Ref DbPassword',
      fixed: 'KmsKeyArn: !GetAtt EnvKey.Arn\nEnvironment:\n  Variables:\n    DB_PASSWORD: !Ref DbPassword',
    },
    references: ['https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars-encryption.html'],
  },
  check({ model }) {
    const results: RuleResult[] = [];
    for (const fn of model.functions) {
      if (fn.kmsKeyArn !== undefined && fn.kmsKeyArn !== null && fn.kmsKeyArn !== '') continue;
      const secrets = fn.environment.filter(holdsSecret);
      const first = secrets[0];
      if (!first) continue;
      results.push({
        message: `Function ${nameOf(fn)} keeps ${describe(secrets)} in its environment, encrypted only with the AWS managed key: anyone in the account allowed lambda:GetFunctionConfiguration reads ${secrets.length > 1 ? 'them' : 'it'} in clear. Set KmsKeyArn to a customer managed key, or read the secret from Secrets Manager at run time.`,
        location: first.loc,
        related: related(fn, secrets),
        subject: subjectOf(fn),
        key: [fn.logicalId],
      });
    }
    return results;
  },
};

function holdsSecret(v: EnvironmentVariable): boolean {
  // An empty value holds nothing yet; anything else (a literal, a parameter, a dynamic reference) may.
  if (v.value === '' || v.value === null || isSettingLiteral(v.value)) return false;
  return isSecretLikeName(v.name);
}

/**
 * A literal number or switch is a setting of the secret machinery, not a secret:
 * `PARAMETERS_SECRETS_EXTENSION_HTTP_PORT: 2773`, `SECRETS_CACHE_ENABLED: true`.
 */
function isSettingLiteral(value: EnvironmentVariable['value']): boolean {
  if (typeof value === 'number' || typeof value === 'boolean') return true;
  return typeof value === 'string' && /^(\d{1,6}|true|false|yes|no|on|off|enabled|disabled)$/i.test(value.trim());
}

function describe(vars: EnvironmentVariable[]): string {
  const names = vars.map((v) => v.name).join(', ');
  return vars.length > 1 ? `secrets (${names})` : `a secret (${names})`;
}

function related(fn: LambdaFunction, vars: EnvironmentVariable[]): Array<{ loc: EnvironmentVariable['loc']; message: string }> {
  return [{ loc: fn.loc, message: `function ${nameOf(fn)}` }, ...vars.slice(1).map((v) => ({ loc: v.loc, message: `secret-bearing variable ${v.name}` }))];
}
