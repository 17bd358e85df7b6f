/**
 * The directories of code the application deploys: each function's local code and each
 * layer's local code, with the functions that run it. Several functions sharing one
 * `CodeUri` make one unit, so its files and lockfiles are read once.
 */
import type { AppModel, LambdaFunction, ModelElement } from '../model/app-model.js';
import { functionLayerIds, layersWithCode, type LayerCodeFacts } from '../model/facts/layer-facts.js';

/** One deployed code directory. */
export interface CodeUnit {
  /** Relative to the scan root, forward slashes; `.` for the root */
  dir: string;
  /** Functions whose own code is this directory */
  functions: LambdaFunction[];
  /** Layers whose code is this directory */
  layers: LayerCodeFacts[];
  /** Functions that run this code: its own functions plus every function listing one of its layers */
  runBy: LambdaFunction[];
}

/** Units by directory, in directory order. */
export function codeUnits(model: AppModel): CodeUnit[] {
  const units = new Map<string, CodeUnit>();
  const unit = (dir: string): CodeUnit => {
    let u = units.get(dir);
    if (!u) units.set(dir, (u = { dir, functions: [], layers: [], runBy: [] }));
    return u;
  };
  for (const fn of model.functions) {
    if (fn.code.kind !== 'path' || fn.code.path === undefined) continue;
    const u = unit(fn.code.path);
    u.functions.push(fn);
    u.runBy.push(fn);
  }
  const layers = layersWithCode(model);
  for (const layer of layers.values()) unit(layer.path).layers.push(layer);
  for (const fn of model.functions) {
    for (const id of functionLayerIds(fn)) {
      const layer = layers.get(id);
      if (layer) addOnce(unit(layer.path).runBy, fn);
    }
  }
  return [...units.values()].sort((a, b) => (a.dir < b.dir ? -1 : a.dir > b.dir ? 1 : 0));
}

/** The elements a finding about this unit is about: its functions (by id), else its layers. */
export function unitOwners(u: CodeUnit): ModelElement[] {
  const fns = [...u.runBy].sort((a, b) => (a.id < b.id ? -1 : 1));
  return fns.length > 0 ? fns : u.layers.map((l) => l.resource);
}

/** True when `file` (relative to the root) lies inside the directory `dir`. */
export function isUnder(file: string, dir: string): boolean {
  return dir === '.' || dir === '' || file.startsWith(`${dir}/`);
}

function addOnce<T>(list: T[], item: T): void {
  if (!list.includes(item)) list.push(item);
}
