/**
 * The environment variables of containers, as their definitions write them: an ECS task
 * definition's `ContainerDefinitions` and a Batch job definition's `ContainerProperties`.
 * CloudFormation writes them as properties (`Environment: [{ Name, Value }]`); Terraform's
 * `container_definitions` and `container_properties` are JSON text in the APIs' own spelling
 * (`environment: [{ name, value }]`), read with their keys in either case.
 */
import type { Resource } from '../app-model.js';
import type { SourceLocation } from '../location.js';
import { parseJsonText } from '../json-text.js';
import { asArray, asString, Composite, isValueMap, type Value, type ValueMap } from '../value.js';

export const TASK_DEFINITION_TYPE = 'AWS::ECS::TaskDefinition';
export const JOB_DEFINITION_TYPE = 'AWS::Batch::JobDefinition';

export interface ContainerVariable {
  /** The container's name; the definition's own for a Batch job's single container */
  container: string;
  name: string;
  value: Value;
  /** Where the value is written (the whole JSON text, for definitions written as text) */
  loc: SourceLocation;
}

export function containerEnvironment(r: Resource): ContainerVariable[] {
  if (r.type === JOB_DEFINITION_TYPE) return containersOf(r, 'ContainerProperties').flatMap(({ container, path }) => variables(r, container, r.logicalId, path));
  if (r.type !== TASK_DEFINITION_TYPE) return [];
  return containersOf(r, 'ContainerDefinitions').flatMap(({ container, path }, i) => {
    const name = asString(field(container, 'Name')) ?? `container ${i + 1}`;
    return variables(r, container, name, path);
  });
}

interface Container {
  container: ValueMap;
  /** The property path to the container, when written as properties (not as JSON text) */
  path?: string[];
}

function containersOf(r: Resource, property: string): Container[] {
  const written = r.properties[property];
  const parsed = typeof written === 'string' || written instanceof Composite ? parseJsonText(written) : undefined;
  const text = parsed !== undefined;
  const containers = asArray(text ? parsed : written);
  return containers.flatMap((c, i) => (isValueMap(c) ? [{ container: c, ...(text ? {} : { path: Array.isArray(written) ? [property, String(i)] : [property] }) }] : []));
}

function variables(r: Resource, container: ValueMap, name: string, path: string[] | undefined): ContainerVariable[] {
  const environment = keyOf(container, 'Environment');
  return asArray(container[environment]).flatMap((entry, j) => {
    if (!isValueMap(entry)) return [];
    const variable = asString(field(entry, 'Name'));
    const valueKey = keyOf(entry, 'Value');
    const value = entry[valueKey];
    if (variable === undefined || value === undefined) return [];
    const loc = path ? r.locate(...path, environment, String(j), valueKey) : r.locate(textProperty(r));
    return [{ container: name, name: variable, value, loc }];
  });
}

/** A key as the map spells it: CloudFormation's (`Environment`) or the API's (`environment`). */
function keyOf(m: ValueMap, key: string): string {
  const api = key.charAt(0).toLowerCase() + key.slice(1);
  return m[key] === undefined && m[api] !== undefined ? api : key;
}

function field(m: ValueMap, key: string): Value | undefined {
  return m[keyOf(m, key)];
}

/** The property a Terraform definition's JSON text is in. */
function textProperty(r: Resource): string {
  return r.type === TASK_DEFINITION_TYPE ? 'ContainerDefinitions' : 'ContainerProperties';
}
