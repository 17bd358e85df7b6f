import type { AppModel, LambdaFunction } from '../../model/app-model.js';
import { functionSettingLoc, type FunctionSetting } from '../../model/facts/function-settings-facts.js';
import { ModelIndex } from '../../model/model-index.js';
import { asNumber } from '../../model/value.js';
import { exposureSteps, exposureText, publicFunctions, type PublicFunction } from './public-functions.js';
import type { Rule, RuleResult } from '../rule.js';
import { nameOf, subjectOf } from '../subject.js';

/** Lambda's upper limits: 15 minutes, 10,240 MB. */
const MAX_TIMEOUT_SECONDS = 900;
const MAX_MEMORY_MB = 10240;

export const publicFunctionAtMaximumLimits: Rule = {
  meta: {
    id: 'public-function-at-maximum-limits',
    title: 'Public function with the maximum timeout or memory',
    category: 'SAS-8',
    cwe: ['CWE-400'],
    severity: 'medium',
    description:
      'Anyone on the internet can make the function run, and it is configured with the largest timeout Lambda allows (900 seconds) or the largest memory (10,240 MB). Lambda bills duration times memory: each request an attacker sends that makes the function hang (a slow upstream, a regular-expression or parser bomb, a huge payload) costs the most one invocation can cost, and holds a unit of concurrency for up to 15 minutes. A handful of requests per second then exhausts concurrency and runs up the bill.\n\n' +
      'Severity: `medium`: pure denial of wallet and of service, with no data exposed. Only functions the exposure analysis finds public are checked. A `GET` route whose every stage caches it for all callers (no path parameters, no cache keys) runs the function once per time to live whatever is sent, and does not count as a way in here. A Lambda@Edge association does not count either: CloudFront runs replicas of the function in the Regions near its viewers, whose concurrency, metrics and logs are those Regions\', not governed by the function\'s own settings in the Region it is made in.',
    remediation:
      'Set `Timeout` just above the slowest legitimate run (API Gateway stops waiting after 29 seconds anyway) and `MemorySize` to what profiling shows the function needs (AWS Lambda Power Tuning helps). Cap concurrency with `ReservedConcurrentExecutions`, and move long work to an asynchronous queue.',
    example: { language: 'yaml', vulnerable: 'Timeout: 900\nMemorySize: 10240', fixed: 'Timeout: 10\nMemorySize: 512' },
    references: ['https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html', 'https://docs.aws.amazon.com/lambda/latest/dg/configuration-timeout.html'],
    judges: ['AWS::Serverless::Function', 'AWS::Lambda::Function'],
  },
  check({ model }) {
    const results: RuleResult[] = [];
    for (const pf of publicFunctions(model)) {
      const limits = maxedLimits(pf.fn);
      if (limits.length > 0) results.push(result(model, pf, limits));
    }
    return results;
  },
};

/** A limit at its maximum: how the message says it, and the setting that sets it. */
interface MaxedLimit {
  text: string;
  setting: FunctionSetting;
}

function maxedLimits(fn: LambdaFunction): MaxedLimit[] {
  const out: MaxedLimit[] = [];
  if ((asNumber(fn.timeout) ?? 0) >= MAX_TIMEOUT_SECONDS) out.push({ text: `a ${MAX_TIMEOUT_SECONDS}-second timeout`, setting: 'timeout' });
  if ((asNumber(fn.memorySize) ?? 0) >= MAX_MEMORY_MB) out.push({ text: `${MAX_MEMORY_MB} MB of memory`, setting: 'memory' });
  return out;
}

function result(model: AppModel, pf: PublicFunction, limits: MaxedLimit[]): RuleResult {
  const resource = ModelIndex.of(model).resource(pf.fn.id);
  return {
    message: `Function ${nameOf(pf.fn)} is public (${exposureText(pf)}) and runs with ${limits.map((l) => l.text).join(' and ')}, the maximum: every request an attacker makes it stall on is billed at the highest price and holds concurrency for that long. Lower Timeout and MemorySize to what it needs.`,
    location: functionSettingLoc(resource, limits[0]!.setting) ?? pf.fn.loc,
    related: [{ loc: pf.fn.loc, message: `function ${nameOf(pf.fn)}` }, ...exposureSteps(pf)],
    subject: subjectOf(pf.fn),
    key: [pf.fn.logicalId],
  };
}
