/**
 * Which functions store data in a bucket: their role names the bucket in a statement that allows
 * `s3:PutObject`. A grant on every bucket (`*`) is left out: it says what a function may do, not
 * where it writes.
 */
import type { AppModel, LambdaFunction } from '../model/app-model.js';
import type { SourceLocation } from '../model/location.js';
import { ModelIndex } from '../model/model-index.js';
import { computeExposure } from './exposure.js';
import type { ExposureLevel } from './exposure-types.js';
import { functionWrites } from './function-writes.js';

export interface BucketWriter {
  fn: LambdaFunction;
  /** The statement that lets it write */
  grantLoc: SourceLocation;
  /** Who can make the function run (see `exposure-types.ts`) */
  exposure: ExposureLevel;
}

const COMPUTED = new WeakMap<AppModel, Map<string, BucketWriter[]>>();

/** Writers of each bucket, by the bucket's model id; computed once per model. */
export function bucketWriters(model: AppModel): Map<string, BucketWriter[]> {
  let result = COMPUTED.get(model);
  if (!result) COMPUTED.set(model, (result = collect(model)));
  return result;
}

function collect(model: AppModel): Map<string, BucketWriter[]> {
  const index = ModelIndex.of(model);
  const exposure = computeExposure(model);
  const out = new Map<string, BucketWriter[]>();
  for (const fn of model.functions) {
    for (const grant of functionWrites(fn, index)) {
      for (const id of grant.targets.get('bucket')?.ids ?? []) {
        const list = out.get(id) ?? [];
        if (list.some((w) => w.fn === fn)) continue;
        list.push({ fn, grantLoc: grant.loc, exposure: exposure.get(fn.id)?.level ?? 'internal' });
        out.set(id, list);
      }
    }
  }
  return out;
}

/** Writers whose callers are people (anyone, or any signed-in user): what they store is user data. */
export function userFacingWriters(writers: readonly BucketWriter[]): BucketWriter[] {
  return writers.filter((w) => w.exposure === 'public' || w.exposure === 'authenticated');
}
