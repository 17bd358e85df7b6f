/**
 * TLS certificate verification turned off in function code.
 */
import { codeScope } from '../code-scope.js';
import { codeFactsFor } from '../../code/code-facts.js';
import type { Rule, RuleResult } from '../rule.js';
import { nameOf, subjectOf } from '../subject.js';

export const tlsVerificationDisabled: Rule = {
  meta: {
    id: 'tls-verification-disabled',
    title: 'TLS certificate verification disabled',
    category: 'SAS-3',
    cwe: ['CWE-295'],
    severity: 'high',
    description:
      "The code turns off certificate verification (`rejectUnauthorized: false`, `strictSSL: false`, `NODE_TLS_REJECT_UNAUTHORIZED=0`). Connections still look encrypted, but anyone on the network path can impersonate the server, read the credentials the function sends and change the answers it gets.",
    remediation:
      'Remove the option. For a private certificate authority, pass its certificate (`ca`) or set `NODE_EXTRA_CA_CERTS`; for a database such as RDS, bundle the provider\'s CA certificates.',
    example: {
      language: 'javascript',
      vulnerable: "const agent = new https.Agent({ rejectUnauthorized: false });",
      fixed: "const agent = new https.Agent({ ca: fs.readFileSync('/opt/certs/internal-ca.pem') });",
    },
    references: ['https://owasp.org/www-project-serverless-top-10/', 'https://cwe.mitre.org/data/definitions/295.html'],
    judges: ['function code'],
  },
  check(ctx) {
    const scope = codeScope(ctx);
    if (!scope) return [];
    const facts = codeFactsFor(ctx.model, scope);
    const results: RuleResult[] = [];
    for (const [file, ff] of facts.files) {
      const users = facts.usersOf.get(file) ?? [];
      const first = users[0];
      if (!first) continue;
      ff.tlsDisabled.forEach((t, i) => {
        results.push({
          message: `${file} turns off TLS certificate verification (${t.what}) in code of ${users.map(nameOf).join(', ')}: anyone on the network path can impersonate the server and read what the function sends.`,
          location: t.loc,
          related: users.map((u) => ({ loc: u.loc, message: `function ${nameOf(u)} runs this code` })),
          subject: subjectOf(first),
          key: [t.what, String(i)],
        });
      });
    }
    return results;
  },
};
