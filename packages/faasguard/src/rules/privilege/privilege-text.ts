/**
 * What the over-privilege rules share: the roles functions run with, and the words that tell
 * what an attacker who controls a function can do with its role.
 */
import type { RelatedLocation } from '../../findings/finding.js';
import { wordList } from '../../util/word-list.js';
import type { IamRole, LambdaFunction } from '../../model/app-model.js';
import type { ModelIndex } from '../../model/model-index.js';
import { CAPABILITIES, type Capability } from '../../iam/action-capabilities.js';
import type { ResourceTarget } from '../../iam/resource-target.js';
import { functionsUsing, type GrantingStatement, type StatementGrant } from '../../iam/role-permissions.js';
import { nameOf } from '../subject.js';
import type { JudgedIdentity } from './judged-identity.js';
import { lookupTable } from '../../util/own-keys.js';

/** A role of the model and the functions that run with it. */
export interface FunctionRole {
  role: IamRole;
  functions: LambdaFunction[];
}

/** Roles that at least one function runs with. */
export function functionRoles(index: ModelIndex): FunctionRole[] {
  return index.model.roles.map((role) => ({ role, functions: functionsUsing(role, index) })).filter((r) => r.functions.length > 0);
}

/** "role ProcessUploadRole of ProcessUpload", "role DeployRole", "user Deployer", "policy Admin (attached to group Ops)" */
export function identityText(i: JudgedIdentity): string {
  if (i.kind === 'role') return i.functions.length > 0 ? `role ${nameOf(i.element)} of ${functionsText(i.functions)}` : `role ${nameOf(i.element)}`;
  if (i.kind !== 'policy') return `${i.kind} ${nameOf(i.element)}`;
  const to = i.attachedTo.length > 0 ? `attached to ${namesText(i.attachedTo)}` : 'attached to no role, user or group of the template';
  return `policy ${nameOf(i.element)} (${to})`;
}

/** Who can use the permissions, completing "… can do X": the function's attacker when a function runs with the role. */
export function actorText(i: JudgedIdentity): string {
  if (i.functions.length > 0) {
    const reach = i.exposed.length === 0 ? '' : i.exposed.length === i.functions.length ? ' (reachable from the internet)' : ` (${functionsText(i.exposed)} reachable from the internet)`;
    return `an attacker who controls ${functionsText(i.functions)}${reach}`;
  }
  if (i.kind === 'role') return i.trustedServices.length > 0 ? `whoever acts with the role (it is assumed by ${namesText(i.trustedServices)})` : 'whoever acts with the role';
  if (i.kind === 'user') return "whoever holds the user's credentials";
  if (i.kind === 'group') return 'any member of the group';
  return 'whoever it is attached to';
}

/** "Policy Orders of role SaveOrderRole of SaveOrder", or "Policy Admin (attached to …)" for a policy judged on its own. */
export function statementOwnerText(i: JudgedIdentity, s: GrantingStatement): string {
  if (i.kind === 'policy') return `P${identityText(i).slice(1)}`;
  return `Policy ${s.policy.name} of ${identityText(i)}`;
}

/** What the fix scopes the grant to: "the function's own resources" or "the resources it needs". */
export function ownResourcesText(i: JudgedIdentity): string {
  return i.functions.length > 0 ? "the function's own resources" : 'the resources it needs';
}

/** Completes "Grant only the actions …": "the function uses" or "its holder needs". */
export function usesText(i: JudgedIdentity): string {
  return i.functions.length > 0 ? 'the function uses' : 'its holder needs';
}

/** The functions that run with the role, saying which the internet reaches. */
export function relatedIdentityFunctions(i: JudgedIdentity): RelatedLocation[] {
  return i.functions.map((f) => ({ loc: f.loc, message: `function ${nameOf(f)} runs with this role${i.exposed.includes(f) ? ' and is reachable from the internet' : ''}` }));
}

/** "A", "A and B", "A, B and 3 more" */
export function namesText(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  if (names.length <= 3) return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  return `${names.slice(0, 2).join(', ')} and ${names.length - 2} more`;
}

export function functionsText(functions: readonly LambdaFunction[]): string {
  return namesText(functions.map(nameOf));
}

export function relatedFunctions(functions: readonly LambdaFunction[]): RelatedLocation[] {
  return functions.map((f) => ({ loc: f.loc, message: `function ${nameOf(f)} runs with this role` }));
}

/** Stable identity of a statement within its role (never a line number). */
export function statementKey(s: GrantingStatement): string {
  return `${s.policy.name}#${s.statement.sid ?? s.index}`;
}

/** "the role ProcessUploadFunctionRole of ProcessUploadFunction" */
export function roleText(r: FunctionRole): string {
  return `role ${nameOf(r.role)} of ${functionsText(r.functions)}`;
}

const EVERY: Readonly<Record<string, string>> = lookupTable({
  s3: 'every object in every bucket',
  dynamodb: 'every item of every table',
  secretsmanager: 'every secret',
  ssm: 'every parameter',
  kms: 'everything encrypted with any key',
  sqs: 'every queue',
  sns: 'every topic',
  kinesis: 'every stream',
  firehose: 'every delivery stream',
  rds: 'every database',
  'rds-data': 'every database whose secret it can read',
  'redshift-data': 'every data warehouse it can sign in to',
  elasticfilesystem: 'every file system',
});

/** What a service's Create actions make, for "create new …". */
const CREATED: Readonly<Record<string, string>> = lookupTable({
  s3: 'buckets',
  dynamodb: 'tables',
  secretsmanager: 'secrets',
  ssm: 'parameters',
  sqs: 'queues',
  sns: 'topics',
  kinesis: 'streams',
  firehose: 'delivery streams',
  rds: 'databases',
  elasticfilesystem: 'file systems',
});

/** What deleting every resource of a service destroys, where it is not what `EVERY` says. */
const DELETED: Readonly<Record<string, string>> = lookupTable({
  kms: 'every customer managed KMS key (and so everything encrypted with it)',
});

function everyOf(services: readonly string[], verb?: string): string {
  return namesText(services.map((s) => (verb === 'delete' ? DELETED[s] : undefined) ?? EVERY[s] ?? `every ${s} resource`));
}

function servicesOf(g: StatementGrant): string[] {
  return actionServices(g.actions);
}

/** A template resource by its logical id, anything else as written. */
function targetName(r: ResourceTarget): string {
  return r.id ? r.id.slice(r.id.lastIndexOf('/') + 1) : r.text;
}

function targetsText(g: StatementGrant): string {
  return namesText([...new Set(g.resources.map(targetName))]);
}

const VERB: Readonly<Partial<Record<Capability, string>>> = { 'delete-data': 'delete', 'read-all-data': 'read' };

/** Writes that add a message or a record to a topic, queue, stream or bus: they overwrite nothing. */
const SENDS = /^(sns:Publish|sqs:SendMessage|kinesis:PutRecords?|firehose:PutRecord(Batch)?|events:PutEvents|iot:Publish)$/i;
const CREATES = /^[\w-]+:Create/;
/**
 * S3 writes of a bucket's settings (CORS, lifecycle, notifications, tags …) that touch no object and
 * grant no access: a policy, an ACL or the public access block can open every object, and count
 * as writing them.
 */
const BUCKET_SETTINGS = /^s3:(?!\w*(Object|Policy|Acl|PublicAccessBlock|OwnershipControls))(Put|Delete)\w+$/i;

/**
 * Services whose resources pass messages or records on rather than keep data to overwrite: a
 * write there changes a queue, a topic or a stream (its settings, who may use it, where it
 * delivers), which "overwrite" would misname.
 */
const CHANGED_NOT_OVERWRITTEN = new Set(['sqs', 'sns', 'kinesis', 'firehose', 'events']);

/**
 * What a write grant lets an attacker do: overwrite data, or, for a grant that only creates
 * resources, changes a bucket's settings or sends messages (a publish or a queued message changes
 * no data there is), just that: "overwrite" would say more than the grant allows.
 */
function writeText(g: StatementGrant): string {
  const sends = g.actions.filter((a) => SENDS.test(a));
  const creates = g.actions.filter((a) => CREATES.test(a) && !SENDS.test(a));
  const settings = g.actions.filter((a) => BUCKET_SETTINGS.test(a) && !CREATES.test(a));
  const rest = g.actions.filter((a) => !SENDS.test(a) && !CREATES.test(a) && !BUCKET_SETTINGS.test(a));
  const changed = rest.filter((a) => CHANGED_NOT_OVERWRITTEN.has(a.slice(0, a.indexOf(':')).toLowerCase()));
  const overwritten = rest.filter((a) => !changed.includes(a));
  const where = (actions: string[]): string => (g.anyResource ? everyOf(actionServices(actions)) : targetsText(g));
  const parts: string[] = [];
  if (overwritten.length > 0) parts.push(g.anyResource ? `overwrite ${where(overwritten)}` : `overwrite data of ${targetsText(g)}`);
  if (changed.length > 0 && (g.anyResource || overwritten.length === 0)) parts.push(`change ${where(changed)}`);
  if (rest.length === 0 && settings.length > 0) parts.push(`change the settings of ${g.anyResource ? 'every bucket' : targetsText(g)}`);
  if (rest.length === 0 && creates.length > 0) parts.push(`create new ${namesText(actionServices(creates).map((s) => CREATED[s] ?? `${s} resources`))}`);
  // Sending to a service the grant changes or overwrites anyway adds nothing to say.
  const written = new Set(actionServices(rest));
  const sendsElsewhere = sends.filter((a) => !written.has(a.slice(0, a.indexOf(':'))));
  if (sendsElsewhere.length > 0 && (g.anyResource || rest.length === 0)) parts.push(`send messages to ${where(sendsElsewhere)}`);
  return parts.join(' and ');
}

/**
 * What Lambda write actions let an attacker do to functions, as the actions say: change their code
 * or configuration, delete them, choose the events that invoke them, or change their other settings
 * (who may invoke them, aliases, URLs, concurrency). "Change the code" would say more than a
 * policy that can delete functions and add event sources grants (AmazonDynamoDBFullAccess).
 */
function functionChangeText(g: StatementGrant): string {
  const which = g.anyResource ? 'every function' : `functions ${targetsText(g)}`;
  // Changing the code is the most one can do to a function: said alone, it covers the rest.
  if (g.actions.some((a) => FUNCTION_CODE.test(a))) return `change the code or configuration of ${which}`;
  const parts: string[] = [];
  if (g.actions.some((a) => /^lambda:DeleteFunction$/i.test(a))) parts.push(`delete ${which}`);
  if (g.actions.some((a) => /^lambda:\w*EventSourceMapping$/i.test(a))) parts.push(`choose the events that invoke ${which}`);
  return parts.length > 0 ? namesText(parts) : `change the settings of ${which}`;
}

const FUNCTION_CODE = /^lambda:(UpdateFunctionCode|UpdateFunctionConfiguration|UpdateAlias)$/i;

function actionServices(actions: readonly string[]): string[] {
  return [...new Set(actions.map((a) => a.slice(0, a.indexOf(':'))))].sort();
}

/** What a grant lets an attacker do, completing "an attacker can …". */
export function grantText(g: StatementGrant): string {
  if (g.capability === 'write-data') return writeText(g);
  const verb = VERB[g.capability];
  if (verb) return g.anyResource ? `${verb} ${everyOf(servicesOf(g), verb)}` : `${verb} data of ${targetsText(g)}`;
  if (g.capability === 'manage-iam') return g.anyResource ? 'change any IAM role, user or policy' : `change IAM resources ${targetsText(g)}`;
  if (g.capability === 'pass-role') return `${g.anyResource ? 'pass any role' : `pass ${targetsText(g)}`} to ${g.passedTo ? namesText([...new Set(g.passedTo.map((p) => p.replace(/\.amazonaws\.com(\.cn)?$/, '')))]) : 'AWS services'}`;
  if (g.capability === 'modify-functions') return functionChangeText(g);
  if (g.capability === 'invoke-any-function') return 'invoke every function of the account';
  if (g.capability === 'control-workflows') return workflowText(g.actions);
  if (g.capability === 'assume-roles') return g.anyResource ? 'assume any role that trusts the account' : `assume ${targetsText(g)}`;
  return 'do anything in the account';
}

/**
 * What the workflow actions of a grant on every resource allow (see `WORKFLOW_CONTROL`), as one
 * phrase: it is one item of the lists grant texts make.
 */
function workflowText(actions: readonly string[]): string {
  const has = (re: RegExp): boolean => actions.some((a) => re.test(a));
  const verbs = [has(/^states:Start/i) ? 'start' : '', has(/^states:UpdateStateMachine/i) ? 'rewrite' : ''].filter((v) => v !== '');
  const stops = has(/^states:(Stop|Redrive)Execution$/i);
  const texts: string[] = [];
  // Starting or rewriting a state machine acts with its role; stopping or redriving one of its runs only decides that run.
  if (verbs.length > 0) texts.push(`${wordList(verbs, 'or')} any state machine of the account (and so act with its role)${stops ? ' or stop its runs' : ''}`);
  else if (stops) texts.push("stop or redrive any state machine's runs");
  if (has(/^lambda:SendDurableExecutionCallback/i)) texts.push("complete any durable execution's callback whose id it has (an approval it waits for, say)");
  if (has(/^lambda:StopDurableExecution$/i)) texts.push('stop any durable execution');
  return wordList(texts, 'or');
}

/**
 * What a set of grants allows, most telling first, e.g. "delete every object in every bucket and read
 * every secret". Each power is named up to `limit` of them: a list cut short hid the ones named
 * last (a role's power over workflows behind "… and more").
 */
export function grantsText(grants: readonly StatementGrant[], limit = 6): string {
  const ordered = [...grants].sort((a, b) => CAPABILITIES.indexOf(a.capability) - CAPABILITIES.indexOf(b.capability));
  const texts = [...new Set(ordered.map(grantText))];
  if (texts.length <= limit) return wordList(texts);
  return `${texts.slice(0, limit - 1).join(', ')} and ${texts.length - limit + 1} more things`;
}

const PSEUDO_PLACEHOLDERS: Readonly<Record<string, string>> = lookupTable({
  'AWS::Partition': 'aws',
  'AWS::Region': '<region>',
  'AWS::AccountId': '<account>',
  'AWS::StackName': '<stack>',
  'AWS::URLSuffix': 'amazonaws.com',
});

/**
 * An ARN in Fn::Sub syntax (as `faasguard policy` prints it) as a message shows it: resources of
 * the template by logical id (`${Orders.Arn}` → `Orders`), pseudo parameters as placeholders.
 */
export function readableArn(text: string): string {
  return text.replace(/\$\{([^}]+)\}/g, (whole, name: string) => PSEUDO_PLACEHOLDERS[name] ?? (name.startsWith('AWS::') ? whole : name.replace(/\.Arn$/, '')));
}
