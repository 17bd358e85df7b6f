/**
 * Which resource a WAF web ACL protects: `AWS::WAFv2::WebACLAssociation` links a web ACL to an API
 * Gateway stage (`arn:…:apigateway:<region>::/restapis/<api id>/stages/<stage>`), a load balancer …
 */
import type { Resource } from '../app-model.js';
import { isComposite, isRef, ResourceRef, type Value } from '../value.js';

export const WEB_ACL_ASSOCIATION_TYPE = 'AWS::WAFv2::WebACLAssociation';

/** Typed view of an `AWS::WAFv2::WebACLAssociation`. */
export interface WebAclAssociationFacts {
  resource: Resource;
  webAcl?: Value;
  /** The protected resource's ARN as written */
  resourceArn?: Value;
  /** Template resources the ARN is built from (the REST API, its stage …) */
  referenced: ResourceRef[];
}

export function webAclAssociationFacts(resource: Resource): WebAclAssociationFacts | undefined {
  if (resource.type !== WEB_ACL_ASSOCIATION_TYPE) return undefined;
  const arn = resource.properties['ResourceArn'];
  return { resource, webAcl: resource.properties['WebACLArn'], resourceArn: arn, referenced: refsIn(arn) };
}

function refsIn(v: Value | undefined): ResourceRef[] {
  if (isRef(v)) return [v];
  if (isComposite(v)) return v.parts.filter((p): p is ResourceRef => p instanceof ResourceRef);
  return [];
}
