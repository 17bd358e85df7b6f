/**
 * What the suppression step reads from a scan, besides the rules' findings.
 */
import type { YamlParser } from '../parse/yaml-template.js';
import type { DiscoveredFile } from '../discover/discover.js';
import type { AppModel } from '../model/app-model.js';
import type { Rule } from '../rules/rule.js';

export interface SuppressionInput {
  model: AppModel;
  /** The rules that ran: a suppression of a rule that did not run cannot be told stale */
  rules: readonly Rule[];
  /** The scanned directory */
  root: string;
  /** Template texts by path relative to the root (templates and the files they include) */
  sources: ReadonlyMap<string, string>;
  /** Every file discovered under the root */
  files: readonly DiscoveredFile[];
  /** How YAML is parsed (see `ScanOptions.parseYaml`) */
  parseYaml?: YamlParser;
  /** Files known to hold no inline suppression (read by the file scans, `analysis/file-scans.ts`): not read again */
  unmarked?: ReadonlySet<string>;
}
