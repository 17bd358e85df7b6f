/**
 * AWS SDK calls in a JavaScript or TypeScript file: SDK v3 commands (`new PutObjectCommand(…)`,
 * `@aws-sdk/lib-dynamodb` commands, `paginateX`, lib-storage `Upload`), v3 aggregated clients and
 * SDK v2 clients (`new AWS.S3().putObject(…)`, `DocumentClient` methods). Bindings are tracked by
 * name within the file; a call whose operation the code computes is undetermined.
 */
import { mayEscapeStrings, ts, type ParsedFile } from '../parse-js.js';
import { mayHoldAnyWord } from '../word-spans.js';
import type { CallTarget, FileCalls, ObjectAcl } from './aws-call.js';
import { classService, documentOperation, operationName, packageService } from './service-map.js';
import { NPM_SDK_WORDS, npmWrapper } from './sdk-wrappers.js';
import { DURABLE_CONTEXT_CALLS, DURABLE_NPM_PACKAGE, DURABLE_NPM_WRAPPER } from './durable-sdk.js';

/** What an imported name is: the package and the name it exports (`*` for the whole module). */
interface Binding {
  pkg: string;
  name: string;
}

/** A client object: its service, whether it is a DynamoDB document client, and whether the code gave it credentials. */
interface Client {
  service: string;
  document: boolean;
  ownCredentials: boolean;
  /** The package of a client whose IAM prefix is not known here: its calls are undetermined, never left out */
  unknownService?: string;
}

/** Client configuration keys that carry credentials (v3 `credentials`, v2 `accessKeyId`). */
const CREDENTIAL_KEYS = ['credentials', 'accessKeyId', 'secretAccessKey', 'sessionToken'];

/** Request parameters that name the call's target. */
const TARGET_KEYS = ['TableName', 'Bucket', 'QueueUrl', 'TopicArn', 'FunctionName', 'StreamName', 'DeliveryStreamName', 'SecretId', 'StateMachineArn', 'Name'];

/** Client methods that are not API operations. */
const NOT_OPERATIONS = new Set(['send', 'promise', 'destroy', 'config', 'on', 'middlewareStack', 'makeRequest', 'makeUnauthenticatedRequest', 'waitFor', 'createSet', 'createPresignedPost', 'setupRequestListeners', 'then']);

const MAX_NODES = 300_000;
/** Deeper trees (generated or hostile code) are cut, as the stack would be */
const MAX_DEPTH = 500;

interface FileScope {
  parsed: ParsedFile;
  imports: Map<string, Binding>;
  clients: Map<string, Client>;
  consts: Map<string, ts.Expression>;
  /** v3 commands sent by a client with credentials of its own */
  sentWithOwnCredentials: Set<ts.Node>;
  out: FileCalls;
}

export function extractJsCalls(parsed: ParsedFile): FileCalls {
  const scope: FileScope = { parsed, imports: new Map(), clients: new Map(), consts: new Map(), sentWithOwnCredentials: new Set(), out: { calls: [], undetermined: [] } };
  // Calls are found only through imports of the SDK or of a wrapper: a file that cannot spell one
  // (most files of a project) is not walked.
  if (!mayHoldAnyWord(parsed.text, SDK_WORDS, mayEscapeStrings(parsed.text))) return scope.out;
  // Each pass needs the previous one's bindings over the whole file, but only these nodes.
  const nodes = nodesOfKinds(parsed.ast, lookedAtKinds());
  for (const n of nodes) collectBinding(scope, n);
  if (parsed.text.includes(DURABLE_NPM_PACKAGE)) collectDurableCalls(scope, nodes);
  if (scope.imports.size === 0) return scope.out;
  for (const n of nodes) collectClient(scope, n);
  for (const n of nodes) collectSend(scope, n);
  for (const n of nodes) collectCall(scope, n);
  return scope.out;
}

/** What an import of the SDK, of a wrapper or of the durable execution SDK spells. */
const SDK_WORDS = [...NPM_SDK_WORDS, DURABLE_NPM_PACKAGE];

/**
 * A durable function's calls through its context (`context.invoke(functionId, input)` or
 * `context.invoke(name, functionId, input)`): the context is the second parameter of the handler
 * given to `withDurableExecution`.
 */
function collectDurableCalls(scope: FileScope, nodes: readonly ts.Node[]): void {
  const contexts = new Set<string>();
  for (const n of nodes) {
    if (!ts.isCallExpression(n) || calleeName(n) !== DURABLE_NPM_WRAPPER) continue;
    const handler = n.arguments[0] ? unwrap(n.arguments[0]) : undefined;
    const second = handler && (ts.isArrowFunction(handler) || ts.isFunctionExpression(handler)) ? handler.parameters[1]?.name : undefined;
    if (second && ts.isIdentifier(second)) contexts.add(second.text);
  }
  for (const n of nodes) {
    if (!ts.isCallExpression(n) || !ts.isPropertyAccessExpression(n.expression) || !ts.isIdentifier(n.expression.expression)) continue;
    const call = DURABLE_CONTEXT_CALLS.get(n.expression.name.text);
    if (!call || !contexts.has(n.expression.expression.text)) continue;
    // With a step name first, the function is the second argument, a name the code can read (the input is data).
    const [first, second] = n.arguments;
    const target = (second ? targetValue(scope, second, 0) : undefined) ?? (first ? targetValue(scope, first, 0) : undefined);
    scope.out.calls.push({ ...call, ...(target ? { target } : {}), loc: scope.parsed.locOf(n) });
  }
}

/** The only kinds of node the passes act on (made on first use: the compiler's enums exist only once it is loaded). */
let lookedAt: ReadonlySet<ts.SyntaxKind> | undefined;
function lookedAtKinds(): ReadonlySet<ts.SyntaxKind> {
  const k = ts.SyntaxKind;
  return (lookedAt ??= new Set([k.ImportDeclaration, k.VariableDeclaration, k.BinaryExpression, k.CallExpression, k.NewExpression]));
}

/** Nodes of the given kinds, in document order, within the node and depth bounds. */
function nodesOfKinds(root: ts.Node, kinds: ReadonlySet<ts.SyntaxKind>): ts.Node[] {
  const out: ts.Node[] = [];
  let budget = MAX_NODES;
  let depth = 0;
  const go = (n: ts.Node): void => {
    if (--budget < 0 || depth > MAX_DEPTH) return;
    if (kinds.has(n.kind)) out.push(n);
    depth++;
    ts.forEachChild(n, go);
    depth--;
  };
  go(root);
  return out;
}

function isSdkPackage(pkg: string): boolean {
  return pkg.startsWith('@aws-sdk/') || pkg === 'aws-sdk' || pkg.startsWith('aws-sdk/');
}

function collectBinding(scope: FileScope, n: ts.Node): void {
  const imported = importedPackage(n);
  const wrapper = imported === undefined ? undefined : npmWrapper(imported);
  if (wrapper) scope.out.undetermined.push({ reason: `calls made by ${wrapper}`, loc: scope.parsed.locOf(n) });
  if (ts.isImportDeclaration(n) && ts.isStringLiteral(n.moduleSpecifier)) return importBindings(scope, n.moduleSpecifier.text, n.importClause);
  if (!ts.isVariableDeclaration(n) || !n.initializer) return;
  const init = unwrap(n.initializer);
  // `AWSXRay.captureAWS(require('aws-sdk'))` returns the SDK, traced.
  const pkg = requiredPackage(init) ?? requiredPackage(wrappedArgument(init));
  if (pkg !== undefined && isSdkPackage(pkg)) return bindPattern(scope, pkg, n.name);
  if (ts.isIdentifier(n.name)) scope.consts.set(n.name.text, init);
}

/** The package an import declaration or a `require`/`import()` call names. */
function importedPackage(n: ts.Node): string | undefined {
  if (ts.isImportDeclaration(n)) return ts.isStringLiteral(n.moduleSpecifier) ? n.moduleSpecifier.text : undefined;
  return ts.isCallExpression(n) ? requiredPackage(n) : undefined;
}

/** The one argument of a call that wraps it (`captureAWS(x)`, `captureAWSClient(x)`): `x`. */
function wrappedArgument(e: ts.Expression): ts.Expression {
  return ts.isCallExpression(e) && e.arguments.length === 1 ? unwrap(e.arguments[0]!) : e;
}

function importBindings(scope: FileScope, pkg: string, clause: ts.ImportClause | undefined): void {
  if (!clause || !isSdkPackage(pkg)) return;
  if (clause.name) scope.imports.set(clause.name.text, { pkg, name: '*' });
  const named = clause.namedBindings;
  if (!named) return;
  if (ts.isNamespaceImport(named)) return void scope.imports.set(named.name.text, { pkg, name: '*' });
  for (const el of named.elements) scope.imports.set(el.name.text, { pkg, name: (el.propertyName ?? el.name).text });
}

function bindPattern(scope: FileScope, pkg: string, name: ts.BindingName): void {
  if (ts.isIdentifier(name)) return void scope.imports.set(name.text, { pkg, name: '*' });
  if (!ts.isObjectBindingPattern(name)) return;
  for (const el of name.elements) {
    if (!ts.isIdentifier(el.name)) continue;
    const exported = el.propertyName && ts.isIdentifier(el.propertyName) ? el.propertyName.text : el.name.text;
    scope.imports.set(el.name.text, { pkg, name: exported });
  }
}

/** `require('x')`, `await import('x')` → `x`. */
function requiredPackage(e: ts.Node): string | undefined {
  if (!ts.isCallExpression(e) || e.arguments.length !== 1) return undefined;
  const arg = e.arguments[0]!;
  const isRequire = ts.isIdentifier(e.expression) && e.expression.text === 'require';
  const isImport = e.expression.kind === ts.SyntaxKind.ImportKeyword;
  return (isRequire || isImport) && ts.isStringLiteralLike(arg) ? arg.text : undefined;
}

function unwrap(e: ts.Expression): ts.Expression {
  while (ts.isParenthesizedExpression(e) || ts.isAwaitExpression(e) || ts.isAsExpression(e) || ts.isNonNullExpression(e)) e = e.expression;
  return e;
}

function collectClient(scope: FileScope, n: ts.Node): void {
  if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && n.initializer) {
    const client = clientOf(scope, unwrap(n.initializer));
    if (client) scope.clients.set(n.name.text, client);
    return;
  }
  // `this.s3 = new S3()` and `s3 = new S3()`: tracked by the assigned name.
  if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
    const client = clientOf(scope, unwrap(n.right));
    const name = ts.isIdentifier(n.left) ? n.left.text : ts.isPropertyAccessExpression(n.left) ? `.${n.left.name.text}` : undefined;
    if (client && name) scope.clients.set(name, client);
  }
}

/** The client an expression creates: `new S3Client()`, `new AWS.S3()`, `new AWS.DynamoDB.DocumentClient()`, `DynamoDBDocument.from(…)`. */
function clientOf(scope: FileScope, e: ts.Expression): Client | undefined {
  // X-Ray's `captureAWSClient(new AWS.S3())` returns the client it traces.
  if (ts.isCallExpression(e) && /^captureAWS(v3)?Client$/.test(calleeName(e))) return e.arguments[0] ? clientOf(scope, unwrap(e.arguments[0])) : undefined;
  if (ts.isCallExpression(e) && ts.isPropertyAccessExpression(e.expression) && e.expression.name.text === 'from') {
    const b = bindingOf(scope, e.expression.expression);
    if (b?.pkg !== '@aws-sdk/lib-dynamodb') return undefined;
    const inner = e.arguments[0] ? receiverClient(scope, unwrap(e.arguments[0])) : undefined;
    return { service: 'dynamodb', document: true, ownCredentials: inner?.ownCredentials ?? false };
  }
  if (!ts.isNewExpression(e)) return undefined;
  const callee = e.expression;
  const ownCredentials = hasCredentials(scope, e.arguments?.[0]);
  if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'DocumentClient') return { service: 'dynamodb', document: true, ownCredentials };
  const b = bindingOf(scope, callee);
  if (!b || b.name.endsWith('Command')) return undefined;
  if (b.name === 'DocumentClient') return { service: 'dynamodb', document: true, ownCredentials };
  const clientsPath = /^aws-sdk\/clients\/(.+)$/.exec(b.pkg);
  const service = clientsPath ? classService(clientsPath[1]!) : packageService(b.pkg) ?? classService(b.name);
  if (b.name === 'Upload') return undefined;
  if (!service) return isClientPackage(b.pkg) ? { service: '', document: false, ownCredentials, unknownService: b.pkg } : undefined;
  return { service, document: b.pkg === '@aws-sdk/lib-dynamodb', ownCredentials };
}

function calleeName(e: ts.CallExpression): string {
  const c = e.expression;
  return ts.isIdentifier(c) ? c.text : ts.isPropertyAccessExpression(c) ? c.name.text : '';
}

/** Providers that resolve to the function's own execution role in Lambda. */
const ROLE_PROVIDERS = ['fromEnv', 'fromNodeProviderChain', 'defaultProvider'];

/** Whether a client's configuration object names credentials other than the execution role's. */
function hasCredentials(scope: FileScope, config: ts.Expression | undefined): boolean {
  const obj = objectOf(scope, config);
  for (const p of obj?.properties ?? []) {
    if (!p.name || !CREDENTIAL_KEYS.includes(propertyName(p.name) ?? '')) continue;
    const value = ts.isPropertyAssignment(p) ? unwrap(p.initializer) : undefined;
    const provider = value && ts.isCallExpression(value) && ts.isIdentifier(value.expression) ? value.expression.text : undefined;
    if (provider === undefined || !ROLE_PROVIDERS.includes(provider)) return true;
  }
  return false;
}

/** `client.send(new XCommand(…))` or `client.send(command)` by a client with credentials of its own. */
function collectSend(scope: FileScope, n: ts.Node): void {
  if (!ts.isCallExpression(n) || !ts.isPropertyAccessExpression(n.expression) || n.expression.name.text !== 'send') return;
  if (!receiverClient(scope, unwrap(n.expression.expression))?.ownCredentials) return;
  const arg = n.arguments[0] ? unwrap(n.arguments[0]) : undefined;
  const command = arg && ts.isIdentifier(arg) ? scope.consts.get(arg.text) : arg;
  if (command) scope.sentWithOwnCredentials.add(command);
}

/** The import an identifier or `ns.Name` stands for; for the whole v2 SDK, `AWS.S3` is `{ aws-sdk, S3 }`. */
function bindingOf(scope: FileScope, e: ts.Expression): Binding | undefined {
  if (ts.isIdentifier(e)) return scope.imports.get(e.text);
  if (!ts.isPropertyAccessExpression(e) || !ts.isIdentifier(e.expression)) return undefined;
  const ns = scope.imports.get(e.expression.text);
  return ns && ns.name === '*' ? { pkg: ns.pkg, name: e.name.text } : undefined;
}

function collectCall(scope: FileScope, n: ts.Node): void {
  if (ts.isNewExpression(n)) return commandCall(scope, n);
  if (ts.isCallExpression(n)) return methodCall(scope, n);
}

/** `new PutObjectCommand({ Bucket })`, `new Upload({ client, params })`, and commands picked by a computed name. */
function commandCall(scope: FileScope, n: ts.NewExpression): void {
  const callee = n.expression;
  const { out, parsed } = scope;
  if (ts.isElementAccessExpression(callee) && ts.isIdentifier(callee.expression) && scope.imports.has(callee.expression.text)) {
    return void out.undetermined.push({ reason: 'an SDK command chosen by a computed name', loc: parsed.locOf(n) });
  }
  const b = bindingOf(scope, callee);
  if (!b || !b.pkg.startsWith('@aws-sdk/')) return;
  const service = packageService(b.pkg);
  if (!service) return unknownServiceCall(scope, n, b, b.name.endsWith('Command'));
  const arg = n.arguments?.[0];
  if (b.name === 'Upload' && b.pkg === '@aws-sdk/lib-storage') {
    const params = paramsOf(scope, arg);
    return void out.calls.push({ service: 's3', operation: 'Upload', ...targetOf(scope, params), ...uploadCredentials(scope, arg), ...aclOf(scope, 's3', params), loc: parsed.locOf(n) });
  }
  if (!b.name.endsWith('Command')) return;
  const operation = b.pkg === '@aws-sdk/lib-dynamodb' ? documentOperation(b.name) : b.name.slice(0, -'Command'.length);
  if (!operation) return void out.undetermined.push({ reason: `${b.name} of ${b.pkg} is not a known operation`, loc: parsed.locOf(n) });
  out.calls.push({ service, operation, ...targetOf(scope, arg), ...(scope.sentWithOwnCredentials.has(n) ? { ownCredentials: true } : {}), ...aclOf(scope, service, arg), loc: parsed.locOf(n) });
}

/** lib-storage's `Upload` takes its client under `client`. */
function uploadCredentials(scope: FileScope, arg: ts.Expression | undefined): { ownCredentials?: true } {
  const p = objectOf(scope, arg)?.properties.find((x): x is ts.PropertyAssignment => ts.isPropertyAssignment(x) && propertyName(x.name) === 'client');
  return p && receiverClient(scope, unwrap(p.initializer))?.ownCredentials ? { ownCredentials: true } : {};
}

/** lib-storage's `Upload` takes the request under `params`. */
function paramsOf(scope: FileScope, arg: ts.Expression | undefined): ts.Expression | undefined {
  const obj = objectOf(scope, arg);
  const p = obj?.properties.find((x): x is ts.PropertyAssignment => ts.isPropertyAssignment(x) && propertyName(x.name) === 'params');
  return p?.initializer;
}

function methodCall(scope: FileScope, n: ts.CallExpression): void {
  const { out, parsed } = scope;
  const callee = n.expression;
  const paginator = bindingOf(scope, callee);
  if (paginator && paginator.pkg.startsWith('@aws-sdk/') && /^paginate[A-Z]/.test(paginator.name)) {
    const service = packageService(paginator.pkg);
    if (!service) return unknownServiceCall(scope, n, paginator, true);
    out.calls.push({ service, operation: paginator.name.slice('paginate'.length), ...targetOf(scope, n.arguments[1]), loc: parsed.locOf(n) });
    return;
  }
  if (!ts.isPropertyAccessExpression(callee) && !ts.isElementAccessExpression(callee)) return;
  const client = receiverClient(scope, unwrap(callee.expression));
  if (!client) return;
  if (client.unknownService !== undefined) {
    const name = ts.isPropertyAccessExpression(callee) ? callee.name.text : 'a method';
    if (!NOT_OPERATIONS.has(name)) out.undetermined.push({ reason: `${name} of a client of ${client.unknownService}, whose IAM actions are not known here`, loc: parsed.locOf(n) });
    return;
  }
  const method = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isStringLiteralLike(callee.argumentExpression) ? callee.argumentExpression.text : undefined;
  if (method === undefined) return void out.undetermined.push({ reason: `a ${client.service} client method chosen by a computed name`, loc: parsed.locOf(n) });
  if (method === 'getSignedUrl' || method === 'getSignedUrlPromise') return signedUrl(scope, n, client);
  if (NOT_OPERATIONS.has(method)) return;
  const operation = client.document ? documentOperation(method) : operationName(method);
  if (!operation) return void out.undetermined.push({ reason: `${method} of a DynamoDB document client is not a known operation`, loc: parsed.locOf(n) });
  out.calls.push({ service: client.service, operation, ...targetOf(scope, n.arguments[0]), ...(client.ownCredentials ? { ownCredentials: true } : {}), ...aclOf(scope, client.service, n.arguments[0]), loc: parsed.locOf(n) });
}

/** v2 `s3.getSignedUrl('getObject', params)`: the URL's holder makes the request with the function's permissions. */
function signedUrl(scope: FileScope, n: ts.CallExpression, client: Client): void {
  const op = n.arguments[0];
  const loc = scope.parsed.locOf(n);
  if (!op || !ts.isStringLiteralLike(op)) return void scope.out.undetermined.push({ reason: 'a presigned URL for a computed operation', loc });
  scope.out.calls.push({ service: client.service, operation: operationName(op.text), ...targetOf(scope, n.arguments[1]), ...(client.ownCredentials ? { ownCredentials: true } : {}), ...aclOf(scope, client.service, n.arguments[1]), loc });
}

/** A v3 client package (`@aws-sdk/client-*`), whose commands and clients are AWS calls. */
function isClientPackage(pkg: string): boolean {
  return pkg.startsWith('@aws-sdk/client-');
}

/** A command or paginator of a client package whose IAM prefix is not known here: undetermined, so that no rule takes the code for calling less. */
function unknownServiceCall(scope: FileScope, n: ts.Node, b: Binding, isCall: boolean): void {
  if (!isCall || !isClientPackage(b.pkg)) return;
  scope.out.undetermined.push({ reason: `${b.name} of ${b.pkg}, whose IAM actions are not known here`, loc: scope.parsed.locOf(n) });
}

function receiverClient(scope: FileScope, e: ts.Expression): Client | undefined {
  if (ts.isIdentifier(e)) return scope.clients.get(e.text);
  if (ts.isPropertyAccessExpression(e) && e.expression.kind === ts.SyntaxKind.ThisKeyword) return scope.clients.get(`.${e.name.text}`);
  return clientOf(scope, e);
}

function objectOf(scope: FileScope, e: ts.Expression | undefined): ts.ObjectLiteralExpression | undefined {
  if (!e) return undefined;
  let v = unwrap(e);
  if (ts.isIdentifier(v)) v = scope.consts.get(v.text) ?? v;
  return ts.isObjectLiteralExpression(v) ? v : undefined;
}

function propertyName(n: ts.PropertyName): string | undefined {
  return ts.isIdentifier(n) || ts.isStringLiteral(n) ? n.text : undefined;
}

/** Request parameters that set an object's ACL. */
const ACL_KEYS = new Set(['ACL', 'GrantRead', 'GrantReadACP', 'GrantWriteACP', 'GrantFullControl']);

/** The ACL an S3 request sets: `ACL: 'public-read'`, or grants. */
function aclOf(scope: FileScope, service: string, arg: ts.Expression | undefined): { acl?: ObjectAcl } {
  if (service !== 's3') return {};
  const p = objectOf(scope, arg)?.properties.find((x) => (ts.isPropertyAssignment(x) || ts.isShorthandPropertyAssignment(x)) && ACL_KEYS.has(propertyName(x.name) ?? ''));
  if (!p || !p.name) return {};
  const value = ts.isPropertyAssignment(p) ? p.initializer : ts.isShorthandPropertyAssignment(p) ? p.name : undefined;
  const target = propertyName(p.name) === 'ACL' && value ? targetValue(scope, value, 0) : undefined;
  return { acl: target?.kind === 'literal' ? { canned: target.value } : {} };
}

/** The target a request names (`TableName: process.env.ORDERS_TABLE`, `Bucket: 'assets'`). */
function targetOf(scope: FileScope, arg: ts.Expression | undefined): { target?: CallTarget } {
  const obj = objectOf(scope, arg);
  if (!obj) return {};
  for (const key of TARGET_KEYS) {
    const p = obj.properties.find((x) => (ts.isPropertyAssignment(x) || ts.isShorthandPropertyAssignment(x)) && propertyName(x.name) === key);
    if (!p) continue;
    const value = ts.isPropertyAssignment(p) ? p.initializer : ts.isShorthandPropertyAssignment(p) ? p.name : undefined;
    const target = value ? targetValue(scope, value, 0) : undefined;
    return target ? { target } : {};
  }
  return {};
}

function targetValue(scope: FileScope, e: ts.Expression, depth: number): CallTarget | undefined {
  const v = unwrap(e);
  if (ts.isStringLiteralLike(v)) return { kind: 'literal', value: v.text };
  const env = envName(v);
  if (env) return { kind: 'env', name: env };
  if (ts.isIdentifier(v) && depth < 2) {
    const init = scope.consts.get(v.text);
    return init ? targetValue(scope, init, depth + 1) : undefined;
  }
  return undefined;
}

/** `process.env.X`, `process.env['X']`. */
function envName(e: ts.Expression): string | undefined {
  const isEnv = (x: ts.Expression): boolean => ts.isPropertyAccessExpression(x) && x.name.text === 'env' && ts.isIdentifier(x.expression) && x.expression.text === 'process';
  if (ts.isPropertyAccessExpression(e) && isEnv(e.expression)) return e.name.text;
  if (ts.isElementAccessExpression(e) && isEnv(e.expression) && ts.isStringLiteralLike(e.argumentExpression)) return e.argumentExpression.text;
  return undefined;
}
