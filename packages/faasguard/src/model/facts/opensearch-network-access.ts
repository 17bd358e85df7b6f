/**
 * Which OpenSearch Serverless collections a network policy opens to the internet. A network policy
 * (`AWS::OpenSearchServerless::SecurityPolicy` of `Type: network`; Terraform
 * `aws_opensearchserverless_security_policy`) is a JSON list of entries, each with `Rules` naming
 * endpoints (`ResourceType: collection` for the OpenSearch API, `dashboard` for OpenSearch
 * Dashboards) of collections by name pattern (`collection/orders`, `collection/logs-*`), and
 * `AllowFromPublic: true`, or the VPC endpoints (`SourceVPCEs`) and services (`SourceServices`)
 * those endpoints accept requests from.
 *
 * CloudFormation takes the policy as JSON text (`!Sub '[{"Rules": …}]'`); Terraform's `jsonencode`
 * hands over the structure itself. Both are read here.
 */
import type { AppModel, Resource } from '../app-model.js';
import type { SourceLocation } from '../location.js';
import { parseJsonText } from '../json-text.js';
import { ModelIndex } from '../model-index.js';
import { asArray, asBoolean, asString, Composite, isValueMap, Unknown, type Value } from '../value.js';
import { wildcardRegExp } from '../../util/wildcard-regexp.js';

export const OPENSEARCH_SECURITY_POLICY_TYPE = 'AWS::OpenSearchServerless::SecurityPolicy';
export const OPENSEARCH_COLLECTION_TYPE = 'AWS::OpenSearchServerless::Collection';

export type OpenSearchEndpoint = 'collection' | 'dashboard';

export interface PublicOpenSearchAccess {
  policy: Resource;
  /** Where the policy document is written */
  loc: SourceLocation;
  /** The endpoints opened to the internet, in the order the policy names them */
  endpoints: OpenSearchEndpoint[];
  /** The collection name patterns of those rules, for messages (`orders`, `logs-*`, `<CollectionName>`) */
  patterns: string[];
  /** Collections of the same stack whose name a pattern matches */
  collections: Resource[];
}

/** The public access a network policy grants; undefined for an encryption policy or a private network policy. */
export function publicOpenSearchAccess(model: AppModel, policy: Resource): PublicOpenSearchAccess | undefined {
  if (policy.type !== OPENSEARCH_SECURITY_POLICY_TYPE || asString(policy.properties['Type']) !== 'network') return undefined;
  const endpoints = new Set<OpenSearchEndpoint>();
  const patterns = new Map<string, string>();
  for (const entry of entriesOf(policy.properties['Policy'])) {
    if (!isValueMap(entry) || asBoolean(entry['AllowFromPublic']) !== true) continue;
    for (const rule of asArray(entry['Rules'])) {
      if (!isValueMap(rule)) continue;
      const endpoint = endpointOf(rule['ResourceType']);
      if (!endpoint) continue;
      endpoints.add(endpoint);
      for (const resource of asArray(rule['Resource'])) {
        const pattern = collectionPattern(resource);
        if (pattern !== undefined) patterns.set(pattern.text, pattern.display);
      }
    }
  }
  if (endpoints.size === 0) return undefined;
  return { policy, loc: policy.locate('Policy'), endpoints: [...endpoints], patterns: [...patterns.values()], collections: matchingCollections(model, policy, [...patterns.keys()]) };
}

/** The policy's entries: a list, or one entry written alone. */
function entriesOf(v: Value | undefined): Value[] {
  const doc = typeof v === 'string' || v instanceof Composite ? parseJsonText(v) : v;
  if (doc === undefined) return [];
  return Array.isArray(doc) ? doc : [doc];
}

function endpointOf(v: Value | undefined): OpenSearchEndpoint | undefined {
  const type = asString(v)?.toLowerCase();
  return type === 'collection' || type === 'dashboard' ? type : undefined;
}

/**
 * `collection/orders` → `orders`. A pattern with a deploy-time part (a parameter without a default)
 * is matched by that part's text, which a collection named by the same parameter shares, and shown
 * by its label (`<CollectionName>`).
 */
function collectionPattern(v: Value): { text: string; display: string } | undefined {
  const text = typeof v === 'string' ? v : v instanceof Composite ? String(v) : undefined;
  if (text === undefined || !text.toLowerCase().startsWith('collection/')) return undefined;
  const display = v instanceof Composite ? v.parts.map((p) => (p instanceof Unknown ? (p.label ?? '<unknown>') : String(p))).join('') : text;
  return { text: text.slice('collection/'.length), display: display.slice('collection/'.length) };
}

function matchingCollections(model: AppModel, policy: Resource, patterns: readonly string[]): Resource[] {
  const matchers = patterns.map((p) => wildcardRegExp(p));
  return ModelIndex.of(model)
    .resourcesOfType(OPENSEARCH_COLLECTION_TYPE)
    .filter((c) => c.stack === policy.stack)
    .filter((c) => {
      const name = nameText(c.properties['Name']);
      return name !== undefined && matchers.some((m) => m.test(name));
    });
}

/** A name as text: a deploy-time part reads as it does in a pattern, so that the same parameter matches. */
function nameText(v: Value | undefined): string | undefined {
  return v === undefined ? undefined : String(v);
}
