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
import path from 'node:path';
import type { SourceLocation } from '../../model/location.js';
import type { TMapEntry, TNode } from '../../parse/tree.js';
import { ATTRIBUTE_NAMES } from './resource-translations.js';
import { attributesOf, blockHeader, blocksOf, bodyOf, type HclNode } from './parse-terraform.js';
import { builtin, jsonOrText } from './functions.js';
import { entry, isUnknown, nil, scalar, textOf, unknownOrigin, unknownValue } from './tree-values.js';
import { conditionKey, type Assumptions } from './assumptions.js';
import { managedPolicyDocument } from '../../iam/managed-policies.js';

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
  /** Names a `for` expression or a `dynamic` block binds (`x` in `[for x in …]`, `statement` in its `content`) */
  bindings?: Map<string, TNode>;
  /** A file's text for `file()` and `templatefile()`, its path relative to the root module; only inside the scanned tree */
  readFile(file: string): string | undefined;
  /** Conditions not known offline: the truth assumed for some, and where the others were met */
  assumptions?: Assumptions;
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
    case 'for_expr':
      return children[0] ? forExpression(children[0], scope, depth, loc) : nil(loc);
    case 'operation':
      return children[0] ? operation(children[0], scope, depth, loc) : nil(loc);
    default:
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
  const bound = scope.bindings?.get(root);
  if (bound) return rest.reduce((v, p) => access(v, p, scope, depth), bound);
  // What follows the name (`var.queues["orders"].arn`, `local.names[0]`) reads into the value.
  const then = (v: TNode | undefined, skip: number): TNode => (v ? rest.slice(skip).reduce((x, p) => access(x, p, scope, depth), v) : unknown);
  if (root === 'var') return then(known(scope.vars.get(names[0] ?? '')), 1);
  if (root === 'local') return then(scope.locals.get(names[0] ?? ''), 1);
  if (root === 'path') return scalar(names[0] === 'module' ? scope.pathModule : '.', loc);
  if (root === 'data') return known(dataReference(names, scope, depth, loc)) ?? unknown;
  if (root === 'module') return then(known(scope.modules.get(names[0] ?? '')?.get(names[1] ?? '')), 2);
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
    // An instance of a resource whose own `for_each` is not known offline: its one judged instance.
    const judged = scope.instances.has(base) ? undefined : scope.resources.get(base);
    if ((key?.kind !== 'scalar' || key.value === null) && judged) return resourceAttribute(judged, attributeOf(second), loc, scope, depth);
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
  if (p.type === 'splat') return splat(value, p, scope, depth);
  if (p.type === 'index') {
    const key = indexKey(p, scope, depth);
    if (isUnknown(value)) return value;
    if (key?.kind !== 'scalar' || key.value === null) return nil(scope.locOf(p));
    if (value.kind === 'seq') return value.items[Number(key.value)] ?? nil(scope.locOf(p));
    return member(value, String(key.value), scope.locOf(p));
  }
  return nil(scope.locOf(p));
}

/** `list[*].arn`: the accesses after the splat applied to each item (a single value is a one-item list, null none). */
function splat(value: TNode, p: HclNode, scope: TfScope, depth: number): TNode {
  const loc = scope.locOf(p);
  if (isUnknown(value)) return value;
  const items = value.kind === 'seq' ? value.items : value.kind === 'scalar' && value.value === null ? [] : [value];
  const steps = (p.namedChildren[0]?.namedChildren ?? []).filter((c): c is HclNode => c !== null);
  return { kind: 'seq', items: items.map((item) => steps.reduce((v, step) => access(v, step, scope, depth), item)), loc };
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
  // A part of an unknown is unknown too, for the same reason.
  if (isUnknown(value)) return value;
  if (value.kind !== 'map') return nil(loc);
  return value.entries.find((e) => e.key === name)?.value ?? nil(loc);
}

/**
 * `aws_iam_role.exec.arn` and the like. An ARN is the resource's `Arn` attribute (a topic's ARN
 * is its `Ref`); a name or id is its `Ref`, as CloudFormation returns them, so that references
 * link resources as a template's do. Any other attribute written in the resource's block is that
 * value (`aws_api_gateway_method.get.http_method` is `"GET"`), as Terraform knows it at plan time.
 */
export function resourceAttribute(resource: TfResource, attribute: string | undefined, loc: SourceLocation, scope?: TfScope, depth = 0): TNode {
  const ref = { kind: 'map', entries: [entry('Ref', scalar(resource.logicalId, loc), loc)], loc } as TNode;
  const getAtt = (name: string): TNode => ({ kind: 'map', entries: [entry('Fn::GetAtt', { kind: 'seq', items: [scalar(resource.logicalId, loc), scalar(name, loc)], loc }, loc)], loc });
  if (attribute === undefined || /^(id|name|function_name|bucket|url)$/.test(attribute)) return ref;
  if (attribute === 'arn' || attribute === 'qualified_arn' || attribute === 'invoke_arn') return resource.cfnType === 'AWS::SNS::Topic' ? ref : getAtt('Arn');
  const named = ATTRIBUTE_NAMES[resource.cfnType]?.[attribute];
  if (named) return getAtt(named);
  const written = scope ? configuredAttribute(resource, attribute, scope, depth) : undefined;
  if (written) return written;
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
 * it packs (the function's code); the address of a network interface that a resource's
 * `network_interface_ids` names (a VPC endpoint's) is read as that attribute, which says whose
 * interface it is (`interfaceOwner`); an IAM policy looked up by ARN, or by the name of an AWS
 * managed policy, is that policy. Any other data source is unknown offline.
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
    const folder = attrs.find((a) => a.name === 'source_dir');
    if (folder) return evaluate(folder.value, scope, depth + 1);
    const file = attrs.find((a) => a.name === 'source_file');
    return file ? packedFileFolder(evaluate(file.value, scope, depth + 1)) : nil(loc);
  }
  if (type === 'aws_network_interface' && /^private_ips?$/.test(attribute)) return interfaceOwner(block, scope, depth) ?? nil(loc);
  if (type === 'aws_iam_policy' && attribute === 'arn') return lookedUpPolicyArn(block, scope, depth, loc) ?? nil(loc);
  return nil(loc);
}

/**
 * `data "aws_iam_policy"` names a policy by `arn`, or by `name`: a name of an AWS managed policy
 * (`AWSLambdaBasicExecutionRole`) is that policy, whose document the managed-policy data has; a
 * name it does not know is a customer policy of the account, unknown offline. The ARN given for a
 * name leaves out the policy's path, as a name written alone in a template is read.
 */
function lookedUpPolicyArn(block: HclNode, scope: TfScope, depth: number, loc: SourceLocation): TNode | undefined {
  const attrs = attributesOf(bodyOf(block));
  const arn = attrs.find((a) => a.name === 'arn');
  if (arn) return evaluate(arn.value, scope, depth + 1);
  const named = attrs.find((a) => a.name === 'name');
  const name = named ? textOf(evaluate(named.value, scope, depth + 1)) : undefined;
  if (name === undefined || managedPolicyDocument(name) === undefined) return undefined;
  return scalar(`arn:aws:iam::aws:policy/${name}`, loc);
}

/**
 * `data "aws_network_interface"` whose `id` is picked from a resource's `network_interface_ids`
 * (`tolist(aws_vpc_endpoint.api.network_interface_ids)[0]`): its address belongs to that resource,
 * given as the resource's `NetworkInterfaceIds` attribute, so that a load balancer target of that
 * address links to it as a template's target read through a custom resource does.
 */
function interfaceOwner(block: HclNode, scope: TfScope, depth: number): TNode | undefined {
  const id = attributesOf(bodyOf(block)).find((a) => a.name === 'id');
  // The list is known at apply time only, so `tolist(…)[0]` has no value here: the reference inside it does.
  const named = id ? expressionsWithin(id.value).find((e) => /\.network_interface_ids$/.test(e.text)) : undefined;
  const owner = named ? evaluate(named, scope, depth + 1) : undefined;
  return owner && isGetAtt(owner, 'NetworkInterfaceIds') ? owner : undefined;
}

/** The node and every expression under it, outermost first. */
function expressionsWithin(node: HclNode): HclNode[] {
  const children = node.namedChildren.filter((c): c is HclNode => c !== null);
  return [...(node.type === 'expression' ? [node] : []), ...children.flatMap(expressionsWithin)];
}

function isGetAtt(node: TNode, attribute: string): boolean {
  const getAtt = node.kind === 'map' ? node.entries.find((e) => e.key === 'Fn::GetAtt')?.value : undefined;
  return getAtt?.kind === 'seq' && textOf(getAtt.items[1]) === attribute;
}

/**
 * An archive of one file (`source_file`) holds it at its root, where the handler names it: the
 * function's code is the folder of that file, as for a `source_dir`.
 */
function packedFileFolder(file: TNode): TNode {
  if (file.kind !== 'scalar' || typeof file.value !== 'string') return file;
  return scalar(path.posix.dirname(file.value), file.loc);
}

/** `data "aws_iam_policy_document"`: its `statement` blocks as the policy's statements. */
function policyDocument(block: HclNode, scope: TfScope, depth: number): TNode {
  const loc = scope.locOf(block);
  const statements = expandedBlocks(bodyOf(block), 'statement', scope, depth).map((s) => withBinding(scope, s.binding, () => statement(s.block, scope, depth)));
  return { kind: 'map', entries: [entry('Version', scalar('2012-10-17', loc), loc), entry('Statement', { kind: 'seq', items: statements, loc }, loc)], loc };
}

function statement(s: HclNode, scope: TfScope, depth: number): TNode {
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
  put('Principal', principals(expandedBlocks(bodyOf(s), 'principals', scope, depth), scope, depth));
  put('Condition', conditions(expandedBlocks(bodyOf(s), 'condition', scope, depth), scope, depth));
  return { kind: 'map', entries: out, loc: sloc };
}

/** Each block's attributes, evaluated with the names its `dynamic` block binds. */
function blockAttributes(b: ExpandedBlock, scope: TfScope, depth: number): Map<string, TNode> {
  return withBinding(scope, b.binding, () => new Map(attributesOf(bodyOf(b.block)).map((a) => [a.name, evaluate(a.value, scope, depth + 1)])));
}

function principals(blocks: ExpandedBlock[], scope: TfScope, depth: number): TNode | undefined {
  if (blocks.length === 0) return undefined;
  const loc = scope.locOf(blocks[0]!.block);
  const entries: TMapEntry[] = [];
  for (const b of blocks) {
    const attrs = blockAttributes(b, scope, depth);
    const type = attrs.get('type');
    const ids = attrs.get('identifiers');
    if (type?.kind !== 'scalar' || !ids) continue;
    // `type = "*"` with `identifiers = ["*"]` is the policy language's `Principal: "*"`.
    if (type.value === '*') return scalar('*', scope.locOf(b.block));
    entries.push(entry(String(type.value), ids, scope.locOf(b.block)));
  }
  return { kind: 'map', entries, loc };
}

function conditions(blocks: ExpandedBlock[], scope: TfScope, depth: number): TNode | undefined {
  if (blocks.length === 0) return undefined;
  const byTest = new Map<string, TMapEntry[]>();
  for (const b of blocks) {
    const attrs = blockAttributes(b, scope, depth);
    const test = attrs.get('test');
    const variable = attrs.get('variable');
    const values = attrs.get('values');
    if (test?.kind !== 'scalar' || variable?.kind !== 'scalar' || !values) continue;
    const list = byTest.get(String(test.value)) ?? [];
    list.push(entry(String(variable.value), values, scope.locOf(b.block)));
    byTest.set(String(test.value), list);
  }
  const loc = scope.locOf(blocks[0]!.block);
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
  return joined(parts, loc);
}

/** Parts of a string: the string when all are known, else a `Fn::Join` that keeps the references (read as JSON by the policy loader too). */
function joined(parts: TNode[], loc: SourceLocation): TNode {
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
  if (isUnknown(v)) return scalar(`\${${inner.text}}`, v.loc);
  // A list or object in a string is `jsonencode`'s text (Terraform accepts no other).
  const plain = v.kind === 'scalar' ? undefined : plainValue(v);
  return plain === undefined ? v : scalar(JSON.stringify(plain), v.loc);
}

/** A value made only of known scalars, lists and objects, as JSON data; undefined otherwise. */
function plainValue(v: TNode): unknown {
  if (v.kind === 'scalar') return v.value;
  if (isUnknown(v) || (v.kind === 'map' && v.entries.some((e) => e.key.startsWith('Fn::') || e.key === 'Ref'))) return undefined;
  const items = v.kind === 'seq' ? v.items.map(plainValue) : v.entries.map((e) => plainValue(e.value));
  if (items.some((x) => x === undefined)) return undefined;
  return v.kind === 'seq' ? items : Object.fromEntries(v.entries.map((e, i) => [e.key, items[i]]));
}

/**
 * A heredoc's text; a heredoc that holds a JSON document (a policy) is that document. One that
 * interpolates a resource's attribute stays a `Fn::Join` of its parts, which the template loader
 * reads as JSON with the references in place.
 */
function heredoc(parts: TNode[], loc: SourceLocation): TNode {
  if (!parts.every((p) => p.kind === 'scalar' && p.value !== null)) return joined(parts, loc);
  return jsonOrText(parts.map((p) => String((p as { value: unknown }).value)).join(''), loc);
}

function conditional(node: HclNode, children: HclNode[], scope: TfScope, depth: number, loc: SourceLocation): TNode {
  const [cond, a, b] = children;
  if (!cond || !a || !b) return nil(loc);
  const c = evaluate(cond, scope, depth + 1);
  const truth = c.kind === 'scalar' && typeof c.value === 'boolean' ? c.value : assumedTruth(cond, c, scope);
  if (truth === undefined) return unknownValue(node.text, loc);
  return evaluate(truth ? a : b, scope, depth + 1);
}

/** The truth assumed for a condition not known offline; else undefined, and the condition is recorded as open. */
function assumedTruth(cond: HclNode, value: TNode, scope: TfScope): boolean | undefined {
  const assumptions = scope.assumptions;
  if (!assumptions) return undefined;
  const key = conditionKey(assumptions.prefix, cond.text);
  const assumed = assumptions.given.get(key);
  if (assumed !== undefined || !assumptions.open || assumptions.open.has(key)) return assumed;
  const module = assumptions.prefix.replace(/\.$/, '');
  const text = clipped(cond.text);
  const origin = module ? unknownOrigin(value) : undefined;
  const given = origin !== undefined && clipped(origin) !== text ? clipped(origin) : undefined;
  assumptions.open.set(key, { key, text, ...(module ? { module } : {}), ...(given ? { given } : {}), loc: scope.locOf(cond) });
  return undefined;
}

/** An expression's text on one line, at most 60 characters, for messages. */
export function clipped(text: string): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > 60 ? `${one.slice(0, 59)}…` : one;
}

/** Evaluates without recording open conditions: a `count` or `for_each` has its own qualifier (`onlyWhen`). */
export function withoutRecording<T>(scope: TfScope, f: () => T): T {
  const saved = scope.assumptions;
  if (saved) scope.assumptions = { prefix: saved.prefix, given: saved.given };
  try {
    return f();
  } finally {
    scope.assumptions = saved;
  }
}

/** The pure built-in functions; any other, or one whose arguments are not known, is unknown offline. */
function call(node: HclNode, scope: TfScope, depth: number): TNode {
  const loc = scope.locOf(node);
  const name = node.namedChildren.find((c) => c?.type === 'identifier')?.text ?? '';
  const argsNode = node.namedChildren.find((c) => c?.type === 'function_arguments');
  const args = (argsNode?.namedChildren ?? []).filter((c): c is HclNode => c?.type === 'expression').map((a) => evaluate(a, scope, depth + 1));
  const out = builtin(name, args, loc, scope);
  return out === undefined || (out.kind === 'scalar' && out.value === null) ? unknownValue(node.text, loc) : out;
}

/** Items a `for` expression or a `dynamic` block iterates over: a list's index and item, a map's key and value. */
function iterationItems(collection: TNode): Array<[TNode, TNode]> | undefined {
  if (isUnknown(collection)) return undefined;
  if (collection.kind === 'seq') return collection.items.slice(0, MAX_ITEMS).map((item, i) => [scalar(i, item.loc), item]);
  if (collection.kind === 'map') return collection.entries.slice(0, MAX_ITEMS).map((e) => [scalar(e.key, e.keyLoc), e.value]);
  return collection.value === null ? [] : undefined;
}

/** Items one `for` expression or `dynamic` block makes at most */
const MAX_ITEMS = 1000;

/**
 * `[for k, v in coll : v.arn if v.public]` and `{for x in coll : x.name => x.arn}` (with `...`,
 * values grouped by key). A collection or condition not known offline makes the whole unknown.
 */
function forExpression(node: HclNode, scope: TfScope, depth: number, loc: SourceLocation): TNode {
  const parts = node.namedChildren.filter((c): c is HclNode => c !== null);
  const intro = parts.find((c) => c.type === 'for_intro');
  const names = (intro?.namedChildren ?? []).filter((c) => c?.type === 'identifier').map((c) => c!.text);
  const source = intro?.namedChildren.find((c) => c?.type === 'expression');
  const items = source ? iterationItems(evaluate(source, scope, depth + 1)) : undefined;
  if (!items || names.length === 0) return unknownValue(node.text, loc);
  const [keyExpr, valueExpr] = parts.filter((c) => c.type === 'expression');
  const cond = parts.find((c) => c.type === 'for_cond')?.namedChildren.find((c) => c?.type === 'expression');
  const isObject = node.type === 'for_object_expr';
  const grouped = parts.some((c) => c.type === 'ellipsis');
  const out: Array<[string, TNode]> = [];
  for (const [key, value] of items) {
    const binding = new Map(names.length === 2 ? [[names[0]!, key], [names[1]!, value]] : [[names[0]!, value]]);
    const result = withBindings(scope, binding, () => {
      if (cond) {
        const c = evaluate(cond, scope, depth + 1);
        if (c.kind !== 'scalar' || typeof c.value !== 'boolean') return 'unknown';
        if (!c.value) return 'skip';
      }
      const k = isObject && keyExpr ? textOf(evaluate(keyExpr, scope, depth + 1)) : '';
      const v = evaluate((isObject ? valueExpr : keyExpr) ?? node, scope, depth + 1);
      return k === undefined ? 'unknown' : ([k, v] as [string, TNode]);
    });
    if (result === 'unknown') return unknownValue(node.text, loc);
    if (result !== 'skip') out.push(result);
  }
  if (!isObject) return { kind: 'seq', items: out.map(([, v]) => v), loc };
  if (!grouped) return { kind: 'map', entries: out.map(([k, v]) => entry(k, v, v.loc)), loc };
  const groups = new Map<string, TNode[]>();
  for (const [k, v] of out) groups.set(k, [...(groups.get(k) ?? []), v]);
  return { kind: 'map', entries: [...groups].map(([k, vs]) => entry(k, { kind: 'seq', items: vs, loc }, loc)), loc };
}

function withBindings<T>(scope: TfScope, names: ReadonlyMap<string, TNode>, f: () => T): T {
  const saved = scope.bindings;
  scope.bindings = new Map([...(saved ?? []), ...names]);
  try {
    return f();
  } finally {
    scope.bindings = saved;
  }
}

/** A nested block as written, or one instance of a `dynamic` block's `content` with the name it binds. */
export interface ExpandedBlock {
  block: HclNode;
  binding?: [string, TNode];
}

/**
 * The nested blocks of a body of one type (all types when not given), with each `dynamic "<type>"`
 * block expanded into one `content` per item of its `for_each`; the item is bound to the block's
 * `iterator` name (the type by default) as `{ key, value }`. A `for_each` not known offline makes none.
 */
export function expandedBlocks(body: HclNode | undefined, type: string | undefined, scope: TfScope, depth: number): Array<ExpandedBlock & { type: string }> {
  const out: Array<ExpandedBlock & { type: string }> = [];
  for (const b of blocksOf(body)) {
    const header = blockHeader(b);
    if (header.type !== 'dynamic') {
      if (type === undefined || header.type === type) out.push({ block: b, type: header.type });
      continue;
    }
    const name = header.labels[0];
    if (!name || (type !== undefined && name !== type)) continue;
    const attrs = attributesOf(bodyOf(b));
    const forEach = attrs.find((a) => a.name === 'for_each');
    // `iterator = rule` names the binding with a bare word, not an expression.
    const iterator = attrs.find((a) => a.name === 'iterator')?.value.text.trim() || name;
    const content = blocksOf(bodyOf(b), 'content')[0];
    const items = forEach ? iterationItems(evaluate(forEach.value, scope, depth + 1)) : undefined;
    if (!content || !items) continue;
    for (const [key, value] of items) {
      const loc = scope.locOf(content);
      out.push({ block: content, type: name, binding: [iterator, { kind: 'map', entries: [entry('key', key, loc), entry('value', value, loc)], loc }] });
    }
  }
  return out;
}

export function withBinding<T>(scope: TfScope, binding: [string, TNode] | undefined, f: () => T): T {
  return binding ? withBindings(scope, new Map([binding]), f) : f();
}

/** Arithmetic, comparisons and logic on known values; anything else is unknown. */
function operation(node: HclNode, scope: TfScope, depth: number, loc: SourceLocation): TNode {
  const all = node.children.filter((c): c is HclNode => c !== null && c.type !== 'comment');
  // The grammar does not wrap an operand in an expression: `var.a == 1` is `var`, `.a`, `==`, `1`.
  const at = all.findIndex((c) => !c.isNamed);
  const op = all[at];
  const operand = (parts: HclNode[]): TNode | undefined => (parts.length === 0 ? undefined : parts.length === 1 ? evaluate(parts[0]!, scope, depth + 1) : postfix(node, parts, scope, depth + 1));
  if (node.type === 'unary_operation') {
    const v = operand(all.slice(at + 1));
    if (op?.type === '!' && v?.kind === 'scalar' && typeof v.value === 'boolean') return scalar(!v.value, loc);
    if (op?.type === '-' && v?.kind === 'scalar' && typeof v.value === 'number') return scalar(-v.value, loc);
    return unknownValue(node.text, loc);
  }
  const a = at > 0 ? operand(all.slice(0, at)) : undefined;
  const b = op ? operand(all.slice(at + 1)) : undefined;
  const result = op && a && b ? binary(op.type, a, b) : undefined;
  return result === undefined ? unknownValue(node.text, loc) : scalar(result, loc);
}

function binary(op: string, a: TNode, b: TNode): string | number | boolean | undefined {
  if (isUnknown(a) || isUnknown(b)) return undefined;
  if (op === '==' || op === '!=') {
    if (a.kind !== 'scalar' || b.kind !== 'scalar') return undefined;
    return (a.value === b.value) === (op === '==');
  }
  const x = a.kind === 'scalar' ? a.value : undefined;
  const y = b.kind === 'scalar' ? b.value : undefined;
  if (op === '&&' || op === '||') return typeof x === 'boolean' && typeof y === 'boolean' ? (op === '&&' ? x && y : x || y) : undefined;
  const m = typeof x === 'string' && x.trim() !== '' ? Number(x) : x;
  const n = typeof y === 'string' && y.trim() !== '' ? Number(y) : y;
  if (typeof m !== 'number' || typeof n !== 'number' || Number.isNaN(m) || Number.isNaN(n)) return undefined;
  switch (op) {
    case '+': return m + n;
    case '-': return m - n;
    case '*': return m * n;
    case '/': return n === 0 ? undefined : m / n;
    case '%': return n === 0 ? undefined : m % n;
    case '<': return m < n;
    case '>': return m > n;
    case '<=': return m <= n;
    case '>=': return m >= n;
    default: return undefined;
  }
}
