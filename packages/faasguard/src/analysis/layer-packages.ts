/**
 * Packages a function gets from its layers: what the manifests of the template's own layers
 * declare (`dependencies/python/requirements.txt`, `layer/nodejs/package.json`), the Python
 * modules a layer's code holds, and what AWS's public Powertools layers contain. An import such
 * a layer satisfies is declared, only somewhere else than next to the function.
 */
import path from 'node:path';
import type { DiscoveredFile } from '../discover/discover.js';
import type { LambdaFunction } from '../model/app-model.js';
import { functionLayerIds, layersWithCode } from '../model/facts/layer-facts.js';
import type { AppModel } from '../model/app-model.js';
import { display } from '../model/value.js';
import { normalizePyName, parseRequirementsText, type Ecosystem } from '../deps/index.js';
import { isUnder } from './code-units.js';
import { readTextOrUndefined } from '../files/read-regular-file.js';

/** What the layers give: package names per ecosystem (npm names, normalised PyPI names) and importable Python modules. */
export interface LayerPackages {
  npm: string[];
  PyPI: string[];
  pythonModules: string[];
}

/** AWS's public layers, by ARN, and the packages they hold. */
const PUBLIC_LAYERS: ReadonlyArray<{ arn: RegExp; packages: Partial<Record<Ecosystem, string[]>> }> = [
  // Powertools for AWS Lambda (Python) layers carry the library with its optional extras.
  { arn: /:017000801446:layer:AWSLambdaPowertoolsPython/i, packages: { PyPI: ['aws-lambda-powertools', 'pydantic', 'aws-xray-sdk', 'fastjsonschema'] } },
  { arn: /:094274105915:layer:AWSLambdaPowertoolsTypeScript/i, packages: { npm: ['@aws-lambda-powertools/*'] } },
];

const isRequirements = (name: string): boolean => /^([\w.-]*[-_.])?requirements([-_.][\w.-]*)?\.txt$/i.test(name);

/** The packages every one of `functions` gets from its layers (a package counts only when all have it). */
export function layerPackagesOf(model: AppModel, functions: readonly LambdaFunction[], files: readonly DiscoveredFile[]): LayerPackages {
  const each = functions.map((fn) => packagesOfFunction(model, fn, files));
  if (each.length === 0) return { npm: [], PyPI: [], pythonModules: [] };
  const common = (pick: (p: LayerPackages) => string[]): string[] => pick(each[0]!).filter((n) => each.every((p) => pick(p).includes(n)));
  return { npm: common((p) => p.npm), PyPI: common((p) => p.PyPI), pythonModules: common((p) => p.pythonModules) };
}

function packagesOfFunction(model: AppModel, fn: LambdaFunction, files: readonly DiscoveredFile[]): LayerPackages {
  const out: LayerPackages = { npm: [], PyPI: [], pythonModules: [] };
  for (const layer of fn.layers) {
    const arn = display(layer);
    for (const known of PUBLIC_LAYERS) {
      if (!known.arn.test(arn)) continue;
      out.npm.push(...(known.packages.npm ?? []));
      out.PyPI.push(...(known.packages.PyPI ?? []).map(normalizePyName));
    }
  }
  const layers = layersWithCode(model);
  for (const id of functionLayerIds(fn)) {
    const dir = layers.get(id)?.path;
    if (dir !== undefined) addLayerCode(out, dir, files);
  }
  return out;
}

/** Manifests anywhere in the layer's code, and the top-level Python modules of its `python/` folder (or of the folder itself). */
function addLayerCode(out: LayerPackages, dir: string, files: readonly DiscoveredFile[]): void {
  const inside = files.filter((f) => isUnder(f.rel, dir));
  for (const f of inside) {
    const name = path.posix.basename(f.rel);
    if (isRequirements(name)) out.PyPI.push(...parseRequirementsText(readText(f), f.rel).dependencies.filter((d) => d.scope !== 'dev').map((d) => normalizePyName(d.name)));
    if (name === 'package.json') out.npm.push(...productionNames(readText(f)));
  }
  const base = dir === '.' ? '' : `${dir}/`;
  for (const f of inside) {
    const rest = f.rel.slice(base.length).replace(/^python\//, '');
    const top = rest.split('/')[0]!;
    if (rest.includes('/') || top.endsWith('.py')) out.pythonModules.push(top.replace(/\.py$/i, '').toLowerCase());
  }
}

function readText(f: DiscoveredFile): string {
  return readTextOrUndefined(f.abs) ?? '';
}

function productionNames(text: string): string[] {
  try {
    const json = JSON.parse(text) as { dependencies?: Record<string, unknown>; optionalDependencies?: Record<string, unknown> };
    return [...Object.keys(json.dependencies ?? {}), ...Object.keys(json.optionalDependencies ?? {})];
  } catch {
    return [];
  }
}
