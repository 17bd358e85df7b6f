/**
 * An API whose default endpoint is disabled (`DisableExecuteApiEndpoint`) is reached only through
 * its custom domains (`model/facts/api-custom-domains.ts`). When every one of them asks for a
 * client certificate (mutual TLS), only clients holding a certificate their trust stores admit
 * reach the API at all, whatever its routes' authorization: its open routes are called by those
 * clients, not by anyone on the internet.
 */
import type { Api, AppModel } from '../model/app-model.js';
import type { SourceLocation } from '../model/location.js';
import { apiCustomDomains, type ApiCustomDomain } from '../model/facts/api-custom-domains.js';
import { nameOf } from '../rules/subject.js';

export interface CertificateGate {
  domains: ApiCustomDomain[];
  /** The first domain's trust store */
  loc: SourceLocation;
}

export function certificateGate(api: Api | undefined, model: AppModel): CertificateGate | undefined {
  if (!api?.disableExecuteApiEndpoint) return undefined;
  const domains = apiCustomDomains(api, model);
  if (domains.length === 0 || !domains.every((d) => d.mutualTls)) return undefined;
  return { domains, loc: domains[0]!.loc };
}

/** `clients holding a certificate that the trust store of custom domain CustDomainName admits` */
export function certificateHolders(gate: CertificateGate): string {
  const names = [...new Set(gate.domains.map((d) => (d.resource ? nameOf(d.resource) : 'its domain')))];
  return `clients holding a certificate that the trust store of custom domain ${names.join(' or ')} admits`;
}
