/**
 * Plugins of a Serverless service that may add CloudFormation resources the compiled template does
 * not show (`serverless-step-functions` adds state machines, `serverless-apigateway-service-proxy`
 * the REST API). A reference to an id the template lacks may be theirs, so it is not a broken
 * reference. Plugins that only package or serve code, or whose resources faasguard compiles
 * itself (per-function roles), cannot be the reason.
 */
import type { TMap } from '../../parse/tree.js';
import { get } from '../../parse/tree.js';
import { text } from './compile/nodes.js';

const PLUGINS_WITHOUT_UNSEEN_RESOURCES: ReadonlySet<string> = new Set([
  'serverless-plugin-typescript',
  'serverless-python-requirements',
  'serverless-prune-plugin',
  'serverless-bundle',
  'serverless-webpack',
  'serverless-esbuild',
  'serverless-offline',
  'serverless-dotenv-plugin',
  'serverless-iam-roles-per-function',
  'serverless-plugin-include-dependencies',
  'serverless-jetpack',
  'serverless-plugin-optimize',
]);

/** `plugins: [...]` or `plugins: { modules: [...] }`, without those. */
export function resourcePlugins(config: TMap): string[] {
  const node = get(config, 'plugins');
  const list = node?.kind === 'map' ? get(node, 'modules') : node;
  const names = list?.kind === 'seq' ? list.items.map(text) : [];
  return names.filter((n): n is string => n !== undefined && !PLUGINS_WITHOUT_UNSEEN_RESOURCES.has(n));
}
