/**
 * What a load balancer's forwarding actions reach, named for a finding: the functions of `lambda`
 * target groups and of `alb` events, and the other target groups.
 */
import type { LambdaFunction } from '../../model/app-model.js';
import type { ModelIndex } from '../../model/model-index.js';
import { groupFunction, type ForwardingAction } from '../../model/facts/load-balancer-listeners.js';
import { nameOf } from '../subject.js';

export interface ForwardTargets {
  functions: LambdaFunction[];
  /** "function Orders and target group Web", or "its targets" when the model names none */
  text: string;
}

export function forwardTargets(forwards: readonly ForwardingAction[], index: ModelIndex): ForwardTargets {
  const groups = [...new Set(forwards.flatMap((f) => f.targetGroups))];
  const functions = [...new Set([...groups.flatMap((g) => groupFunction(g, index) ?? []), ...forwards.flatMap((f) => f.fn ?? [])])];
  const others = groups.filter((g) => !groupFunction(g, index));
  const named = [
    ...(functions.length > 0 ? [`function${functions.length === 1 ? '' : 's'} ${functions.map(nameOf).join(', ')}`] : []),
    ...(others.length > 0 ? [`target group${others.length === 1 ? '' : 's'} ${others.map(nameOf).join(', ')}`] : []),
  ];
  return { functions, text: named.length > 0 ? named.join(' and ') : 'its targets' };
}
