import { nameOf } from '../subject.js';
import { codeEventRule } from './code-event-rule.js';

export const jwtDecodedWithoutVerification = codeEventRule(
  {
    id: 'jwt-decoded-without-verification',
    title: 'JWT decoded without verifying its signature, then trusted',
    category: 'SAS-2',
    cwe: ['CWE-347', 'CWE-345'],
    severity: 'high',
    description:
      "The code reads a JSON Web Token's claims without checking its signature (`jwt.decode`, `jwt-decode`, or splitting the token on dots and decoding the middle part) and then decides on them (a role, a user id, an expiry). Anyone can write a token with any claims: the decision is the attacker's.",
    remediation:
      'Verify the token before using any claim: `jwt.verify` with the expected algorithm, issuer and audience (or `aws-jwt-verify` for Cognito tokens), or let an API Gateway JWT/Cognito authorizer verify it and read the claims it passes in `requestContext.authorizer`.',
    example: {
      language: 'javascript',
      vulnerable: "const claims = jwt.decode(token);\nif (claims.role === 'admin') return deleteAll();",
      fixed: "const claims = jwt.verify(token, publicKey, { algorithms: ['RS256'], issuer, audience });\nif (claims.role === 'admin') return deleteAll();",
    },
    references: ['https://owasp.org/www-project-serverless-top-10/', 'https://cwe.mitre.org/data/definitions/347.html'],
    judges: ['function code'],
  },
  (a) => a.unverifiedTokenDecisions,
  (e, f) => ({
    message: `${nameOf(f.fn)} decides on claims of a token whose signature it never verified (${e.what}) at ${e.loc.file}:${e.loc.line}: anyone can forge such a token.`,
    key: `${e.loc.file}|${e.what}`,
  }),
);
