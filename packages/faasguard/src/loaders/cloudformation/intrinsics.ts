/**
 * Evaluation of CloudFormation intrinsic functions over the located tree.
 *
 * What can be computed from the template and the given parameters is computed; what cannot
 * (imports, account id, a condition on an unknown parameter) becomes `Unknown` with the reason.
 * References to resources stay references. Broken references, unknown functions, condition cycles
 * and runaway nesting are reported as diagnostics and evaluate to `Unknown`; evaluation never throws.
 */
import { Composite, ImportedValue, ResourceRef, Unknown, isValueMap, type Value, type ValueMap } from '../../model/value.js';
import type { SettingSwitch } from '../../model/app-model.js';
import type { TNode } from '../../parse/tree.js';
import { get, items } from '../../parse/tree.js';
import { UNKNOWN_TAG_KEY } from '../../parse/yaml-template.js';

/**
 * A value a translating loader could not know (a Terraform variable without a value, a data
 * source read at plan time): `{ 'Fn::FaasguardUnknown': reason }` evaluates to an unknown with that
 * reason, so the model holds it as unknown and no rule reads it as a literal.
 */
export const UNKNOWN_VALUE_KEY = 'Fn::FaasguardUnknown';
import { cidrSubnets } from './cidr.js';
import { splitGetAtt } from './get-att.js';
import { TRANSFORM_KEY } from './include-transform.js';
import { NO_VALUE, pseudoParameter } from './pseudo-parameters.js';
import type { Template } from './template.js';
import { ownValue, setOwn } from '../../util/own-keys.js';

/** What `Fn::If` chooses by a condition not known offline: nothing known, and why. */
interface Undecided {
  condition: string;
  truth: Unknown;
}

/** Stands for `Ref: AWS::NoValue`: the property is removed. */
const REMOVED: unique symbol = Symbol('AWS::NoValue');
type Evaluated = Value | typeof REMOVED;

const MAX_DEPTH = 64;

export class Evaluator {
  private readonly conditionCache = new Map<string, boolean | Unknown>();
  private readonly conditionStack: string[] = [];
  private readonly notedConditions = new Set<string>();

  constructor(private readonly template: Template) {}

  /** Where loaders that read evaluated values report what is wrong with them. */
  get diagnostics(): Template['diagnostics'] {
    return this.template.diagnostics;
  }

  /**
   * `node` with its `Fn::If` wrappers resolved: the branch a known condition chooses (resolved in
   * turn), or undefined for `AWS::NoValue` and for a condition not known offline (noted). For
   * loaders that read a list's items as nodes (policies, statements): an `Fn::If` around the list
   * or one of its items would otherwise read as one item that is no policy.
   */
  chosen(node: TNode | undefined, depth = 0): TNode | undefined {
    const only = node?.kind === 'map' && node.entries.length === 1 ? node.entries[0]! : undefined;
    if (!only || depth > MAX_DEPTH) return node;
    if (isNoValue(node)) return undefined;
    const branch = only.key === 'Fn::If' ? this.ifBranch(only.value) : undefined;
    if (branch === undefined) return node;
    return 'truth' in branch ? undefined : this.chosen(branch, depth + 1);
  }

  /**
   * The branch `Fn::If`'s argument chooses, or the condition not known offline (noted); undefined
   * when the argument is not `[Condition, ValueIfTrue, ValueIfFalse]`.
   */
  private ifBranch(arg: TNode): TNode | Undecided | undefined {
    if (arg.kind !== 'seq' || arg.items.length !== 3 || arg.items[0]!.kind !== 'scalar') return undefined;
    const nameNode = arg.items[0]!;
    const name = String((nameNode as { value: unknown }).value);
    const truth = this.condition(name, nameNode);
    if (!(truth instanceof Unknown)) return truth ? arg.items[1]! : arg.items[2]!;
    this.noteOpenCondition(name, truth, nameNode);
    return { condition: name, truth };
  }

  /**
   * For a property written `Fn::If [Condition, setting, AWS::NoValue]` whose condition is false here:
   * the condition and the parameters it reads, with their values. A rule can then say which value
   * turns the setting on, rather than that the template lacks it.
   */
  switchedOff(node: TNode | undefined): SettingSwitch | undefined {
    const only = node?.kind === 'map' && node.entries.length === 1 ? node.entries[0]! : undefined;
    const arg = only?.key === 'Fn::If' ? only.value : undefined;
    if (arg?.kind !== 'seq' || arg.items.length !== 3) return undefined;
    const [nameNode, onBranch, offBranch] = arg.items as [TNode, TNode, TNode];
    if (nameNode.kind !== 'scalar' || !isNoValue(offBranch) || isNoValue(onBranch)) return undefined;
    const name = String(nameNode.value);
    if (this.condition(name, nameNode) !== false) return undefined;
    const parameters = [...this.parametersRead(this.template.conditions.get(name), new Set([name]))].map((p) => ({ name: p, value: scalarText(this.template.parameters.get(p)!.value), given: this.template.givenParams.has(p) }));
    return { condition: name, parameters, loc: nameNode.loc };
  }

  /** The items of a list node (a lone node is one), with `Fn::If` resolved around the list and each item. */
  chosenItems(node: TNode | undefined): TNode[] {
    return items(this.chosen(node)).flatMap((n) => this.chosen(n) ?? []);
  }

  /** The value of a node; undefined when it is absent or evaluates to AWS::NoValue. */
  value(node: TNode | undefined): Value | undefined {
    if (node === undefined) return undefined;
    const v = this.eval(node, 0, undefined);
    return v === REMOVED ? undefined : v;
  }

  /** The truth of a named condition. */
  condition(name: string, at: TNode): boolean | Unknown {
    const cached = this.conditionCache.get(name);
    if (cached !== undefined) return cached;
    if (this.conditionStack.includes(name)) {
      this.template.diagnostics.error('reference-cycle', `condition cycle: ${[...this.conditionStack, name].join(' → ')}`, at.loc);
      return new Unknown(`condition ${name} refers to itself`);
    }
    const node = this.template.conditions.get(name);
    if (node === undefined) {
      this.template.diagnostics.error('broken-reference', `condition ${name} is not defined`, at.loc);
      return new Unknown(`undefined condition ${name}`);
    }
    this.conditionStack.push(name);
    const result = this.truth(this.eval(node, 0, undefined), name);
    this.conditionStack.pop();
    this.conditionCache.set(name, result);
    return result;
  }

  private truth(v: Evaluated, name: string): boolean | Unknown {
    if (typeof v === 'boolean') return v;
    if (v instanceof Unknown) return v;
    return new Unknown(`condition ${name} is not a boolean`);
  }

  private eval(node: TNode, depth: number, subVars: ValueMap | undefined): Evaluated {
    if (depth > MAX_DEPTH) {
      this.template.diagnostics.error('too-deep', `intrinsic functions nested deeper than ${MAX_DEPTH} levels`, node.loc);
      return new Unknown('nesting too deep');
    }
    if (node.kind === 'scalar') return node.value;
    if (node.kind === 'seq') {
      const out: Value[] = [];
      for (const item of node.items) {
        const v = this.eval(item, depth + 1, subVars);
        if (v !== REMOVED) out.push(v);
      }
      return out;
    }
    if (node.entries.length === 1 && isIntrinsicKey(node.entries[0]!.key)) {
      return this.intrinsic(node.entries[0]!.key, node.entries[0]!.value, node, depth + 1);
    }
    const out: ValueMap = {};
    for (const e of node.entries) {
      const v = this.eval(e.value, depth + 1, subVars);
      if (v !== REMOVED) setOwn(out, e.key, v);
    }
    return out;
  }

  private intrinsic(fn: string, arg: TNode, at: TNode, depth: number): Evaluated {
    switch (fn) {
      case 'Ref':
        return this.ref(arg);
      case 'Condition':
        return this.conditionArg(arg);
      case 'Fn::GetAtt':
        return this.getAtt(arg, depth);
      case 'Fn::Sub':
        return this.sub(arg, depth);
      case 'Fn::Join':
        return this.join(arg, depth);
      case 'Fn::Select':
        return this.select(arg, depth);
      case 'Fn::Split':
        return this.split(arg, depth);
      case 'Fn::FindInMap':
        return this.findInMap(arg, depth);
      case 'Fn::If':
        return this.ifFn(arg, depth);
      case 'Fn::Equals':
        return this.equals(arg, depth);
      case 'Fn::And':
      case 'Fn::Or':
        return this.andOr(fn, arg, depth);
      case 'Fn::Not':
        return this.not(arg, depth);
      case 'Fn::Base64':
        return this.base64(arg, depth);
      case 'Fn::Cidr':
        return this.cidr(arg, depth);
      case 'Fn::GetAZs':
        return new Unknown('Fn::GetAZs (the Availability Zones of the region at deploy time)');
      case 'Fn::ImportValue':
        return this.importValue(arg, depth);
      case 'Fn::Length':
        return this.length(arg, depth);
      case 'Fn::ToJsonString':
        return this.toJsonString(arg, depth);
      case UNKNOWN_TAG_KEY:
        return new Unknown(`value of an unknown tag`);
      case UNKNOWN_VALUE_KEY:
        return new Unknown(arg.kind === 'scalar' ? String(arg.value) : 'a value not known offline');
      case TRANSFORM_KEY:
        // Reported once where includes are expanded: a transform left in the tree could not be.
        return new Unknown('what a transform (AWS::Include, macro) produces');
      default:
        this.template.diagnostics.warning('unknown-function', `${fn} is not an intrinsic function faasguard evaluates; its value is unknown`, at.loc);
        return new Unknown(`${fn} is not evaluated`);
    }
  }

  private importValue(arg: TNode, depth: number): Evaluated {
    const name = this.eval(arg, depth, undefined);
    return typeof name === 'string' ? new ImportedValue(name) : new Unknown(`Fn::ImportValue of ${display(name)}`);
  }

  private ref(arg: TNode): Evaluated {
    const name = arg.kind === 'scalar' ? String(arg.value) : undefined;
    if (name === undefined) return this.broken('Ref needs a name', arg);
    if (name === NO_VALUE) return REMOVED;
    const param = this.template.parameters.get(name);
    if (param) return param.value;
    const pseudo = pseudoParameter(name, this.template.givenParams);
    if (pseudo !== undefined) return pseudo;
    return this.resourceRef(name) ?? this.missing(name, `Ref to ${name}, which is neither a parameter nor a resource`, arg);
  }

  private resourceRef(logicalId: string, attribute?: string): ResourceRef | undefined {
    if (this.template.resources.has(logicalId) || this.template.isImplicit(logicalId)) {
      return new ResourceRef(this.template.resourceId(logicalId), logicalId, attribute);
    }
    // SAM lets `!Ref MyApi.Stage` name a resource it generates for MyApi.
    const dot = logicalId.indexOf('.');
    if (dot > 0 && attribute === undefined && this.template.resources.has(logicalId.slice(0, dot))) {
      const base = logicalId.slice(0, dot);
      return new ResourceRef(this.template.resourceId(base), base, logicalId.slice(dot + 1));
    }
    return undefined;
  }

  private conditionArg(arg: TNode): Evaluated {
    const name = arg.kind === 'scalar' ? String(arg.value) : undefined;
    if (name === undefined) return this.broken('Condition needs a name', arg);
    return this.condition(name, arg);
  }

  private getAtt(arg: TNode, depth: number): Evaluated {
    const evaluated = this.eval(arg, depth, undefined);
    const parts = typeof evaluated === 'string' ? splitGetAtt(evaluated) : evaluated;
    if (!Array.isArray(parts) || parts.length !== 2 || typeof parts[0] !== 'string') return this.broken('Fn::GetAtt needs [LogicalId, Attribute] or "LogicalId.Attribute"', arg);
    const attribute = typeof parts[1] === 'string' ? parts[1] : undefined;
    if (attribute === undefined) return new Unknown('Fn::GetAtt with a computed attribute name');
    return this.resourceRef(parts[0], attribute) ?? this.missing(parts[0], `Fn::GetAtt of ${parts[0]}, which is not a resource`, arg);
  }

  private sub(arg: TNode, depth: number): Evaluated {
    let text: string | undefined;
    let vars: ValueMap = {};
    if (arg.kind === 'scalar') text = String(arg.value);
    else if (arg.kind === 'seq' && arg.items.length === 2 && arg.items[0]!.kind === 'scalar') {
      text = String(arg.items[0]!.value);
      const v = this.eval(arg.items[1]!, depth, undefined);
      if (v !== REMOVED && isValueMap(v)) vars = v;
      else return this.broken('the second argument of Fn::Sub must be a mapping', arg.items[1]!);
    }
    if (text === undefined) return this.broken('Fn::Sub needs a string or [string, variables]', arg);
    return this.substitute(text, vars, arg);
  }

  private substitute(text: string, vars: ValueMap, at: TNode): Value {
    const parts: Array<string | ResourceRef | Unknown> = [];
    const re = /\$\{([^}]*)\}/g;
    let last = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      parts.push(text.slice(last, m.index));
      last = m.index + m[0].length;
      const name = m[1]!.trim();
      if (name.startsWith('!')) {
        parts.push(`\${${name.slice(1)}}`);
        continue;
      }
      parts.push(...toParts(this.subVariable(name, vars, at)));
    }
    parts.push(text.slice(last));
    return compose(parts);
  }

  private subVariable(name: string, vars: ValueMap, at: TNode): Value {
    const given = ownValue(vars, name);
    if (given !== undefined) return given;
    const dot = name.indexOf('.');
    if (dot > 0 && !name.startsWith('AWS::') && !this.template.parameters.has(name)) {
      const logicalId = name.slice(0, dot);
      return this.resourceRef(logicalId, name.slice(dot + 1)) ?? this.missing(logicalId, `Fn::Sub refers to ${name}, but ${logicalId} is not a resource`, at);
    }
    const param = this.template.parameters.get(name);
    if (param) return param.value;
    const pseudo = pseudoParameter(name, this.template.givenParams);
    if (pseudo !== undefined) return pseudo;
    return this.resourceRef(name) ?? this.missing(name, `Fn::Sub refers to ${name}, which is neither a parameter nor a resource`, at);
  }

  private join(arg: TNode, depth: number): Evaluated {
    const v = this.eval(arg, depth, undefined);
    if (!Array.isArray(v) || v.length !== 2 || typeof v[0] !== 'string') return this.broken('Fn::Join needs [delimiter, list]', arg);
    const [delimiter, list] = v as [string, Value];
    if (list instanceof Unknown) return list;
    if (!Array.isArray(list)) return this.broken('the second argument of Fn::Join must be a list', arg);
    const parts: Array<string | ResourceRef | Unknown> = [];
    list.forEach((item, i) => {
      if (i > 0) parts.push(delimiter);
      parts.push(...toParts(item));
    });
    return compose(parts);
  }

  private select(arg: TNode, depth: number): Evaluated {
    const v = this.eval(arg, depth, undefined);
    if (!Array.isArray(v) || v.length !== 2) return this.broken('Fn::Select needs [index, list]', arg);
    const [index, list] = v as [Value, Value];
    if (list instanceof Unknown) return new Unknown(`Fn::Select from ${list.reason}`);
    // A list attribute (`!GetAtt Endpoint.DnsEntries`) or an imported list is known only at deploy time.
    if (isOpaque(list)) return new Unknown(`Fn::Select from a list known only at deploy time (${display(list)})`);
    if (isOpaque(index)) return new Unknown(`Fn::Select with an index known only at deploy time (${display(index)})`);
    const i = typeof index === 'number' ? index : typeof index === 'string' ? Number(index) : NaN;
    if (!Number.isInteger(i) || !Array.isArray(list)) return this.broken('Fn::Select needs a whole-number index and a list', arg);
    if (i < 0 || i >= list.length) return this.broken(`Fn::Select index ${i} is outside the list of ${list.length}`, arg);
    return list[i]!;
  }

  private split(arg: TNode, depth: number): Evaluated {
    const v = this.eval(arg, depth, undefined);
    if (!Array.isArray(v) || v.length !== 2 || typeof v[0] !== 'string') return this.broken('Fn::Split needs [delimiter, string]', arg);
    const [delimiter, source] = v as [string, Value];
    if (typeof source === 'string') return source.split(delimiter);
    return new Unknown(`Fn::Split of a value known only at deploy time (${display(source)})`);
  }

  private findInMap(arg: TNode, depth: number): Evaluated {
    const v = this.eval(arg, depth, undefined);
    if (!Array.isArray(v) || v.length < 3) return this.broken('Fn::FindInMap needs [MapName, TopLevelKey, SecondLevelKey]', arg);
    const keys = v.slice(0, 3);
    const fallback = isValueMap(v[3]) ? v[3]['DefaultValue'] : undefined;
    const unknownKey = keys.find((k) => typeof k !== 'string' && typeof k !== 'number');
    if (unknownKey !== undefined) return fallbackOr(fallback, new Unknown(`Fn::FindInMap with a key known only at deploy time (${display(unknownKey)})`));
    const [map, top, second] = keys.map(String) as [string, string, string];
    const found = get(get(get(this.template.mappings, map), top), second);
    if (found !== undefined) return this.eval(found, depth, undefined);
    if (fallback !== undefined) return fallback;
    return this.broken(`Fn::FindInMap: ${map}.${top}.${second} is not in Mappings`, arg);
  }

  private ifFn(arg: TNode, depth: number): Evaluated {
    const branch = this.ifBranch(arg);
    if (branch === undefined) return this.broken('Fn::If needs [Condition, ValueIfTrue, ValueIfFalse]', arg);
    if ('truth' in branch) return new Unknown(`depends on condition ${branch.condition}: ${branch.truth.reason}`);
    return this.eval(branch, depth, undefined);
  }

  /**
   * What Fn::If chooses by a condition not known offline is unknown, and no rule judges an unknown
   * (a policy, an authorization type): said once per condition, where it is first used, so that the
   * scan does not pass over it in silence.
   */
  private noteOpenCondition(name: string, truth: Unknown, at: TNode): void {
    if (this.notedConditions.has(name)) return;
    this.notedConditions.add(name);
    const params = [...this.unsetParameters(this.template.conditions.get(name), new Set([name]))];
    const why = params.length > 0 ? `it reads parameter${params.length > 1 ? 's' : ''} ${params.join(', ')}, given no value` : truth.reason;
    const advice = params.length > 0 ? `; give ${params.map((p) => `--param ${p}=…`).join(' ')} to judge a case` : '';
    this.template.diagnostics.note('condition-not-known', `condition ${name} is not known offline (${why}): what Fn::If chooses by it is not judged${advice}`, at.loc);
  }

  /** Parameters without a known value that a condition's definition reads, through the conditions it names too. */
  private unsetParameters(node: TNode | undefined, seen: Set<string>): Set<string> {
    return new Set([...this.parametersRead(node, seen)].filter((name) => this.template.parameters.get(name)!.value instanceof Unknown));
  }

  /** The template's parameters that a condition's definition reads, through the conditions it names too. */
  private parametersRead(node: TNode | undefined, seen: Set<string>): Set<string> {
    const out = new Set<string>();
    const visit = (n: TNode | undefined): void => {
      if (n?.kind === 'seq') n.items.forEach(visit);
      if (n?.kind !== 'map') return;
      for (const e of n.entries) {
        const named = e.value.kind === 'scalar' ? String(e.value.value) : undefined;
        if (e.key === 'Ref' && named !== undefined && this.template.parameters.has(named)) out.add(named);
        else if (e.key === 'Condition' && named !== undefined && !seen.has(named)) {
          seen.add(named);
          visit(this.template.conditions.get(named));
        } else visit(e.value);
      }
    };
    visit(node);
    return out;
  }

  private equals(arg: TNode, depth: number): Evaluated {
    const v = this.eval(arg, depth, undefined);
    if (!Array.isArray(v) || v.length !== 2) return this.broken('Fn::Equals needs two values', arg);
    const [a, b] = v as [Value, Value];
    if (isValueMap(a) || isValueMap(b)) return this.broken('Fn::Equals compares strings, numbers or lists, not mappings', arg);
    if (containsOpaque(a) || containsOpaque(b)) return new Unknown(`Fn::Equals of ${display(a)} and ${display(b)}`);
    if (JSON.stringify(a) === JSON.stringify(b)) return true;
    return isScalar(a) && isScalar(b) && String(a) === String(b);
  }

  private andOr(fn: string, arg: TNode, depth: number): Evaluated {
    const v = this.eval(arg, depth, undefined);
    if (!Array.isArray(v) || v.length < 2 || v.length > 10) return this.broken(`${fn} needs 2 to 10 conditions`, arg);
    const isAnd = fn === 'Fn::And';
    let unknown: Unknown | undefined;
    for (const c of v) {
      if (c instanceof Unknown) unknown = c;
      else if (typeof c !== 'boolean') return this.broken(`${fn} takes conditions`, arg);
      else if (c !== isAnd) return !isAnd;
    }
    return unknown ?? isAnd;
  }

  private not(arg: TNode, depth: number): Evaluated {
    const v = this.eval(arg, depth, undefined);
    const c = Array.isArray(v) && v.length === 1 ? v[0] : undefined;
    if (c instanceof Unknown) return c;
    if (typeof c !== 'boolean') return this.broken('Fn::Not needs [condition]', arg);
    return !c;
  }

  private base64(arg: TNode, depth: number): Evaluated {
    const v = this.eval(arg, depth, undefined);
    if (typeof v === 'string') return Buffer.from(v, 'utf8').toString('base64');
    return new Unknown('Fn::Base64 of a value known only at deploy time');
  }

  private cidr(arg: TNode, depth: number): Evaluated {
    const v = this.eval(arg, depth, undefined);
    if (!Array.isArray(v) || v.length !== 3) return this.broken('Fn::Cidr needs [ipBlock, count, cidrBits]', arg);
    const [block, count, bits] = v as [Value, Value, Value];
    if (!isScalar(block) || !isScalar(count) || !isScalar(bits)) {
      if (isOpaque(block) || isOpaque(count) || isOpaque(bits)) return new Unknown('Fn::Cidr of a value known only at deploy time');
      return this.broken('Fn::Cidr needs an address block, a count and a number of bits, not lists or mappings', arg);
    }
    if (typeof block !== 'string') return this.broken(`Fn::Cidr needs an address block such as 10.0.0.0/16, not ${String(block)}`, arg);
    const subnets = cidrSubnets(block, Number(count), Number(bits));
    return subnets ?? this.broken(`Fn::Cidr cannot carve ${String(count)} subnets of ${String(bits)} bits from ${block}`, arg);
  }

  private length(arg: TNode, depth: number): Evaluated {
    const v = this.eval(arg, depth, undefined);
    if (Array.isArray(v)) return v.length;
    return new Unknown('Fn::Length of a list known only at deploy time');
  }

  private toJsonString(arg: TNode, depth: number): Evaluated {
    const v = this.eval(arg, depth, undefined);
    if (v === REMOVED || containsOpaque(v)) return new Unknown('Fn::ToJsonString of a value known only at deploy time');
    return JSON.stringify(v);
  }

  /** A name that is not in the template: broken, unless a listed plugin may create it at deploy time. */
  private missing(logicalId: string, message: string, at: TNode): Unknown {
    const plugins = this.template.resourcePlugins;
    // Labelled by the name as written, as a placeholder: the error already says it is missing.
    if (plugins.length === 0) return this.broken(message, at, `<${logicalId}>`);
    const reason = `${logicalId} is not a resource of the compiled template; the plugin${plugins.length > 1 ? 's' : ''} ${plugins.join(', ')} may create it`;
    this.template.diagnostics.note('plugin-resource', `${reason}: its value is unknown`, at.loc);
    // Labelled by its logical id: messages name the resource as the template does.
    return new Unknown(reason, logicalId);
  }

  private broken(message: string, at: TNode, label?: string): Unknown {
    this.template.diagnostics.error('broken-reference', message, at.loc);
    return new Unknown(message, label);
  }
}

/** `Ref: AWS::NoValue` */
function isNoValue(node: TNode | undefined): boolean {
  const only = node?.kind === 'map' && node.entries.length === 1 ? node.entries[0]! : undefined;
  return only?.key === 'Ref' && only.value.kind === 'scalar' && only.value.value === NO_VALUE;
}

/** `Condition` is a function only inside condition functions, but a lone `Condition` key means nothing else. */
function isIntrinsicKey(key: string): boolean {
  return key === 'Ref' || key === 'Condition' || key.startsWith('Fn::') || key === UNKNOWN_TAG_KEY;
}

/** A value `String()` turns into text without running anything a template defined. */
function isScalar(v: Value): v is string | number | boolean | null {
  return v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
}

function isOpaque(v: Value): boolean {
  return v instanceof Unknown || v instanceof ResourceRef || v instanceof Composite;
}

function containsOpaque(v: Value): boolean {
  if (isOpaque(v)) return true;
  if (Array.isArray(v)) return v.some(containsOpaque);
  if (isValueMap(v)) return Object.values(v).some(containsOpaque);
  return false;
}

function fallbackOr(fallback: Value | undefined, otherwise: Value): Value {
  return fallback !== undefined ? fallback : otherwise;
}

function toParts(v: Value): Array<string | ResourceRef | Unknown> {
  if (v instanceof ResourceRef || v instanceof Unknown) return [v];
  if (v instanceof Composite) return [...v.parts];
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return [String(v)];
  return [new Unknown(`a ${Array.isArray(v) ? 'list' : 'mapping'} where a string was expected`)];
}

/** Adjacent strings merged; a result made of strings only is a plain string. */
function compose(parts: Array<string | ResourceRef | Unknown>): Value {
  const merged: Array<string | ResourceRef | Unknown> = [];
  for (const p of parts) {
    const last = merged[merged.length - 1];
    if (typeof p === 'string' && typeof last === 'string') merged[merged.length - 1] = last + p;
    else if (p !== '') merged.push(p);
  }
  if (merged.length === 0) return '';
  if (merged.length === 1 && typeof merged[0] === 'string') return merged[0];
  if (merged.length === 1 && merged[0] instanceof Unknown) return merged[0];
  return new Composite(merged);
}

/** A parameter's value as a person writes it: `false`, not `"false"`. */
function scalarText(v: Value): string {
  return typeof v === 'string' ? v : display(v);
}

function display(v: Evaluated): string {
  if (v === REMOVED) return 'AWS::NoValue';
  if (typeof v === 'object' && v !== null && !Array.isArray(v) && 'toString' in v && (v instanceof Unknown || v instanceof ResourceRef || v instanceof Composite)) return v.toString();
  return JSON.stringify(v);
}
