/**
 * Credentials written in the code of a function (any file its handler reaches).
 */
import { codeFactsFor } from '../../code/code-facts.js';
import type { Rule, RuleResult } from '../rule.js';
import { nameOf, subjectOf } from '../subject.js';

export const hardcodedCredentialInCode: Rule = {
  meta: {
    id: 'hardcoded-credential-in-code',
    title: 'Credential hard-coded in function code',
    category: 'SAS-7',
    cwe: ['CWE-798'],
    severity: 'high',
    description:
      "A key, token, password or connection string with a password is written in the function's code. It is in every copy of the repository and of the deployment package, in the Lambda console, and in the history forever: anyone who reads any of them can use it, and rotating it means a deployment.",
    remediation:
      'Revoke and rotate the credential, then read it at run time from AWS Secrets Manager or SSM Parameter Store (SecureString), cached between invocations, with the role allowed to read only that secret.',
    example: {
      language: 'javascript',
      vulnerable: "const stripe = new Stripe('sk_live_51H…');",
      fixed: "const { SecretString } = await sm.send(new GetSecretValueCommand({ SecretId: process.env.STRIPE_SECRET_ARN }));\nconst stripe = new Stripe(SecretString);",
    },
    references: ['https://owasp.org/www-project-serverless-top-10/', 'https://cwe.mitre.org/data/definitions/798.html'],
  },
  check({ model, root }) {
    if (root === undefined) return [];
    const facts = codeFactsFor(model, root);
    const results: RuleResult[] = [];
    for (const [file, ff] of facts.files) {
      const users = facts.usersOf.get(file) ?? [];
      const first = users[0];
      if (!first) continue;
      const counts = new Map<string, number>();
      for (const s of ff.secrets) {
        const n = counts.get(s.kind) ?? 0;
        counts.set(s.kind, n + 1);
        results.push({
          message: `${s.description} (${s.redacted}) is written in ${file}, code of ${users.map(nameOf).join(', ')}: whoever reads the code or the deployment package can use it.`,
          location: s.loc,
          related: users.map((u) => ({ loc: u.loc, message: `function ${nameOf(u)} runs this code` })),
          subject: subjectOf(first),
          key: [s.kind, String(n)],
          ...(s.confidence === 'medium' ? { severity: 'medium' as const } : {}),
        });
      }
    }
    return results;
  },
};
