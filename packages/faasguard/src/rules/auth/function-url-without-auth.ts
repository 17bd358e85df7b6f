import { whoseRoleCan } from '../../analysis/reach-text.js';
import { urlsOfOutsideFunctions } from '../../model/facts/lambda-invoke-facts.js';
import { qualifierText, urlKey } from '../../model/facts/function-urls.js';
import { urlReach } from '../../model/facts/function-url-grants.js';
import { ModelIndex } from '../../model/model-index.js';
import { display } from '../../model/value.js';
import type { Rule, RuleResult } from '../rule.js';
import { nameOf, subjectOf } from '../subject.js';

/** A NONE URL whose templates grant everyone `lambda:InvokeFunctionUrl` at most: it answers 403 until the second grant is added, wherever that is done. */
const ONE_GRANT_AWAY = 'no permission of the templates grants everyone lambda:InvokeFunction, which AWS has required of a public Function URL since October 2025, so it answers 403 unless that grant is made outside them; the one grant that makes it work opens the function to anyone on the internet.';

export const functionUrlWithoutAuth: Rule = {
  meta: {
    id: 'function-url-without-auth',
    title: 'Function URL without authentication',
    category: 'SAS-2',
    cwe: ['CWE-306'],
    severity: 'high',
    description:
      'The function has a Function URL with `AuthType: NONE`: it is an HTTPS endpoint that anyone on the internet can call, without API Gateway in front (no authorizer, no throttling, no WAF). Every call is billed to you.\n\n' +
      'Since October 2025 Lambda lets a caller through a `NONE` URL only when the function\'s resource policy grants everyone both `lambda:InvokeFunctionUrl` and `lambda:InvokeFunction` (accounts given a temporary exception had until 1 November 2026). SAM\'s `FunctionUrlConfig` writes both grants; a template that writes the URL itself (`AWS::Lambda::Url`, Terraform\'s `aws_lambda_function_url`, a CDK app) must write the second too: where none of the templates grants everyone `lambda:InvokeFunction`, the URL answers 403 unless the grant is made outside them, and the finding says so at `low` severity (the one grant that makes it work opens the function to anyone). A Serverless Framework URL is taken as public: which grants the framework writes depends on its version.\n\n' +
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
        const reach = urlReach(fn, url, model);
        if (reach === 'signed') continue;
        const whose = whoseRoleCan(fn, index);
        results.push({
          message: `Function ${nameOf(fn)}${whose}${whose ? ',' : ''} has a Function URL${qualifierText(url)} with AuthType NONE: ${reach === 'open' ? 'anyone on the internet can invoke it directly.' : ONE_GRANT_AWAY}`,
          location: url.loc,
          related: [{ loc: fn.loc, message: `function ${nameOf(fn)}` }],
          subject: subjectOf(fn),
          key: urlKey(fn, url),
          ...(reach === 'one-grant-away' ? { severity: 'low' as const } : {}),
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
