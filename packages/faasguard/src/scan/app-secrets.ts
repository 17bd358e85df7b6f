/**
 * The secrets of a loaded app, for commands that show the app without scanning it (`map`): the
 * template rules of the secrets category run over the model to find the values that are secrets
 * by their names; rules that need the code's files read are left to `scan`.
 */
import path from 'node:path';
import { runRules } from '../rules/engine.js';
import { ALL_RULES } from '../rules/index.js';
import { pointsAtSecretValue } from '../rules/secrets/secret-value-findings.js';
import type { ValueRedactor } from '../secrets/index.js';
import { scanRootOf } from './load-formats.js';
import type { LoadedApp } from './scan.js';
import { secretRedactor } from './secret-values.js';
import { readTextOrUndefined } from '../util/read-text.js';

export function appSecretRedactor(app: LoadedApp, target: string): ValueRedactor {
  const rules = ALL_RULES.filter((r) => r.meta.category === 'SAS-7' && (r.requires ?? []).length === 0);
  const root = scanRootOf(target).root;
  const { findings } = runRules(app.model, rules, { root });
  const read = (file: string): string | undefined => app.sources.get(file) ?? readTextOrUndefined(path.join(root, file));
  return secretRedactor(app.templates, findings.filter(pointsAtSecretValue).map((f) => f.location), read);
}
