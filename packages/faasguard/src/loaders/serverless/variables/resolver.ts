/**
 * Resolves the variables of a serverless.yml over the located tree, the way the framework does:
 * sources, fallbacks, nested variables, files. The result is a new tree in which every resolved
 * value keeps the location where it is written (an included file's value points into that file).
 *
 * Bounded: nesting deeper than MAX_DEPTH, self-referencing values and values that expand past
 * the expansion budget are reported and become unknown; nothing throws.
 */
import type { DiagnosticSink } from '../../../model/diagnostic.js';
import type { SourceLocation } from '../../../model/location.js';
import type { TMap, TNode } from '../../../parse/tree.js';
import type { UnknownMarkers } from '../unknown-markers.js';
import { awsSource } from './aws-source.js';
import { ExpansionBudget, MAX_TOTAL_SIZE, MAX_VALUE_SIZE, type Refusal } from './expansion-budget.js';
import { envSource } from './env-source.js';
import type { FileReader } from '../../file-reader.js';
import { fileSource } from './file-source.js';
import { optSource } from './opt-source.js';
import { paramSource } from './param-source.js';
import { selfSource } from './self-source.js';
import { slsSource } from './sls-source.js';
import { scalarNode, type ServerlessOptions, type SourceContext, type VariableSource } from './source.js';
import { STORE_NAMES, storeSource } from './store-sources.js';
import { customSyntax, defaultSyntax, literal, parseSourceCall, splitParams, type VariableSyntax } from './syntax.js';
import { lookupTable } from '../../../util/own-keys.js';
import { countText } from '../../../util/count-text.js';

const MAX_DEPTH = 32;
/** Passes over one string, for custom syntaxes that resolve nested variables from the inside out */
const MAX_PASSES = 10;

const SOURCES: Readonly<Record<string, VariableSource>> = lookupTable({
  self: selfSource,
  opt: optSource,
  sls: slsSource,
  aws: awsSource,
  env: envSource,
  file: fileSource,
  param: paramSource,
});

export class VariableResolver {
  private readonly memo = new Map<TNode, TNode>();
  private readonly inProgress = new Set<TNode>();
  private readonly syntax: VariableSyntax;
  private cachedStage: string | undefined;
  private cachedRegion: string | undefined;
  private computing = new Set<string>();
  private readonly budget = new ExpansionBudget();
  private budgetReported = false;

  constructor(
    private readonly root: TMap,
    private readonly options: ServerlessOptions,
    private readonly markers: UnknownMarkers,
    private readonly diagnostics: DiagnosticSink,
    /** Reads `${file(...)}` targets: inside the scan root and not excluded */
    private readonly files: FileReader,
  ) {
    this.syntax = this.chooseSyntax();
  }

  /** The whole configuration, resolved. */
  resolveAll(): TNode {
    const resolved = this.resolve(this.root, 0);
    for (const d of this.files.diagnostics) this.diagnostics.items.push(d);
    return resolved;
  }

  /** Files that `${file(...)}` read, relative to the scan root */
  includedFiles(): string[] {
    return this.files.readFiles();
  }

  stage(): string {
    this.cachedStage ??= this.options.stage ?? this.configured('provider.stage', 'dev');
    return this.cachedStage;
  }

  region(): string {
    this.cachedRegion ??= this.options.region ?? this.configured('provider.region', 'us-east-1');
    return this.cachedRegion;
  }

  /** A plain string from the configuration, or the framework's default. */
  private configured(address: string, fallback: string): string {
    if (this.computing.has(address)) return fallback;
    this.computing.add(address);
    const node = this.self(address, 0, this.root.loc);
    this.computing.delete(address);
    const value = node?.kind === 'scalar' && node.value !== null ? String(node.value) : undefined;
    return value === undefined || this.markers.has(value) ? fallback : value;
  }

  private chooseSyntax(): VariableSyntax {
    const node = this.root.entries.find((e) => e.key === 'provider')?.value;
    const custom = node?.kind === 'map' ? node.entries.find((e) => e.key === 'variableSyntax')?.value : undefined;
    if (custom?.kind !== 'scalar' || typeof custom.value !== 'string') return defaultSyntax;
    try {
      return customSyntax(custom.value);
    } catch (e) {
      this.diagnostics.error('variable-syntax', `provider.variableSyntax is not a valid regular expression (${(e as Error).message}): the default syntax is used`, custom.loc);
      return defaultSyntax;
    }
  }

  resolve(node: TNode, depth: number): TNode {
    const done = this.memo.get(node);
    if (done) return done;
    if (this.inProgress.has(node)) {
      this.diagnostics.warning('variable-cycle', 'this value refers to itself through variables: it is unknown', node.loc);
      return scalarNode(this.markers.mark('a variable that refers to itself'), node.loc);
    }
    if (depth > MAX_DEPTH) {
      this.diagnostics.warning('variable-too-deep', `variables nested deeper than ${MAX_DEPTH} levels: the value is unknown`, node.loc);
      return scalarNode(this.markers.mark(`variables nested deeper than ${MAX_DEPTH} levels`), node.loc);
    }
    this.inProgress.add(node);
    const out = this.resolveUncached(node, depth);
    this.inProgress.delete(node);
    this.memo.set(node, out);
    return out;
  }

  private resolveUncached(node: TNode, depth: number): TNode {
    if (node.kind === 'scalar') return typeof node.value === 'string' ? this.resolveString(node.value, node, depth) : node;
    if (node.kind === 'seq') return { ...node, items: node.items.map((i) => this.resolve(i, depth + 1)) };
    return { ...node, entries: node.entries.map((e) => ({ ...e, value: this.resolve(e.value, depth + 1) })) };
  }

  private resolveString(original: string, node: TNode, depth: number): TNode {
    let text = original;
    for (let pass = 0; pass < MAX_PASSES; pass++) {
      const matches = this.syntax.find(text);
      if (matches.length === 0) break;
      const only = matches[0]!;
      if (matches.length === 1 && only.start === 0 && only.end === text.length) {
        const whole = this.expression(only.inner, node.loc, depth) ?? this.notFound(only.inner, node.loc);
        if (whole.kind !== 'scalar' || typeof whole.value !== 'string' || this.syntax.find(whole.value).length === 0) return whole;
        text = whole.value;
        continue;
      }
      text = this.interpolate(text, matches, node.loc, depth);
    }
    return text === original ? node : scalarNode(text, node.loc);
  }

  private interpolate(text: string, matches: ReturnType<VariableSyntax['find']>, loc: SourceLocation, depth: number): string {
    let out = '';
    let last = 0;
    for (const m of matches) {
      out += text.slice(last, m.start) + this.asText(this.expression(m.inner, loc, depth) ?? this.notFound(m.inner, loc), m.inner, loc);
      last = m.end;
    }
    return out + text.slice(last);
  }

  private asText(node: TNode, inner: string, loc: SourceLocation): string {
    if (node.kind === 'scalar') return node.value === null ? 'null' : String(node.value);
    this.diagnostics.warning('variable-not-string', `\${${inner}} is a ${node.kind === 'map' ? 'mapping' : 'list'} inside a string: the value is unknown`, loc);
    return this.markers.mark(`\${${inner}} is not a string`);
  }

  /** The first of the address and its fallbacks that has a value; undefined when none has. */
  private expression(inner: string, loc: SourceLocation, depth: number): TNode | undefined {
    for (const param of splitParams(inner)) {
      const value = this.candidate(param, loc, depth + 1);
      if (value === undefined) continue;
      const refusal = this.budget.charge(value);
      return refusal === undefined ? value : this.tooLarge(inner, refusal, loc);
    }
    return undefined;
  }

  /** Every value too large is reported; the spent budget once, at the first variable it stops. */
  private tooLarge(inner: string, refusal: Refusal, loc: SourceLocation): TNode {
    if (refusal === 'value-too-large') {
      this.diagnostics.warning('variable-too-large', `\${${inner}} expands to more than ${countText(MAX_VALUE_SIZE)} characters (a value doubled through variables?): the value is unknown`, loc);
    } else if (!this.budgetReported) {
      this.budgetReported = true;
      this.diagnostics.warning('variable-too-large', `variables expand this configuration past ${countText(MAX_TOTAL_SIZE)} characters: \${${inner}} and every variable resolved after it are unknown`, loc);
    }
    return scalarNode(this.markers.mark(`\${${inner}} expands too far`), loc);
  }

  private candidate(text: string, loc: SourceLocation, depth: number): TNode | undefined {
    if (depth > MAX_DEPTH) return this.resolve(scalarNode(text, loc), depth);
    const lit = literal(text);
    if (lit !== undefined) return scalarNode(lit, loc);
    if (text.startsWith('${')) {
      const matches = this.syntax.find(text);
      const only = matches[0];
      if (matches.length === 1 && only && only.start === 0 && only.end === text.length) return this.expression(only.inner, loc, depth);
      return scalarNode(this.interpolate(text, matches, loc, depth), loc);
    }
    const raw = parseSourceCall(text);
    if (!raw) {
      this.diagnostics.warning('variable-unsupported', `"${text}" is not a variable faasguard understands: the value is unknown`, loc);
      return scalarNode(this.markers.mark(`unsupported variable "${text}"`), loc);
    }
    const call = { ...raw, address: this.plainText(raw.address, loc, depth), ...(raw.param !== undefined ? { param: this.plainText(raw.param, loc, depth) } : {}) };
    const source = SOURCES[call.source] ?? this.storeOrUnsupported(call.source, loc);
    return source(this.sourceContext(call, loc, depth));
  }

  /** An address or file path may itself contain variables. */
  private plainText(text: string, loc: SourceLocation, depth: number): string {
    const matches = this.syntax.find(text);
    return matches.length === 0 ? text : this.interpolate(text, matches, loc, depth);
  }

  private storeOrUnsupported(source: string, loc: SourceLocation): VariableSource {
    if (STORE_NAMES.includes(source.split('.')[0]!)) return storeSource(source);
    this.diagnostics.note('variable-unsupported', `the variable source "${source}" is not one faasguard resolves: the value is unknown`, loc);
    return storeSource(source);
  }

  private notFound(inner: string, loc: SourceLocation): TNode {
    this.diagnostics.note('variable-unresolved', `\${${inner}} has no value and no fallback: it is unknown`, loc);
    return scalarNode(this.markers.mark(`\${${inner}} has no value`), loc);
  }

  private sourceContext(call: SourceContext['call'], loc: SourceLocation, depth: number): SourceContext {
    return {
      call,
      loc,
      depth,
      options: this.options,
      markers: this.markers,
      diagnostics: this.diagnostics,
      self: (address, d, at) => this.self(address, d, at),
      pick: (root, address) => pick(root, address),
      resolveTree: (node, d) => this.resolve(node, d),
      stage: () => this.stage(),
      region: () => this.region(),
      files: this.files,
    };
  }

  /** A node of the main configuration by dotted path, resolving what lies on the way. */
  self(address: string, depth: number, loc: SourceLocation): TNode | undefined {
    let node: TNode | undefined = this.root;
    for (const key of address.split('.').filter((k) => k !== '')) {
      if (node.kind === 'scalar') node = this.resolve(node, depth + 1);
      node = child(node, key);
      if (node === undefined) return undefined;
    }
    if (depth > MAX_DEPTH) return this.resolve(scalarNode('', loc), depth);
    return this.resolve(node, depth + 1);
  }
}

function child(node: TNode, key: string): TNode | undefined {
  if (node.kind === 'map') {
    for (let i = node.entries.length - 1; i >= 0; i--) if (node.entries[i]!.key === key) return node.entries[i]!.value;
    return undefined;
  }
  if (node.kind === 'seq' && /^\d+$/.test(key)) return node.items[Number(key)];
  return undefined;
}

function pick(root: TNode, address: string): TNode | undefined {
  let node: TNode | undefined = root;
  for (const key of address.split('.').filter((k) => k !== '')) {
    node = node ? child(node, key) : undefined;
  }
  return node;
}
