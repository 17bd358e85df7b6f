import { runtimeStatus, SOON_DAYS } from '../../data/runtime-deprecations.js';
import type { LambdaFunction } from '../../model/app-model.js';
import { functionSettingLoc } from '../../model/facts/function-settings-facts.js';
import type { SourceLocation } from '../../model/location.js';
import { ModelIndex } from '../../model/model-index.js';
import type { Rule, RuleResult } from '../rule.js';
import { nameOf, subjectOf } from '../subject.js';
import { scanDate } from './scan-date.js';

export const runtimeDeprecated: Rule = {
  meta: {
    id: 'runtime-deprecated',
    title: 'Function runtime deprecated or deprecated soon',
    category: 'SAS-3',
    cwe: ['CWE-1104'],
    severity: 'high',
    judges: ['AWS::Serverless::Function', 'AWS::Lambda::Function'],
    peerChecks: ['Checkov CKV_AWS_363', 'cfn-lint E2531'],
    description:
      "The function runs on a Lambda runtime that AWS has deprecated, or will deprecate within " +
      `${SOON_DAYS} days of the scan. A deprecated runtime no longer receives security patches for its language and operating system: a vulnerability found in them stays exploitable by anyone who can send the function input, and Lambda later blocks updating the function, so even an urgent fix cannot be deployed without a runtime migration.\n\n` +
      'Severity: `high` once deprecated (unpatched code that can no longer be updated); `medium` while the deprecation is coming (nothing is exploitable yet, but the migration needs planning).\n\n' +
      'The scan date is today, or the ISO date in the `FAASGUARD_NOW` environment variable (for reproducible runs). Deprecation dates come from the AWS Lambda runtimes page and are kept in `src/data/runtime-deprecations.ts`.',
    remediation:
      'Move the function to the newest runtime of its language (for example `nodejs24.x`, `python3.14`, `java25`), run its tests on that runtime, and deploy. Upgrade dependencies that pin an older language version. Lambda never upgrades the runtime identifier of a function by itself.',
    example: { language: 'yaml', vulnerable: 'Runtime: nodejs18.x', fixed: 'Runtime: nodejs24.x' },
    references: ['https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html', 'https://docs.aws.amazon.com/lambda/latest/dg/runtime-support-policy.html'],
  },
  check({ model }) {
    const now = scanDate();
    const index = ModelIndex.of(model);
    const results: RuleResult[] = [];
    for (const fn of model.functions) {
      const result = checkFunction(fn, now, functionSettingLoc(index.resource(fn.id), 'runtime') ?? fn.loc);
      if (result) results.push(result);
    }
    return results;
  },
};

function checkFunction(fn: LambdaFunction, now: Date, runtimeLoc: SourceLocation): RuleResult | undefined {
  if (typeof fn.runtime !== 'string') return undefined;
  const status = runtimeStatus(fn.runtime, now);
  const base = { location: runtimeLoc, related: [{ loc: fn.loc, message: `function ${nameOf(fn)}` }], subject: subjectOf(fn), key: [fn.logicalId] };
  if (status.state === 'deprecated') {
    return { ...base, message: `Function ${nameOf(fn)} runs on ${fn.runtime}, deprecated since ${status.since}: its language and OS get no more security patches, and Lambda later blocks creating, then updating, functions on it (on dates AWS announces for each runtime). Upgrade to the current runtime of the language.` };
  }
  if (status.state === 'soon') {
    return { ...base, severity: 'medium', message: `Function ${nameOf(fn)} runs on ${fn.runtime}, which AWS deprecates on ${status.on} (in ${status.daysLeft} days): after that date it gets no security patches. Plan the move to the current runtime of the language.` };
  }
  return undefined;
}
