import type { LambdaFunction } from '../../model/app-model.js';
import { alarmFacts, watchesFunctionMetric, type AlarmFacts, type WatchedMetric } from '../../model/facts/alarm-facts.js';
import { ModelIndex } from '../../model/model-index.js';
import { referencedResource } from '../../model/value.js';
import { pushTo } from '../../util/multimap.js';
import { exposureSteps, exposureText, publicFunctions, unscopedPermissionText } from '../dos/public-functions.js';
import type { Rule, RuleResult } from '../rule.js';
import { nameOf, subjectOf } from '../subject.js';

/** Lambda metrics that show an attack on a public function: failures it provokes, floods it causes. */
const ATTACK_METRICS = ['Errors', 'Throttles'];

export const publicFunctionWithoutAlarm: Rule = {
  meta: {
    id: 'public-function-without-alarm',
    title: 'Public function without an alarm on errors or throttles',
    category: 'SAS-5',
    cwe: ['CWE-778'],
    severity: 'low',
    description:
      'Anyone on the internet can make the function run, and no CloudWatch alarm watches its `Errors` or `Throttles` metric. Fuzzing and injection attempts show up as a burst of errors, a flood as throttles; without an alarm nobody is told, and an attack can go on for days before the bill or a user complaint reveals it.\n\n' +
      'Severity: `low`: it delays the response to an attack rather than enabling one. Only functions the exposure analysis finds public are checked; an alarm over every function of the account (no `FunctionName` dimension) counts for the functions of its own application. A `GET` route whose every stage caches it for all callers (no path parameters, no cache keys) runs the function once per time to live whatever is sent, and does not count as a way in here. A Lambda@Edge association does not count either: CloudFront runs replicas of the function in the Regions near its viewers, whose concurrency, metrics and logs are those Regions\', not governed by the function\'s own settings in the Region it is made in.',
    remediation:
      'Add an `AWS::CloudWatch::Alarm` on `AWS/Lambda` `Errors` (and one on `Throttles`) with the dimension `FunctionName: !Ref MyFunction`, a threshold above normal traffic, and an SNS topic in `AlarmActions` that reaches the on-call team.',
    example: {
      language: 'yaml',
      vulnerable: 'Webhook:\n  Type: AWS::Serverless::Function',
      fixed: 'WebhookErrors:\n  Type: AWS::CloudWatch::Alarm\n  Properties:\n    Namespace: AWS/Lambda\n    MetricName: Errors\n    Dimensions:\n      - Name: FunctionName\n        Value: !Ref Webhook\n    Statistic: Sum\n    Period: 300\n    EvaluationPeriods: 1\n    Threshold: 10\n    ComparisonOperator: GreaterThanThreshold\n    AlarmActions: [!Ref OnCallTopic]',
    },
    references: ['https://docs.aws.amazon.com/lambda/latest/dg/monitoring-metrics-types.html', 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-cloudwatch-alarm.html'],
    judges: ['AWS::Serverless::Function', 'AWS::Lambda::Function', 'AWS::CloudWatch::Alarm'],
  },
  check({ model }) {
    const index = ModelIndex.of(model);
    // Indexed once by the function each metric names: the rule asks about them for each public function.
    const metrics = indexMetrics(model.resources.flatMap((r) => alarmFacts(r) ?? []), index);
    const results: RuleResult[] = [];
    for (const pf of publicFunctions(model)) {
      const candidates = metricsOf(metrics, pf.fn);
      if (isWatched(candidates, pf.fn, index.appOf(pf.fn))) continue;
      results.push({
        message: `Function ${nameOf(pf.fn)} is public (${exposureText(pf)}) and no alarm watches its Errors or Throttles: an attacker probing or flooding it goes unnoticed.${otherAlarmsText(candidates, pf.fn)} Add CloudWatch alarms with an action that reaches your team.${unscopedPermissionText(pf, model)}`,
        location: pf.fn.loc,
        related: exposureSteps(pf),
        subject: subjectOf(pf.fn),
        key: [pf.fn.logicalId],
      });
    }
    return results;
  },
};

/** A metric an alarm watches, with the alarm, the alarm's app and its place among all the metrics read. */
interface AlarmMetric {
  metric: WatchedMetric;
  alarm: AlarmFacts;
  app: string;
  order: number;
}

/** The metrics by the function their `FunctionName` dimension names (its id, or its name), and those over every function. */
interface MetricIndex {
  named: Map<string, AlarmMetric[]>;
  everyFunction: AlarmMetric[];
}

function indexMetrics(alarms: readonly AlarmFacts[], index: ModelIndex): MetricIndex {
  const out: MetricIndex = { named: new Map(), everyFunction: [] };
  let order = 0;
  for (const alarm of alarms) {
    for (const metric of alarm.metrics) {
      const entry = { metric, alarm, app: index.appOf(alarm.resource), order: order++ };
      const dim = metric.functionDimension;
      if (dim === undefined) out.everyFunction.push(entry);
      const key = typeof dim === 'string' ? `name:${dim.split(':')[0]}` : dim === undefined ? undefined : `id:${referencedResource(dim)?.target}`;
      if (key !== undefined) pushTo(out.named, key, entry);
    }
  }
  return out;
}

/** The metrics that may watch the function: those naming it (a name qualified by an alias too) and those over every function, in the order read. */
function metricsOf(metrics: MetricIndex, fn: LambdaFunction): AlarmMetric[] {
  const byName = typeof fn.name === 'string' ? metrics.named.get(`name:${fn.name}`) ?? [] : [];
  return [...(metrics.named.get(`id:${fn.id}`) ?? []), ...byName, ...metrics.everyFunction].sort((a, b) => a.order - b.order);
}

/**
 * The alarms that watch other metrics of the function (`Invocations`, `Duration`): named, so that a
 * reader does not take them for the watch the finding asks for, with a word where they have no
 * action and so tell nobody.
 */
function otherAlarmsText(candidates: readonly AlarmMetric[], fn: LambdaFunction): string {
  const byAlarm = new Map<AlarmFacts, string[]>();
  for (const { metric, alarm } of candidates) {
    const name = String(metric.metricName);
    if (ATTACK_METRICS.includes(name) || metric.functionDimension === undefined || !watchesFunctionMetric(metric, fn, name)) continue;
    pushTo(byAlarm, alarm, name);
  }
  return [...byAlarm].map(([alarm, names]) => ` Alarm ${nameOf(alarm.resource)} watches its ${[...new Set(names)].join(' and ')} only${alarm.hasActions ? '' : ', and has no AlarmActions: it tells nobody'}.`).join('');
}

/** An alarm over every function counts for the functions of its own app only (see `Stack.app`); one naming the function counts anywhere. */
function isWatched(candidates: readonly AlarmMetric[], fn: LambdaFunction, app: string): boolean {
  return candidates.some(({ metric, app: alarmApp }) => (metric.functionDimension !== undefined || alarmApp === app) && ATTACK_METRICS.some((name) => watchesFunctionMetric(metric, fn, name)));
}
