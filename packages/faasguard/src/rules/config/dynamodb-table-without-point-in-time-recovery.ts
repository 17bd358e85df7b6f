import type { LambdaFunction, Resource, Route } from '../../model/app-model.js';
import { routeName } from '../../model/route-name.js';
import { ModelIndex } from '../../model/model-index.js';
import { GLOBAL_TABLE_TYPE, SIMPLE_TABLE_TYPE, TABLE_TYPE, mayBeBackedUp, tableRecoveryFacts, type TableRecoveryFacts } from '../../model/facts/table-recovery-facts.js';
import { tableItemWriters, type GraphqlWriter, type MachineWriter, type TableItemWriters } from '../../analysis/table-item-writers.js';
import type { Rule, RuleResult } from '../rule.js';
import { nameOf, subjectOf } from '../subject.js';
import { sourceWords } from '../source-words.js';
import { functionsText, namesText } from '../privilege/privilege-text.js';

export const dynamodbTableWithoutPointInTimeRecovery: Rule = {
  meta: {
    id: 'dynamodb-table-without-point-in-time-recovery',
    title: 'DynamoDB table without point-in-time recovery',
    category: 'SAS-3',
    cwe: ['CWE-693'],
    severity: 'low',
    description:
      'A DynamoDB table leaves point-in-time recovery off (`PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled` false or left out, which means off). Items deleted or overwritten, by a bug or by whoever takes control of a function that writes to the table (an injection, a stolen role session), can then not be brought back to the second before: only backups made some other way (on demand, by an AWS Backup plan outside the template) could restore them, as of when they were made. With it on, DynamoDB keeps continuous backups for up to 35 days and restores the table to any second in that window. The finding names the functions whose role can delete or overwrite the table\'s items (with the actions that delete them: SAM\'s `DynamoDBWritePolicy` deletes through `BatchWriteItem`), the API routes whose DynamoDB integration does (not one that keys each item by the request\'s own id, `$context.requestId`, which only creates items, nor a WebSocket route\'s that keys it by the connection\'s id, `$context.connectionId`, which touches only that connection\'s own item), and the AppSync resolvers and pipeline functions whose request, sent to a DynamoDB data source of the table, deletes, updates or puts items (not a put keyed by `util.autoId()` or conditioned on the item not being there, which only creates items; their request code is read inline or from the local file the template names), and the Step Functions state machines with a task that puts, updates or deletes its items (`dynamodb:putItem` and the others, the table named by reference or by the same name; a put keyed by `States.UUID()` or the execution\'s id creates items only), and the AWS IoT topic rules whose `DynamoDB` or `DynamoDBv2` action puts each message they select into the table (not one that keys each message by `timestamp()` or `newuuid()`).\n\n' +
      'Severity: `low`: the table stays as protected from reading and writing as before; what is lost is the way back after damage. A table that an AWS Backup selection of the template names, selects by wildcard, tags or conditions, and a setting the scan cannot read (a parameter without a default), are not reported. A global table is reported when one of its replicas has it off.',
    remediation:
      'Set `PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true }` on the table (SAM `SimpleTable` passes the same property on; on a global table, on each replica; Terraform: `point_in_time_recovery { enabled = true }`; CDK: `pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true }`). Keep the roles that delete items to the functions that must.',
    example: {
      language: 'yaml',
      vulnerable: 'Orders:\n  Type: AWS::DynamoDB::Table\n  Properties:\n    BillingMode: PAY_PER_REQUEST\n    AttributeDefinitions: [{ AttributeName: id, AttributeType: S }]\n    KeySchema: [{ AttributeName: id, KeyType: HASH }]',
      fixed: 'Orders:\n  Type: AWS::DynamoDB::Table\n  Properties:\n    BillingMode: PAY_PER_REQUEST\n    AttributeDefinitions: [{ AttributeName: id, AttributeType: S }]\n    KeySchema: [{ AttributeName: id, KeyType: HASH }]\n    PointInTimeRecoverySpecification:\n      PointInTimeRecoveryEnabled: true',
    },
    references: ['https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Point-in-time-recovery.html', 'https://docs.aws.amazon.com/securityhub/latest/userguide/dynamodb-controls.html'],
    judges: [TABLE_TYPE, SIMPLE_TABLE_TYPE, GLOBAL_TABLE_TYPE],
    peerChecks: ['Checkov CKV_AWS_28', 'KICS DynamoDB Table Point In Time Recovery Disabled'],
  },
  check({ model }) {
    const index = ModelIndex.of(model);
    const results: RuleResult[] = [];
    for (const table of index.resourcesOfTypes([TABLE_TYPE, SIMPLE_TABLE_TYPE, GLOBAL_TABLE_TYPE])) {
      const facts = tableRecoveryFacts(table);
      if (facts?.state !== 'off' || mayBeBackedUp(table, index)) continue;
      results.push(resultFor(facts, tableItemWriters(table, index)));
    }
    return results;
  },
};

function resultFor(facts: TableRecoveryFacts, writers: TableItemWriters): RuleResult {
  const table = facts.resource;
  const related = [
    ...writers.deleters.map((fn) => ({ loc: fn.loc, message: `can delete items of ${nameOf(table)}` })),
    ...writers.overwriters.map((fn) => ({ loc: fn.loc, message: `can overwrite items of ${nameOf(table)}` })),
    ...writers.deletingRoutes.map((r) => ({ loc: r.integration?.loc ?? r.loc, message: `route ${routeName(r)} deletes items of ${nameOf(table)}` })),
    ...writers.overwritingRoutes.map((r) => ({ loc: r.integration?.loc ?? r.loc, message: `route ${routeName(r)} puts or updates items of ${nameOf(table)}` })),
    ...[...writers.deletingResolvers, ...writers.overwritingResolvers].map((w) => ({ loc: w.operation.loc, message: `${resolverText(w)} sends ${w.writes.join(', ')} to ${nameOf(table)}` })),
    ...[...writers.deletingMachines, ...writers.overwritingMachines].flatMap((w) => w.tasks.map((t) => ({ loc: t.loc, message: `task ${t.state} of state machine ${nameOf(w.machine)} sends ${t.operation} to ${nameOf(table)}` }))),
    ...writers.overwritingRules.map((w) => ({ loc: w.loc, message: `IoT rule ${nameOf(w.rule)} puts each message it selects into ${nameOf(table)}` })),
  ];
  return {
    message: `${offText(facts)}: items deleted or overwritten, by a bug or by an attacker who reaches what writes to it, cannot be restored to the second before; only backups made some other way could bring them back.${writersText(writers)} ${fixText(facts)}`,
    location: facts.loc,
    related,
    subject: subjectOf(table),
    key: [table.logicalId],
  };
}

function offText(facts: TableRecoveryFacts): string {
  const name = nameOf(facts.resource);
  if (facts.replicasOff) return `Global table ${name} leaves point-in-time recovery off in its replica${facts.replicasOff.length === 1 ? '' : 's'} in ${facts.replicasOff.join(', ')}`;
  const terraform = sourceWords(facts.resource.loc.file).terraform;
  if (facts.written) return `Table ${name} has point-in-time recovery turned off (${terraform ? 'point_in_time_recovery { enabled = false }' : 'PointInTimeRecoveryEnabled: false'})`;
  if (terraform) return `Table ${name} leaves point-in-time recovery off (${facts.specificationWritten ? 'its point_in_time_recovery block does not set enabled = true' : 'no point_in_time_recovery block'})`;
  return `Table ${name} leaves point-in-time recovery off (${facts.specificationWritten ? 'PointInTimeRecoveryEnabled left out' : 'no PointInTimeRecoverySpecification'})`;
}

/** ` Functions A and B and API route DELETE /orders/{id} can delete its items; function C can overwrite them.` or nothing. */
function writersText(writers: TableItemWriters): string {
  const deleters = writerNames(writers.deleters, writers.deletingRoutes, writers.deletingResolvers, writers.deletingMachines, []);
  const overwriters = writerNames(writers.overwriters, writers.overwritingRoutes, writers.overwritingResolvers, writers.overwritingMachines, writers.overwritingRules.map((w) => w.rule));
  const parts: string[] = [];
  if (deleters) parts.push(`${deleters} can delete its items${deletingActionsText(writers)}`);
  if (overwriters) parts.push(`${overwriters} can overwrite ${parts.length > 0 ? 'them' : 'its items'}`);
  if (parts.length === 0) return '';
  const text = parts.join('; ');
  return ` ${text[0]!.toUpperCase()}${text.slice(1)}.`;
}

/**
 * The actions that let the functions delete items (` (dynamodb:BatchWriteItem) and overwrite them`):
 * a policy that sounds like writing only, SAM's `DynamoDBWritePolicy`, deletes through
 * `BatchWriteItem`. Nothing when the deleters are only API routes, whose message names the action.
 */
function deletingActionsText(writers: TableItemWriters): string {
  if (writers.deleters.length === 0) return '';
  const actions = [...new Set(writers.deleters.flatMap((fn) => writers.deleteActions.get(fn.id) ?? []))].sort();
  const others = writers.deletingRoutes.length + writers.deletingResolvers.length + writers.deletingMachines.length;
  const overwrite = others === 0 && writers.deleters.every((fn) => writers.deletersThatOverwrite.has(fn.id));
  return ` (${actions.join(', ')})${overwrite ? ' and overwrite them' : ''}`;
}

/** `functions A and B and API route POST /items and resolver Mutation.deleteNote of GraphQL API Notes and state machine Orders and IoT rule Telemetry`, or nothing. */
function writerNames(fns: readonly LambdaFunction[], routes: readonly Route[], resolvers: readonly GraphqlWriter[], machines: readonly MachineWriter[], rules: readonly Resource[]): string {
  const named: string[] = [];
  if (fns.length > 0) named.push(`function${fns.length === 1 ? '' : 's'} ${functionsText(fns)}`);
  if (routes.length > 0) named.push(`API route${routes.length === 1 ? '' : 's'} ${namesText(routes.map(routeName))}`);
  named.push(...resolversByApi(resolvers));
  if (machines.length > 0) named.push(`state machine${machines.length === 1 ? '' : 's'} ${namesText(machines.map((m) => nameOf(m.machine)))}`);
  if (rules.length > 0) named.push(`IoT rule${rules.length === 1 ? '' : 's'} ${namesText(rules.map(nameOf))}`);
  return named.join(' and ');
}

/** For each GraphQL API: `resolvers Mutation.a and Mutation.b of GraphQL API Notes`. */
function resolversByApi(writers: readonly GraphqlWriter[]): string[] {
  const byApi = new Map<Resource, GraphqlWriter[]>();
  for (const w of writers) byApi.set(w.api, [...(byApi.get(w.api) ?? []), w]);
  return [...byApi].map(([api, ws]) => {
    const parts: string[] = [];
    for (const [kind, label] of [['resolver', 'resolver'], ['function', 'pipeline function']] as const) {
      const names = ws.filter((w) => w.operation.kind === kind).map((w) => w.operation.name);
      if (names.length > 0) parts.push(`${label}${names.length === 1 ? '' : 's'} ${namesText(names)}`);
    }
    return `${parts.join(' and ')} of GraphQL API ${nameOf(api)}`;
  });
}

/** `resolver Mutation.deleteNote of GraphQL API Notes` */
function resolverText(w: GraphqlWriter): string {
  return `${w.operation.kind === 'resolver' ? 'resolver' : 'pipeline function'} ${w.operation.name} of GraphQL API ${nameOf(w.api)}`;
}

function fixText(facts: TableRecoveryFacts): string {
  const table: Resource = facts.resource;
  if (sourceWords(table.loc.file).terraform) return 'Set point_in_time_recovery { enabled = true }.';
  if (table.constructPath) return 'Set pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true } on the table.';
  if (facts.replicasOff) return 'Set PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } on each replica.';
  return 'Set PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true }.';
}
