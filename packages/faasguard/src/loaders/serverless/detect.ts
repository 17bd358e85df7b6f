import type { Diagnostic } from '../../model/diagnostic.js';
import type { TNode } from '../../parse/tree.js';
import { get, scalarString } from '../../parse/tree.js';

/**
 * A document is a Serverless Framework service when it has a top-level `service` and `provider`.
 * Detection is by content, so `serverless.prod.yml` or `api.yml` are found as well.
 */
export function isServerlessConfig(root: TNode | undefined): boolean {
  if (root?.kind !== 'map') return false;
  return get(root, 'service') !== undefined && get(root, 'provider') !== undefined;
}

/** Cheap test on the raw text before parsing. */
export function mayBeServerlessConfig(text: string): boolean {
  return /(^|\n)\s*service\s*:|"service"\s*:/.test(text) && /(^|\n)\s*provider\s*:|"provider"\s*:/.test(text);
}

/**
 * A service for another cloud (`provider.name: azure`, `google`, `openwhisk`, `knative` …): the
 * framework compiles it to that cloud's resources, none of which faasguard models. Reported once,
 * at the provider's name; a name given by a variable is taken to be AWS, the framework's default.
 */
export function unsupportedProvider(root: TNode, file: string): Diagnostic | undefined {
  const provider = get(root, 'provider');
  const nameNode = provider?.kind === 'scalar' ? provider : get(provider, 'name');
  const name = scalarString(nameNode);
  if (nameNode === undefined || name === undefined || name.includes('${') || name.trim().toLowerCase() === 'aws') return undefined;
  return {
    severity: 'warning',
    code: 'unsupported-provider',
    message: `a Serverless Framework service for provider ${name}: only AWS services are modelled, so this one was not scanned`,
    loc: { ...nameNode.loc, file },
  };
}
