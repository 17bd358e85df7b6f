import { whoseRoleCan } from '../../analysis/reach-text.js';
import { ModelIndex } from '../../model/model-index.js';
import type { Rule, RuleResult } from '../rule.js';
import { nameOf, subjectOf } from '../subject.js';

export const functionUrlWithoutAuth: Rule = {
  meta: {
    id: 'function-url-without-auth',
    title: 'Function URL without authentication',
    category: 'SAS-2',
    cwe: ['CWE-306'],
    severity: 'high',
    description:
      'The function has a Function URL with `AuthType: NONE`: it is an HTTPS endpoint that anyone on the internet can call, without API Gateway in front (no authorizer, no throttling, no WAF). Every call is billed to you.',
    remediation:
      'Set `AuthType: AWS_IAM` and sign requests with SigV4 (for example from CloudFront with origin access control), or put the function behind API Gateway with an authorizer. If the function must be public, verify callers in the code (signed webhooks, tokens) and limit its concurrency.',
    example: {
      language: 'yaml',
      vulnerable: 'FunctionUrlConfig:\n  AuthType: NONE',
      fixed: 'FunctionUrlConfig:\n  AuthType: AWS_IAM',
    },
    references: ['https://docs.aws.amazon.com/lambda/latest/dg/urls-auth.html'],
  },
  check({ model }) {
    const index = ModelIndex.of(model);
    const results: RuleResult[] = [];
    for (const fn of model.functions) {
      if (fn.url?.authType !== 'NONE') continue;
      const whose = whoseRoleCan(fn, index);
      results.push({
        message: `Function ${nameOf(fn)}${whose}${whose ? ',' : ''} has a Function URL with AuthType NONE: anyone on the internet can invoke it directly.`,
        location: fn.url.loc,
        related: [{ loc: fn.loc, message: `function ${nameOf(fn)}` }],
        subject: subjectOf(fn),
        key: [fn.logicalId],
      });
    }
    return results;
  },
};
