import { nameOf, subjectOf } from '../subject.js';
import type { Rule } from '../rule.js';
import { confidenceSeverity, secretKeys, secretLabel, storeAdvice } from './secret-text.js';

export const secretInInlineCode: Rule = {
  meta: {
    id: 'secret-in-inline-code',
    title: 'Hard-coded secret in inline function code',
    category: 'SAS-7',
    cwe: ['CWE-798', 'CWE-312'],
    severity: 'high',
    description:
      "A function's inline code (`ZipFile` / `InlineCode`) holds a credential. It is stored in the template, in every stack's template history in CloudFormation and in the function's code, readable by anyone who can read the template or call `cloudformation:GetTemplate` / `lambda:GetFunction`.",
    remediation:
      'Rotate the credential, store it in AWS Secrets Manager or as an SSM SecureString, pass only its name or ARN to the function, grant the role read access to that one secret and read it at run time.',
    example: {
      language: 'yaml',
      vulnerable: "InlineCode: |\n  const token = 'ghp_…';",
      fixed: "InlineCode: |\n  const token = await getSecret(process.env.TOKEN_SECRET_ARN);",
    },
    references: ['https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-lambda-function-code.html'],
    judges: ['AWS::Lambda::Function', 'AWS::Serverless::Function'],
  },
  requires: ['secrets'],
  check({ secrets }) {
    const found = secrets?.inline ?? [];
    const keys = secretKeys(found);
    return found.map((s) => {
      const severity = confidenceSeverity(s.match);
      return {
        message: `Inline code of function ${nameOf(s.fn)} holds a secret: ${secretLabel(s.match)}. ${storeAdvice(s.match)}`,
        location: s.loc,
        related: [{ loc: s.fn.loc, message: `function ${nameOf(s.fn)}` }],
        subject: subjectOf(s.fn),
        key: [s.fn.logicalId, ...keys.get(s)!],
        ...(severity ? { severity } : {}),
      };
    });
  },
};
