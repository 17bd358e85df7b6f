/**
 * A function or layer whose archive the same module uploads: `s3_key = aws_s3_object.code.key`,
 * where the object's `source` is a local file (an `archive_file`'s output). The code the function
 * runs is then that archive's folder, as if `filename` named it, so that code analysis, least
 * privilege and dependencies see it.
 */
import type { TNode } from '../../parse/tree.js';
import { evaluate, type TfScope } from './evaluate.js';
import { attributesOf, bodyOf, type HclNode } from './parse-terraform.js';

/** The resource types that upload an object, in both provider versions. */
export const OBJECT_TYPES: ReadonlySet<string> = new Set(['aws_s3_object', 'aws_s3_bucket_object']);

/** `aws_s3_object.code.key`, `aws_s3_object.code[0].key`: the object a key names. */
const OBJECT_KEY = /^(aws_s3_object|aws_s3_bucket_object)\.([\w-]+)(?:\[[^\]]*\])?\.key$/;

/**
 * The local source of the object the block's `s3_key` names, evaluated; undefined when the block
 * sets `filename`, or its key is not an object of the module. `objects` holds the module's object
 * blocks by address (`aws_s3_object.code`).
 */
export function uploadedCode(block: HclNode, objects: ReadonlyMap<string, HclNode>, scope: TfScope): TNode | undefined {
  const attrs = attributesOf(bodyOf(block));
  if (attrs.some((a) => a.name === 'filename')) return undefined;
  const key = attrs.find((a) => a.name === 's3_key');
  const m = key ? OBJECT_KEY.exec(key.value.text.trim()) : null;
  const object = m ? objects.get(`${m[1]}.${m[2]}`) : undefined;
  const source = object ? attributesOf(bodyOf(object)).find((a) => a.name === 'source') : undefined;
  return source ? { ...evaluate(source.value, scope), loc: scope.locOf(key!.value) } : undefined;
}
