/**
 * The generic view of every resource, with the typed security facts of buckets, queues and topics.
 */
import type { EncryptionConfig, PublicAccessBlock, Resource } from '../../model/app-model.js';
import { asBoolean, asArray, isValueMap, type ValueMap } from '../../model/value.js';
import type { SourceLocation } from '../../model/location.js';
import type { TNode } from '../../parse/tree.js';
import { get } from '../../parse/tree.js';
import { acceptedFindings } from './accepted-findings.js';
import { identityPolicies } from './iam.js';
import { elementBase, prop, withOptionalBase, type LoadContext } from './load-context.js';
import { checkPropertyKinds } from './property-kinds.js';
import { resourceKind } from './resource-kind.js';
import type { TemplateResource } from './template.js';

export function loadResource(ctx: LoadContext, r: TemplateResource): Resource {
  const p = prop(ctx, r);
  const base = elementBase(ctx, r);
  const resource: Resource = {
    id: base.id,
    logicalId: base.logicalId,
    stack: base.stack,
    loc: base.loc,
    type: r.type,
    kind: resourceKind(r.type),
    properties: isValueMap(p.value) ? p.value : {},
    policies: [],
    locate: (...path) => locateProperty(r, path),
  };
  withOptionalBase(resource, base);
  addExtent(r, resource);
  checkPropertyKinds(resource, ctx.template.diagnostics);
  const accepted = acceptedFindings(r, ctx.template.diagnostics);
  if (accepted) resource.accepted = accepted;
  const identity = identityPolicies(ctx, r);
  if (identity) resource.identityPolicies = identity;
  if (r.type === 'AWS::S3::Bucket') addBucketFacts(ctx, r, resource);
  if (r.type === 'AWS::SQS::Queue') addQueueEncryption(ctx, r, resource);
  if (r.type === 'AWS::SNS::Topic') addKmsEncryption(ctx, r, resource, 'KmsMasterKeyId');
  if (r.type === 'AWS::Kinesis::Stream') addKmsEncryption(ctx, r, resource, 'StreamEncryption', 'KeyId');
  return resource;
}

/** Only a definition written in the file of the resource's key tells where the resource ends. */
function addExtent(r: TemplateResource, resource: Resource): void {
  if (r.node.endLine !== undefined && r.node.loc.file === r.loc.file && r.node.endLine >= r.loc.line) resource.endLine = r.node.endLine;
}

function locateProperty(r: TemplateResource, path: string[]): SourceLocation {
  let node: TNode | undefined = get(r.node, 'Properties');
  let loc = node?.loc ?? r.loc;
  for (const key of path) {
    node = /^\d+$/.test(key) && node?.kind === 'seq' ? node.items[Number(key)] : get(node, key);
    if (!node) break;
    loc = node.loc;
  }
  return loc;
}

function addBucketFacts(ctx: LoadContext, r: TemplateResource, resource: Resource): void {
  const acl = prop(ctx, r, 'AccessControl').value;
  if (acl !== undefined) resource.acl = acl;
  const pab = prop(ctx, r, 'PublicAccessBlockConfiguration');
  if (isValueMap(pab.value)) resource.publicAccessBlock = publicAccessBlock(pab.value, pab.loc);
  const enc = prop(ctx, r, 'BucketEncryption');
  const rules = isValueMap(enc.value) ? asArray(enc.value['ServerSideEncryptionConfiguration']) : [];
  const byDefault = rules.map((x) => (isValueMap(x) ? x['ServerSideEncryptionByDefault'] : undefined)).find(isValueMap);
  // Since January 2023 S3 encrypts every new object with S3-managed keys: encryption is on, without a customer key.
  resource.encryption = { enabled: true, loc: enc.loc, ...(byDefault?.['KMSMasterKeyID'] !== undefined ? { kmsKey: byDefault['KMSMasterKeyID'] } : {}) };
}

function publicAccessBlock(v: ValueMap, loc: PublicAccessBlock['loc']): PublicAccessBlock {
  return {
    blockPublicAcls: asBoolean(v['BlockPublicAcls']) === true,
    ignorePublicAcls: asBoolean(v['IgnorePublicAcls']) === true,
    blockPublicPolicy: asBoolean(v['BlockPublicPolicy']) === true,
    restrictPublicBuckets: asBoolean(v['RestrictPublicBuckets']) === true,
    loc,
  };
}

function addQueueEncryption(ctx: LoadContext, r: TemplateResource, resource: Resource): void {
  const kms = prop(ctx, r, 'KmsMasterKeyId');
  const sse = asBoolean(prop(ctx, r, 'SqsManagedSseEnabled').value);
  const enc: EncryptionConfig = { enabled: kms.value !== undefined || sse !== false, loc: kms.node ? kms.loc : r.loc };
  if (kms.value !== undefined) enc.kmsKey = kms.value;
  resource.encryption = enc;
}

function addKmsEncryption(ctx: LoadContext, r: TemplateResource, resource: Resource, ...path: string[]): void {
  const kms = prop(ctx, r, ...path);
  resource.encryption = { enabled: kms.value !== undefined, loc: kms.node ? kms.loc : r.loc, ...(kms.value !== undefined ? { kmsKey: kms.value } : {}) };
}
