/**
 * Terraform expressions evaluated offline into the template tree the CloudFormation loader reads:
 * literals, strings with interpolations, lists and objects, `var.*` and `local.*`, conditionals on
 * known values and the pure built-in functions real code uses most. A reference to a resource
 * becomes a CloudFormation reference to its translation (`aws_iam_role.exec.arn` →
 * `Fn::GetAtt [aws_iam_role.exec, Arn]`), so that the model links them as it links a template's.
 * What cannot be known offline (a variable without a value, a resource type not translated, a
 * data source that is not pure) is an explicit unknown that names the expression (see
 * `UNKNOWN_VALUE_KEY`): the property is set, to a value no rule reads as a literal.
 */
import type { SourceLocation } from '../../model/location.js';
import type { TMapEntry, TNode } from '../../parse/tree.js';
import { UNKNOWN_VALUE_KEY } from '../cloudformation/intrinsics.js';
import { ATTRIBUTE_NAMES } from './resource-translations.js';
import { attributesOf, blocksOf, bodyOf, type HclNode } from './parse-terraform.js';

export interface TfScope {
  locOf(node: HclNode): SourceLocation;
  vars: ReadonlyMap<string, TNode>;
  locals: Map<string, TNode>;
  /**
   * `aws_lambda_function.api` (or, for a resource with `count` or `for_each`, each instance:
   * `aws_lambda_function.api[0]`, `aws_lambda_function.api["orders"]`) → its translation's
   * logical id and CloudFormation type
   */
  resources: Map<string, TfResource>;
  /** The instances' addresses of a resource with `count` or `for_each`, by the resource's address */
  instances: Map<string, string[]>;
  /** `path.module`: the module's folder, relative to the root module's (`.` for the root) */
  pathModule: string;
  /** The outputs of the local modules this module calls, by the call's name */
  modules: Map<string, Map<string, TNode>>;
  /** The instance being evaluated: `count.index`, `each.key`, `each.value` */
  instance?: { index?: number; key?: string; value?: TNode };
  /** `data.<type>.<name>` blocks of the module, evaluated when referenced */
  data: ReadonlyMap<string, HclNode>;
  /** Bounds the evaluation of one module */
  budget: { steps: number };
}

/** A resource (or one instance of it) as references see it. */
export interface TfResource {
  logicalId: string;
  cfnType: string;
  /** Its block and instance: an attribute written in the block is known by its value (`aws_api_gateway_stage.prod.stage_name`) */
  block?: HclNode;
  instance?: TfScope['instance'];
}

const MAX_DEPTH = 64;

export function evaluate(node: HclNode, scope: TfScope, depth = 0): TNode {
  const loc = scope.locOf(node);
  if (depth > MAX_DEPTH || --scope.budget.steps < 0) return nil(loc);
  const children = node.namedChildren.filter((c): c is HclNode => c !== null && c.type !== 'comment');
  switch (node.type) {
    case 'expression':
      return postfix(node, children, scope, depth);
    case 'literal_value':
      return children[0] ? evaluate(children[0], scope, depth + 1) : nil(loc);
    case 'numeric_lit':
      return scalar(Number(node.text), loc);
    case 'bool_lit':
      return scalar(node.text === 'true', loc);
    case 'null_lit':
      return nil(loc);
    case 'string_lit':
    case 'quoted_template':
    case 'heredoc_template':
      return template(node, scope, depth);
    case 'template_expr':
    case 'collection_value':
    case 'parenthesized_expression':
      return children[0] ? evaluate(children[0], scope, depth + 1) : nil(loc);
    case 'tuple':
      // `[` and `]` are named nodes of the grammar too: the items are the expressions.
      return { kind: 'seq', items: children.filter((c) => c.type === 'expression').map((c) => evaluate(c, scope, depth + 1)), loc };
    case 'object':
      return object(children, scope, depth, loc);
    case 'function_call':
      return call(node, scope, depth);
    case 'conditional':
      return conditional(node, children, scope, depth, loc);
    default:
      // `for` expressions, arithmetic and comparisons are not evaluated yet.
      return unknownValue(node.text, loc);
  }
}

/** A root (`var`, a resource type, a literal) followed by attribute accesses and indexes. */
function postfix(expr: HclNode, children: HclNode[], scope: TfScope, depth: number): TNode {
  const [head, ...rest] = children;
  if (!head) return nil(scope.locOf(expr));
  if (head.type !== 'variable_expr') return rest.reduce((v, p) => access(v, p, scope, depth), evaluate(head, scope, depth + 1));
  const root = head.text;
  const names = rest.map((p) => (p.type === 'get_attr' ? p.namedChildren[0]?.text ?? '' : '')).filter((n, i) => rest[i]!.type === 'get_attr' && n);
  const loc = scope.locOf(head);
  const unknown = unknownValue(expr.text, loc);
  if (root === 'var') return known(scope.vars.get(names[0] ?? '')) ?? unknown;
  if (root === 'local') return scope.locals.get(names[0] ?? '') ?? unknown;
  if (root === 'path') return scalar(names[0] === 'module' ? scope.pathModule : '.', loc);
  if (root === 'data') return known(dataReference(names, scope, depth, loc)) ?? unknown;
  if (root === 'module') return known(scope.modules.get(names[0] ?? '')?.get(names[1] ?? '')) ?? unknown;
  if (root === 'count' && names[0] === 'index' && scope.instance?.index !== undefined) return scalar(scope.instance.index, loc);
  if (root === 'each' && names[0] === 'key' && scope.instance?.key !== undefined) return scalar(scope.instance.key, loc);
  if (root === 'each' && names[0] === 'value' && scope.instance?.value) return rest.slice(1).reduce((v, p) => access(v, p, scope, depth), scope.instance.value);
  return resourceReference(`${root}.${names[0] ?? ''}`, rest.slice(1), scope, depth, loc) ?? unknown;
}

/** `aws_iam_role.exec.arn`, `aws_s3_bucket.b[0].id`, `aws_sqs_queue.q["jobs"].arn`, `aws_sqs_queue.q[*].arn`. */
function resourceReference(base: string, after: HclNode[], scope: TfScope, depth: number, loc: SourceLocation): TNode | undefined {
  const [first, second] = after;
  const attributeOf = (n: HclNode | undefined): string | undefined => (n?.type === 'get_attr' ? n.namedChildren[0]?.text : undefined);
  if (first?.type === 'index') {
    const key = indexKey(first, scope, depth);
    if (key?.kind !== 'scalar' || key.value === null) return undefined;
    const resource = scope.resources.get(`${base}[${typeof key.value === 'number' ? key.value : JSON.stringify(String(key.value))}]`);
    return resource ? resourceAttribute(resource, attributeOf(second), loc, scope, depth) : undefined;
  }
  if (first?.type.includes('splat')) {
    const attribute = first.namedChildren.map((c) => attributeOf(c ?? undefined)).find((a) => a !== undefined);
    const all = (scope.instances.get(base) ?? []).map((a) => scope.resources.get(a)).filter((r) => r !== undefined);
    return { kind: 'seq', items: all.map((r) => resourceAttribute(r, attribute, loc, scope, depth)), loc };
  }
  const instances = scope.instances.get(base);
  // The resource as a whole (`for_each = aws_sqs_queue.jobs`): its instances by key.
  if (instances && first === undefined) return { kind: 'map', entries: instances.flatMap((a) => instanceEntry(a, base, scope, loc)), loc };
  const resource = scope.resources.get(base);
  if (resource && first === undefined) return wholeResource(resource, loc);
  return resource ? resourceAttribute(resource, attributeOf(first), loc, scope, depth) : undefined;
}

function instanceEntry(address: string, base: string, scope: TfScope, loc: SourceLocation): TMapEntry[] {
  const resource = scope.resources.get(address);
  if (!resource) return [];
  const raw = address.slice(base.length + 1, -1);
  const key = raw.startsWith('"') ? (JSON.parse(raw) as string) : raw;
  return [entry(key, wholeResource(resource, loc), loc)];
}

/** A resource used as a value (`each.value` over a resource): the attributes references read. */
function wholeResource(resource: TfResource, loc: SourceLocation): TNode {
  return { kind: 'map', entries: ['id', 'arn', 'name', 'url', 'function_name', 'bucket', 'invoke_arn'].map((a) => entry(a, resourceAttribute(resource, a, loc), loc)), loc };
}

function known(v: TNode | undefined): TNode | undefined {
  return v && !(v.kind === 'scalar' && v.value === null) ? v : undefined;
}

function access(value: TNode, p: HclNode, scope: TfScope, depth: number): TNode {
  if (p.type === 'get_attr') return member(value, p.namedChildren[0]?.text ?? '', scope.locOf(p));
  if (p.type === 'index') {
    const key = indexKey(p, scope, depth);
    if (key?.kind !== 'scalar' || key.value === null) return nil(scope.locOf(p));
    if (value.kind === 'seq') return value.items[Number(key.value)] ?? nil(scope.locOf(p));
    return member(value, String(key.value), scope.locOf(p));
  }
  return nil(scope.locOf(p));
}

/** The key of `[expr]` (the grammar's `new_index`) or of the legacy `.0` form. */
function indexKey(p: HclNode, scope: TfScope, depth: number): TNode | undefined {
  const inner = p.namedChildren[0];
  if (!inner) return undefined;
  if (inner.type === 'legacy_index') return scalar(Number(inner.text.replace(/^\./, '')), scope.locOf(inner));
  const expr = inner.type === 'expression' ? inner : inner.namedChildren.find((c) => c?.type === 'expression');
  return expr ? evaluate(expr, scope, depth + 1) : undefined;
}

function member(value: TNode, name: string, loc: SourceLocation): TNode {
  if (value.kind !== 'map') return nil(loc);
  return value.entries.find((e) => e.key === name)?.value ?? nil(loc);
}

/**
 * `aws_iam_role.exec.arn` and the like. An ARN is the resource's `Arn` attribute (a topic's ARN
 * is its `Ref`); a name or id is its `Ref`, as CloudFormation returns them, so that references
 * link resources as a template's do. Any other attribute written in the resource's block is that
 * value (`aws_api_gateway_method.get.http_method` is `"GET"`), as Terraform knows it at plan time.
 */
function resourceAttribute(resource: TfResource, attribute: string | undefined, loc: SourceLocation, scope?: TfScope, depth = 0): TNode {
  const ref = { kind: 'map', entries: [entry('Ref', scalar(resource.logicalId, loc), loc)], loc } as TNode;
  const getAtt = (name: string): TNode => ({ kind: 'map', entries: [entry('Fn::GetAtt', { kind: 'seq', items: [scalar(resource.logicalId, loc), scalar(name, loc)], loc }, loc)], loc });
  if (attribute === undefined || /^(id|name|function_name|bucket|url)$/.test(attribute)) return ref;
  if (attribute === 'arn' || attribute === 'qualified_arn' || attribute === 'invoke_arn') return resource.cfnType === 'AWS::SNS::Topic' ? ref : getAtt('Arn');
  const written = scope ? configuredAttribute(resource, attribute, scope, depth) : undefined;
  if (written) return written;
  const named = ATTRIBUTE_NAMES[resource.cfnType]?.[attribute];
  if (named) return getAtt(named);
  // Any other computed attribute (`execution_arn`, `invoke_url`) keeps its origin, as a GetAtt.
  return getAtt(attribute.replace(/(^|_)([a-z])/g, (_m, _s, c: string) => c.toUpperCase()));
}

/** An attribute written in the resource's block, evaluated for its instance; undefined when not written or not known. */
function configuredAttribute(resource: TfResource, attribute: string, scope: TfScope, depth: number): TNode | undefined {
  const written = resource.block ? attributesOf(bodyOf(resource.block)).find((a) => a.name === attribute) : undefined;
  if (!written) return undefined;
  const saved = scope.instance;
  scope.instance = resource.instance;
  try {
    return known(evaluate(written.value, scope, depth + 1));
  } finally {
    scope.instance = saved;
  }
}

/**
 * Data sources: a policy document is evaluated into the policy it writes; the caller's account,
 * region and partition are the stack's pseudo-parameters; an archive's path is the folder or file
 * it packs (the function's code). Any other data source is unknown offline.
 */
function dataReference(names: string[], scope: TfScope, depth: number, loc: SourceLocation): TNode {
  const [type = '', name = '', attribute = ''] = names;
  const pseudo: Record<string, string> = { 'aws_caller_identity.account_id': 'AWS::AccountId', 'aws_region.name': 'AWS::Region', 'aws_region.id': 'AWS::Region', 'aws_partition.partition': 'AWS::Partition' };
  const p = pseudo[`${type}.${attribute}`];
  if (p) return { kind: 'map', entries: [entry('Ref', scalar(p, loc), loc)], loc };
  const block = scope.data.get(`${type}.${name}`);
  if (!block) return nil(loc);
  if (type === 'aws_iam_policy_document' && attribute === 'json') return policyDocument(block, scope, depth);
  if (type === 'archive_file' && attribute === 'output_path') {
    const attrs = attributesOf(bodyOf(block));
    const source = attrs.find((a) => a.name === 'source_dir') ?? attrs.find((a) => a.name === 'source_file');
    return source ? evaluate(source.value, scope, depth + 1) : nil(loc);
  }
  return nil(loc);
}

/** `data "aws_iam_policy_document"`: its `statement` blocks as the policy's statements. */
function policyDocument(block: HclNode, scope: TfScope, depth: number): TNode {
  const loc = scope.locOf(block);
  const statements = blocksOf(bodyOf(block), 'statement').map((s) => {
    const sloc = scope.locOf(s);
    const attrs = new Map(attributesOf(bodyOf(s)).map((a) => [a.name, evaluate(a.value, scope, depth + 1)]));
    const out: TMapEntry[] = [entry('Effect', attrs.get('effect') ?? scalar('Allow', sloc), sloc)];
    const put = (key: string, value: TNode | undefined): void => {
      if (value && !(value.kind === 'scalar' && value.value === null)) out.push(entry(key, value, value.loc));
    };
    put('Sid', attrs.get('sid'));
    put('Action', attrs.get('actions'));
    put('NotAction', attrs.get('not_actions'));
    put('Resource', attrs.get('resources'));
    put('NotResource', attrs.get('not_resources'));
    put('Principal', principals(blocksOf(bodyOf(s), 'principals'), scope, depth));
    put('Condition', conditions(blocksOf(bodyOf(s), 'condition'), scope, depth));
    return { kind: 'map', entries: out, loc: sloc } as TNode;
  });
  return { kind: 'map', entries: [entry('Version', scalar('2012-10-17', loc), loc), entry('Statement', { kind: 'seq', items: statements, loc }, loc)], loc };
}

function principals(blocks: HclNode[], scope: TfScope, depth: number): TNode | undefined {
  if (blocks.length === 0) return undefined;
  const loc = scope.locOf(blocks[0]!);
  const entries: TMapEntry[] = [];
  for (const b of blocks) {
    const attrs = new Map(attributesOf(bodyOf(b)).map((a) => [a.name, evaluate(a.value, scope, depth + 1)]));
    const type = attrs.get('type');
    const ids = attrs.get('identifiers');
    if (type?.kind !== 'scalar' || !ids) continue;
    // `type = "*"` with `identifiers = ["*"]` is the policy language's `Principal: "*"`.
    if (type.value === '*') return scalar('*', scope.locOf(b));
    entries.push(entry(String(type.value), ids, scope.locOf(b)));
  }
  return { kind: 'map', entries, loc };
}

function conditions(blocks: HclNode[], scope: TfScope, depth: number): TNode | undefined {
  if (blocks.length === 0) return undefined;
  const byTest = new Map<string, TMapEntry[]>();
  for (const b of blocks) {
    const attrs = new Map(attributesOf(bodyOf(b)).map((a) => [a.name, evaluate(a.value, scope, depth + 1)]));
    const test = attrs.get('test');
    const variable = attrs.get('variable');
    const values = attrs.get('values');
    if (test?.kind !== 'scalar' || variable?.kind !== 'scalar' || !values) continue;
    const list = byTest.get(String(test.value)) ?? [];
    list.push(entry(String(variable.value), values, scope.locOf(b)));
    byTest.set(String(test.value), list);
  }
  const loc = scope.locOf(blocks[0]!);
  return { kind: 'map', entries: [...byTest].map(([test, entries]) => entry(test, { kind: 'map', entries, loc }, loc)), loc };
}

function object(children: HclNode[], scope: TfScope, depth: number, loc: SourceLocation): TNode {
  const entries: TMapEntry[] = [];
  for (const elem of children) {
    if (elem.type !== 'object_elem') continue;
    const [keyNode, valueNode] = elem.namedChildren.filter((c): c is HclNode => c !== null && c.type === 'expression');
    if (!keyNode || !valueNode) continue;
    const key = objectKey(keyNode, scope, depth);
    if (key !== undefined) entries.push(entry(key, evaluate(valueNode, scope, depth + 1), scope.locOf(elem)));
  }
  return { kind: 'map', entries, loc };
}

/** `{ Effect = "Allow" }` and `{ "Effect" = "Allow" }`: a bare name is the key itself. */
function objectKey(keyNode: HclNode, scope: TfScope, depth: number): string | undefined {
  const bare = keyNode.namedChildren.length === 1 && keyNode.namedChildren[0]?.type === 'variable_expr' ? keyNode.text : undefined;
  if (bare !== undefined) return bare;
  const v = evaluate(keyNode, scope, depth + 1);
  return v.kind === 'scalar' && v.value !== null ? String(v.value) : undefined;
}

/** A string with interpolations: one value when it is only `"${x}"`, text when every part is known, else a CloudFormation join. */
function template(node: HclNode, scope: TfScope, depth: number): TNode {
  const loc = scope.locOf(node);
  const parts: TNode[] = [];
  for (const c of node.namedChildren) {
    if (!c) continue;
    if (c.type === 'template_literal') parts.push(scalar(c.text, scope.locOf(c)));
    else if (c.type === 'template_interpolation') {
      const inner = c.namedChildren.find((x) => x?.type === 'expression');
      parts.push(inner ? interpolated(inner, scope, depth) : nil(loc));
    } else if (c.type === 'quoted_template' || c.type === 'heredoc_template') return template(c, scope, depth);
  }
  if (node.type === 'heredoc_template') return heredoc(parts, loc);
  if (parts.length === 1 && node.namedChildren.some((c) => c?.type === 'template_interpolation')) return parts[0]!;
  if (parts.every((p) => p.kind === 'scalar' && p.value !== null)) return scalar(parts.map((p) => String((p as { value: unknown }).value)).join(''), loc);
  return { kind: 'map', entries: [entry('Fn::Join', { kind: 'seq', items: [scalar('', loc), { kind: 'seq', items: parts, loc }], loc }, loc)], loc };
}

/**
 * An interpolation's value. One not known offline stays its own text (`${var.prefix}`) inside the
 * string: the string is known but for that part, and two names built from the same expression
 * (a function's and its log group's) still match, as they do once deployed.
 */
function interpolated(inner: HclNode, scope: TfScope, depth: number): TNode {
  const v = evaluate(inner, scope, depth + 1);
  return isUnknown(v) ? scalar(`\${${inner.text}}`, v.loc) : v;
}

function isUnknown(v: TNode): boolean {
  return v.kind === 'map' && v.entries.length === 1 && v.entries[0]!.key === UNKNOWN_VALUE_KEY;
}

/** A heredoc's text; a heredoc that holds a JSON document (a policy) is that document. */
function heredoc(parts: TNode[], loc: SourceLocation): TNode {
  if (!parts.every((p) => p.kind === 'scalar' && p.value !== null)) return nil(loc);
  const text = parts.map((p) => String((p as { value: unknown }).value)).join('');
  try {
    return fromJson(JSON.parse(text), loc);
  } catch {
    return scalar(text, loc);
  }
}

function fromJson(v: unknown, loc: SourceLocation): TNode {
  if (Array.isArray(v)) return { kind: 'seq', items: v.map((x) => fromJson(x, loc)), loc };
  if (v !== null && typeof v === 'object') return { kind: 'map', entries: Object.entries(v).map(([k, x]) => entry(k, fromJson(x, loc), loc)), loc };
  return scalar(typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : null, loc);
}

function conditional(node: HclNode, children: HclNode[], scope: TfScope, depth: number, loc: SourceLocation): TNode {
  const [cond, a, b] = children;
  if (!cond || !a || !b) return nil(loc);
  const c = evaluate(cond, scope, depth + 1);
  if (c.kind !== 'scalar' || typeof c.value !== 'boolean') return unknownValue(node.text, loc);
  return evaluate(c.value ? a : b, scope, depth + 1);
}

/** The pure built-in functions; any other, or one whose arguments are not known, is unknown offline. */
function call(node: HclNode, scope: TfScope, depth: number): TNode {
  const loc = scope.locOf(node);
  const name = node.namedChildren.find((c) => c?.type === 'identifier')?.text ?? '';
  const argsNode = node.namedChildren.find((c) => c?.type === 'function_arguments');
  const args = (argsNode?.namedChildren ?? []).filter((c): c is HclNode => c?.type === 'expression').map((a) => evaluate(a, scope, depth + 1));
  const out = builtin(name, args, loc);
  return out.kind === 'scalar' && out.value === null ? unknownValue(node.text, loc) : out;
}

function builtin(name: string, args: TNode[], loc: SourceLocation): TNode {
  const str = (n: TNode | undefined): string | undefined => (n?.kind === 'scalar' && n.value !== null ? String(n.value) : undefined);
  switch (name) {
    // A policy written with jsonencode is its document; the loader reads the structure.
    case 'jsonencode':
    case 'tolist':
    case 'toset':
    case 'tomap':
    case 'tostring':
      return args[0] ?? nil(loc);
    case 'jsondecode': {
      const text = str(args[0]);
      try {
        return text === undefined ? nil(loc) : fromJson(JSON.parse(text), loc);
      } catch {
        return nil(loc);
      }
    }
    case 'merge':
      return { kind: 'map', entries: mergeEntries(args), loc };
    case 'concat':
      return { kind: 'seq', items: args.flatMap((a) => (a.kind === 'seq' ? a.items : [])), loc };
    case 'lower':
    case 'upper': {
      const s = str(args[0]);
      return s === undefined ? nil(loc) : scalar(name === 'lower' ? s.toLowerCase() : s.toUpperCase(), loc);
    }
    case 'join': {
      const sep = str(args[0]);
      const items = args[1]?.kind === 'seq' ? args[1].items.map(str) : [];
      return sep === undefined || items.some((i) => i === undefined) ? nil(loc) : scalar(items.join(sep), loc);
    }
    case 'format': {
      const [fmt, ...rest] = args.map(str);
      if (fmt === undefined || rest.some((r) => r === undefined)) return nil(loc);
      let i = 0;
      return scalar(fmt.replace(/%[sd]/g, () => rest[i++] ?? ''), loc);
    }
    case 'lookup': {
      const key = str(args[1]);
      const found = key !== undefined ? args[0]?.kind === 'map' ? args[0].entries.find((e) => e.key === key)?.value : undefined : undefined;
      return found ?? args[2] ?? nil(loc);
    }
    case 'element': {
      const items = args[0]?.kind === 'seq' ? args[0].items : [];
      const i = args[1]?.kind === 'scalar' && typeof args[1].value === 'number' ? args[1].value : undefined;
      return items.length > 0 && i !== undefined ? items[i % items.length]! : nil(loc);
    }
    case 'length': {
      const a = args[0];
      if (a?.kind === 'seq') return scalar(a.items.length, loc);
      if (a?.kind === 'map') return scalar(a.entries.length, loc);
      return a?.kind === 'scalar' && typeof a.value === 'string' ? scalar(a.value.length, loc) : nil(loc);
    }
    case 'keys':
      return args[0]?.kind === 'map' ? { kind: 'seq', items: args[0].entries.map((e) => scalar(e.key, e.keyLoc)), loc } : nil(loc);
    case 'values':
      return args[0]?.kind === 'map' ? { kind: 'seq', items: args[0].entries.map((e) => e.value), loc } : nil(loc);
    case 'coalesce':
    case 'try':
      return args.find((a) => !(a.kind === 'scalar' && (a.value === null || a.value === ''))) ?? nil(loc);
    default:
      return nil(loc);
  }
}

function mergeEntries(maps: TNode[]): TMapEntry[] {
  const out: TMapEntry[] = [];
  for (const m of maps) {
    if (m.kind !== 'map') continue;
    for (const e of m.entries) {
      const i = out.findIndex((x) => x.key === e.key);
      if (i >= 0) out[i] = e;
      else out.push(e);
    }
  }
  return out;
}

/** An explicit unknown, named by the expression that gives it: `var.source_arn is not known offline`. */
export function unknownValue(expression: string, loc: SourceLocation): TNode {
  const text = expression.length > 80 ? `${expression.slice(0, 79)}…` : expression;
  return { kind: 'map', entries: [entry(UNKNOWN_VALUE_KEY, scalar(`${text} is not known offline`, loc), loc)], loc };
}

export function scalar(value: string | number | boolean | null, loc: SourceLocation): TNode {
  return { kind: 'scalar', value, loc };
}

export function nil(loc: SourceLocation): TNode {
  return { kind: 'scalar', value: null, loc };
}

export function entry(key: string, value: TNode, keyLoc: SourceLocation): TMapEntry {
  return { key, keyLoc, value };
}
