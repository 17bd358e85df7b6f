/**
 * boto3 calls in a Python file: clients (`boto3.client('s3').put_object(…)`, paginators, presigned
 * URLs) and resources (`resource('dynamodb').Table(name).put_item(…)`, S3 `Bucket`/`Object`,
 * `upload_file`/`download_file`). Objects are tracked by the text they are assigned to (`s3`,
 * `self.table`) within the file; a call whose method or service the code computes is undetermined.
 */
import type { ParsedPython, PyNode } from '../parse-python.js';
import type { CallTarget, FileCalls, ObjectAcl } from './aws-call.js';
import { operationName, servicePrefix } from './service-map.js';
import { lookupTable } from '../../util/own-keys.js';
import { mayImportPythonWrapper, pythonWrapper } from './sdk-wrappers.js';
import { DURABLE_CONTEXT_CALLS, DURABLE_CONTEXT_TYPE, DURABLE_PYTHON_DECORATOR, DURABLE_PYTHON_MODULE } from './durable-sdk.js';

/** A boto3 object: a client, a service resource, or a resource's sub-resource with its target. */
interface PyObject {
  kind: 'session' | 'client' | 'resource' | 'table' | 'bucket' | 'object';
  service: string;
  target?: CallTarget;
  /** The code gave it keys (`aws_access_key_id=…`, or a session made with them): the execution role does not govern its calls. */
  ownCredentials?: boolean;
  /**
   * The service as the code names it, when its IAM prefix is not known here (or the code computes
   * it): its calls are undetermined, never left out, so that no rule takes the code for calling less.
   */
  unknownService?: string;
}

/** Keyword arguments of `boto3.client`, `resource` and `Session` that carry credentials. */
const CREDENTIAL_KEYWORDS = ['aws_access_key_id', 'aws_secret_access_key', 'aws_session_token', 'botocore_session', 'profile_name'];

const TARGET_KEYWORDS = ['TableName', 'Bucket', 'QueueUrl', 'TopicArn', 'FunctionName', 'StreamName', 'DeliveryStreamName', 'SecretId', 'StateMachineArn', 'Name'];

/** Client methods that are not API operations. */
const NOT_OPERATIONS = new Set(['get_waiter', 'can_paginate', 'close', 'meta', 'exceptions', 'load', 'reload', 'wait_until_exists', 'wait_until_not_exists']);

/** S3 `Object` resource methods → operations. */
const OBJECT_METHODS: Readonly<Record<string, string>> = lookupTable({ get: 'GetObject', put: 'PutObject', delete: 'DeleteObject', copy_from: 'CopyObject' });

const MAX_NODES = 300_000;

interface PyScope {
  parsed: ParsedPython;
  objects: Map<string, PyObject>;
  assigned: Map<string, PyNode>;
  out: FileCalls;
}

export function extractPythonCalls(parsed: ParsedPython): FileCalls {
  const scope: PyScope = { parsed, objects: new Map(), assigned: new Map(), out: { calls: [], undetermined: [] } };
  collectWrappers(scope);
  collectDurableCalls(scope);
  if (!/\bboto3\b/.test(parsed.text)) return scope.out;
  // The grammar's own search, in document order: walking the tree from script costs an object per node.
  const nodes = parsed.root.descendantsOfType(['assignment', 'call']).slice(0, MAX_NODES);
  for (const n of nodes) if (n) collectAssignment(scope, n);
  for (const n of nodes) if (n) collectCall(scope, n);
  return scope.out;
}

/** Imports of packages that call AWS for the code: their calls cannot be listed. */
function collectWrappers(scope: PyScope): void {
  if (!mayImportPythonWrapper(scope.parsed.text)) return;
  for (const n of scope.parsed.root.descendantsOfType(['import_statement', 'import_from_statement'])) {
    if (!n) continue;
    const from = n.type === 'import_from_statement' ? n.childForFieldName('module_name')?.text : undefined;
    const names = n.childrenForFieldName('name').map((c) => (c?.type === 'aliased_import' ? c.childForFieldName('name')?.text : c?.text) ?? '');
    const wrapper = from !== undefined ? pythonWrapper(from, names) : names.map((m) => pythonWrapper(m, [])).find((w) => w !== undefined);
    if (wrapper) scope.out.undetermined.push({ reason: `calls made by ${wrapper}`, loc: scope.parsed.locOf(n) });
  }
}

/**
 * A durable function's calls through its context (`context.invoke(function_arn, payload)`), in a
 * file that imports the durable execution SDK: the context is a parameter annotated
 * `DurableContext` or the second parameter of a `@durable_execution` handler.
 */
function collectDurableCalls(scope: PyScope): void {
  if (!scope.parsed.text.includes(DURABLE_PYTHON_MODULE)) return;
  const contexts = durableContextNames(scope.parsed.root);
  if (contexts.size === 0) return;
  for (const n of scope.parsed.root.descendantsOfType('call').slice(0, MAX_NODES)) {
    const fn = n?.childForFieldName('function');
    const owner = fn?.type === 'attribute' ? fn.childForFieldName('object') : undefined;
    const call = DURABLE_CONTEXT_CALLS.get(fn?.childForFieldName('attribute')?.text ?? '');
    if (!n || !call || owner?.type !== 'identifier' || !contexts.has(owner.text)) continue;
    const target = targetValue(scope, positional(n)[0], 0);
    scope.out.calls.push({ ...call, ...(target ? { target } : {}), loc: scope.parsed.locOf(n) });
  }
}

function durableContextNames(root: PyNode): Set<string> {
  const names = new Set<string>();
  for (const p of root.descendantsOfType('typed_parameter')) {
    const type = p?.childForFieldName('type')?.text;
    const name = p?.namedChildren[0];
    if (name?.type === 'identifier' && (type === DURABLE_CONTEXT_TYPE || type?.endsWith(`.${DURABLE_CONTEXT_TYPE}`))) names.add(name.text);
  }
  for (const d of root.descendantsOfType('decorated_definition')) {
    const durable = d?.namedChildren.some((c) => c?.type === 'decorator' && decoratorName(c) === DURABLE_PYTHON_DECORATOR);
    const second = durable ? d?.childForFieldName('definition')?.childForFieldName('parameters')?.namedChildren[1] : undefined;
    const name = second?.type === 'identifier' ? second : second?.namedChildren[0];
    if (name?.type === 'identifier') names.add(name.text);
  }
  return names;
}

/** `@durable_execution`, `@sdk.durable_execution`, `@durable_execution(…)` → `durable_execution`. */
function decoratorName(decorator: PyNode): string | undefined {
  const e = decorator.namedChildren[0];
  const callee = e?.type === 'call' ? e.childForFieldName('function') : e;
  return callee?.text.split('.').pop();
}

function collectAssignment(scope: PyScope, n: PyNode): void {
  if (n.type !== 'assignment') return;
  const left = n.childForFieldName('left');
  const right = n.childForFieldName('right');
  if (!left || !right) return;
  scope.assigned.set(left.text, right);
  const obj = objectOf(scope, right);
  if (obj) scope.objects.set(left.text, obj);
}

function positional(call: PyNode): PyNode[] {
  return (call.childForFieldName('arguments')?.namedChildren ?? []).filter((a): a is PyNode => a !== null && a.type !== 'keyword_argument');
}

function keyword(call: PyNode, name: string): PyNode | undefined {
  for (const a of call.childForFieldName('arguments')?.namedChildren ?? []) {
    if (a?.type === 'keyword_argument' && a.childForFieldName('name')?.text === name) return a.childForFieldName('value') ?? undefined;
  }
  return undefined;
}

function stringValue(n: PyNode | undefined | null): string | undefined {
  if (!n || n.type !== 'string') return undefined;
  if (n.namedChildren.some((c) => c?.type === 'interpolation')) return undefined;
  return n.namedChildren.filter((c) => c?.type === 'string_content').map((c) => c!.text).join('');
}

/** The boto3 object an expression makes: `boto3.client('s3')`, `session.resource('dynamodb')`, `ddb.Table(name)`. */
function objectOf(scope: PyScope, e: PyNode): PyObject | undefined {
  if (e.type === 'identifier' || e.type === 'attribute') return scope.objects.get(e.text);
  if (e.type !== 'call') return undefined;
  const fn = e.childForFieldName('function');
  if (!fn) return undefined;
  const name = fn.type === 'attribute' ? fn.childForFieldName('attribute')?.text : fn.type === 'identifier' ? fn.text : undefined;
  const owner = fn.type === 'attribute' ? fn.childForFieldName('object') : undefined;
  const parent = owner ? objectOf(scope, owner) : undefined;
  // Before the arguments are looked at: most calls make no boto3 object, and reading a node's children crosses into WebAssembly.
  if (!makesObject(name, parent)) return undefined;
  const keys = CREDENTIAL_KEYWORDS.some((k) => keyword(e, k) !== undefined) || parent?.ownCredentials === true;
  const credentials = keys ? { ownCredentials: true } : {};
  if (name === 'Session') return { kind: 'session', service: '', ...credentials };
  if (name === 'client' || name === 'resource') {
    const named = stringValue(positional(e)[0] ?? keyword(e, 'service_name'));
    const service = servicePrefix(named ?? '');
    return service ? { kind: name, service, ...credentials } : { kind: name, service: '', unknownService: named ?? 'a service the code computes', ...credentials };
  }
  const kind = resourceObjectKind(name, parent);
  if (!kind || !parent) return undefined;
  const target = targetValue(scope, positional(e)[0], 0);
  const unknown = parent.unknownService !== undefined ? { unknownService: parent.unknownService } : {};
  return { kind, service: parent.service, ...(target ? { target } : {}), ...credentials, ...unknown };
}

/** What a resource's `Table(name)`, `Bucket(name)` and `Object(bucket, key)` make. */
const RESOURCE_OBJECTS: ReadonlyMap<string, PyObject['kind']> = new Map([
  ['Table', 'table'],
  ['Bucket', 'bucket'],
  ['Object', 'object'],
]);

function resourceObjectKind(name: string | undefined, parent: PyObject | undefined): PyObject['kind'] | undefined {
  return parent?.kind === 'resource' && name !== undefined ? RESOURCE_OBJECTS.get(name) : undefined;
}

/** Whether a call of `name` (on `parent`) makes one of the objects `objectOf` tracks. */
function makesObject(name: string | undefined, parent: PyObject | undefined): boolean {
  return name === 'Session' || name === 'client' || name === 'resource' || resourceObjectKind(name, parent) !== undefined;
}

function collectCall(scope: PyScope, n: PyNode): void {
  if (n.type !== 'call') return;
  const fn = n.childForFieldName('function');
  if (fn?.type === 'call') return dynamicGetattr(scope, n, fn);
  if (fn?.type !== 'attribute') return;
  const method = fn.childForFieldName('attribute')?.text;
  const owner = fn.childForFieldName('object');
  if (!method || !owner) return;
  // `bucket.objects.all()` / `.filter(…)` lists the bucket.
  if (owner.type === 'attribute' && owner.childForFieldName('attribute')?.text === 'objects') {
    const bucket = objectOf(scope, owner.childForFieldName('object')!);
    if (bucket?.kind === 'bucket') push(scope, n, bucket, 'ListObjectsV2', bucket.target);
    return;
  }
  const obj = objectOf(scope, owner);
  if (!obj || NOT_OPERATIONS.has(method)) return;
  if (obj.kind === 'client') return clientCall(scope, n, obj, method);
  if (obj.kind === 'table') return push(scope, n, obj, operationName(method), obj.target);
  if (obj.kind === 'object') {
    const op = OBJECT_METHODS[method] ?? (/^(upload|download)_file/.test(method) ? operationName(method) : undefined);
    if (op) push(scope, n, obj, op, obj.target);
    return;
  }
  if (obj.kind === 'bucket' && !['Object', 'objects'].includes(method)) push(scope, n, obj, operationName(method), obj.target);
}

function clientCall(scope: PyScope, n: PyNode, client: PyObject, method: string): void {
  if (method === 'get_paginator' || method === 'generate_presigned_url') {
    const op = stringValue(positional(n)[0] ?? keyword(n, 'ClientMethod') ?? keyword(n, 'operation_name'));
    if (!op) return void scope.out.undetermined.push({ reason: `${method} of a computed operation`, loc: scope.parsed.locOf(n) });
    const params = method === 'generate_presigned_url' ? keyword(n, 'Params') : undefined;
    return push(scope, n, client, operationName(op), params ? dictTarget(scope, params) : undefined);
  }
  push(scope, n, client, operationName(method), callTarget(scope, n, method));
}

/** `getattr(client, name)(…)` with a computed name. */
function dynamicGetattr(scope: PyScope, n: PyNode, inner: PyNode): void {
  if (inner.childForFieldName('function')?.text !== 'getattr') return;
  const [obj, name] = positional(inner);
  if (!obj || !objectOf(scope, obj)) return;
  const method = stringValue(name);
  if (method === undefined) return void scope.out.undetermined.push({ reason: 'a boto3 method chosen by a computed name', loc: scope.parsed.locOf(n) });
  const o = objectOf(scope, obj)!;
  push(scope, n, o, operationName(method), o.target);
}

function push(scope: PyScope, n: PyNode, obj: PyObject, operation: string, target: CallTarget | undefined): void {
  if (obj.kind === 'session') return;
  if (obj.unknownService !== undefined) return void scope.out.undetermined.push({ reason: `${operation} of a boto3 ${obj.kind} of ${obj.unknownService}, whose IAM actions are not known here`, loc: scope.parsed.locOf(n) });
  scope.out.calls.push({ service: obj.service, operation, ...(target ? { target } : {}), ...(obj.ownCredentials ? { ownCredentials: true } : {}), ...aclOf(scope, n, obj.service), loc: scope.parsed.locOf(n) });
}

/** Arguments that set an object's ACL. */
const ACL_KEYS = new Set(['ACL', 'GrantRead', 'GrantReadACP', 'GrantWriteACP', 'GrantFullControl']);

/** The ACL an S3 call sets: `ACL='public-read'`, grants, or the same in the transfer methods' `ExtraArgs`. */
function aclOf(scope: PyScope, call: PyNode, service: string): { acl?: ObjectAcl } {
  if (service !== 's3') return {};
  for (const key of ACL_KEYS) {
    const v = keyword(call, key);
    if (v) return { acl: key === 'ACL' ? cannedAcl(scope, v) : {} };
  }
  let extra = keyword(call, 'ExtraArgs');
  if (extra?.type === 'identifier') extra = scope.assigned.get(extra.text);
  for (const pair of extra?.type === 'dictionary' ? extra.namedChildren : []) {
    const key = pair?.type === 'pair' ? stringValue(pair.childForFieldName('key')) : undefined;
    const value = pair?.childForFieldName('value');
    if (key !== undefined && ACL_KEYS.has(key)) return { acl: key === 'ACL' && value ? cannedAcl(scope, value) : {} };
  }
  return {};
}

function cannedAcl(scope: PyScope, v: PyNode): ObjectAcl {
  const target = targetValue(scope, v, 0);
  return target?.kind === 'literal' ? { canned: target.value } : {};
}

/** The target named by keyword (`TableName=…`), or by position for S3's transfer methods. */
function callTarget(scope: PyScope, call: PyNode, method: string): CallTarget | undefined {
  for (const k of TARGET_KEYWORDS) {
    const v = keyword(call, k);
    if (v) return targetValue(scope, v, 0);
  }
  const args = positional(call);
  if (/^upload_file/.test(method)) return targetValue(scope, args[1], 0);
  if (/^download_file/.test(method)) return targetValue(scope, args[0], 0);
  return undefined;
}

function dictTarget(scope: PyScope, dict: PyNode): CallTarget | undefined {
  if (dict.type !== 'dictionary') return undefined;
  for (const pair of dict.namedChildren) {
    if (pair?.type !== 'pair') continue;
    const key = stringValue(pair.childForFieldName('key'));
    if (key && TARGET_KEYWORDS.includes(key)) return targetValue(scope, pair.childForFieldName('value'), 0);
  }
  return undefined;
}

function targetValue(scope: PyScope, n: PyNode | undefined | null, depth: number): CallTarget | undefined {
  if (!n) return undefined;
  const literal = stringValue(n);
  if (literal !== undefined) return { kind: 'literal', value: literal };
  const env = envName(n);
  if (env) return { kind: 'env', name: env };
  if (n.type === 'identifier' && depth < 2) return targetValue(scope, scope.assigned.get(n.text), depth + 1);
  return undefined;
}

/** `os.environ['X']`, `os.environ.get('X')`, `os.getenv('X')`. */
function envName(n: PyNode): string | undefined {
  if (n.type === 'subscript' && n.childForFieldName('value')?.text === 'os.environ') return stringValue(n.childForFieldName('subscript'));
  if (n.type !== 'call') return undefined;
  const fn = n.childForFieldName('function')?.text;
  if (fn === 'os.environ.get' || fn === 'os.getenv' || fn === 'getenv') return stringValue(positional(n)[0]);
  return undefined;
}
