/**
 * Every resource-based policy of buckets, queues, topics, event buses and streams, each once, with
 * the resources of the model it governs. A policy whose target is outside the template (a bucket
 * from a parameter, the default event bus) governs none of them: its policy resource then stands
 * for it, so that it is judged all the same.
 */
import type { AppModel, PolicyDocument, Resource } from '../model/app-model.js';

/** The kinds of resource a resource policy can govern. */
export type GovernedKind = 'bucket' | 'queue' | 'topic' | 'event-bus' | 'stream';

export interface ResourcePolicy {
  document: PolicyDocument;
  kind: GovernedKind;
  /** Governed resources of the model, in model order; empty when the target is not in the template */
  governed: Resource[];
  /** The resource that writes the document: a policy resource, or the governed resource itself */
  holder: Resource;
}

/** Policy resources and the kind they govern. */
const POLICY_TYPES: Readonly<Record<string, GovernedKind>> = {
  'AWS::S3::BucketPolicy': 'bucket',
  'AWS::SQS::QueuePolicy': 'queue',
  'AWS::SNS::TopicPolicy': 'topic',
  'AWS::Events::EventBusPolicy': 'event-bus',
  'AWS::Kinesis::ResourcePolicy': 'stream',
};

const GOVERNED_KINDS = new Set<Resource['kind']>(['bucket', 'queue', 'topic', 'event-bus', 'stream']);

const COMPUTED = new WeakMap<AppModel, ResourcePolicy[]>();

/** The model's resource policies, in model order of their holders; computed once per model. */
export function resourcePolicies(model: AppModel): ResourcePolicy[] {
  let result = COMPUTED.get(model);
  if (!result) COMPUTED.set(model, (result = collect(model)));
  return result;
}

function collect(model: AppModel): ResourcePolicy[] {
  const byDocument = new Map<PolicyDocument, ResourcePolicy>();
  for (const r of model.resources) {
    const kind = POLICY_TYPES[r.type];
    if (kind) for (const document of r.policies) if (!byDocument.has(document)) byDocument.set(document, { document, kind, governed: [], holder: r });
  }
  // A resource that writes its own policy (an event bus's `Policy`) holds what no policy resource does.
  for (const r of model.resources) {
    if (!GOVERNED_KINDS.has(r.kind)) continue;
    for (const document of r.policies) if (!byDocument.has(document)) byDocument.set(document, { document, kind: r.kind as GovernedKind, governed: [], holder: r });
  }
  for (const r of model.resources) {
    if (GOVERNED_KINDS.has(r.kind)) for (const document of r.policies) byDocument.get(document)?.governed.push(r);
  }
  return [...byDocument.values()];
}

/** The policies that govern one resource. */
export function policiesOf(model: AppModel, r: Resource): ResourcePolicy[] {
  return resourcePolicies(model).filter((p) => p.governed.includes(r));
}

/** The element a finding on the policy is about: the first governed resource, else the policy resource. */
export function subjectResource(p: ResourcePolicy): Resource {
  return p.governed[0] ?? p.holder;
}
