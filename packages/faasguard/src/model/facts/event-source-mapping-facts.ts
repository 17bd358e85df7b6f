/**
 * How a poll-based event source (a Kinesis or DynamoDB stream read by an event source mapping)
 * treats a batch the function keeps failing on.
 *
 * For streams Lambda retries a failing batch until the record expires unless told otherwise
 * (`MaximumRetryAttempts` and `MaximumRecordAgeInSeconds` default to -1, infinite), and the shard
 * waits meanwhile. The same properties appear on `AWS::Lambda::EventSourceMapping` and on SAM
 * `Kinesis`/`DynamoDB` events.
 */
import type { AppModel, Trigger } from '../app-model.js';
import { asNumber, isValueMap, type Value, type ValueMap } from '../value.js';
import { ModelIndex } from '../model-index.js';

/** Typed view of an event source mapping's failure handling. */
export interface EventSourceMappingFacts {
  /** MaximumRetryAttempts as written; absent or -1 means until the record expires */
  maxRetryAttempts?: Value;
  /** MaximumRecordAgeInSeconds as written; absent or -1 means until the record expires */
  maxRecordAgeSeconds?: Value;
  /** DestinationConfig.OnFailure.Destination */
  onFailure?: Value;
  bisectOnError: boolean;
}

/** The mapping's properties: its own resource for `AWS::Lambda::EventSourceMapping`, the event's for SAM. */
export function mappingProperties(model: AppModel, trigger: Trigger): ValueMap {
  const found = ModelIndex.of(model).resource(trigger.id);
  const resource = found?.type === 'AWS::Lambda::EventSourceMapping' ? found : undefined;
  return resource ? resource.properties : trigger.details;
}

export function eventSourceMappingFacts(p: ValueMap): EventSourceMappingFacts {
  const dest = p['DestinationConfig'];
  const onFailure = isValueMap(dest) && isValueMap(dest['OnFailure']) ? dest['OnFailure']['Destination'] : undefined;
  const maxRetryAttempts = p['MaximumRetryAttempts'];
  const maxRecordAgeSeconds = p['MaximumRecordAgeInSeconds'];
  return {
    ...(maxRetryAttempts !== undefined ? { maxRetryAttempts } : {}),
    ...(maxRecordAgeSeconds !== undefined ? { maxRecordAgeSeconds } : {}),
    ...(onFailure !== undefined ? { onFailure } : {}),
    bisectOnError: p['BisectBatchOnFunctionError'] === true || p['BisectBatchOnFunctionError'] === 'true',
  };
}

/** Whether a failing batch is retried until its records expire. */
export function retriesWithoutBound(f: EventSourceMappingFacts): boolean {
  // A value known only at deploy time (a parameter) is given the benefit of the doubt.
  const unbounded = (v: Value | undefined): boolean => v === undefined || asNumber(v) === -1;
  return unbounded(f.maxRetryAttempts) && unbounded(f.maxRecordAgeSeconds);
}
