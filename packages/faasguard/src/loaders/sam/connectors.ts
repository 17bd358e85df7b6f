/**
 * SAM connectors (`AWS::Serverless::Connector` resources and a resource's `Connectors`) into what
 * the transform deploys for them: a managed policy on a function's role, or a permission that lets
 * a service invoke a function. Connections that involve no function are left out.
 */
import type { SourceLocation } from '../../model/location.js';
import type { TMapEntry, TNode } from '../../parse/tree.js';
import { get, items, scalarString } from '../../parse/tree.js';
import { props, type LoadContext } from '../cloudformation/load-context.js';
import { loadStatement } from '../cloudformation/policy-document.js';
import type { TemplateResource } from '../cloudformation/template.js';
import { CONNECTOR_OUTPUTS, CONNECTOR_PROFILES, CONNECTOR_TYPE_OF, type ConnectorAccess, type LambdaPermissionProfile, type RolePolicyProfile } from './connector-profiles-data.js';
import { ownValue, setOwn } from '../../util/own-keys.js';

/** One end of a connection: its type, the function it is when the template defines one, and the values its placeholders take. */
interface Endpoint {
  type: string;
  logicalId?: string;
  values: Record<string, TNode>;
}

interface Connection {
  /** The logical id SAM gives the connector (`<Source><Name>` for an embedded one) */
  id: string;
  /** What SAM appends to the names of what it generates for one of several destinations: `Destination<n>` */
  suffix: string;
  source: Endpoint;
  destination: Endpoint;
  permissions: ConnectorAccess[];
  loc: SourceLocation;
}

/** `AWS::Serverless::Connector`: Source, Destination (one or a list), Permissions. */
export function linkConnector(ctx: LoadContext, r: TemplateResource): void {
  const p = props(r);
  const source = endpoint(ctx, get(p, 'Source'));
  if (!source) return unresolved(ctx, r.logicalId, 'Source', r.loc);
  eachDestination(get(p, 'Destination'), (suffix, destination) => connect(ctx, { id: r.logicalId, suffix }, source, destination, get(p, 'Permissions'), r.loc));
}

/** A resource's `Connectors`: the resource is the source, narrowed by `SourceReference` when given. */
export function linkEmbeddedConnectors(ctx: LoadContext, r: TemplateResource): void {
  const connectors = get(r.node, 'Connectors');
  if (connectors?.kind !== 'map') return;
  for (const entry of connectors.entries) linkEmbedded(ctx, r, entry);
}

function linkEmbedded(ctx: LoadContext, r: TemplateResource, entry: TMapEntry): void {
  const p = get(entry.value, 'Properties');
  const source = endpoint(ctx, { kind: 'map', entries: [{ key: 'Id', keyLoc: r.loc, value: { kind: 'scalar', value: r.logicalId, loc: r.loc } }], loc: r.loc }, get(p, 'SourceReference'));
  if (!source) return;
  eachDestination(get(p, 'Destination'), (suffix, destination) => connect(ctx, { id: `${r.logicalId}${entry.key}`, suffix }, source, destination, get(p, 'Permissions'), entry.keyLoc));
}

/** A list of destinations makes one policy or permission each, whose names SAM ends with `Destination<n>`. */
function eachDestination(node: TNode | undefined, each: (suffix: string, destination: TNode) => void): void {
  if (node?.kind !== 'seq') return node === undefined ? undefined : each('', node);
  node.items.forEach((destination, i) => each(`Destination${i}`, destination));
}

function connect(ctx: LoadContext, { id, suffix }: { id: string; suffix: string }, source: Endpoint, destinationNode: TNode, permissionsNode: TNode | undefined, loc: SourceLocation): void {
  const destination = endpoint(ctx, destinationNode);
  if (!destination) return unresolved(ctx, id, 'Destination', destinationNode.loc);
  const permissions = items(permissionsNode).map(scalarString).filter((x): x is ConnectorAccess => x === 'Read' || x === 'Write');
  const forSource = ownValue(CONNECTOR_PROFILES, source.type);
  const profile = forSource && ownValue(forSource, destination.type);
  if (!profile) {
    ctx.template.diagnostics.warning('unknown-connector', `connector ${id} connects ${source.type} to ${destination.type}, a connection faasguard does not know: the permissions it grants are not in the model`, loc);
    return;
  }
  const connection: Connection = { id, suffix, source, destination, permissions, loc };
  if (profile.kind === 'role-policy') attachPolicy(ctx, connection, profile);
  else if (permissions.includes('Write')) addInvokePermission(ctx, connection, profile);
}

/** The endpoint a reference names: `Id` of a resource of the template, or `Type` with `Arn` (and the like). */
function endpoint(ctx: LoadContext, ref: TNode | undefined, narrowing?: TNode): Endpoint | undefined {
  if (ref?.kind !== 'map') return undefined;
  const id = scalarString(get(ref, 'Id'));
  const values: Record<string, TNode> = {};
  for (const e of [...ref.entries, ...(narrowing?.kind === 'map' ? narrowing.entries : [])]) if (e.key !== 'Id' && e.key !== 'Type') setOwn(values, e.key, e.value);
  if (id === undefined) {
    const type = scalarString(get(ref, 'Type'));
    return type === undefined ? undefined : { type: ownValue(CONNECTOR_TYPE_OF, type) ?? type, values };
  }
  const resource = ctx.template.resources.get(id);
  if (!resource) return undefined;
  const type = ownValue(CONNECTOR_TYPE_OF, resource.type) ?? resource.type;
  for (const [name, how] of Object.entries(ownValue(CONNECTOR_OUTPUTS, type) ?? {})) values[name] ??= intrinsic(id, how, ref.loc);
  return { type, logicalId: id, values };
}

function intrinsic(logicalId: string, how: string, loc: SourceLocation): TNode {
  const scalar = (value: string): TNode => ({ kind: 'scalar', value, loc });
  const value: TNode = how === 'Ref' ? scalar(logicalId) : { kind: 'seq', items: [scalar(logicalId), scalar(how)], loc };
  return { kind: 'map', entries: [{ key: how === 'Ref' ? 'Ref' : 'Fn::GetAtt', keyLoc: loc, value }], loc };
}

function unresolved(ctx: LoadContext, id: string, end: string, loc: SourceLocation): void {
  ctx.template.diagnostics.warning('unknown-connector', `the ${end} of connector ${id} is neither a resource of the template nor a Type with an Arn: its permissions are not in the model`, loc);
}

/** The managed policy SAM creates (`<Connector>Policy[Destination<n>]`), on the role of the function the profile names. */
function attachPolicy(ctx: LoadContext, c: Connection, profile: RolePolicyProfile): void {
  const end = profile.attachedTo === 'source' ? c.source : c.destination;
  const fn = end.logicalId ? ctx.builder.function(ctx.template.resourceId(end.logicalId)) : undefined;
  const role = fn?.role?.roleId !== undefined ? ctx.builder.role(fn.role.roleId) : undefined;
  if (!role) return;
  const statements = c.permissions.flatMap((access) => profile.access[access] ?? []).map((s) => {
    const resources = s.resources.map((pattern) => substituted(pattern, c, c.loc)).filter((x): x is TNode => x !== undefined);
    const node: TNode = { kind: 'map', entries: [entry('Effect', scalarNode('Allow', c.loc)), entry('Action', { kind: 'seq', items: s.actions.map((a) => scalarNode(a, c.loc)), loc: c.loc }), entry('Resource', { kind: 'seq', items: resources, loc: c.loc })], loc: c.loc };
    return resources.length > 0 ? loadStatement(node, ctx.ev) : undefined;
  });
  const known = statements.filter((s) => s !== undefined);
  if (known.length === 0) return;
  role.policies.push({ name: `${c.id}Policy${c.suffix}`, kind: 'sam-connector', document: { statements: known, loc: c.loc }, loc: c.loc });
}

/** The permission SAM creates (`<Connector>WriteLambdaPermission[Destination<n>]`) for a service to invoke the destination function. */
function addInvokePermission(ctx: LoadContext, c: Connection, profile: LambdaPermissionProfile): void {
  const fn = c.destination.logicalId ? ctx.builder.function(ctx.template.resourceId(c.destination.logicalId)) : undefined;
  if (!fn) return;
  const sourceArn = substituted(profile.sourceArn, c, c.loc);
  const sourceAccount = profile.sourceAccount ? substituted(profile.sourceAccount, c, c.loc) : undefined;
  const logicalId = `${c.id}WriteLambdaPermission${c.suffix}`;
  ctx.builder.addPermission({
    id: ctx.template.resourceId(logicalId),
    logicalId,
    stack: ctx.template.stackId,
    loc: c.loc,
    functionId: fn.id,
    action: 'lambda:InvokeFunction',
    principal: profile.principal,
    ...(sourceArn ? { sourceArn: ctx.ev.value(sourceArn) } : {}),
    ...(sourceAccount ? { sourceAccount: ctx.ev.value(sourceAccount) } : {}),
  });
}

/**
 * A profile's pattern as `Fn::Sub`, each `%{End.Name}` bound to the endpoint's value. A pattern
 * whose value is missing (a state machine given by Arn without Name) grants nothing: undefined.
 */
function substituted(pattern: string, c: Connection, loc: SourceLocation): TNode | undefined {
  const vars: TMapEntry[] = [];
  let missing = false;
  const text = pattern.replace(/%\{(Source|Destination)\.(\w+)\}/g, (_, end: string, name: string) => {
    const value = (end === 'Source' ? c.source : c.destination).values[name] ?? (name === 'Qualifier' ? scalarNode('*', loc) : undefined);
    if (value === undefined) missing = true;
    else vars.push(entry(`${end}${name}`, value));
    return `\${${end}${name}}`;
  });
  if (missing) return undefined;
  return { kind: 'map', entries: [entry('Fn::Sub', { kind: 'seq', items: [scalarNode(text, loc), { kind: 'map', entries: vars, loc }], loc })], loc };
}

function scalarNode(value: string, loc: SourceLocation): TNode {
  return { kind: 'scalar', value, loc };
}

function entry(key: string, value: TNode): TMapEntry {
  return { key, keyLoc: value.loc, value };
}
