/**
 * One CloudFormation template, split into the sections the loaders need, with the parameter
 * values the scan uses. Building it reports malformed sections and goes on with the rest.
 */
import type { TemplateParameter } from '../../model/app-model.js';
import type { DiagnosticSink } from '../../model/diagnostic.js';
import type { SourceLocation } from '../../model/location.js';
import { ParameterValue, SsmParameterValue, Unknown, type Value } from '../../model/value.js';
import type { TMap, TNode } from '../../parse/tree.js';
import { get, scalarString, toJs } from '../../parse/tree.js';

export interface TemplateResource {
  logicalId: string;
  type: string;
  node: TMap;
  /** Location of the logical id (what a person clicks) */
  loc: SourceLocation;
  condition?: string;
}

export class Template {
  readonly resources = new Map<string, TemplateResource>();
  readonly parameters = new Map<string, TemplateParameter>();
  readonly conditions = new Map<string, TNode>();
  readonly mappings: TNode | undefined;
  /** Logical ids that a transform creates (SAM's `ServerlessRestApi`, `<Function>Role`...): references to them are not broken */
  readonly implicitIds = new Set<string>();
  /** Generated logical ids that end in a hash of the deployment (`MyApiDeployment926eeb5ff1`) or in a value known only at deploy time */
  readonly implicitIdPatterns: RegExp[] = [];
  /** Plugins (Serverless Framework) that may add resources the template does not show: references to unknown ids are theirs */
  readonly resourcePlugins: string[] = [];

  constructor(
    readonly file: string,
    readonly stackId: string,
    readonly root: TMap,
    readonly givenParams: ReadonlyMap<string, string>,
    readonly diagnostics: DiagnosticSink,
  ) {
    this.mappings = get(root, 'Mappings');
    this.readResources();
    this.readParameters();
    this.readConditions();
  }

  /** Whether a transform creates a resource of this logical id. */
  isImplicit(logicalId: string): boolean {
    return this.implicitIds.has(logicalId) || this.implicitIdPatterns.some((p) => p.test(logicalId));
  }

  resourceId(logicalId: string): string {
    return `${this.stackId}/${logicalId}`;
  }

  private readResources(): void {
    const section = get(this.root, 'Resources');
    // `Resources:` with nothing under it is an empty skeleton, reported as such by the loader.
    if (section === undefined || (section.kind === 'scalar' && section.value === null)) return;
    if (section.kind !== 'map') {
      this.diagnostics.error('malformed-template', 'Resources must be a mapping', section.loc);
      return;
    }
    for (const e of section.entries) {
      const type = scalarString(get(e.value, 'Type'));
      if (e.value.kind !== 'map' || type === undefined) {
        this.diagnostics.error('malformed-template', `resource ${e.key} has no Type`, e.keyLoc);
        continue;
      }
      const condition = scalarString(get(e.value, 'Condition'));
      this.resources.set(e.key, { logicalId: e.key, type, node: e.value, loc: e.keyLoc, ...(condition ? { condition } : {}) });
    }
  }

  private readParameters(): void {
    const section = get(this.root, 'Parameters');
    if (section?.kind !== 'map') return;
    for (const e of section.entries) {
      const defaultNode = get(e.value, 'Default');
      const given = this.givenParams.get(e.key);
      const noEcho = /^true$/i.test(scalarString(get(e.value, 'NoEcho')) ?? '');
      const value: Value = given ?? (noEcho && isEmptyDefault(defaultNode) ? new ParameterValue(e.key, `parameter ${e.key} is NoEcho with an empty Default: its value is given at deployment (--param ${e.key}=…)`) : parameterDefault(e.key, defaultNode));
      this.parameters.set(e.key, {
        name: e.key,
        type: scalarString(get(e.value, 'Type')) ?? 'String',
        value: ssmTyped(scalarString(get(e.value, 'Type')), listTyped(scalarString(get(e.value, 'Type')), value)),
        hasDefault: defaultNode !== undefined,
        noEcho,
        loc: e.keyLoc,
        ...(defaultNode ? { defaultLoc: defaultNode.loc } : {}),
      });
    }
  }

  private readConditions(): void {
    const section = get(this.root, 'Conditions');
    if (section?.kind !== 'map') return;
    for (const e of section.entries) this.conditions.set(e.key, e.value);
  }
}

/**
 * `Default: ''` of a `NoEcho` parameter: a placeholder, not the secret, which is given when the
 * stack is deployed. Its value is then unknown, as a parameter's without a default, and still
 * known to be that secret parameter's (`ParameterValue`).
 */
function isEmptyDefault(node: TNode | undefined): boolean {
  return node !== undefined && toJs(node) === '';
}

function parameterDefault(name: string, node: TNode | undefined): Value {
  if (node === undefined) return new ParameterValue(name);
  const plain = toJs(node);
  if (plain === null || typeof plain === 'object') return new Unknown(`parameter ${name} has a Default that is not a plain value`);
  return plain as string | number | boolean;
}

/** A parameter of type `AWS::SSM::Parameter::Value<…>` is given the parameter's name; its value is what the parameter holds. */
function ssmTyped(type: string | undefined, value: Value): Value {
  if (type === undefined || !type.startsWith('AWS::SSM::Parameter::Value<') || typeof value !== 'string') return value;
  return new SsmParameterValue(value);
}

/** `List<…>` and `CommaDelimitedList` parameters are lists when referenced. */
function listTyped(type: string | undefined, value: Value): Value {
  if (typeof value !== 'string' || type === undefined) return value;
  if (type === 'CommaDelimitedList' || type.startsWith('List<')) return value.split(',').map((s) => s.trim());
  return value;
}
