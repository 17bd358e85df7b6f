import { betterHomeAdvice, kindInSentence } from '../../secrets/index.js';
import { namedValueSecret } from './named-value-secret.js';
import type { Rule, RuleResult } from '../rule.js';
import { nameOf, subjectOf } from '../subject.js';

export const envPlaintextSecret: Rule = {
  meta: {
    id: 'env-plaintext-secret',
    title: 'Plaintext secret in a function environment variable',
    category: 'SAS-7',
    cwe: ['CWE-798', 'CWE-312'],
    severity: 'high',
    description:
      "A function's environment variable holds a credential written into the template. It is stored in the template, in the deployment bucket, in CloudFormation and in the function's configuration, where anyone with `lambda:GetFunctionConfiguration` or read access to the repository can read it, and it cannot be rotated without a deployment.",
    remediation:
      'Store the secret in AWS Secrets Manager (or SSM Parameter Store as a SecureString), pass only its name or ARN in the environment, and read it at run time (with a cache) after granting the role `secretsmanager:GetSecretValue` on that one secret. Rotate the exposed credential: it is already in the repository history.',
    example: {
      language: 'yaml',
      vulnerable: 'Environment:\n  Variables:\n    DB_PASSWORD: hunter2-Prod-2024!',
      fixed: 'Environment:\n  Variables:\n    DB_SECRET_ARN: !Ref DbSecret',
    },
    references: ['https://docs.aws.amazon.com/secretsmanager/latest/userguide/retrieving-secrets_lambda.html'],
    judges: ['AWS::Lambda::Function', 'AWS::Serverless::Function'],
    peerChecks: ['Checkov CKV_AWS_45', 'KICS Hardcoded AWS Access Key In Lambda'],
  },
  check({ model }) {
    const results: RuleResult[] = [];
    for (const fn of model.functions) {
      for (const v of fn.environment) {
        const match = namedValueSecret(v.name, v.value);
        if (!match) continue;
        const advice = betterHomeAdvice(match.kind);
        results.push({
          message: `Environment variable ${v.name} of function ${nameOf(fn)} holds a plaintext secret (${kindInSentence(match.kind)}: ${match.redacted}). ${advice.text}`,
          location: v.loc,
          related: [{ loc: fn.loc, message: `function ${nameOf(fn)}` }],
          subject: subjectOf(fn),
          key: [fn.logicalId, v.name],
          ...(match.confidence === 'medium' ? { severity: 'medium' as const } : {}),
        });
      }
    }
    return results;
  },
};
