/**
 * Where a Lambda layer's code is, when it is in the scanned project: SAM's
 * `AWS::Serverless::LayerVersion` `ContentUri` and, before `aws cloudformation package`,
 * `AWS::Lambda::LayerVersion` `Content` written as a local path. Dependency and secret
 * checks read a layer's code like a function's, since it runs inside every function
 * that lists it.
 */
import path from 'node:path';
import type { AppModel, LambdaFunction, Resource } from '../app-model.js';
import type { SourceLocation } from '../location.js';
import { isRef, type Value } from '../value.js';

export const LAYER_TYPES: ReadonlySet<string> = new Set(['AWS::Serverless::LayerVersion', 'AWS::Lambda::LayerVersion']);

/** A layer whose code lies under the scan root. */
export interface LayerCodeFacts {
  resource: Resource;
  /** Code directory relative to the scan root, forward slashes (`.` for the root) */
  path: string;
  /** Where the path is written */
  loc: SourceLocation;
}

/** The layer's local code directory, or undefined when its code is in S3 or outside the scan root. */
export function layerCodeFacts(resource: Resource): LayerCodeFacts | undefined {
  if (!LAYER_TYPES.has(resource.type)) return undefined;
  const key = resource.type === 'AWS::Serverless::LayerVersion' ? 'ContentUri' : 'Content';
  const local = localPath(resource.loc.file, resource.properties[key]);
  return local === undefined ? undefined : { resource, path: local, loc: resource.locate(key) };
}

/** Computed once per model (per function, it was read for every resource of the app). */
const byModel = new WeakMap<AppModel, ReadonlyMap<string, LayerCodeFacts>>();

/** Every layer of the model with local code, by model id. */
export function layersWithCode(model: AppModel): ReadonlyMap<string, LayerCodeFacts> {
  const known = byModel.get(model);
  if (known) return known;
  const out = new Map<string, LayerCodeFacts>();
  for (const r of model.resources) {
    const facts = layerCodeFacts(r);
    if (facts) out.set(r.id, facts);
  }
  byModel.set(model, out);
  return out;
}

/** Model ids of the layers a function lists that the template defines (`!Ref MyLayer`). */
export function functionLayerIds(fn: LambdaFunction): string[] {
  return fn.layers.filter(isRef).map((ref) => ref.target);
}

/** Like the function loaders: a path relative to the template, made relative to the scan root. */
function localPath(templateFile: string, written: Value | undefined): string | undefined {
  if (typeof written !== 'string' || /^s3:\/\//i.test(written)) return undefined;
  const joined = path.posix.normalize(path.posix.join(path.posix.dirname(templateFile), written));
  if (joined.startsWith('../') || path.posix.isAbsolute(joined)) return undefined;
  return joined.replace(/\/$/, '') || '.';
}
