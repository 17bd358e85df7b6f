/**
 * A Serverless Framework service into the model: resolve the variables of serverless.yml, compile
 * it into the CloudFormation template the framework would deploy, and load that template with the
 * CloudFormation loader. Then what the template cannot say: each function's code directory,
 * triggers from resources outside the service, and unknown values with their reasons.
 */
import type { YamlParser } from '../../parse/yaml-template.js';
import { FileReader } from '../file-reader.js';
import path from 'node:path';
import type { Diagnostic } from '../../model/diagnostic.js';
import { DiagnosticSink } from '../../model/diagnostic.js';
import { ResourceRef } from '../../model/value.js';
import type { TMap } from '../../parse/tree.js';
import { get } from '../../parse/tree.js';
import { loadTemplate } from '../cloudformation/load-template.js';
import type { ModelBuilder } from '../model-builder.js';
import { CompileContext } from './compile/context.js';
import { compileServerless } from './compile/compile.js';
import { text } from './compile/nodes.js';
import { serverlessGeneratedIds } from './generated-ids.js';
import { resourcePlugins } from './resource-plugins.js';
import { inertTree, modelCounts, UnknownMarkers } from './unknown-markers.js';
import { VariableResolver } from './variables/resolver.js';
import type { ServerlessOptions } from './variables/source.js';
import { lookupTable } from '../../util/own-keys.js';

export type { ServerlessOptions } from './variables/source.js';

export interface ServerlessInput {
  root: TMap;
  /** serverless.yml relative to the scan root */
  file: string;
  /** The scan root: `${file(...)}` never reads outside it */
  rootAbs: string;
  params: ReadonlyMap<string, string>;
  options: ServerlessOptions;
  /** Paths (relative to the root) excluded from the scan: `${file(...)}` does not read them */
  isExcluded?: (rel: string) => boolean;
  /** How YAML is parsed (see `ScanOptions.parseYaml`) */
  parseYaml?: YamlParser;
}

export interface ServerlessResult {
  diagnostics: Diagnostic[];
  /** Files the configuration brought in with `${file(...)}`: part of this service, not templates of their own */
  includedFiles: string[];
}

export function loadServerless(input: ServerlessInput, builder: ModelBuilder): ServerlessResult {
  const diagnostics = new DiagnosticSink();
  const markers = new UnknownMarkers();
  const resolver = new VariableResolver(inertTree(input.root), input.options, markers, diagnostics, new FileReader(input.rootAbs, input.isExcluded, input.parseYaml));
  const config = resolver.resolveAll();
  if (config.kind !== 'map') return { diagnostics: diagnostics.items, includedFiles: resolver.includedFiles() };
  const service = serviceName(config, markers);
  const ctx = new CompileContext(config, service, resolver.stage(), resolver.region(), input.file, markers, diagnostics);
  const template = compileServerless(ctx);
  const before = modelCounts(builder.model);
  const params = new Map([['AWS::Region', resolver.region()], ...input.params]);
  const loaded = loadTemplate({ root: template, file: input.file, params, format: 'serverless', resourcePlugins: resourcePlugins(config), generatedIds: serverlessGeneratedIds(ctx, template) }, builder);
  addExternalTriggers(ctx, builder);
  setCodePaths(ctx, builder);
  nameFunctionsByKey(ctx, builder);
  markers.replaceIn(builder.model, before);
  return { diagnostics: [...diagnostics.items, ...loaded.items], includedFiles: resolver.includedFiles() };
}

/** `service: name` or the v1 form `service: { name }`. */
function serviceName(config: TMap, markers: UnknownMarkers): string {
  const node = get(config, 'service');
  const name = text(node) ?? text(get(node, 'name')) ?? 'service';
  return markers.has(name) ? 'service' : name;
}

function addExternalTriggers(ctx: CompileContext, builder: ModelBuilder): void {
  ctx.externalTriggers.forEach((t, i) => {
    const functionId = `${ctx.file}/${t.functionLogicalId}`;
    if (!builder.function(functionId)) return;
    const declared = t.sourceLogicalId ? { sourceId: `${ctx.file}/${t.sourceLogicalId}`, source: new ResourceRef(`${ctx.file}/${t.sourceLogicalId}`, t.sourceLogicalId) } : { source: t.source };
    builder.addTrigger({ id: `${functionId}#${t.kind}${i}`, kind: t.kind, functionId, ...declared, asynchronous: t.kind === 's3', details: { ...t.details }, loc: t.loc });
  });
}

/** Findings name a function by its key under `functions:`, which its author wrote, not by the logical id made from it. */
function nameFunctionsByKey(ctx: CompileContext, builder: ModelBuilder): void {
  for (const fn of ctx.functions) {
    const model = builder.function(`${ctx.file}/${fn.logicalId}`);
    if (model) model.declaredName = fn.name;
  }
}

/** Handlers are relative to the service directory (or the function's packaged artifact). */
function setCodePaths(ctx: CompileContext, builder: ModelBuilder): void {
  const serviceDir = path.posix.dirname(ctx.file);
  for (const fn of ctx.functions) {
    const model = builder.function(`${ctx.file}/${fn.logicalId}`);
    if (!model || get(fn.node, 'image') !== undefined) continue;
    const artifact = text(get(get(fn.node, 'package'), 'artifact'));
    const codePath = artifact && !artifact.startsWith('s3://') ? path.posix.normalize(path.posix.join(serviceDir, artifact)) : serviceDir;
    const handler = get(fn.node, 'handler');
    const bundler = artifact ? undefined : serviceBundler(ctx.config);
    const webApp = text(handler) === WSGI_PLUGIN_HANDLER ? text(get(get(get(ctx.config, 'custom'), 'wsgi'), 'app')) : undefined;
    model.code = { kind: 'path', path: codePath, loc: handler?.loc ?? fn.loc, ...(bundler ? { bundler } : {}), ...(webApp ? { webApp } : {}) };
  }
}

/** The handler serverless-wsgi generates at packaging time; it serves the app `custom.wsgi.app` names. */
const WSGI_PLUGIN_HANDLER = 'wsgi_handler.handler';

/** Plugins that bundle each function with the packages it imports (not `serverless-plugin-typescript`, which only compiles). */
const BUNDLER_PLUGINS: Readonly<Record<string, string>> = lookupTable({
  'serverless-esbuild': 'esbuild',
  'serverless-webpack': 'webpack',
  'serverless-bundle': 'webpack',
});

/** The bundler of the service: a bundling plugin, or Serverless Framework 4's own `build.esbuild`. */
function serviceBundler(config: TMap): string | undefined {
  const plugins = get(config, 'plugins');
  const list = plugins?.kind === 'map' ? get(plugins, 'modules') : plugins;
  const names = list?.kind === 'seq' ? list.items.map((i) => text(i)) : [];
  const plugin = names.find((n): n is string => n !== undefined && Object.hasOwn(BUNDLER_PLUGINS, n));
  if (plugin) return BUNDLER_PLUGINS[plugin];
  const esbuild = get(get(config, 'build'), 'esbuild');
  return esbuild !== undefined && text(esbuild) !== 'false' ? 'esbuild' : undefined;
}

