import { nameOf } from '../subject.js';
import { describeSource } from '../injection/trigger-context.js';
import { codeEventRule } from './code-event-rule.js';

export const authorizationFromClientInput = codeEventRule(
  {
    id: 'authorization-from-client-input',
    title: 'Authorization decided from a field the client sends',
    category: 'SAS-2',
    cwe: ['CWE-639', 'CWE-807'],
    severity: 'high',
    description:
      "The handler decides who the caller is or what they may do from the request itself: a `userId`, `role`, `isAdmin` or `groups` in the body, query string or headers. The client chooses those values, so any caller can act as another user or as an administrator. Testing only whether a value is there (`if (!result.Item)`, `if item is None`, `if (!body.userId)`) is a not-found check or a validation, not a decision, unless the value is a flag such as `isAdmin`.",
    remediation:
      "Take identity and roles from what an authorizer verified (`event.requestContext.authorizer` claims of a Cognito or JWT authorizer, or a token you verify), and compare the resource's owner with that identity, never with a value from the request.",
    example: {
      language: 'javascript',
      vulnerable: "const body = JSON.parse(event.body);\nif (body.isAdmin) return deleteUser(body.target);",
      fixed: "const groups = event.requestContext.authorizer.jwt.claims['cognito:groups'] ?? '';\nif (groups.includes('admin')) return deleteUser(body.target);",
    },
    references: ['https://owasp.org/www-project-serverless-top-10/', 'https://cwe.mitre.org/data/definitions/639.html'],
    judges: ['function code'],
  },
  (a) => a.clientAuthorization,
  (e, f, facts, model) => ({
    message: `${nameOf(f.fn)} decides on ${e.field}, which comes from ${e.source ? describeSource(e.source, model, facts.exposure.get(f.fn.id)) : 'the request'} (${e.what}) at ${e.loc.file}:${e.loc.line}: the caller chooses this value.`,
    key: `${e.loc.file}|${e.what}|${e.field ?? ''}`,
  }),
);
