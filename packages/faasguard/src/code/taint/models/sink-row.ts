/**
 * A sink as data: one row per module and members where attacker data does harm, per language, in
 * the manner of CodeQL's model files. The evaluators look rows up (`findSinkRows`); they hold no
 * sink of their own. Every row carries a minimal example, a handler whose annotated line reaches
 * the sink (`// ruleid: command-injection` on the line before it); a generated test scans every
 * example, so adding a sink is adding one row.
 */
import type { SourceLocation } from '../../../model/location.js';
import { deepTaints, joinAll } from '../propagation.js';
import { CLEAN, type SinkFamily, type Value } from '../types.js';
import { PREDICATES, type PredicateName } from './predicates.js';

export type ModelLanguage = 'javascript' | 'python';

export interface SinkRow {
  family: SinkFamily;
  /**
   * The import the call comes from (`child_process`, `subprocess`; for Python the first segment of
   * the import), `global` (JS globals) or `builtins` (Python), or `*` for a receiver the analysis
   * cannot name (then a condition must also recognise the data, such as `sqlLike`).
   */
  modules: readonly string[];
  /** Functions or methods called; `''` calls the module itself (`axios(url)`) */
  members: readonly string[];
  /** Positional arguments that must not carry attacker data (`all`: every one) */
  args: readonly number[] | 'all';
  /** Keyword arguments that matter as much (Python: `url=`, `endpoint_url=`) */
  keywords?: readonly string[];
  /** The object the method is called on matters too (Python: `Path(name).read_text()`) */
  receiver?: boolean;
  /**
   * For an object argument: only these properties matter (`url` of an axios config); a path names a
   * nested one (`Message.Body.Html.Data` of an SES request). In Python they apply to the keywords'
   * values too.
   */
  props?: readonly string[];
  /** A named condition on the call (a shell option, an unsafe loader, text that reads as SQL) */
  condition?: PredicateName;
  /** Constant text that makes the argument safe when it starts it (a fixed origin for a URL) */
  safePrefix?: RegExp;
  /**
   * Only the argument as a whole counts, not values inside it: the sender chose the entire request
   * (`documentClient.query(JSON.parse(event.body))`), not one value of a request the code wrote
   */
  whole?: boolean;
  /** Only data that can be an object does harm (a Mongo filter: `{ $ne: null }` where a value was expected) */
  needsObject?: boolean;
  /** A handler whose line after `ruleid: <rule>` reaches this sink with event data */
  example: string;
}

export interface SinkModels {
  language: ModelLanguage;
  rows: readonly SinkRow[];
}

/** Rows that match a call of `member` on `module` (undefined: a receiver the analysis cannot name). */
export function findSinkRows(models: SinkModels, module: string | undefined, member: string, args: readonly Value[], keywords: ReadonlyMap<string, Value> = new Map()): SinkRow[] {
  return models.rows.filter((r) => {
    if (!r.members.includes(member)) return false;
    if (!r.modules.includes('*') && (module === undefined || !r.modules.includes(module))) return false;
    return r.condition === undefined || PREDICATES[r.condition](args, keywords);
  });
}

/** The data a row's sink receives in one argument, and where it is written when not the argument itself. */
export interface SinkTarget {
  value: Value;
  at?: SourceLocation;
}

/**
 * What of `arg` reaches the sink: all of it, or only the row's properties when the code built the
 * object (the first that carries data gives the place). A level the code did not build (an object
 * parsed from the event) stands for everything below it.
 */
export function sinkTarget(row: SinkRow, arg: Value): SinkTarget {
  if (row.whole) return { value: { taints: arg.taints } };
  if (row.props === undefined || arg.props === undefined) return { value: arg };
  const parts = row.props.map((p) => valueAtPath(arg, p.split('.'))).filter((p): p is SinkTarget => p !== undefined);
  const at = (parts.find((p) => p.at && deepTaints(p.value).length > 0) ?? parts.find((p) => p.at))?.at;
  return { value: parts.length > 0 ? joinAll(parts.map((p) => p.value)) : CLEAN, ...(at ? { at } : {}) };
}

function valueAtPath(v: Value, path: readonly string[]): SinkTarget | undefined {
  let at: SourceLocation | undefined;
  let current = v;
  for (const key of path) {
    if (current.props === undefined) break;
    const next = current.props.get(key);
    if (next === undefined) return undefined;
    at = current.propLocs?.get(key) ?? at;
    current = next;
  }
  return { value: current, ...(at ? { at } : {}) };
}
