/**
 * `attackSurface`: the map `faasguard map` draws, without a scan: the templates are loaded and the
 * map built from the model, with the app's secrets masked as the command masks them.
 */
import { buildAttackSurfaceMap } from '../map/build-map.js';
import type { AttackSurfaceMap } from '../map/attack-surface-types.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { appSecretRedactor } from '../scan/app-secrets.js';
import { loadApp } from '../scan/scan.js';
import { resolveProjectOptions, type ProjectOptions } from './project-options.js';

export interface AttackSurfaceResult {
  /** Entry points → functions → what they reach; render it with `renderMap` */
  map: AttackSurfaceMap;
  /** Template files loaded, relative to the target; empty when none was found */
  templates: string[];
  /** Problems with the input, secrets masked */
  diagnostics: Diagnostic[];
}

export async function attackSurface(target: string, options: ProjectOptions = {}): Promise<AttackSurfaceResult> {
  const app = await loadApp(target, resolveProjectOptions(target, options).scanOptions);
  const redactor = appSecretRedactor(app, target);
  return { map: redactor.data(buildAttackSurfaceMap(app.model)), templates: app.templates, diagnostics: redactor.data(app.diagnostics) };
}
