/**
 * What can delete or overwrite a DynamoDB table's items: the functions whose role lets them, by
 * naming the table (a reference, its literal name) or by a statement on every table (`*`,
 * `table/*`) of their own app, the API routes whose DynamoDB integration calls such an action
 * on it, unless it keys the item by the request's id, and the AppSync resolvers whose request
 * does, through a DynamoDB data source. Item actions only: creating a backup or tagging the table
 * changes no item.
 */
import type { GraphqlOperation, IamRole, LambdaFunction, Resource, Route, RouteIntegration, StateMachineItemWrite } from '../model/app-model.js';
import { statementsKnown } from '../iam/code-usage.js';
import { tableKeyAttributes } from '../model/facts/table-key-attributes.js';
import { graphqlApiFacts } from '../model/facts/graphql-api-facts.js';
import { display, referencedResource, type Value } from '../model/value.js';
import type { SourceLocation } from '../model/location.js';
import { iotRuleTableWrites, TOPIC_RULE_TYPE } from '../model/facts/iot-rule-table-writes.js';
import type { ModelIndex } from '../model/model-index.js';
import { rolePermissions, type GrantingStatement } from '../iam/role-permissions.js';
import { actionId, grantsAction, type ExpandedAction } from '../iam/expand-actions.js';
import { linkedSources } from './linked-resources.js';

/** Actions that remove items (or the whole table). */
const DELETES = new Set(['dynamodb:DeleteItem', 'dynamodb:BatchWriteItem', 'dynamodb:PartiQLDelete', 'dynamodb:DeleteTable']);
/** Actions that replace or change items already there. */
const OVERWRITES = new Set(['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:BatchWriteItem', 'dynamodb:PartiQLUpdate']);

export interface TableItemWriters {
  /** Functions that can delete items, in model order */
  deleters: LambdaFunction[];
  /** For each of them (by model id), the actions that let it delete items, sorted */
  deleteActions: Map<string, string[]>;
  /** Those of them that can also overwrite items (by model id) */
  deletersThatOverwrite: Set<string>;
  /** Functions that can overwrite items but not delete them, in model order */
  overwriters: LambdaFunction[];
  /** API routes whose integration deletes items, in model order */
  deletingRoutes: Route[];
  /** API routes whose integration puts or updates items, in model order */
  overwritingRoutes: Route[];
  /** AppSync resolvers and pipeline functions whose request deletes items, in model order */
  deletingResolvers: GraphqlWriter[];
  /** Those whose request puts (not only new items) or updates items, in model order */
  overwritingResolvers: GraphqlWriter[];
  /** Step Functions state machines with a task that deletes items, in model order */
  deletingMachines: MachineWriter[];
  /** Those with tasks that only put or update items, in model order */
  overwritingMachines: MachineWriter[];
  /** AWS IoT topic rules that put each message they select into the table, in model order */
  overwritingRules: IotRuleWriter[];
}

/** An IoT topic rule whose DynamoDB action writes into the table. */
export interface IotRuleWriter {
  rule: Resource;
  loc: SourceLocation;
}

/** A state machine whose tasks write items of the table. */
export interface MachineWriter {
  machine: Resource;
  /** Its tasks that write items of the table, in definition order */
  tasks: StateMachineItemWrite[];
}

/** An AppSync resolver or pipeline function that writes to the table through a DynamoDB data source. */
export interface GraphqlWriter {
  api: Resource;
  operation: GraphqlOperation;
  /** The DynamoDB operations of its request that delete or change items, sorted */
  writes: string[];
}

/** What each function's statements let it do to which tables: found once per model index. */
const CACHE = new WeakMap<ModelIndex, Map<string, TableItemWriters>>();

/** The writers of one table (model id). */
export function tableItemWriters(table: Resource, index: ModelIndex): TableItemWriters {
  let byTable = CACHE.get(index);
  if (!byTable) CACHE.set(index, (byTable = writersByTable(index)));
  return byTable.get(table.id) ?? none();
}

function none(): TableItemWriters {
  return { deleters: [], deleteActions: new Map(), deletersThatOverwrite: new Set(), overwriters: [], deletingRoutes: [], overwritingRoutes: [], deletingResolvers: [], overwritingResolvers: [], deletingMachines: [], overwritingMachines: [], overwritingRules: [] };
}

function writersByTable(index: ModelIndex): Map<string, TableItemWriters> {
  // Each app's table ids, made once: a statement is checked against its function's app.
  const tablesOfApp = new Map<string, Set<string>>();
  for (const r of index.model.resources) {
    if (r.kind !== 'table') continue;
    const app = index.appOf(r);
    tablesOfApp.set(app, (tablesOfApp.get(app) ?? new Set()).add(r.id));
  }
  const noTables: ReadonlySet<string> = new Set();
  const out = new Map<string, TableItemWriters>();
  const writersOf = (id: string): TableItemWriters => {
    let writers = out.get(id);
    if (!writers) out.set(id, (writers = none()));
    return writers;
  };
  for (const fn of index.model.functions) {
    const role = index.roleOf(fn);
    if (!role) continue;
    const powers = new Map<string, ItemPower>();
    for (const s of rolePermissions(role, index).statements) {
      const power = itemPower(s);
      if (!power) continue;
      for (const id of tablesReached(s, tablesOfApp.get(index.appOf(fn)) ?? noTables, index)) powers.set(id, joined(powers.get(id), power));
    }
    for (const [id, power] of powers) addWriter(writersOf(id), fn, power);
  }
  for (const route of index.model.routes) {
    const integration = route.integration;
    const table = integration?.service === 'dynamodb' ? index.resource(integration.targetId) : undefined;
    if (!integration || table?.kind !== 'table' || writesNewItemsOnly(integration, table)) continue;
    const id = `dynamodb:${integration.action ?? ''}`;
    if (DELETES.has(id)) writersOf(table.id).deletingRoutes.push(route);
    else if (OVERWRITES.has(id)) writersOf(table.id).overwritingRoutes.push(route);
  }
  for (const r of index.model.resources) for (const op of r.graphqlOperations ?? []) addGraphqlWriter(op, index, writersOf);
  for (const r of index.model.resources) if (r.itemWrites) addMachineWriter(r, r.itemWrites, index, writersOf);
  for (const rule of index.resourcesOfType(TOPIC_RULE_TYPE)) addRuleWriter(rule, index, writersOf);
  return out;
}

/** An IoT rule's DynamoDB actions, each a put of the messages it selects, where its role may send it (an unknown role may). */
function addRuleWriter(rule: Resource, index: ModelIndex, writersOf: (id: string) => TableItemWriters): void {
  for (const write of iotRuleTableWrites(rule)) {
    const table = tableNamed(rule, write.table, index);
    const role = index.role(referencedResource(write.role)?.target);
    if (!table || write.createsOnly || (role && !roleAllows(role, 'PutItem', table, index))) continue;
    const writers = writersOf(table.id);
    if (!writers.overwritingRules.some((w) => w.rule === rule)) writers.overwritingRules.push({ rule, loc: write.loc });
  }
}

/** The table a value names: by reference, or a table of the same template whose TableName is written the same. */
function tableNamed(from: Resource, name: Value, index: ModelIndex): Resource | undefined {
  const ref = index.resource(referencedResource(name)?.target);
  if (ref) return ref.kind === 'table' ? ref : undefined;
  const wanted = display(name);
  return index.resourcesOfTypes(['AWS::DynamoDB::Table', 'AWS::Serverless::SimpleTable']).find((t) => t.stack === from.stack && t.properties['TableName'] !== undefined && display(t.properties['TableName']) === wanted);
}

/** A state machine's tasks that write items, table by table, that its role may send (an unknown role may). */
function addMachineWriter(machine: Resource, writes: readonly StateMachineItemWrite[], index: ModelIndex, writersOf: (id: string) => TableItemWriters): void {
  const role = index.role(referencedResource(machine.properties['RoleArn'] ?? machine.properties['Role'])?.target);
  const byTable = new Map<string, StateMachineItemWrite[]>();
  for (const w of writes) {
    const table = index.resource(w.targetId);
    if (w.createsOnly && RESOLVER_PUTS.has(w.operation)) continue;
    if (table && (!role || roleAllows(role, w.operation, table, index))) byTable.set(w.targetId, [...(byTable.get(w.targetId) ?? []), w]);
  }
  for (const [tableId, tasks] of byTable) {
    const writers = writersOf(tableId);
    (tasks.some((t) => RESOLVER_DELETES.has(t.operation)) ? writers.deletingMachines : writers.overwritingMachines).push({ machine, tasks });
  }
}

/** DynamoDB operations of a resolver's request or a state machine's task that delete items, and those that change items already there. */
const RESOLVER_DELETES = new Set(['DeleteItem', 'BatchDeleteItem']);
const RESOLVER_CHANGES = new Set(['UpdateItem', 'TransactWriteItems']);
/** Puts replace an item of the same key, unless the request makes a new key or asks that none be there. */
const RESOLVER_PUTS = new Set(['PutItem', 'BatchPutItem']);

function addGraphqlWriter(op: GraphqlOperation, index: ModelIndex, writersOf: (id: string) => TableItemWriters): void {
  const api = index.resource(op.apiId);
  const source = api ? dynamoDbSource(api, op, index) : undefined;
  if (!api || !source) return;
  const { table, role } = source;
  const allowed = op.operations.filter((o) => !role || roleAllows(role, o, table, index));
  const deletes = allowed.filter((o) => RESOLVER_DELETES.has(o));
  const changes = allowed.filter((o) => RESOLVER_CHANGES.has(o) || (!op.createsOnly && RESOLVER_PUTS.has(o)));
  if (deletes.length > 0) writersOf(table.id).deletingResolvers.push({ api, operation: op, writes: [...deletes, ...changes].sort() });
  else if (changes.length > 0) writersOf(table.id).overwritingResolvers.push({ api, operation: op, writes: changes });
}

/** The table of the model behind the operation's DynamoDB data source (named by reference or by name), and the role of the model it acts with. */
function dynamoDbSource(api: Resource, op: GraphqlOperation, index: ModelIndex): { table: Resource; role: IamRole | undefined } | undefined {
  const ref = referencedResource(op.dataSource)?.target;
  const sources = graphqlApiFacts(api, index.model)?.dataSources ?? [];
  const source = sources.find((d) => (ref !== undefined ? d.id === ref : d.name === op.dataSource));
  if (source?.type !== 'AMAZON_DYNAMODB' || source.target?.kind !== 'table') return undefined;
  return { table: source.target, role: index.role(source.roleId) };
}

/** The IAM action AppSync calls for a request's operation; a transaction's are those of the items it writes. */
const OPERATION_ACTIONS: ReadonlyMap<string, string> = new Map([
  ['DeleteItem', 'dynamodb:DeleteItem'],
  ['BatchDeleteItem', 'dynamodb:BatchWriteItem'],
  ['PutItem', 'dynamodb:PutItem'],
  ['BatchPutItem', 'dynamodb:BatchWriteItem'],
  ['UpdateItem', 'dynamodb:UpdateItem'],
]);

/**
 * Whether the data source's role may send the operation to the table: AppSync's call fails
 * without it. A role whose statements are not all known may.
 */
function roleAllows(role: IamRole, operation: string, table: Resource, index: ModelIndex): boolean {
  const action = OPERATION_ACTIONS.get(operation);
  const statements = rolePermissions(role, index).statements;
  if (action === undefined || !statementsKnown(role.policies.every((p) => p.document !== undefined), statements)) return true;
  const own = new Set([table.id]);
  return statements.some((s) => grantsAction(s.actions, action) && tablesReached(s, own, index).includes(table.id));
}

/**
 * An integration that keys the item by the request's own id (new at each request) writes an item
 * nobody wrote before: it neither replaces nor deletes one that is there. One keyed by a WebSocket
 * connection's id touches only that connection's own item (its `$connect` puts it, its
 * `$disconnect` deletes it): no caller reaches another's.
 */
function writesNewItemsOnly(integration: RouteIntegration, table: Resource): boolean {
  const fresh = integration.requestIdAttributes ?? [];
  return fresh.length > 0 && (tableKeyAttributes(table) ?? []).some((name) => fresh.includes(name));
}

/** What a grant lets a function do to items: the actions that delete them, and whether it can change them. */
interface ItemPower {
  deletes: readonly string[];
  overwrites: boolean;
}

function addWriter(writers: TableItemWriters, fn: LambdaFunction, power: ItemPower): void {
  if (power.deletes.length === 0) {
    writers.overwriters.push(fn);
    return;
  }
  writers.deleters.push(fn);
  writers.deleteActions.set(fn.id, [...power.deletes]);
  if (power.overwrites) writers.deletersThatOverwrite.add(fn.id);
}

function joined(a: ItemPower | undefined, b: ItemPower): ItemPower {
  return a ? { deletes: [...new Set([...a.deletes, ...b.deletes])].sort(), overwrites: a.overwrites || b.overwrites } : b;
}

/** Powers by action list: statements of the same actions share one list (`*` is 22,000 actions). */
const POWERS = new WeakMap<readonly ExpandedAction[], ItemPower | null>();

function itemPower(s: GrantingStatement): ItemPower | undefined {
  let power = POWERS.get(s.resourceActions);
  if (power === undefined) POWERS.set(s.resourceActions, (power = powerOf(s.resourceActions)));
  return power ?? undefined;
}

function powerOf(actions: readonly ExpandedAction[]): ItemPower | null {
  const deletes = new Set<string>();
  let overwrites = false;
  for (const a of actions) {
    const id = actionId(a);
    if (DELETES.has(id)) deletes.add(id);
    if (OVERWRITES.has(id)) overwrites = true;
  }
  return deletes.size === 0 && !overwrites ? null : { deletes: [...deletes].sort(), overwrites };
}

/**
 * The tables (model ids) a statement's resources take in: by reference, by a literal name or ARN
 * (`table/Movies`, a parameter's default), or as every DynamoDB resource (`*`, `table/*`). Only
 * tables of the function's own app: a name alone could be another app's table.
 */
function tablesReached(s: GrantingStatement, own: ReadonlySet<string>, index: ModelIndex): string[] {
  const ids = new Set<string>();
  for (const r of s.resources) {
    if (r.kind === 'model' && r.id !== undefined && own.has(r.id)) ids.add(r.id);
    else if (r.kind === 'any' && (r.service === undefined || r.service === 'dynamodb')) for (const id of own) ids.add(id);
  }
  for (const v of s.statement.resources) {
    const linked = linkedSources(v, 'table', index);
    if (!linked.all) for (const id of linked.ids) if (own.has(id)) ids.add(id);
  }
  return [...ids];
}
