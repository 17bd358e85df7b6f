/**
 * Step Functions state machines as entry points: a `Task` state that invokes a Lambda function
 * (`arn:aws:states:::lambda:invoke` with its `FunctionName`, or the function's ARN as the state's
 * `Resource`) passes the state's input to the function as its event. Whoever starts an execution
 * chooses that input, so the function is triggered by the state machine (`step-functions`), and the
 * exposure analysis passes on who can start it (`analysis/exposure.ts`). A task that sends to a queue
 * or topic of the model (`sqs:sendMessage`, `sns:publish`) is recorded on the state machine
 * (`Resource.sends`): whoever starts it reaches that source's functions too. A task that puts,
 * updates or deletes an item of a table of the model is recorded too (`Resource.itemWrites`).
 *
 * The definition is read where the template gives it: `Definition` (a map, SAM and CloudFormation),
 * `DefinitionString` (JSON text, often built with `Fn::Sub`) or SAM's `DefinitionUri` (a local JSON or
 * YAML file); `DefinitionSubstitutions` fills its `${Name}` placeholders. A definition in S3 is not
 * read. Amazon States Language: https://states-language.net/spec.html
 */
import type { LambdaFunction, Resource } from '../../model/app-model.js';
import type { SourceLocation } from '../../model/location.js';
import { Composite, display, isValueMap, ResourceRef, type Value } from '../../model/value.js';
import { atPath, get, getEntry, toJs, type TNode } from '../../parse/tree.js';
import { prop, props, type LoadContext } from './load-context.js';
import { isRemote, readLocalTree } from './local-file.js';
import type { TemplateResource } from './template.js';

/** How deep Parallel and Map states may nest before the walk stops (hostile definitions). */
const MAX_NESTING = 16;

/** The service integrations that invoke a function; `.waitForTaskToken` waits for a callback. */
const LAMBDA_INVOKE = /^arn:aws[a-z-]*:states:::lambda:invoke(\.waitForTaskToken)?$/;

/** Integrations that send into a queue or topic, and the parameter naming it (optimized and AWS SDK forms). */
const SENDS: ReadonlyArray<readonly [RegExp, string]> = [
  [/^arn:aws[a-z-]*:states:::(aws-sdk:)?sqs:sendMessage(\.waitForTaskToken)?$/i, 'QueueUrl'],
  [/^arn:aws[a-z-]*:states:::(aws-sdk:)?sns:publish(\.waitForTaskToken)?$/i, 'TopicArn'],
];

/** Integrations that write one item of a table named by `TableName` (optimized and AWS SDK forms), and the operation. */
const ITEM_WRITE = /^arn:aws[a-z-]*:states:::(?:aws-sdk:)?dynamodb:(putItem|updateItem|deleteItem)$/i;

/** A function's ARN written as the task's resource (the older direct form), e.g. `arn:aws:lambda:<region>:<account>:function:name`. */
const LAMBDA_ARN = /^arn:aws[a-z-]*:lambda:/;

/** What is known of a definition: its states, and how to read a target written in it. */
interface Definition {
  root: unknown;
  /** Where the state at a path of the definition is written */
  locate(path: readonly string[]): SourceLocation;
  /** What a target written in the definition stands for: a reference to a resource, or text (a name, an ARN) */
  referenceOf(target: unknown): Value | undefined;
}

/** A Task state of the definition (`s`) and where it is. */
interface TaskState {
  state: string;
  path: string[];
  s: unknown;
}

/** One Task state that sends to a queue or topic. */
interface SendTask {
  state: string;
  path: string[];
  target: unknown;
}

/** One Task state that invokes a function. */
interface LambdaTask {
  state: string;
  path: string[];
  target: unknown;
  asynchronous: boolean;
}

export function linkStateMachine(ctx: LoadContext, r: TemplateResource): void {
  const definition = definitionOf(ctx, r);
  if (!definition) return;
  const id = ctx.template.resourceId(r.logicalId);
  addSends(ctx, id, definition);
  addItemWrites(ctx, id, definition);
  const machine = ctx.builder.resource(id);
  if (machine && ignoresInput(definition.root)) machine.ignoresInput = true;
  for (const task of lambdaTasks(definition.root)) {
    const fn = functionOf(ctx, definition.referenceOf(task.target));
    if (!fn) continue;
    ctx.builder.addTrigger({
      id: `${id}#${task.state}`,
      kind: 'step-functions',
      functionId: fn.id,
      sourceId: id,
      asynchronous: task.asynchronous,
      details: { state: task.state },
      loc: definition.locate(task.path),
    });
  }
}

/** The queues and topics of the model that the state machine's tasks send to (see `Resource.sends`). */
function addSends(ctx: LoadContext, id: string, definition: Definition): void {
  const machine = ctx.builder.resource(id);
  if (!machine) return;
  for (const task of sendTasks(definition.root)) {
    const target = ctx.builder.resourceOf(definition.referenceOf(task.target));
    if (target?.kind !== 'queue' && target?.kind !== 'topic') continue;
    (machine.sends ??= []).push({ targetId: target.id, state: task.state, loc: definition.locate(task.path) });
  }
}

function definitionOf(ctx: LoadContext, r: TemplateResource): Definition | undefined {
  // The resource's properties are evaluated already: evaluating again would repeat their diagnostics.
  const properties = ctx.builder.resource(ctx.template.resourceId(r.logicalId))?.properties ?? {};
  const substitutions = properties['DefinitionSubstitutions'];
  const substituted = (target: unknown): Value | undefined => substitutionOf(target, substitutions) ?? (target as Value);
  const inline = get(props(r), 'Definition');
  if (inline && isValueMap(properties['Definition'])) {
    return { root: properties['Definition'], locate: (path) => stateLoc(inline, path), referenceOf: substituted };
  }
  const text = properties['DefinitionString'];
  if (text !== undefined) return definitionFromText(ctx, r, text, substitutions);
  return definitionFromFile(ctx, r, substituted);
}

/** Where a state is written: its name, the key of its definition. */
function stateLoc(root: TNode, path: readonly string[]): SourceLocation {
  const entry = getEntry(atPath(root, path.slice(0, -1)), path[path.length - 1] ?? '');
  return entry?.keyLoc ?? root.loc;
}

/** `${Name}` alone, as DefinitionSubstitutions fills it: the value given for Name. */
function substitutionOf(target: unknown, substitutions: Value | undefined): Value | undefined {
  if (typeof target !== 'string' || !isValueMap(substitutions)) return undefined;
  const name = /^\$\{([^}]+)\}/.exec(target)?.[1];
  return name !== undefined ? substitutions[name] : undefined;
}

/**
 * JSON text, or text built with `Fn::Sub` / `Fn::Join` around references to resources: each
 * reference becomes a marker inside the JSON, read back when a task names it.
 */
function definitionFromText(ctx: LoadContext, r: TemplateResource, text: Value, substitutions: Value | undefined): Definition | undefined {
  const loc = prop(ctx, r, 'DefinitionString').loc;
  if (isValueMap(text)) return { root: text, locate: () => loc, referenceOf: (target) => target as Value };
  const parts = text instanceof Composite ? text.parts : typeof text === 'string' ? [text] : undefined;
  if (!parts) return undefined;
  const json = parts.map((p, i) => (typeof p === 'string' ? p : marker(i))).join('');
  let root: unknown;
  try {
    root = JSON.parse(json);
  } catch {
    ctx.template.diagnostics.warning('state-machine-definition-unreadable', `the DefinitionString of ${r.logicalId} is not JSON (${display(text).slice(0, 80)}): the functions its tasks invoke are not known`, loc);
    return undefined;
  }
  const referenceOf = (target: unknown): Value | undefined => {
    if (typeof target !== 'string') return undefined;
    const referenced = [...target.matchAll(MARKERS)].map((m) => parts[Number(m[1])]).find((p) => p instanceof ResourceRef);
    // Markers of values not known here (the region, the account) read back as their placeholders.
    const text = target.replace(MARKERS, (_, i: string) => String(parts[Number(i)]));
    return referenced ?? substitutionOf(text, substitutions) ?? text;
  };
  return { root, locate: () => loc, referenceOf };
}

/** The function a reference names, or one named by its FunctionName in the text. */
function functionOf(ctx: LoadContext, reference: Value | undefined): LambdaFunction | undefined {
  return ctx.builder.functionOf(reference) ?? namedFunction(ctx, reference);
}

/** A function named by its FunctionName, alone or at the end of an ARN (`arn:...:function:name[:qualifier]`). */
function namedFunction(ctx: LoadContext, target: unknown): LambdaFunction | undefined {
  const text = textOf(target);
  if (text === undefined || text.includes('${') || MARKER.test(text)) return undefined;
  const name = text.startsWith('arn:') ? /:function:([^:<>]+)(?::[^:]*)?$/.exec(text)?.[1] : text;
  return name ? ctx.builder.functionNamed(ctx.template.stackId, name) : undefined;
}

const marker = (i: number) => `@@faasguard-part-${i}@@`;
const MARKER = /@@faasguard-part-(\d+)@@/;
const MARKERS = new RegExp(MARKER.source, 'g');

/** SAM's `DefinitionUri` naming a file of the scanned directory. */
function definitionFromFile(ctx: LoadContext, r: TemplateResource, referenceOf: Definition['referenceOf']): Definition | undefined {
  const node = get(props(r), 'DefinitionUri');
  const location = node ? ctx.ev.value(node) : undefined;
  if (!node || typeof location !== 'string' || isRemote(location) || !ctx.reader) return undefined;
  const tree = readLocalTree(ctx.reader, location, `DefinitionUri ${location}`, node.loc, ctx.template.diagnostics);
  if (!tree) return undefined;
  const root: TNode = tree.root;
  return { root: toJs(root), locate: (path) => stateLoc(root, path), referenceOf };
}

/** The tables of the model whose items the state machine's tasks put, update or delete (see `Resource.itemWrites`). */
function addItemWrites(ctx: LoadContext, id: string, definition: Definition): void {
  const machine = ctx.builder.resource(id);
  if (!machine) return;
  for (const { state, path, s } of allTasks(definition.root)) {
    const operation = ITEM_WRITE.exec(textOf(field(s, 'Resource')) ?? '')?.[1];
    const tableName = field(field(s, 'Parameters') ?? field(s, 'Arguments'), 'TableName');
    const table = operation && tableName !== undefined ? tableOf(ctx, definition.referenceOf(tableName)) : undefined;
    if (!operation || table?.kind !== 'table') continue;
    const createsOnly = NEW_ITEMS_ONLY.test(JSON.stringify(field(s, 'Parameters') ?? field(s, 'Arguments') ?? {}));
    (machine.itemWrites ??= []).push({ targetId: table.id, state, operation: operation[0]!.toUpperCase() + operation.slice(1), ...(createsOnly ? { createsOnly } : {}), loc: definition.locate(path) });
  }
}

/** The table a task names: by reference, or by the same parameter or text as the table's own `TableName`. */
function tableOf(ctx: LoadContext, name: Value | undefined): Resource | undefined {
  const stack = ctx.template.stackId;
  return ctx.builder.resourceOf(name) ?? ctx.builder.resourceNamed(stack, 'AWS::DynamoDB::Table', 'TableName', name) ?? ctx.builder.resourceNamed(stack, 'AWS::Serverless::SimpleTable', 'TableName', name);
}

/** What makes a put create an item and replace none: a key made anew, or a condition that the item is not there yet. */
const NEW_ITEMS_ONLY = /States\.UUID\(|\$\$\.Execution\.(Id|Name)|attribute_not_exists/;

/** The Task states that send to a queue or topic. */
function sendTasks(root: unknown): SendTask[] {
  return allTasks(root).flatMap(({ state, path, s }) => {
    const text = textOf(field(s, 'Resource'));
    const parameter = text !== undefined ? SENDS.find(([re]) => re.test(text))?.[1] : undefined;
    if (parameter === undefined) return [];
    const target = field(field(s, 'Parameters') ?? field(s, 'Arguments'), parameter);
    return target === undefined ? [] : [{ state, path, target }];
  });
}

/** The Task states that invoke a function. */
function lambdaTasks(root: unknown): LambdaTask[] {
  return allTasks(root).flatMap(({ state, path, s }) => lambdaTask(state, s, path) ?? []);
}

/** States that use nothing of their input: a Pass (its output goes nowhere but the execution's), a Wait for a fixed time, an end. */
const INPUT_FREE_STATES = new Set(['Pass', 'Succeed', 'Fail']);

/** Whether no state of the definition reads its input (a Choice decides on it, a Task hands it on, a Wait may take its time from it). */
function ignoresInput(machine: unknown): boolean {
  const states = field(machine, 'States');
  if (!isObject(states)) return false;
  return Object.values(states).every((state) => {
    const type = field(state, 'Type');
    if (type === 'Wait') return field(state, 'SecondsPath') === undefined && field(state, 'TimestampPath') === undefined && typeof field(state, 'Seconds') === 'number';
    return typeof type === 'string' && INPUT_FREE_STATES.has(type);
  });
}

/** Every Task state, through Parallel branches and Map iterations, with where it is in the definition. */
function allTasks(root: unknown): TaskState[] {
  const out: TaskState[] = [];
  collect(root, [], 0, out);
  return out;
}

function collect(machine: unknown, path: string[], depth: number, out: TaskState[]): void {
  const states = field(machine, 'States');
  if (!isObject(states) || depth > MAX_NESTING) return;
  for (const [name, state] of Object.entries(states)) {
    const at = [...path, 'States', name];
    if (field(state, 'Type') === 'Task') out.push({ state: name, path: at, s: state });
    const branches = field(state, 'Branches');
    if (Array.isArray(branches)) branches.forEach((b, i) => collect(b, [...at, 'Branches', String(i)], depth + 1, out));
    for (const key of ['ItemProcessor', 'Iterator']) collect(field(state, key), [...at, key], depth + 1, out);
  }
}

function lambdaTask(state: string, s: unknown, path: string[]): LambdaTask | undefined {
  const resource = field(s, 'Resource');
  const text = textOf(resource);
  if (text !== undefined && LAMBDA_INVOKE.test(text)) {
    // JSONPath tasks give `Parameters`, JSONata tasks `Arguments`; `FunctionName.$` is chosen at run time.
    const params = field(s, 'Parameters') ?? field(s, 'Arguments');
    const target = field(params, 'FunctionName');
    if (target === undefined) return undefined;
    return { state, path, target, asynchronous: field(params, 'InvocationType') === 'Event' };
  }
  if (resource === undefined || (text !== undefined && !LAMBDA_ARN.test(text) && !text.startsWith('${') && !MARKER.test(text))) return undefined;
  return { state, path, target: resource, asynchronous: false };
}

/** A target as text: a string, or an ARN built with `Fn::Sub` around the region and account (`<region>` in place of what is not known). */
function textOf(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  return v instanceof Composite ? v.toString() : undefined;
}

function field(v: unknown, key: string): unknown {
  return isObject(v) ? v[key] : undefined;
}

/** A map of the definition, parsed JSON or evaluated: not an array, not a reference. */
function isObject(v: unknown): v is Record<string, unknown> {
  return isValueMap(v as Value);
}
