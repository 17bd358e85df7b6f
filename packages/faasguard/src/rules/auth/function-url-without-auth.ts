import { whoseRoleCan } from '../../analysis/reach-text.js';
import { urlsOfOutsideFunctions } from '../../model/facts/lambda-invoke-facts.js';
import { qualifierText, urlKey } from '../../model/facts/function-urls.js';
import { ModelIndex } from '../../model/model-index.js';
import { display } from '../../model/value.js';
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
      'The function has a Function URL with `AuthType: NONE`: it is an HTTPS endpoint that anyone on the internet can call, without API Gateway in front (no authorizer, no throttling, no WAF). Every call is billed to you.\n\n' +
      'A Function URL (`AWS::Lambda::Url`) for a function outside the template (its `TargetFunctionArn` is an ARN, a name or an import) is judged from the URL alone.',
    remediation:
      'Set `AuthType: AWS_IAM` and sign requests with SigV4 (for example from CloudFront with origin access control), or put the function behind API Gateway with an authorizer. If the function must be public, verify callers in the code (signed webhooks, tokens) and limit its concurrency.',
    example: {
      language: 'yaml',
      vulnerable: 'FunctionUrlConfig:\n  AuthType: NONE',
      fixed: 'FunctionUrlConfig:\n  AuthType: AWS_IAM',
    },
    references: ['https://docs.aws.amazon.com/lambda/latest/dg/urls-auth.html'],
    judges: ['AWS::Lambda::Url', 'AWS::Serverless::Function'],
    peerChecks: ['Checkov CKV_AWS_258'],
  },
  check({ model }) {
    const index = ModelIndex.of(model);
    const results: RuleResult[] = [];
    for (const fn of model.functions) {
      for (const url of fn.urls) {
        if (url.authType !== 'NONE') continue;
        const whose = whoseRoleCan(fn, index);
        results.push({
          message: `Function ${nameOf(fn)}${whose}${whose ? ',' : ''} has a Function URL${qualifierText(url)} with AuthType NONE: anyone on the internet can invoke it directly.`,
          location: url.loc,
          related: [{ loc: fn.loc, message: `function ${nameOf(fn)}` }],
          subject: subjectOf(fn),
          key: urlKey(fn, url),
        });
      }
    }
    for (const url of urlsOfOutsideFunctions(model)) {
      if (url.authType !== 'NONE') continue;
      results.push({
        message: `Function URL ${nameOf(url.resource)} of function ${display(url.target)} (outside the template) has AuthType NONE: anyone on the internet can invoke that function directly.`,
        location: url.loc,
        subject: subjectOf(url.resource),
        key: [url.resource.logicalId],
      });
    }
    return results;
  },
};
