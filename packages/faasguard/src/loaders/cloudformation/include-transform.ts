/**
 * `Fn::Transform: { Name: AWS::Include, Parameters: { Location } }`, expanded before the template is
 * loaded, as CloudFormation expands it when it creates a change set. A local Location (relative to
 * the template, as `sam package` and `aws cloudformation package` read it) is replaced by the file's
 * tree, whose locations name the included file, so that findings point into it. A transform whose
 * content cannot be read (an S3 Location, a computed one, a macro) stays in the tree and evaluates
 * to Unknown (beside other keys, it is left out); it is reported once here, never again by the
 * evaluator.
 */
import type { DiagnosticSink } from '../../model/diagnostic.js';
import type { SourceLocation } from '../../model/location.js';
import type { TMap, TMapEntry, TNode } from '../../parse/tree.js';
import { get, scalarString } from '../../parse/tree.js';
import type { FileReader } from '../file-reader.js';
import { isRemote, readLocalTree } from './local-file.js';
import { readAsYaml11Booleans } from '../../parse/yaml-1-1-booleans.js';

export const TRANSFORM_KEY = 'Fn::Transform';
const INCLUDE = 'AWS::Include';
/** Includes within included files, before the chain is taken for a loop */
const MAX_NESTING = 8;

interface Expansion {
  reader: FileReader | undefined;
  diagnostics: DiagnosticSink;
  /** Files being expanded, outermost first: a file met again is a loop */
  chain: string[];
}

/** The template with every readable AWS::Include replaced by what it includes. */
export function expandIncludes(root: TMap, file: string, reader: FileReader | undefined, diagnostics: DiagnosticSink): TMap {
  const expanded = expand(root, { reader, diagnostics, chain: [file] });
  return expanded.kind === 'map' ? expanded : root;
}

/**
 * Nodes without a transform below them are returned as they are (large generated templates have
 * none), and nothing is copied for them: every template goes through here.
 */
function expand(node: TNode, x: Expansion): TNode {
  if (node.kind === 'scalar') return node;
  if (node.kind === 'seq') {
    const items = mapChanged(node.items, (i) => expand(i, x));
    return items === node.items ? node : { ...node, items };
  }
  const transform = node.entries.find((e) => e.key === TRANSFORM_KEY);
  const expandEntry = (e: TMapEntry): TMapEntry => {
    const value = expand(e.value, x);
    return value === e.value ? e : { ...e, value };
  };
  if (!transform) {
    const entries = mapChanged(node.entries, expandEntry);
    return entries === node.entries ? node : { ...node, entries };
  }
  const entries = node.entries.filter((e) => e !== transform).map(expandEntry);
  const included = transformResult(transform, x);
  if (entries.length === 0) return included ?? node;
  // Beside other keys the transform's mapping is merged into its parent (a Resources section).
  if (included?.kind === 'map') return { ...node, entries: [...entries, ...included.entries] };
  if (included) x.diagnostics.warning('include-not-mapping', 'AWS::Include beside other keys must include a mapping; what it includes is ignored', transform.keyLoc);
  return { ...node, entries };
}

/** `list.map(fn)`, or `list` itself when `fn` returns every element as it is (then nothing is allocated). */
function mapChanged<T>(list: T[], fn: (item: T) => T): T[] {
  let out: T[] | undefined;
  for (let i = 0; i < list.length; i++) {
    const item = fn(list[i]!);
    if (out === undefined && item !== list[i]) out = list.slice(0, i);
    out?.push(item);
  }
  return out ?? list;
}

/** The expanded content of one transform, or undefined when it cannot be known (reported). */
function transformResult(transform: TMapEntry, x: Expansion): TNode | undefined {
  const name = scalarString(get(transform.value, 'Name'));
  if (name !== INCLUDE) {
    x.diagnostics.note('transform-not-expanded', `the macro ${name ?? '(unnamed)'} is not expanded: what it produces is unknown`, transform.keyLoc);
    return undefined;
  }
  const locationNode = get(get(transform.value, 'Parameters'), 'Location');
  const location = locationNode?.kind === 'scalar' ? scalarString(locationNode) : undefined;
  const at = locationNode?.loc ?? transform.keyLoc;
  if (location === undefined) return notRead(x, 'AWS::Include with a Location known only at deploy time', at);
  if (isRemote(location)) return notRead(x, `AWS::Include of ${location}, which is not in the scanned directory`, at);
  if (!x.reader) return notRead(x, `AWS::Include of ${location}: included files are not read for this format`, at);
  const tree = readLocalTree(x.reader, location, `AWS::Include of ${location}`, at, x.diagnostics);
  if (!tree) return undefined;
  // CloudFormation reads the snippet as it reads templates: YAML 1.1.
  readAsYaml11Booleans(tree.yaml11Booleans);
  return nested(tree.root, tree.rel, at, x);
}

function nested(root: TNode, rel: string, at: SourceLocation, x: Expansion): TNode | undefined {
  if (x.chain.includes(rel) || x.chain.length > MAX_NESTING) {
    x.diagnostics.error('reference-cycle', `AWS::Include loop: ${[...x.chain, rel].join(' → ')}`, at);
    return undefined;
  }
  return expand(root, { ...x, chain: [...x.chain, rel] });
}

function notRead(x: Expansion, message: string, at: SourceLocation): undefined {
  x.diagnostics.note('include-not-read', `${message}: what it includes is unknown`, at);
  return undefined;
}
