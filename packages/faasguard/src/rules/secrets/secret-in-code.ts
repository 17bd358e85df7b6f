import type { FileSecret } from '../../analysis/secret-facts.js';
import type { Rule, RuleResult } from '../rule.js';
import { ownerFields, ownersText } from '../dependencies/dependency-text.js';
import { confidenceSeverity, secretKeys, secretLabel, storeAdvice } from './secret-text.js';

export const secretInCode: Rule = {
  meta: {
    id: 'secret-in-code',
    title: 'Hard-coded secret in function code, config or .env file',
    category: 'SAS-7',
    cwe: ['CWE-798', 'CWE-540'],
    severity: 'high',
    description:
      "A credential is written into a file of a function's or layer's code (source, a config file beside it) or into a `.env` file in the project. It is deployed inside the code package, where anyone who can download the function's code (`lambda:GetFunction`) or read the repository has it, it stays in the repository history, and it cannot be rotated without a deployment. Files ignored by `.gitignore` are not scanned, so a reported `.env` file is one that is committed. Placeholders and references (`${env:X}`, `{{resolve:…}}`, `changeme`, `<your-key>`) are not reported, nor are the files of packages installed with pip (the folders beside `*.dist-info` or `*.egg-info` metadata, as in a layer's `python/`).",
    remediation:
      'Rotate the credential first: it is in the repository history. Then store it in AWS Secrets Manager or as an SSM Parameter Store SecureString, grant the function\'s role `secretsmanager:GetSecretValue` or `ssm:GetParameter` on that one secret, and read it at run time (cached outside the handler). Keep `.env` files out of the repository.',
    example: {
      language: 'javascript',
      vulnerable: "const stripe = new Stripe('sk_live_…');",
      fixed: "const { SecretString } = await sm.send(new GetSecretValueCommand({ SecretId: process.env.STRIPE_SECRET_ARN }));\nconst stripe = new Stripe(SecretString);",
    },
    references: ['https://docs.aws.amazon.com/secretsmanager/latest/userguide/retrieving-secrets_lambda.html', 'https://cwe.mitre.org/data/definitions/798.html'],
    judges: ['function code'],
  },
  requires: ['secrets'],
  check({ secrets }) {
    const found = secrets?.files ?? [];
    const keys = secretKeys(found);
    return found.map((s) => result(s, keys.get(s)!));
  },
};

function result(s: FileSecret, key: string[]): RuleResult {
  const who = ownersText(s.owners);
  const where = s.kind === 'env-file' ? 'A .env file' : s.inLayer ? 'Layer code' : s.kind === 'config' ? 'A config file' : 'Function code';
  const deployed = who ? ` deployed with ${who}` : '';
  const severity = confidenceSeverity(s.match);
  return {
    message: `${where}${deployed} holds a hard-coded secret: ${secretLabel(s.match)}. ${storeAdvice(s.match)}`,
    location: s.loc,
    ...ownerFields(s.owners),
    key,
    ...(severity ? { severity } : {}),
  };
}
