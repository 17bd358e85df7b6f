/**
 * Which metrics a CloudWatch alarm watches, and for which function.
 *
 * An alarm watches one metric (`Namespace`, `MetricName`, `Dimensions`) or several through metric
 * math (`Metrics[].MetricStat.Metric`); both forms are read.
 */
import type { LambdaFunction, Resource } from '../app-model.js';
import { asArray, isValueMap, referencedResource, type Value, type ValueMap } from '../value.js';

export const ALARM_TYPE = 'AWS::CloudWatch::Alarm';

/** One metric an alarm watches. */
export interface WatchedMetric {
  namespace?: Value;
  metricName?: Value;
  /** The `FunctionName` (or `Resource`) dimension; absent for an alarm over every function of the account */
  functionDimension?: Value;
}

/** Typed view of an `AWS::CloudWatch::Alarm`. */
export interface AlarmFacts {
  resource: Resource;
  metrics: WatchedMetric[];
  /** `AlarmActions` names something to tell (a topic, an automation): without it the alarm changes state and tells nobody */
  hasActions: boolean;
}

export function alarmFacts(resource: Resource): AlarmFacts | undefined {
  if (resource.type !== ALARM_TYPE) return undefined;
  const p = resource.properties;
  const metrics: WatchedMetric[] = [];
  if (p['MetricName'] !== undefined) metrics.push(watched(p));
  for (const m of asArray(p['Metrics'])) {
    const stat = isValueMap(m) ? m['MetricStat'] : undefined;
    const metric = isValueMap(stat) ? stat['Metric'] : undefined;
    if (isValueMap(metric)) metrics.push(watched(metric));
  }
  return { resource, metrics, hasActions: asArray(p['AlarmActions']).length > 0 };
}

function watched(m: ValueMap): WatchedMetric {
  const dim = asArray(m['Dimensions']).find((d) => isValueMap(d) && (d['Name'] === 'FunctionName' || d['Name'] === 'Resource'));
  const functionDimension = isValueMap(dim) ? dim['Value'] : undefined;
  return { namespace: m['Namespace'], metricName: m['MetricName'], ...(functionDimension !== undefined ? { functionDimension } : {}) };
}

/** Whether the metric is the Lambda metric `name` of `fn` (an alarm without a function dimension covers every function). */
export function watchesFunctionMetric(metric: WatchedMetric, fn: LambdaFunction, name: string): boolean {
  if (metric.namespace !== 'AWS/Lambda' || metric.metricName !== name) return false;
  const dim = metric.functionDimension;
  if (dim === undefined) return true;
  if (typeof dim === 'string') return typeof fn.name === 'string' && (dim === fn.name || dim.startsWith(`${fn.name}:`));
  return referencedResource(dim)?.target === fn.id;
}
