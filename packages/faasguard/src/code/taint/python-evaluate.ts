/**
 * The abstract interpreter for Python, over tree-sitter's syntax tree: the same values, taints
 * and hits as `evaluate.ts`, one pass, bounded. Functions of the handler's modules are analyzed
 * in place at each call (bounded in depth) rather than summarized.
 */
import path from 'node:path';
import type { SourceLocation } from '../../model/location.js';
import type { CodeFiles } from '../module-graph.js';
import { parsePython, type ParsedPython, type PyNode } from '../parse-python.js';
import { pythonModuleFile } from '../python-modules.js';
import { deepTaints, getProp, join, joinAll, keysOf, mixed, sanitize, setPath, shaped, tainted, throughService, withStep } from './propagation.js';
import { secretRead, secretTaint, somewhereIn } from './secret-reads.js';
import { isSdkClient } from './sdk-clients.js';
import { isAnchoredRegex } from './sanitizers.js';
import { DYNAMODB_EXPRESSION_PROPS, MONGO_WHERE, queryShaping } from './sinks.js';
import { PY_CLEAN_METHODS } from './python-tables.js';
import { receiverOfCall } from './caught-error-methods.js';
import { INPUT_ERROR_CLASSES } from './input-error-classes.js';
import { findGuardRow } from './models/guard-rows.js';
import { FILE_NAME_SAFE, findSanitizerRow } from './models/sanitizer-rows.js';
import { PYTHON_SINKS } from './models/python-sinks.js';
import { findSinkRows, sinkTarget } from './models/sink-row.js';
import { PREDICATES } from './models/predicates.js';
import { concat, TextBuilder } from './text-builder.js';
import { TaintWalker } from './walker-core.js';
import { CLEAN, Env, type PyFnRef, type Taint, type Value } from './types.js';

export interface PyModule {
  file: string;
  parsed: ParsedPython;
  env: Env;
}

export interface PyContext {
  files: CodeFiles;
  /** The function's code folder: absolute imports start there */
  codeDir: string;
  modules: Map<string, PyModule | null>;
  /** Modules read for this function; bounded per function, while `modules` may hold more from earlier ones */
  loaded?: number;
  budget: number;
  exhausted: boolean;
  inlineDepth: number;
}

const MAX_DEPTH = 300;
/** Modules one function's analysis reads at most */
const MAX_MODULES = 300;
const MAX_INLINE = 5;
const LOG_METHODS = new Set(['debug', 'info', 'warning', 'warn', 'error', 'exception', 'critical', 'log', 'print']);
const EXITS = new Set(['return_statement', 'raise_statement', 'continue_statement', 'break_statement']);

/** Where a call's positional and keyword arguments are written. */
interface ArgLocations {
  args: SourceLocation[];
  keywords: Map<string, SourceLocation>;
}

interface Callee {
  module?: string;
  method: string;
  text: string;
}

export function loadPyModule(ctx: PyContext, file: string): PyModule | undefined {
  const known = ctx.modules.get(file);
  if (known !== undefined) return known ?? undefined;
  if ((ctx.loaded ?? 0) > MAX_MODULES) return undefined;
  ctx.loaded = (ctx.loaded ?? 0) + 1;
  ctx.modules.set(file, null);
  const virtual = ctx.files.virtualText(file);
  const text = ctx.files.readText(file);
  const parsed = virtual ? parsePython(virtual.file, virtual.text, virtual.position) : text === undefined ? undefined : parsePython(file, text);
  if (!parsed) return undefined;
  for (const e of parsed.errors) ctx.files.report(file, { severity: 'warning', code: 'code-syntax', message: `${file} does not parse (${e.message}); the analysis used what could be read`, loc: e.loc });
  const mod: PyModule = { file, parsed, env: new Env() };
  ctx.modules.set(file, mod);
  const ev = new PyEvaluator(ctx, mod);
  ev.evalBlock(parsed.root, mod.env);
  return mod;
}

export class PyEvaluator extends TaintWalker<PyNode> {
  /** A Flask view: a string it returns is the body of a `text/html` response */
  htmlResponses = false;

  /** The caught error of the `except` block being evaluated (for `traceback.format_exc()`) */
  private caught: Value | undefined;

  constructor(
    private readonly ctx: PyContext,
    private readonly mod: PyModule,
  ) {
    super();
  }

  protected loc(n: PyNode): SourceLocation {
    return this.mod.parsed.locOf(n);
  }

  protected source(n: PyNode): string {
    return n.text;
  }

  private spend(): boolean {
    if (this.ctx.budget <= 0 || this.depth >= MAX_DEPTH) {
      this.ctx.exhausted = true;
      return false;
    }
    this.ctx.budget--;
    return true;
  }

  // ---- statements

  evalBlock(block: PyNode, env: Env): void {
    for (const s of block.namedChildren) if (s) this.evalStmt(s, env);
  }

  /**
   * The function's body with its parameters bound (a method's `self` first). `done` sees the
   * function's variables at its end: a constructor's `self` with what `__init__` stored on it.
   */
  evalFunction(fn: PyFnRef, args: Value[], kwargs: ReadonlyMap<string, Value>, done?: (env: Env) => void): Value {
    const node = fn.node as PyNode;
    const env = new Env(fn.closure);
    const params = node.childForFieldName('parameters')?.namedChildren ?? [];
    const given = fn.self ? [fn.self, ...args] : args;
    params.forEach((p, i) => {
      if (!p) return;
      const name = paramName(p);
      if (!name) return;
      const value = given[i] ?? kwargs.get(name);
      const dflt = p.childForFieldName('value');
      env.declare(name, value ?? (dflt ? this.evalExpr(dflt, env) : CLEAN));
    });
    const body = node.childForFieldName('body');
    if (!body) return CLEAN;
    if (node.type === 'lambda') return this.evalExpr(body, env);
    this.hoist(body, env);
    this.evalBlock(body, env);
    done?.(env);
    return joinAll(this.returns);
  }

  private hoist(block: PyNode, env: Env): void {
    for (const s of block.namedChildren) {
      const def = s?.type === 'decorated_definition' ? s.childForFieldName('definition') : s;
      if (def?.type === 'function_definition') {
        const name = def.childForFieldName('name')?.text;
        if (name) env.declare(name, this.fnValue(def, env, name));
      }
    }
  }

  private fnValue(node: PyNode, env: Env, name: string): Value {
    return { taints: [], pyFn: { node, module: this.mod, closure: env, name } };
  }

  private evalStmt(s: PyNode, env: Env): void {
    if (!this.spend()) return;
    this.depth++;
    try {
      this.evalStmtInner(s, env);
    } finally {
      this.depth--;
    }
  }

  private evalStmtInner(s: PyNode, env: Env): void {
    switch (s.type) {
      case 'expression_statement':
        for (const c of s.namedChildren) if (c) this.evalExpr(c, env);
        return;
      case 'return_statement': {
        const e = s.namedChildren[0];
        const v = e ? this.evalExpr(e, env) : CLEAN;
        if (this.returns.length < 16) this.returns.push(withStep(v, this.step(s, `returned: ${this.text(e ?? s)}`)));
        if (this.htmlResponses) this.htmlReturn(v, s);
        return;
      }
      case 'if_statement':
        return this.evalIf(s, env);
      case 'for_statement':
        return this.evalFor(s, env);
      case 'while_statement': {
        const cond = s.childForFieldName('condition');
        if (cond) this.decision(this.evalExpr(cond, env), cond, true);
        const body = s.childForFieldName('body');
        if (body) this.inBranch(() => this.evalBlock(body, env));
        return;
      }
      case 'try_statement':
        return this.evalTry(s, env);
      case 'with_statement':
        return this.evalWith(s, env);
      case 'function_definition': {
        const name = s.childForFieldName('name')?.text;
        if (name) env.declare(name, this.fnValue(s, env, name));
        return;
      }
      case 'decorated_definition': {
        const def = s.childForFieldName('definition');
        if (def) this.evalStmt(def, env);
        return;
      }
      case 'class_definition':
        return this.evalClass(s, env);
      case 'import_statement':
        return this.evalImport(s, env);
      case 'import_from_statement':
        return this.evalImportFrom(s, env);
      case 'raise_statement':
        for (const c of s.namedChildren) if (c) this.evalExpr(c, env);
        return;
      default:
    }
  }

  private evalIf(s: PyNode, env: Env): void {
    const cond = s.childForFieldName('condition');
    const body = s.childForFieldName('consequence');
    const facts = cond ? this.guardFacts(cond, env) : { whenTrue: [], whenFalse: [] };
    if (cond) this.decision(this.evalExpr(stripNot(cond), env), cond, true);
    if (body) {
      const thenEnv = new Env(env, true);
      this.applyFacts(facts.whenTrue, thenEnv, env);
      this.inBranch(() => this.evalBlock(body, thenEnv));
      thenEnv.endBranch(join);
    }
    let elseExits = false;
    for (const alt of s.childrenForFieldName('alternative')) {
      if (!alt) continue;
      const altEnv = new Env(env, true);
      this.applyFacts(facts.whenFalse, altEnv, env);
      if (alt.type === 'elif_clause') {
        const inner = alt.childForFieldName('condition');
        if (inner) this.evalExpr(inner, altEnv);
      }
      const altBody = alt.childForFieldName('consequence') ?? alt.childForFieldName('body');
      if (altBody) this.inBranch(() => this.evalBlock(altBody, altEnv));
      altEnv.endBranch(join);
      if (alt.type === 'else_clause' && altBody && blockExits(altBody)) elseExits = true;
    }
    // `if x not in ALLOWED: return` makes x safe for the rest of the block.
    if (body && blockExits(body)) this.applyFacts(facts.whenFalse, env, env);
    if (elseExits) this.applyFacts(facts.whenTrue, env, env);
  }

  private evalFor(s: PyNode, env: Env): void {
    const left = s.childForFieldName('left');
    const right = s.childForFieldName('right');
    const body = s.childForFieldName('body');
    const iterable = right ? this.evalExpr(right, env) : CLEAN;
    const element = withStep(elementOf(iterable, right ? this.loc(right) : undefined), this.step(s, `for ${left?.text ?? ''} in ${right ? this.text(right) : ''}`));
    const bodyEnv = new Env(env);
    if (left) this.bindTarget(left, element, bodyEnv, true);
    if (body) this.inBranch(() => this.evalBlock(body, bodyEnv));
  }

  private evalTry(s: PyNode, env: Env): void {
    const body = s.childForFieldName('body');
    if (body) this.evalBlock(body, env);
    for (const c of s.namedChildren) {
      if (!c || c.type !== 'except_clause') continue;
      const catchEnv = new Env(env, true);
      const alias = findAlias(c);
      const error: Value = { taints: [{ origin: { kind: 'error', loc: this.loc(c), field: null }, steps: [this.step(c, `caught: ${this.text(c.namedChildren[0] ?? c)}`)], sanitized: new Set() }] };
      if (alias) catchEnv.declare(alias, catchesOnlyInputErrors(c) ? CLEAN : error);
      const block = c.namedChildren.find((n) => n?.type === 'block');
      const saved = this.caught;
      this.caught = error;
      if (block) this.inBranch(() => this.evalBlock(block, catchEnv));
      catchEnv.endBranch(join);
      this.caught = saved;
    }
    for (const c of s.namedChildren) if (c && (c.type === 'else_clause' || c.type === 'finally_clause')) this.evalBlock(c.namedChildren.find((n) => n?.type === 'block') ?? c, env);
  }

  private evalWith(s: PyNode, env: Env): void {
    for (const item of s.descendantsOfType('with_item')) {
      const value = item?.childForFieldName('value');
      if (!value) continue;
      if (value.type === 'as_pattern') {
        const manager = this.evalExpr(value.namedChildren[0]!, env);
        // `with Resource() as r`: `r` is what the object's `__enter__` returns, when its class says.
        const enter = manager.props?.get('__enter__')?.pyFn ? boundMethod(manager, manager.props.get('__enter__')!).pyFn : undefined;
        const v = enter ? this.callFunction(enter, [], new Map(), value) : manager;
        const target = value.childForFieldName('alias') ?? value.namedChildren[1];
        if (target) this.bindTarget(target.type === 'as_pattern_target' ? target.namedChildren[0] ?? target : target, v, env, true);
      } else {
        this.evalExpr(value, env);
      }
    }
    const body = s.childForFieldName('body');
    if (body) this.evalBlock(body, env);
  }

  /** `return f'<h1>{name}</h1>'` or `return html, 200` from a Flask view: markup built from event data. */
  private htmlReturn(v: Value, s: PyNode): void {
    const body = v.text === undefined && v.prefix === undefined ? v.props?.get('0') ?? v : v;
    if (PREDICATES.htmlLike([body])) this.hit('xss', body, s, 'the HTML the view returns');
  }

  private evalClass(s: PyNode, env: Env): void {
    const name = s.childForFieldName('name')?.text;
    const body = s.childForFieldName('body');
    if (!name || !body) return;
    // Methods of base classes first, so that the class's own override them.
    const props = new Map<string, Value>();
    for (const base of s.childForFieldName('superclasses')?.namedChildren ?? []) {
      const inherited = base?.type === 'identifier' ? env.lookup(base.text) : undefined;
      if (inherited?.isClass) for (const [k, v] of inherited.props ?? []) props.set(k, v);
    }
    for (const m of body.namedChildren) {
      const def = m?.type === 'decorated_definition' ? m.childForFieldName('definition') : m;
      const mname = def?.type === 'function_definition' ? def.childForFieldName('name')?.text : undefined;
      if (def && mname) props.set(mname, this.fnValue(def, env, mname));
    }
    env.declare(name, { taints: [], props, isClass: true });
  }

  private evalImport(s: PyNode, env: Env): void {
    for (const n of s.childrenForFieldName('name')) {
      if (!n) continue;
      const dotted = n.type === 'aliased_import' ? n.childForFieldName('name')?.text ?? '' : n.text;
      const alias = n.type === 'aliased_import' ? n.childForFieldName('alias')?.text : undefined;
      const local = this.localModule(dotted, 0);
      if (alias) env.declare(alias, local ?? apiOf(dotted));
      else env.declare(dotted.split('.')[0]!, local && !dotted.includes('.') ? local : apiOf(dotted.split('.')[0]!));
    }
  }

  private evalImportFrom(s: PyNode, env: Env): void {
    const moduleNode = s.childForFieldName('module_name');
    const raw = moduleNode?.text ?? '';
    const dots = /^\.*/.exec(raw)![0].length;
    const name = raw.slice(dots);
    const local = this.localModule(name, dots);
    for (const n of s.childrenForFieldName('name')) {
      if (!n) continue;
      const imported = n.type === 'aliased_import' ? n.childForFieldName('name')?.text ?? '' : n.text;
      const alias = n.type === 'aliased_import' ? n.childForFieldName('alias')?.text ?? imported : imported;
      // As Python does: a name the module defines, else its submodule (`from . import archive` in a package's `__init__`).
      const defined = local?.props?.get(imported);
      const sub = defined ? undefined : this.localModule(name ? `${name}.${imported}` : imported, dots);
      const v = defined ?? sub ?? (local ? getProp(local, imported) : dots > 0 ? CLEAN : { taints: [], api: { module: name.split('.')[0]!, members: [...name.split('.').slice(1), imported] } });
      env.declare(alias, v);
    }
  }

  /** A module of the function's code folder, as a value whose properties are its top-level names. */
  private localModule(dotted: string, dots: number): Value | undefined {
    let file: string | undefined;
    if (dots === 0) file = dotted ? pythonModuleFile(this.ctx.files, this.ctx.codeDir, dotted.replace(/\./g, '/')) : undefined;
    else {
      let base = path.posix.dirname(this.mod.file);
      for (let i = 1; i < dots; i++) base = path.posix.dirname(base);
      file = pythonModuleFile(this.ctx.files, '', path.posix.normalize(dotted ? `${base}/${dotted.replace(/\./g, '/')}` : base));
    }
    if (!file) return undefined;
    const mod = loadPyModule(this.ctx, file);
    return mod ? { taints: [], props: mod.env.own() } : undefined;
  }

  // ---- binding

  private bindTarget(target: PyNode, value: Value, env: Env, declare: boolean): void {
    const weak = this.branch > 0;
    switch (target.type) {
      case 'identifier':
        if (declare || !env.lookup(target.text)) env.declare(target.text, value);
        else env.assign(target.text, value, weak, join);
        return;
      case 'pattern_list':
      case 'tuple_pattern':
      case 'list_pattern':
      case 'tuple':
      case 'list':
      case 'expression_list':
        target.namedChildren.forEach((c, i) => c && this.bindTarget(c, getProp(value, String(i), this.loc(c)), env, declare));
        return;
      case 'subscript':
      case 'attribute': {
        const root = rootName(target);
        if (!root) return;
        const rootValue = env.lookup(root);
        if (!rootValue) return;
        const key = target.type === 'attribute' ? target.childForFieldName('attribute')?.text : stringValue(target.childForFieldName('subscript'));
        const obj = target.childForFieldName(target.type === 'attribute' ? 'object' : 'value');
        if (key && obj?.type === 'identifier') {
          const props = new Map(rootValue.props ?? []);
          props.set(key, weak ? join(props.get(key) ?? CLEAN, value) : value);
          env.assign(root, { ...rootValue, props }, false, join);
        } else if (deepTaints(value).length > 0) {
          env.assign(root, { ...rootValue, taints: [...rootValue.taints, ...somewhereIn(deepTaints(value))] }, false, join);
        }
        this.secretIntoWholes(root, value, env);
        return;
      }
      default:
    }
  }

  // ---- expressions

  evalExpr(n: PyNode, env: Env): Value {
    if (!this.spend()) return CLEAN;
    this.depth++;
    try {
      return this.evalExprInner(n, env);
    } finally {
      this.depth--;
    }
  }

  private evalExprInner(n: PyNode, env: Env): Value {
    switch (n.type) {
      case 'identifier':
        return env.lookup(n.text) ?? this.mod.env.lookup(n.text) ?? { taints: [], api: { module: 'builtins', members: [n.text] } };
      case 'string':
        return this.string(n, env);
      case 'concatenated_string':
        return concatAll(n.namedChildren.filter(isNode).map((c) => this.evalExpr(c, env)));
      case 'integer':
      case 'float':
        return { taints: [], text: n.text };
      case 'true':
        return { taints: [], text: 'True' };
      case 'false':
        return { taints: [], text: 'False' };
      case 'none':
        return CLEAN;
      case 'parenthesized_expression':
      case 'await':
        return n.namedChildren[0] ? this.evalExpr(n.namedChildren[0], env) : CLEAN;
      case 'attribute': {
        const obj = n.childForFieldName('object');
        const attr = n.childForFieldName('attribute');
        if (!obj || !attr) return CLEAN;
        const owner = this.evalExpr(obj, env);
        return boundMethod(owner, getProp(owner, attr.text, this.loc(attr)));
      }
      case 'subscript': {
        const value = n.childForFieldName('value');
        const sub = n.childForFieldName('subscript');
        if (!value) return CLEAN;
        const obj = this.evalExpr(value, env);
        const key = sub ? this.evalExpr(sub, env) : CLEAN;
        if (key.text !== undefined && deepTaints(key).length === 0) return getProp(obj, key.text, this.loc(sub!));
        const element = elementOf(obj, sub ? this.loc(sub) : undefined);
        return isLastPathPart(value, sub) ? sanitize(element, FILE_NAME_SAFE) : element;
      }
      case 'call':
        return this.call(n, env);
      case 'binary_operator': {
        const l = this.evalExpr(n.childForFieldName('left')!, env);
        const r = this.evalExpr(n.childForFieldName('right')!, env);
        const op = n.childForFieldName('operator')?.type;
        // With a string on either side, `+` builds text; `%` on a string formats one.
        if (op === '+') return l.text !== undefined || r.text !== undefined ? shaped(concat(l, r), 'text') : concat(l, r);
        if (op === '%') return { ...shaped(mixed([l, r]), 'text'), prefix: l.text !== undefined && deepTaints(l).length === 0 ? l.text.split('%')[0]! : l.prefix ?? '' };
        // `Path(base) / name` is still a path, now carrying the name.
        if (op === '/' && l.api?.module === 'pathlib') return { ...mixed([l, r]), api: l.api };
        return CLEAN;
      }
      case 'boolean_operator': {
        const l = this.evalExpr(n.childForFieldName('left')!, env);
        const r = this.evalExpr(n.childForFieldName('right')!, env);
        return join(l, r);
      }
      case 'comparison_operator': {
        // `x is None`, `x == None`: whether the value is there.
        const presence = n.namedChildren.some((c) => c?.type === 'none');
        const operands = n.namedChildren.filter(isNode).map((c) => this.evalExpr(c, env));
        for (const v of operands) this.decision(v, n, presence);
        const [left, right] = operands;
        if (left && right && operands.length === 2 && isEquality(n)) {
          this.comparedWithText(left, right, n);
          this.comparedWithText(right, left, n);
        }
        if (left && right && operands.length === 2 && isMembership(n)) this.comparedWithEach(left, right, n);
        return CLEAN;
      }
      case 'not_operator':
      case 'unary_operator':
        for (const c of n.namedChildren) if (c) this.evalExpr(c, env);
        return CLEAN;
      case 'conditional_expression': {
        const [a, cond, b] = n.namedChildren;
        if (cond) this.decision(this.evalExpr(stripNot(cond), env), cond, true);
        const facts = cond ? this.guardFacts(cond, env) : { whenTrue: [], whenFalse: [] };
        const tEnv = new Env(env);
        const fEnv = new Env(env);
        this.applyFacts(facts.whenTrue, tEnv, env);
        this.applyFacts(facts.whenFalse, fEnv, env);
        return join(a ? this.evalExpr(a, tEnv) : CLEAN, b ? this.evalExpr(b, fEnv) : CLEAN);
      }
      case 'list':
      case 'tuple':
      case 'expression_list':
      case 'set': {
        const props = new Map<string, Value>();
        const taints: Taint[] = [];
        n.namedChildren.forEach((c, i) => {
          if (!c) return;
          const v = this.evalExpr(c, env);
          if (c.type === 'list_splat') taints.push(...deepTaints(v));
          else props.set(String(i), v);
        });
        return { taints, props };
      }
      case 'list_splat':
      case 'dictionary_splat':
        return n.namedChildren[0] ? this.evalExpr(n.namedChildren[0], env) : CLEAN;
      case 'dictionary':
        return this.dictionary(n, env);
      case 'list_comprehension':
      case 'generator_expression':
      case 'set_comprehension':
      case 'dictionary_comprehension':
        return this.comprehension(n, env);
      case 'lambda':
        return this.fnValue(n, env, 'lambda');
      case 'assignment':
      case 'augmented_assignment':
        return this.assignment(n, env);
      case 'named_expression': {
        const v = this.evalExpr(n.childForFieldName('value')!, env);
        const name = n.childForFieldName('name');
        if (name) this.bindTarget(name, v, env, false);
        return v;
      }
      default:
        return CLEAN;
    }
  }

  private assignment(n: PyNode, env: Env): Value {
    const left = n.childForFieldName('left');
    const right = n.childForFieldName('right');
    if (!left || !right) return CLEAN;
    let v = this.evalExpr(right, env);
    if (n.type === 'augmented_assignment') v = concat(this.evalExpr(left, env), v);
    if (v.pyFn && left.type === 'identifier') v = { ...v, pyFn: { ...v.pyFn, name: left.text } };
    this.bindTarget(left, withStep(v, this.step(n)), env, false);
    if (left.type === 'identifier') this.notePartOf(left.text, right.type === 'subscript' || right.type === 'attribute' ? rootName(right) : undefined);
    return v;
  }

  private string(n: PyNode, env: Env): Value {
    const built = new TextBuilder();
    for (const c of n.namedChildren) {
      if (c?.type === 'string_content' || c?.type === 'escape_sequence') built.literal(c.text);
      else if (c?.type === 'interpolation') built.value(c.namedChildren[0] ? this.evalExpr(c.namedChildren[0], env) : CLEAN);
    }
    return built.result();
  }

  private dictionary(n: PyNode, env: Env): Value {
    const props = new Map<string, Value>();
    const propLocs = new Map<string, SourceLocation>();
    const taints: Taint[] = [];
    for (const c of n.namedChildren) {
      if (!c) continue;
      if (c.type === 'pair') {
        const k = c.childForFieldName('key');
        const v = c.childForFieldName('value');
        const key = k ? this.evalExpr(k, env) : CLEAN;
        const value = v ? this.evalExpr(v, env) : CLEAN;
        const name = key.text !== undefined && deepTaints(key).length === 0 ? key.text : '*';
        props.set(name, name === '*' ? join(props.get('*') ?? CLEAN, value) : value);
        if (name !== '*') propLocs.set(name, this.loc(c));
        if (name === '*') taints.push(...deepTaints(key));
      } else if (c.type === 'dictionary_splat') {
        const v = this.evalExpr(c, env);
        for (const [k, pv] of v.props ?? []) props.set(k, pv);
        taints.push(...v.taints);
      }
    }
    return { taints, props, loc: this.loc(n), propLocs };
  }

  private comprehension(n: PyNode, env: Env): Value {
    const inner = new Env(env);
    for (const clause of n.namedChildren) {
      // A condition runs for every element: its calls are sinks like any other.
      if (clause?.type === 'if_clause' && clause.namedChildren[0]) this.evalExpr(clause.namedChildren[0], inner);
      if (clause?.type !== 'for_in_clause') continue;
      const left = clause.childForFieldName('left');
      const right = clause.childForFieldName('right');
      if (left && right) this.bindTarget(left, elementOf(this.evalExpr(right, inner), this.loc(right)), inner, true);
    }
    const body = n.childForFieldName('body');
    return body ? this.evalExpr(body, inner) : CLEAN;
  }

  // ---- calls

  private call(n: PyNode, env: Env): Value {
    const fnNode = n.childForFieldName('function');
    const argList = n.childForFieldName('arguments');
    if (!fnNode) return CLEAN;
    let receiver: Value | undefined;
    let method: string | undefined;
    let calleeValue: Value;
    if (fnNode.type === 'attribute') {
      const obj = fnNode.childForFieldName('object')!;
      receiver = this.evalExpr(obj, env);
      method = fnNode.childForFieldName('attribute')?.text;
      calleeValue = boundMethod(receiver, getProp(receiver, method ?? ''));
    } else {
      calleeValue = this.evalExpr(fnNode, env);
    }
    const args: Value[] = [];
    const kwargs = new Map<string, Value>();
    const at: ArgLocations = { args: [], keywords: new Map() };
    for (const a of argList?.namedChildren ?? []) {
      if (!a) continue;
      if (a.type === 'keyword_argument') {
        const name = a.childForFieldName('name')?.text;
        const value = a.childForFieldName('value');
        if (name && value) kwargs.set(name, this.evalExpr(value, env));
        if (name) at.keywords.set(name, this.loc(a));
      } else if (a.type === 'dictionary_splat') {
        const v = this.evalExpr(a, env);
        for (const [k, pv] of v.props ?? []) kwargs.set(k, pv);
      } else {
        args.push(this.evalExpr(a, env));
        at.args.push(this.loc(a));
      }
    }
    const callee = describe(calleeValue, method, this.text(fnNode));
    if (calleeValue.isClass) return this.construct(calleeValue, args, kwargs, n);
    if (calleeValue.pyFn) return this.callFunction(calleeValue.pyFn, args, kwargs, n);
    return this.builtin(callee, receiver, args, kwargs, n) ?? this.generic(callee, calleeValue, receiver, args, kwargs, n, at);
  }

  /** `Cls(args)`: an object with the class's methods, and what `__init__` stores on `self`. */
  private construct(cls: Value, args: Value[], kwargs: ReadonlyMap<string, Value>, n: PyNode): Value {
    const instance: Value = { taints: [], props: new Map(cls.props ?? []) };
    const init = cls.props?.get('__init__')?.pyFn;
    if (!init) return instance;
    const selfName = firstParam(init);
    let built = instance;
    this.callFunction({ ...init, self: instance }, args, kwargs, n, (env) => {
      built = (selfName && env.lookup(selfName)) || instance;
    });
    return built;
  }

  private callFunction(fn: PyFnRef, args: Value[], kwargs: ReadonlyMap<string, Value>, n: PyNode, done?: (env: Env) => void): Value {
    if (this.ctx.inlineDepth >= MAX_INLINE) return mixed([...args, ...kwargs.values()]);
    const mod = fn.module as PyModule;
    const ev = new PyEvaluator(this.ctx, mod);
    const step = this.step(n, `call to ${fn.name}()`);
    this.ctx.inlineDepth++;
    try {
      const out = ev.evalFunction(fn, args.map((a) => withStep(a, step)), new Map([...kwargs].map(([k, v]) => [k, withStep(v, step)])), done);
      this.hits.push(...ev.hits);
      return out;
    } finally {
      this.ctx.inlineDepth--;
    }
  }

  private builtin(callee: Callee, receiver: Value | undefined, args: Value[], kwargs: Map<string, Value>, n: PyNode): Value | undefined {
    const m = callee.method;
    // `event.get("body")` reads the key like `event["body"]`.
    if (receiver && m === 'get' && args[0]?.text !== undefined && !receiver.api) return join(getProp(receiver, args[0].text, this.loc(n)), args[1] ?? CLEAN);
    // A key chosen by the data picks one of a known dict's values, as `PLUGINS[kind]` does.
    if (receiver && m === 'get' && receiver.props && receiver.taints.length === 0 && !receiver.api) return join(elementOf(receiver, this.loc(n)), args[1] ?? CLEAN);
    if (callee.module === 'json' && (m === 'loads' || m === 'load')) return jsonLoads(args[0] ?? CLEAN, this.loc(n));
    if (callee.module === 'jinja2' && receiver?.api && (m === 'render' || m === 'render_async')) return rendered(receiver, mixed([...args, ...kwargs.values()]));
    // `'SELECT … {name}'.format(name=value)`: text whose constant start is known, as `%` gives.
    if (receiver?.text !== undefined && receiver.taints.length === 0 && m === 'format') return { ...shaped(mixed([...args, ...kwargs.values()]), 'text'), prefix: receiver.text.split('{')[0]! };
    if (callee.module === 'traceback' && /^format_exc|^format_exception/.test(m)) return this.caught ?? CLEAN;
    if (callee.module === 'jwt' && m === 'get_unverified_claims') return this.unverified(args, n);
    if (callee.module === 'jwt' && m === 'decode' && verificationOff(kwargs)) return this.unverified(args, n);
    if (receiver && m === 'split' && args[0]?.text === '.') return { taints: [...mixed([receiver]).taints, { origin: { kind: 'jwt-split' }, steps: [], sanitized: new Set() }] };
    // A dict's keys are the sender's names, not its values: they carry the data into an injection, but a logged list of them holds no field.
    if (receiver && m === 'keys') return { taints: [], props: new Map([['*', keysOf(receiver, this.loc(n))]]) };
    if (receiver && (m === 'items' || m === 'values')) return { taints: [], props: new Map([['*', join(elementOf(receiver), mixed([receiver]))]]) };
    return undefined;
  }

  private unverified(args: Value[], n: PyNode): Value {
    return { taints: [...mixed(args).taints, { origin: { kind: 'jwt-unverified', loc: this.loc(n), how: this.text(n), path: [] }, steps: [this.step(n, `decoded without verification: ${this.text(n)}`)], sanitized: new Set() }] };
  }

  private generic(callee: Callee, calleeValue: Value, receiver: Value | undefined, args: Value[], kwargs: Map<string, Value>, n: PyNode, at: ArgLocations): Value {
    this.checkSinks(callee, receiver, args, kwargs, n, at);
    this.checkLog(callee, args, n);
    if (receiver && findGuardRow('python', 'string', callee.method)) this.decision(receiver, n);
    const sanitizer = findSanitizerRow('python', callee.module, callee.method);
    if (sanitizer) return sanitize(mixed([receiver, ...args, ...kwargs.values()]), sanitizer.families);
    if (PY_CLEAN_METHODS.has(callee.method)) return CLEAN;
    // A data member called as a method (`request.json()`, `request.get_json()`) gives that data, not the whole receiver's.
    const member = receiver?.props?.get(callee.method);
    if (member && member.taints.length > 0 && !member.pyFn) return member;
    if (callee.module === 'urllib' && callee.method === 'Request') return requestObject(args, kwargs);
    for (const a of [...args, ...kwargs.values()]) if (a.pyFn) this.callFunction(a.pyFn, [], new Map(), n);
    const mixedIn = mixed([receiver && (!receiver.api || receiver.taints.length > 0) ? receiverOfCall(receiver, callee.method, 'python') : undefined, ...args, ...kwargs.values()]);
    const out = this.withSecretRead(isBoto3Operation(receiver) ? throughService(mixedIn) : mixedIn, callee, receiver, args, n);
    if (!calleeValue.api) return out;
    return { ...out, api: { module: calleeValue.api.module, members: [...calleeValue.api.members, '()'].slice(-8) }, ...constantOptions(args, kwargs, receiver?.api ? receiver.options : undefined) };
  }

  /** A call that reads a secret (`secret-reads.ts`) answers with it. */
  private withSecretRead(out: Value, callee: Callee, receiver: Value | undefined, args: Value[], n: PyNode): Value {
    const read = secretRead('python', callee, isBoto3Operation(receiver), args);
    if (!read) return out;
    return { ...out, taints: [...out.taints, secretTaint(read, this.loc(n), this.step(n, `secret read: ${this.text(n)}`))] };
  }

  /** A finding points at the argument or keyword that carries the data, not at the call. */
  private checkSinks(callee: Callee, receiver: Value | undefined, args: Value[], kwargs: Map<string, Value>, n: PyNode, at: ArgLocations): void {
    for (const spec of findSinkRows(PYTHON_SINKS, callee.module, callee.method, args, kwargs)) {
      const indexes = spec.args === 'all' ? args.map((_, i) => i) : spec.args;
      const targets: Array<[Value | undefined, SourceLocation | undefined]> = [
        ...indexes.map((i): [Value | undefined, SourceLocation | undefined] => [args[i], at.args[i]]),
        ...(spec.keywords ?? []).map((k): [Value | undefined, SourceLocation | undefined] => [kwargs.get(k), at.keywords.get(k)]),
        [spec.receiver ? receiver : undefined, undefined],
      ];
      for (const [target, where] of targets) {
        if (!target) continue;
        const { value: t, at: inside } = sinkTarget(spec, target);
        if (spec.safePrefix && (t.fixedBase || spec.safePrefix.test(t.prefix ?? t.text ?? ''))) continue;
        this.hit(spec.family, t, n, callee.text, spec.needsObject, inside ?? where);
      }
    }
    // boto3 `table.scan(FilterExpression=…)`, pymongo `$where`. A condition builder
    // (`Attr('status').eq(value)`) sends its values apart from the expression; its attribute names
    // are judged where they are given (the `Attr`/`Key` sink rows).
    for (const key of DYNAMODB_EXPRESSION_PROPS) {
      const v = kwargs.get(key);
      if (v && !isConditionBuilder(v)) this.hit('nosql', queryShaping(key, v), n, `${callee.text} (${key})`, false, at.keywords.get(key));
    }
    args.forEach((a, i) => {
      const where = a.props?.get(MONGO_WHERE);
      if (where) this.hit('nosql', where, n, `${callee.text} ($where)`, false, a.propLocs?.get(MONGO_WHERE) ?? at.args[i]);
    });
  }

  private checkLog(callee: Callee, args: Value[], n: PyNode): void {
    const isPrint = callee.module === 'builtins' && callee.method === 'print';
    const isLogger = LOG_METHODS.has(callee.method) && (callee.module === 'logging' || /(^|\.)(logger|log|LOGGER|logging)$/.test(callee.text.replace(/\.[^.]*$/, '')));
    if (!isPrint && !isLogger) return;
    // `logger.warning('denied for %r', user)`: the arguments are written as their repr, quoted.
    const format = args[0]?.text;
    const quoted = format !== undefined && /%r/.test(format) && !/%[-#0 +]*\d*(?:\.\d+)?[sd]/.test(format);
    this.logged(args, n, callee.text, quoted ? [] : args);
  }

  // ---- guards

  private guardFacts(cond: PyNode, env: Env, depth = 0): { whenTrue: PyNode[]; whenFalse: PyNode[] } {
    const none = { whenTrue: [], whenFalse: [] };
    if (depth > 8) return none;
    if (cond.type === 'parenthesized_expression' && cond.namedChildren[0]) return this.guardFacts(cond.namedChildren[0], env, depth + 1);
    if (cond.type === 'not_operator') {
      const inner = cond.childForFieldName('argument');
      if (!inner) return none;
      const f = this.guardFacts(inner, env, depth + 1);
      return { whenTrue: f.whenFalse, whenFalse: f.whenTrue };
    }
    if (cond.type === 'boolean_operator') {
      const l = this.guardFacts(cond.childForFieldName('left')!, env, depth + 1);
      const r = this.guardFacts(cond.childForFieldName('right')!, env, depth + 1);
      return cond.childForFieldName('operator')?.type === 'and' ? { whenTrue: [...l.whenTrue, ...r.whenTrue], whenFalse: [] } : { whenTrue: [], whenFalse: [...l.whenFalse, ...r.whenFalse] };
    }
    if (cond.type === 'comparison_operator') return this.comparisonFacts(cond, env);
    if (cond.type === 'call') return { whenTrue: this.callGuard(cond, env), whenFalse: [] };
    return none;
  }

  /** `x in ALLOWED`, `x not in ALLOWED`, `x == "a"`, `x != "a"`. */
  private comparisonFacts(cond: PyNode, env: Env): { whenTrue: PyNode[]; whenFalse: PyNode[] } {
    const operands = cond.namedChildren.filter(isNode);
    const ops = cond.children.filter((c): c is PyNode => c !== null && !c.isNamed).map((c) => c.type);
    if (operands.length !== 2 || ops.length !== 1) return { whenTrue: [], whenFalse: [] };
    const [a, b] = operands as [PyNode, PyNode];
    const op = ops[0];
    if (op === 'in' || op === 'not in') {
      if (!guardable(a) || deepTaints(this.evalExpr(b, env)).length > 0) return { whenTrue: [], whenFalse: [] };
      return op === 'in' ? { whenTrue: [a], whenFalse: [] } : { whenTrue: [], whenFalse: [a] };
    }
    if (op !== '==' && op !== '!=') return { whenTrue: [], whenFalse: [] };
    const subject = isConstant(b) && guardable(a) ? a : isConstant(a) && guardable(b) ? b : undefined;
    if (!subject) return { whenTrue: [], whenFalse: [] };
    return op === '==' ? { whenTrue: [subject], whenFalse: [] } : { whenTrue: [], whenFalse: [subject] };
  }

  /** `re.fullmatch(r"^...$", x)`, `x.isdigit()`, `isinstance(x, int)`. */
  private callGuard(call: PyNode, env: Env): PyNode[] {
    const fnNode = call.childForFieldName('function');
    const args = (call.childForFieldName('arguments')?.namedChildren ?? []).filter(isNode);
    if (!fnNode) return [];
    if (fnNode.type === 'attribute') {
      const method = fnNode.childForFieldName('attribute')?.text ?? '';
      const obj = fnNode.childForFieldName('object')!;
      if (findGuardRow('python', 'string', method)?.checks === 'receiver' && guardable(obj)) return [obj];
      const receiver = this.evalExpr(obj, env);
      if (receiver.api?.module === 're' && /^(fullmatch|match)$/.test(method) && args.length >= 2 && guardable(args[1]!)) {
        const pattern = stringValue(args[0]);
        if (pattern !== undefined && (method === 'fullmatch' ? isAnchoredRegex(`/^${pattern.replace(/^\^/, '')}$/`.replace(/\$\$\/$/, '$/')) : isAnchoredRegex(`/${pattern}/`))) return [args[1]!];
      }
    }
    if (fnNode.type === 'identifier' && fnNode.text === 'isinstance' && args[0] && guardable(args[0]) && /\b(int|float|bool)\b/.test(args[1]?.text ?? '')) return [args[0]];
    const callee = describe(this.evalExpr(fnNode, env), fnNode.type === 'attribute' ? fnNode.childForFieldName('attribute')?.text : undefined, '');
    const guard = findGuardRow('python', callee.module, callee.method);
    const tested = typeof guard?.checks === 'number' ? args[guard.checks] : undefined;
    return tested && guardable(tested) ? [tested] : [];
  }

  private applyFacts(facts: PyNode[], target: Env, lookup: Env): void {
    for (const f of facts) {
      const root = rootName(f);
      if (!root) continue;
      const current = lookup.lookup(root);
      if (!current) continue;
      if (f.type === 'identifier') {
        target.declare(root, CLEAN);
        continue;
      }
      const keys = accessPath(f);
      if (keys) target.declare(root, setPath(current, keys, CLEAN));
    }
  }
}

// ---- helpers

function isNode(n: PyNode | null): n is PyNode {
  return n !== null;
}

function firstParam(fn: PyFnRef): string | undefined {
  const first = (fn.node as PyNode).childForFieldName('parameters')?.namedChildren[0];
  return first ? paramName(first) : undefined;
}

/**
 * A method read from an object is bound to it (`obj.handle`, `self.render`): the object becomes its
 * `self`. A class binds its `cls` methods only; a static method binds nothing.
 */
export function boundMethod(owner: Value, v: Value): Value {
  const fn = v.pyFn;
  if (!fn || fn.self) return v;
  const first = firstParam(fn);
  const binds = first === 'cls' || (first === 'self' && !owner.isClass);
  return binds ? { ...v, pyFn: { ...fn, self: owner } } : v;
}

function paramName(p: PyNode): string | undefined {
  if (p.type === 'identifier') return p.text;
  const name = p.childForFieldName('name') ?? p.namedChildren.find((c) => c?.type === 'identifier');
  return name?.text;
}

/**
 * Whether the clause names only classes of `INPUT_ERROR_CLASSES`: `except ValueError as e`,
 * `except (KeyError, IndexError)`, Python 3.14's `except KeyError, IndexError`; a bare `except:` names none.
 */
function catchesOnlyInputErrors(except: PyNode): boolean {
  const values = except.childrenForFieldName('value').map((v) => (v?.type === 'as_pattern' ? v.namedChildren[0] : v));
  const names = values.flatMap((v) => (v?.type === 'tuple' || v?.type === 'parenthesized_expression' ? v.namedChildren : [v]));
  return names.length > 0 && names.every((n) => n !== null && n !== undefined && INPUT_ERROR_CLASSES.has(n.text));
}

function findAlias(except: PyNode): string | undefined {
  const as = except.namedChildren.find((c) => c?.type === 'as_pattern');
  const target = as?.childForFieldName('alias') ?? as?.namedChildren[1];
  const id = target?.type === 'as_pattern_target' ? target.namedChildren[0] : target;
  return id?.type === 'identifier' ? id.text : undefined;
}

function blockExits(block: PyNode): boolean {
  return block.namedChildren.some((s) => s !== null && (EXITS.has(s.type) || (s.type === 'if_statement' && false)));
}

function stripNot(n: PyNode): PyNode {
  let cur = n;
  for (let i = 0; i < 8; i++) {
    if (cur.type === 'not_operator' && cur.childForFieldName('argument')) cur = cur.childForFieldName('argument')!;
    else if (cur.type === 'parenthesized_expression' && cur.namedChildren[0]) cur = cur.namedChildren[0];
    else break;
  }
  return cur;
}

function rootName(n: PyNode): string | undefined {
  let cur: PyNode | null = n;
  for (let i = 0; i < 12 && cur; i++) {
    if (cur.type === 'identifier') return cur.text;
    cur = cur.childForFieldName(cur.type === 'attribute' ? 'object' : 'value');
  }
  return undefined;
}

function accessPath(n: PyNode): string[] | undefined {
  const out: string[] = [];
  let cur: PyNode | null = n;
  for (let i = 0; i < 12 && cur && cur.type !== 'identifier'; i++) {
    if (cur.type === 'attribute') out.unshift(cur.childForFieldName('attribute')?.text ?? '*');
    else if (cur.type === 'subscript') {
      const key = stringValue(cur.childForFieldName('subscript'));
      if (key === undefined) return undefined;
      out.unshift(key);
    } else return undefined;
    cur = cur.childForFieldName(cur.type === 'attribute' ? 'object' : 'value');
  }
  return out;
}

function guardable(n: PyNode): boolean {
  return n.type === 'identifier' || ((n.type === 'attribute' || n.type === 'subscript') && rootName(n) !== undefined);
}

function isConstant(n: PyNode): boolean {
  return (n.type === 'string' && !n.namedChildren.some((c) => c?.type === 'interpolation')) || n.type === 'integer' || n.type === 'float' || n.type === 'true' || n.type === 'false' || n.type === 'none';
}

/** The text of a plain string literal (`"body"`, `r"^\\d+$"`). */

/**
 * `key.split('/')[-1]` or `key.rsplit('/', 1)[-1]`: the part after the last `/`, a file name that
 * cannot climb out of the folder it is joined to, as `os.path.basename(key)` gives.
 */
function isLastPathPart(value: PyNode, sub: PyNode | null): boolean {
  if (sub?.type !== 'unary_operator' || sub.text.replace(/\s+/g, '') !== '-1' || value.type !== 'call') return false;
  const fn = value.childForFieldName('function');
  const method = fn?.type === 'attribute' ? fn.childForFieldName('attribute')?.text : undefined;
  const first = value.childForFieldName('arguments')?.namedChildren[0];
  return (method === 'split' || method === 'rsplit') && stringValue(first) === '/';
}

function stringValue(n: PyNode | null | undefined): string | undefined {
  if (!n) return undefined;
  if (n.type === 'integer') return n.text;
  if (n.type !== 'string' || n.namedChildren.some((c) => c?.type === 'interpolation')) return undefined;
  return n.namedChildren.filter((c) => c?.type === 'string_content' || c?.type === 'escape_sequence').map((c) => c!.text).join('');
}

function apiOf(dotted: string): Value {
  const [first, ...rest] = dotted.split('.');
  return { taints: [], api: { module: first!, members: rest } };
}

/**
 * The arguments of a library call, kept on the object it makes (see `Value.options`), after those of
 * the object it was called on (`Environment(autoescape=True).get_template('page.html')` keeps
 * both): constant ones as their text, others as `?`; positional ones by index.
 */
function constantOptions(args: readonly Value[], kwargs: ReadonlyMap<string, Value>, inherited?: ReadonlyMap<string, string>): { options?: ReadonlyMap<string, string> } {
  const options = new Map<string, string>(inherited ?? []);
  const put = (k: string, v: Value): void => {
    options.set(k, v.text !== undefined && v.taints.length === 0 ? v.text : '?');
  };
  args.slice(0, 2).forEach((v, i) => put(String(i), v));
  for (const [k, v] of kwargs) put(k, v);
  return options.size > 0 ? { options } : {};
}

/**
 * Jinja2 `template.render(…)`: what it writes is the template's text with the values in place,
 * escaped for HTML only when the environment says so (`autoescape=True` or a computed choice such
 * as `select_autoescape()`; `Template(...)` and `Environment()` escape nothing by default). The
 * result's constant start is the template's text before its first `{{`, or markup for a template
 * file named `.html`.
 */
function rendered(template: Value, values: Value): Value {
  const source = template.options?.get('0') ?? '';
  const prefix = source.includes('{{') ? source.slice(0, source.indexOf('{{')) : /\.html?$/i.test(source) ? '<html>' : '';
  const autoescape = template.options?.get('autoescape');
  const text = { ...shaped(values, 'text'), prefix };
  return autoescape !== undefined && autoescape !== 'False' ? sanitize(text, ['xss']) : text;
}

function describe(v: Value, method: string | undefined, text: string): Callee {
  const api = v.api;
  if (!api) return { method: method ?? '', text };
  const members = api.members.filter((m) => m !== '()');
  if (api.module === 'builtins') return { module: 'builtins', method: members[members.length - 1] ?? '', text };
  // `os.path.basename`, `urllib.parse.quote`, `urllib.request.urlopen`: the last attribute is the function.
  return { module: api.module, method: members[members.length - 1] ?? '', text };
}

function elementOf(v: Value, loc?: SourceLocation): Value {
  const star = getProp(v, '*', loc);
  return v.props ? join(star, joinAll([...v.props.values()])) : star;
}

function concatAll(values: Value[]): Value {
  return values.reduce((acc, v) => concat(acc, v), { taints: [], text: '' } as Value);
}

function jsonLoads(arg: Value, loc: SourceLocation): Value {
  const taints: Taint[] = deepTaints(arg).map((t) =>
    t.origin.kind === 'jwt-part'
      ? { origin: { kind: 'jwt-unverified', loc, how: 'a token payload decoded by hand', path: [] }, steps: [...t.steps, { loc, message: 'token payload parsed without verifying the signature' }], sanitized: t.sanitized }
      : { ...t, shape: 'parsed' as const },
  );
  return tainted(taints);
}

/** PyJWT `options={"verify_signature": False}` or python-jose's old `verify=False`. */
function verificationOff(kwargs: ReadonlyMap<string, Value>): boolean {
  if (kwargs.get('verify')?.text === 'False') return true;
  return kwargs.get('options')?.props?.get('verify_signature')?.text === 'False';
}

/** `urllib.request.Request(url, data=…, headers=…)`: only the URL chooses where `urlopen` connects; the body and headers do not. */
function requestObject(args: Value[], kwargs: Map<string, Value>): Value {
  const url = kwargs.get('url') ?? args[0];
  const rest = [...args.filter((a) => a !== url), ...[...kwargs].filter(([k]) => k !== 'url').map(([, v]) => v)];
  return mixed([url, sanitize(mixed(rest), ['ssrf'])]);
}

/** A method of an object boto3 made (`boto3.client('s3')`, `resource('dynamodb').Table(name)`): an AWS operation, whose result is AWS's response. */
function isBoto3Operation(receiver: Value | undefined): boolean {
  return receiver?.api?.module === 'boto3' && isSdkClient(receiver.api.members);
}

/** A boto3 DynamoDB condition built with `Attr`/`Key` (and `&`, `|`, `~` of them). */
function isConditionBuilder(v: Value): boolean {
  return v.api?.module === 'boto3' && v.api.members.some((m) => m === 'Attr' || m === 'Key');
}

/** `a == b` or `a != b`: one comparison of two values (not `in`, `is`, an ordering, or a chain). */
function isEquality(n: PyNode): boolean {
  const operator = onlyOperator(n);
  return operator === '==' || operator === '!=';
}

/** `a in b` or `a not in b`. */
function isMembership(n: PyNode): boolean {
  const operator = onlyOperator(n);
  return operator === 'in' || operator === 'not in';
}

/** The operator of a comparison of two values; undefined for a chain (`a < b < c`). */
function onlyOperator(n: PyNode): string | undefined {
  const operators = n.children.filter((c): c is PyNode => c !== null && !c.isNamed).map((c) => c.type);
  return operators.length === 1 ? operators[0] : undefined;
}
