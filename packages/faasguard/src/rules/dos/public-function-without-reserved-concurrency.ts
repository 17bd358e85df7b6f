import { exposureSteps, exposureText, publicFunctions } from './public-functions.js';
import type { Rule, RuleResult } from '../rule.js';
import { nameOf, subjectOf } from '../subject.js';

export const publicFunctionWithoutReservedConcurrency: Rule = {
  meta: {
    id: 'public-function-without-reserved-concurrency',
    title: 'Public function without reserved concurrency',
    category: 'SAS-8',
    cwe: ['CWE-770'],
    severity: 'medium',
    description:
      "Anyone on the internet can make the function run, and it has no `ReservedConcurrentExecutions`. Its concurrency is then limited only by the account's regional pool (1,000 by default), shared with every other function: a flood of requests scales it up to the whole pool, which throttles every other function of the account (denial of service beyond this application), and every invocation is billed (denial of wallet).\n\n" +
      'Severity: `medium`: no data is exposed, but one unauthenticated caller can take down unrelated workloads and run up the bill. Only functions the exposure analysis finds public are checked. Checkov (CKV_AWS_115) and cfn-nag (W92) ask for reserved concurrency on every function; faasguard does not, on purpose: a function that only the application\'s own services invoke (a queue, a stream, a schedule) is driven at the pace its event source sets (batch sizes, the maximum concurrency of its event-source mapping), and reserving concurrency for it takes capacity out of the shared pool for nothing. The cap matters where strangers set the pace.',
    remediation:
      'Set `ReservedConcurrentExecutions` to the highest concurrency the function legitimately needs: it caps the function and guarantees it that share. Put throttling in front of it too (API Gateway stage or usage-plan limits, WAF rate-based rules).',
    example: { language: 'yaml', vulnerable: 'Webhook:\n  Type: AWS::Serverless::Function', fixed: 'Webhook:\n  Type: AWS::Serverless::Function\n  Properties:\n    ReservedConcurrentExecutions: 20' },
    references: ['https://docs.aws.amazon.com/lambda/latest/dg/configuration-concurrency.html'],
    judges: ['AWS::Serverless::Function', 'AWS::Lambda::Function'],
    peerChecks: ['Checkov CKV_AWS_115', 'cfn-nag W92'],
  },
  check({ model }) {
    const results: RuleResult[] = [];
    for (const pf of publicFunctions(model)) {
      if (pf.fn.reservedConcurrency !== undefined && pf.fn.reservedConcurrency !== null) continue;
      results.push({
        message: `Function ${nameOf(pf.fn)} is public (${exposureText(pf)}) and has no reserved concurrency: a request flood scales it to the account's whole concurrency pool, throttling every other function and billing every call. Set ReservedConcurrentExecutions.`,
        location: pf.fn.loc,
        related: exposureSteps(pf),
        subject: subjectOf(pf.fn),
        key: [pf.fn.logicalId],
      });
    }
    return results;
  },
};
