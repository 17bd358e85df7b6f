import { computeExposure } from '../../analysis/exposure.js';
import { ModelIndex } from '../../model/model-index.js';
import type { Rule, RuleResult } from '../rule.js';
import { nameOf, subjectOf } from '../subject.js';

export const functionExposedThroughChain: Rule = {
  meta: {
    id: 'function-exposed-through-chain',
    title: 'Function reachable from the internet through another function',
    category: 'SAS-2',
    cwe: ['CWE-668'],
    severity: 'medium',
    description:
      "The function has no public entry point of its own, but a publicly reachable function can write into the bucket, queue, topic, table or stream that triggers it, or an API route anyone can call hands its requests to that source through an AWS service integration (`sqs:SendMessage`, `sns:Publish`, `kinesis:PutRecord` … written as the method's `Integration` or in the OpenAPI definition). Data an attacker sends to the route or the first function arrives in the second, which often trusts it as internal.",
    remediation: 'Treat the second function as public: validate every event it receives (a schema per source), and narrow what reaches the source: authorize the route, validate its request (a request validator and model), narrow what the first function may write (prefixes, message attributes) and its role.',
    judges: ['AWS::Serverless::Function', 'AWS::Lambda::Function', 'AWS::ApiGateway::Method', 'AWS::ApiGatewayV2::Route', 'AWS::ApiGatewayV2::Integration'],
  },
  check({ model }) {
    const index = ModelIndex.of(model);
    const results: RuleResult[] = [];
    for (const [fnId, exposure] of computeExposure(model)) {
      const fn = index.function(fnId);
      const chain = exposure.paths.find((p) => p.level === 'public' && p.via.includes('->'));
      if (!fn || !chain || exposure.paths.some((p) => p.level === 'public' && !p.via.includes('->'))) continue;
      const last = chain.steps[chain.steps.length - 1]!;
      results.push({
        message: `${nameOf(fn)} is reachable from the internet through ${index.route(chain.via.split('->')[0]) ? 'an API integration' : 'another function'}: ${chain.description}.`,
        location: last.loc,
        related: chain.steps.slice(0, -1).map((s) => ({ loc: s.loc, message: s.message })),
        subject: subjectOf(fn),
        key: [fn.logicalId, chain.via.split('->')[0]!.split('/').pop()!],
      });
    }
    return results;
  },
};
