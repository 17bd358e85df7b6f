/**
 * The abstract interpreter: walks a function body (or a module's top level) once, computing for
 * each expression the abstract value of `types.ts`, and records where tainted data reaches sinks,
 * log calls and decisions. One pass, no fixpoint: loops run their body once, branches both run,
 * and an assignment inside a branch keeps what the variable held before (a weak update). Every
 * expression costs one unit of the shared budget; when it runs out the rest evaluates to clean.
 */
import type { SourceLocation } from '../../model/location.js';
import type { CodeFiles } from '../module-graph.js';
import { ts } from '../parse-js.js';
import { nodeText } from '../ts-positions.js';
import { defaultImport, exportsProps, isRequireCall, namedImport, requireValue, type ModuleRecord } from './module-env.js';
import { addStep, deepTaints, either, getProp, join, joinAll, keysOf, mixed, sanitize, setPath, shaped, tainted, throughService, withStep } from './propagation.js';
import { concat, TextBuilder } from './text-builder.js';
import { TaintWalker } from './walker-core.js';
import { CLEAN_METHODS, isAnchoredRegex, MEMBERSHIP_METHODS } from './sanitizers.js';
import { findGuardRow } from './models/guard-rows.js';
import { FILE_NAME_SAFE, findSanitizerRow } from './models/sanitizer-rows.js';
import { DYNAMODB_EXPRESSION_PROPS, FIXED_ORIGIN, MONGO_WHERE, queryShaping } from './sinks.js';
import { JAVASCRIPT_SINKS } from './models/javascript-sinks.js';
import { findSinkRows, sinkTarget } from './models/sink-row.js';
import { getSummary, instantiate, returnedValue, type ParamCall } from './summaries.js';
import { CLEAN, Env, type FnRef, type Taint, type Value } from './types.js';
import { receiverOfCall } from './caught-error-methods.js';
import { secretRead, secretTaint, somewhereIn } from './secret-reads.js';
import { isSdkClient } from './sdk-clients.js';
import { injectionLogging, isPowertoolsLogger, type EventLogging, type LogEventOption } from './event-logging-middleware.js';

/** State shared by every evaluation of one scan. */
export interface AnalysisContext {
  files: CodeFiles;
  modules: Map<string, ModuleRecord>;
  /** Modules read for the current handler; bounded per handler, while `modules` may hold more from earlier ones */
  loadedForHandler: number;
  /**
   * By function node, weakly: a file's summaries go with its tree when the tree is let go of
   * (`CodeFiles.forget`); parsed again, the file has new nodes and new summaries
   */
  summaries: WeakMap<ts.Node, import('./summaries.js').Summary | null>;
  /** Expressions left to evaluate for the current handler */
  budget: number;
  exhausted: boolean;
  callDepth: number;
  inlineDepth: number;
}

export function newContext(files: CodeFiles): AnalysisContext {
  return { files, modules: new Map(), loadedForHandler: 0, summaries: new WeakMap(), budget: 0, exhausted: false, callDepth: 0, inlineDepth: 0 };
}

const MAX_INLINE_DEPTH = 4;
const MAX_EXPR_DEPTH = 400;

const EXPRESS_ROUTE_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'all', 'use', 'options', 'head', 'route']);
/** Frameworks whose apps run behind a Lambda adapter (serverless-http, @fastify/aws-lambda) with `(request, response)` route handlers. */
const WEB_FRAMEWORKS: ReadonlySet<string> = new Set(['express', 'fastify']);
const LOG_METHODS = new Set(['log', 'info', 'warn', 'error', 'debug', 'trace']);
const ARRAY_CALLBACK_METHODS = new Set(['map', 'forEach', 'filter', 'find', 'some', 'every', 'flatMap', 'findIndex', 'reduce', 'sort']);

interface Callee {
  module?: string;
  method: string;
  text: string;
}

interface Fact {
  expr: ts.Expression;
}

interface Facts {
  whenTrue: Fact[];
  whenFalse: Fact[];
}

const NO_FACTS: Facts = { whenTrue: [], whenFalse: [] };

export class Evaluator extends TaintWalker<ts.Node> {
  readonly paramCalls: ParamCall[] = [];

  constructor(
    private readonly ctx: AnalysisContext,
    private readonly mod: ModuleRecord,
    private readonly moduleLevel: boolean,
  ) {
    super();
  }

  // ---- entry points

  evalModule(): void {
    this.hoist(this.mod.parsed.ast.statements, this.mod.env);
    for (const s of this.mod.parsed.ast.statements) this.evalStmt(s, this.mod.env);
  }

  evalBody(fn: ts.FunctionLikeDeclaration, env: Env): void {
    const body = fn.body;
    if (!body) return;
    if (ts.isBlock(body)) {
      this.hoist(body.statements, env);
      for (const s of body.statements) this.evalStmt(s, env);
      return;
    }
    this.returns.push(this.evalExpr(body, env));
  }

  /** Runs a function in place with these arguments (route handlers get the request and the response). */
  runWith(fn: FnRef, args: Value[]): void {
    const env = new Env(fn.closure ?? fn.module.env);
    fn.node.parameters.forEach((p, i) => this.bindParam(p, args[i] ?? CLEAN, env));
    this.evalBody(fn.node, env);
  }

  bindParam(p: ts.ParameterDeclaration, value: Value, env: Env): void {
    const v = p.initializer ? join(value, this.evalExpr(p.initializer, env)) : value;
    this.bind(p.name, v, env);
  }

  // ---- helpers

  protected loc(node: ts.Node): SourceLocation {
    return this.mod.parsed.locOf(node);
  }

  protected source(node: ts.Node): string {
    return nodeText(node, this.mod.parsed.ast);
  }

  private spend(): boolean {
    if (this.ctx.budget <= 0) {
      this.ctx.exhausted = true;
      return false;
    }
    this.ctx.budget--;
    return true;
  }

  private hoist(statements: ts.NodeArray<ts.Statement>, env: Env): void {
    for (const s of statements) {
      if (ts.isFunctionDeclaration(s) && s.name) env.declare(s.name.text, this.fnValue(s, env, s.name.text));
      if (ts.isClassDeclaration(s) && s.name) env.declare(s.name.text, this.classValue(s, env));
    }
  }

  private fnValue(node: ts.FunctionLikeDeclaration, env: Env, name: string): Value {
    const fn: FnRef = { node, module: this.mod, name, ...(this.moduleLevel ? {} : { closure: env }) };
    return { taints: [], fn };
  }

  private classValue(node: ts.ClassLikeDeclaration, env: Env): Value {
    const props = new Map<string, Value>();
    for (const m of node.members) {
      if ((ts.isMethodDeclaration(m) || ts.isPropertyDeclaration(m)) && m.name && ts.isIdentifier(m.name)) {
        const init = ts.isPropertyDeclaration(m) ? m.initializer : undefined;
        if (ts.isMethodDeclaration(m)) props.set(m.name.text, this.fnValue(m, env, m.name.text));
        else if (init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init))) props.set(m.name.text, this.fnValue(init, env, m.name.text));
      }
    }
    return { taints: [], props, isClass: true };
  }

  // ---- statements

  evalStmt(s: ts.Statement, env: Env): void {
    if (!this.spend()) return;
    if (this.depth >= MAX_EXPR_DEPTH) {
      this.ctx.exhausted = true;
      return;
    }
    this.depth++;
    try {
      this.evalStmtInner(s, env);
    } finally {
      this.depth--;
    }
  }

  private evalStmtInner(s: ts.Statement, env: Env): void {
    if (ts.isVariableStatement(s)) return this.evalDeclarations(s.declarationList, env, s);
    if (ts.isExpressionStatement(s)) return void this.evalExpr(s.expression, env);
    if (ts.isReturnStatement(s)) return this.evalReturn(s, env);
    if (ts.isIfStatement(s)) return this.evalIf(s, env);
    if (ts.isBlock(s)) return this.evalBlock(s.statements, new Env(env));
    if (ts.isForOfStatement(s) || ts.isForInStatement(s)) return this.evalForOf(s, env);
    if (ts.isForStatement(s)) return this.evalFor(s, env);
    if (ts.isWhileStatement(s) || ts.isDoStatement(s)) return this.evalWhile(s, env);
    if (ts.isTryStatement(s)) return this.evalTry(s, env);
    if (ts.isSwitchStatement(s)) return this.evalSwitch(s, env);
    if (ts.isThrowStatement(s)) return void this.evalExpr(s.expression, env);
    if (ts.isLabeledStatement(s)) return this.evalStmt(s.statement, env);
    if (ts.isImportDeclaration(s)) return this.evalImport(s, env);
    if (ts.isImportEqualsDeclaration(s)) return this.evalImportEquals(s, env);
    if (ts.isExportDeclaration(s)) return this.evalExportDeclaration(s);
    if (ts.isExportAssignment(s)) return void exportsProps(this.mod).set('default', this.evalExpr(s.expression, env));
    if (ts.isFunctionDeclaration(s) || ts.isClassDeclaration(s)) return this.exportDeclared(s, env);
  }

  private evalBlock(statements: ts.NodeArray<ts.Statement>, env: Env): void {
    this.hoist(statements, env);
    for (const s of statements) this.evalStmt(s, env);
  }

  /** `statement`: the declaration's statement, which may export it (none for a loop's initializer). */
  private evalDeclarations(list: ts.VariableDeclarationList, env: Env, statement?: ts.VariableStatement): void {
    for (const d of list.declarations) {
      let v = d.initializer ? this.evalExpr(d.initializer, env) : CLEAN;
      if (d.initializer && ts.isIdentifier(d.name) && v.fn && (ts.isArrowFunction(d.initializer) || ts.isFunctionExpression(d.initializer))) v = { ...v, fn: { ...v.fn, name: d.name.text } };
      this.bind(d.name, withStep(v, this.step(d)), env);
      if (ts.isIdentifier(d.name)) this.notePartOf(d.name.text, partRoot(d.initializer));
    }
    if (statement && isExported(statement)) {
      for (const d of list.declarations) if (ts.isIdentifier(d.name)) exportsProps(this.mod).set(d.name.text, env.lookup(d.name.text) ?? CLEAN);
    }
  }

  private exportDeclared(s: ts.FunctionDeclaration | ts.ClassDeclaration, env: Env): void {
    if (!isExported(s) || !s.name) return;
    const v = env.lookup(s.name.text) ?? CLEAN;
    const isDefault = s.modifiers?.some((m) => m.kind === ts.SyntaxKind.DefaultKeyword);
    exportsProps(this.mod).set(isDefault ? 'default' : s.name.text, v);
  }

  /** Binds a declared name or a destructuring pattern. */
  private bind(name: ts.BindingName, value: Value, env: Env): void {
    if (ts.isIdentifier(name)) return env.declare(name.text, value);
    if (ts.isObjectBindingPattern(name)) {
      for (const el of name.elements) {
        if (el.dotDotDotToken) {
          this.bind(el.name, value, env);
          continue;
        }
        const key = el.propertyName ? propertyNameText(el.propertyName) : ts.isIdentifier(el.name) ? el.name.text : undefined;
        let v = key === undefined ? mixed([value]) : getProp(value, key, this.loc(el));
        if (el.initializer) v = join(v, this.evalExpr(el.initializer, env));
        this.bind(el.name, v, env);
      }
      return;
    }
    name.elements.forEach((el, i) => {
      if (ts.isOmittedExpression(el)) return;
      let v = el.dotDotDotToken ? value : getProp(value, String(i), this.loc(el));
      if (el.initializer) v = join(v, this.evalExpr(el.initializer, env));
      this.bind(el.name, v, env);
    });
  }

  private evalReturn(s: ts.ReturnStatement, env: Env): void {
    const v = s.expression ? this.evalExpr(s.expression, env) : CLEAN;
    if (this.returns.length < 16) this.returns.push(withStep(v, this.step(s, `returned: ${this.text(s.expression ?? s)}`)));
  }

  private evalIf(s: ts.IfStatement, env: Env): void {
    this.decision(this.evalExpr(withoutNegation(s.expression), env), s.expression, true);
    const facts = this.guardFacts(s.expression, env);
    const thenEnv = new Env(env, true);
    this.applyFacts(facts.whenTrue, thenEnv, env);
    this.inBranch(() => this.evalStmt(s.thenStatement, thenEnv));
    thenEnv.endBranch(join);
    if (s.elseStatement) {
      const elseEnv = new Env(env, true);
      this.applyFacts(facts.whenFalse, elseEnv, env);
      this.inBranch(() => this.evalStmt(s.elseStatement!, elseEnv));
      elseEnv.endBranch(join);
    }
    // `if (!allowed(x)) return;` makes x safe for the rest of the block.
    if (alwaysExits(s.thenStatement)) this.applyFacts(facts.whenFalse, env, env);
    if (s.elseStatement && alwaysExits(s.elseStatement)) this.applyFacts(facts.whenTrue, env, env);
  }

  private evalForOf(s: ts.ForOfStatement | ts.ForInStatement, env: Env): void {
    const iterable = this.evalExpr(s.expression, env);
    const element = ts.isForInStatement(s) ? getProp(iterable, '*', this.loc(s.initializer)) : elementOf(iterable, this.loc(s.initializer));
    const bodyEnv = new Env(env);
    const init = s.initializer;
    const stepped = withStep(element, this.step(s, `for (${this.text(init)} of ${this.text(s.expression)})`));
    if (ts.isVariableDeclarationList(init)) {
      const d = init.declarations[0];
      if (d) this.bind(d.name, stepped, bodyEnv);
    } else {
      this.assign(init, stepped, bodyEnv, s);
    }
    this.inBranch(() => this.evalStmt(s.statement, bodyEnv));
  }

  private evalFor(s: ts.ForStatement, env: Env): void {
    const loopEnv = new Env(env);
    if (s.initializer) {
      if (ts.isVariableDeclarationList(s.initializer)) this.evalDeclarations(s.initializer, loopEnv);
      else this.evalExpr(s.initializer, loopEnv);
    }
    if (s.condition) this.evalExpr(s.condition, loopEnv);
    this.inBranch(() => {
      this.evalStmt(s.statement, new Env(loopEnv));
      if (s.incrementor) this.evalExpr(s.incrementor, loopEnv);
    });
  }

  private evalWhile(s: ts.WhileStatement | ts.DoStatement, env: Env): void {
    this.decision(this.evalExpr(s.expression, env), s.expression, true);
    this.inBranch(() => this.evalStmt(s.statement, new Env(env)));
  }

  private evalTry(s: ts.TryStatement, env: Env): void {
    this.evalBlock(s.tryBlock.statements, new Env(env));
    const c = s.catchClause;
    if (c) {
      const catchEnv = new Env(env, true);
      const decl = c.variableDeclaration;
      if (decl) {
        const error: Taint = { origin: { kind: 'error', loc: this.loc(decl) }, steps: [this.step(decl, `caught: ${this.text(decl)}`)], sanitized: new Set() };
        this.bind(decl.name, { taints: [error] }, catchEnv);
      }
      this.inBranch(() => this.evalBlock(c.block.statements, catchEnv));
      catchEnv.endBranch(join);
    }
    if (s.finallyBlock) this.evalBlock(s.finallyBlock.statements, new Env(env));
  }

  private evalSwitch(s: ts.SwitchStatement, env: Env): void {
    const value = this.evalExpr(s.expression, env);
    this.decision(value, s.expression);
    for (const clause of s.caseBlock.clauses) {
      if (ts.isCaseClause(clause)) this.comparedWithText(value, this.evalExpr(clause.expression, env), clause.expression, `switch (${this.text(s.expression)}) case ${this.text(clause.expression)}`);
      this.inBranch(() => this.evalBlock(clause.statements, new Env(env)));
    }
  }

  // ---- imports and exports

  private evalImport(s: ts.ImportDeclaration, env: Env): void {
    if (!ts.isStringLiteral(s.moduleSpecifier) || !s.importClause || s.importClause.isTypeOnly) return;
    const spec = s.moduleSpecifier.text;
    const clause = s.importClause;
    if (clause.name) env.declare(clause.name.text, defaultImport(this.ctx, this.mod.file, spec));
    const bindings = clause.namedBindings;
    if (!bindings) return;
    if (ts.isNamespaceImport(bindings)) return env.declare(bindings.name.text, requireValue(this.ctx, this.mod.file, spec));
    for (const el of bindings.elements) {
      const imported = el.propertyName ? propertyNameText(el.propertyName) ?? el.name.text : el.name.text;
      const v = imported === 'default' ? defaultImport(this.ctx, this.mod.file, spec) : namedImport(this.ctx, this.mod.file, spec, imported);
      env.declare(el.name.text, v);
    }
  }

  private evalImportEquals(s: ts.ImportEqualsDeclaration, env: Env): void {
    const ref = s.moduleReference;
    if (ts.isExternalModuleReference(ref) && ts.isStringLiteral(ref.expression)) env.declare(s.name.text, requireValue(this.ctx, this.mod.file, ref.expression.text));
  }

  private evalExportDeclaration(s: ts.ExportDeclaration): void {
    if (s.isTypeOnly) return;
    const props = exportsProps(this.mod);
    const spec = s.moduleSpecifier && ts.isStringLiteral(s.moduleSpecifier) ? s.moduleSpecifier.text : undefined;
    const clause = s.exportClause;
    if (spec !== undefined) {
      const target = requireValue(this.ctx, this.mod.file, spec);
      if (!clause) {
        for (const [k, v] of target.props ?? []) if (k !== 'default' && !props.has(k)) props.set(k, v);
        return;
      }
      if (ts.isNamespaceExport(clause)) return void props.set(clause.name.text, target);
      for (const el of clause.elements) props.set(el.name.text, getProp(target, el.propertyName ? propertyNameText(el.propertyName) ?? el.name.text : el.name.text));
      return;
    }
    if (clause && ts.isNamedExports(clause)) {
      for (const el of clause.elements) this.mod.pendingExports.push({ local: el.propertyName ? propertyNameText(el.propertyName) ?? el.name.text : el.name.text, exported: el.name.text });
    }
  }

  // ---- expressions

  evalExpr(node: ts.Expression, env: Env): Value {
    if (!this.spend()) return CLEAN;
    // Deeply nested expressions (generated code) would exhaust the stack: treat what is below as unknown.
    if (this.depth >= MAX_EXPR_DEPTH) {
      this.ctx.exhausted = true;
      return CLEAN;
    }
    this.depth++;
    try {
      return this.evalExprInner(node, env);
    } finally {
      this.depth--;
    }
  }

  private evalExprInner(node: ts.Expression, env: Env): Value {
    if (ts.isIdentifier(node)) return this.identifier(node, env);
    if (ts.isStringLiteralLike(node)) return { taints: [], text: node.text };
    if (ts.isNumericLiteral(node)) return { taints: [], text: node.text };
    if (node.kind === ts.SyntaxKind.TrueKeyword || node.kind === ts.SyntaxKind.FalseKeyword) return { taints: [], text: nodeText(node, this.mod.parsed.ast) };
    if (ts.isRegularExpressionLiteral(node)) return { taints: [], regex: node.text };
    if (ts.isTemplateExpression(node)) return this.template(node, env);
    if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isNonNullExpression(node) || ts.isTypeAssertionExpression(node) || ts.isSatisfiesExpression(node) || ts.isAwaitExpression(node)) return this.evalExpr(node.expression, env);
    if (ts.isPropertyAccessExpression(node)) return this.propertyAccess(node, env);
    if (ts.isElementAccessExpression(node)) return this.elementAccess(node, env);
    if (ts.isCallExpression(node) || ts.isNewExpression(node)) return this.call(node, env);
    if (ts.isBinaryExpression(node)) return this.binary(node, env);
    if (ts.isConditionalExpression(node)) return this.conditional(node, env);
    if (ts.isObjectLiteralExpression(node)) return this.objectLiteral(node, env);
    if (ts.isArrayLiteralExpression(node)) return this.arrayLiteral(node, env);
    if (ts.isArrowFunction(node) || ts.isFunctionExpression(node)) return this.fnValue(node, env, node.name?.text ?? 'anonymous function');
    if (ts.isClassExpression(node)) return this.classValue(node, env);
    if (ts.isSpreadElement(node)) return this.evalExpr(node.expression, env);
    if (ts.isPrefixUnaryExpression(node) || ts.isPostfixUnaryExpression(node)) return void this.evalExpr(node.operand, env), CLEAN;
    if (ts.isTypeOfExpression(node) || ts.isVoidExpression(node) || ts.isDeleteExpression(node)) return void this.evalExpr(node.expression, env), CLEAN;
    if (ts.isTaggedTemplateExpression(node)) return this.taggedTemplate(node, env);
    return CLEAN;
  }

  private identifier(node: ts.Identifier, env: Env): Value {
    const name = node.text;
    if (name === 'undefined') return CLEAN;
    const v = env.lookup(name);
    if (v) return v;
    if (this.mod.env !== env && this.mod.env.lookup(name)) return this.mod.env.lookup(name)!;
    return { taints: [], api: { module: 'global', members: [name] } };
  }

  private propertyAccess(node: ts.PropertyAccessExpression, env: Env): Value {
    // `module.exports` and `exports` of a CommonJS module read its exports.
    if (isModuleExports(node, env)) return this.mod.exports;
    return getProp(this.evalExpr(node.expression, env), node.name.text, this.loc(node.name));
  }

  private elementAccess(node: ts.ElementAccessExpression, env: Env): Value {
    const obj = this.evalExpr(node.expression, env);
    const key = this.evalExpr(node.argumentExpression, env);
    if (key.text !== undefined && deepTaints(key).length === 0) return getProp(obj, key.text, this.loc(node.argumentExpression));
    return join(getProp(obj, '*', this.loc(node.argumentExpression)), obj.props ? joinAll([...obj.props.values()]) : CLEAN);
  }

  private template(node: ts.TemplateExpression, env: Env): Value {
    const built = new TextBuilder();
    built.literal(node.head.text);
    for (const span of node.templateSpans) {
      built.value(this.evalExpr(span.expression, env));
      built.literal(span.literal.text);
    }
    return built.result();
  }

  private taggedTemplate(node: ts.TaggedTemplateExpression, env: Env): Value {
    const parts = ts.isTemplateExpression(node.template) ? node.template.templateSpans.map((s) => this.evalExpr(s.expression, env)) : [];
    // Tagged templates of query builders (sql`…`) pass values separately; String.raw keeps the data.
    return this.text(node.tag) === 'String.raw' ? mixed(parts) : CLEAN;
  }

  private binary(node: ts.BinaryExpression, env: Env): Value {
    const op = node.operatorToken.kind;
    if (op === ts.SyntaxKind.EqualsToken) {
      const v = this.evalExpr(node.right, env);
      this.assign(node.left, withStep(v, this.step(node)), env, node);
      if (ts.isIdentifier(node.left)) this.notePartOf(node.left.text, partRoot(node.right));
      return v;
    }
    if (isCompoundAssignment(op)) {
      const v = shaped(concat(this.evalExpr(node.left, env), this.evalExpr(node.right, env)), 'text');
      this.assign(node.left, withStep(v, this.step(node)), env, node);
      return v;
    }
    if (op === ts.SyntaxKind.AmpersandAmpersandToken) {
      const left = this.evalExpr(node.left, env);
      const rightEnv = new Env(env);
      this.applyFacts(this.guardFacts(node.left, env).whenTrue, rightEnv, env);
      let right = CLEAN;
      this.inBranch(() => (right = this.evalExpr(node.right, rightEnv)));
      return either(left, right);
    }
    const left = this.evalExpr(node.left, env);
    const right = this.evalExpr(node.right, env);
    if (op === ts.SyntaxKind.PlusToken) return shaped(concat(left, right), 'text');
    if (op === ts.SyntaxKind.BarBarToken || op === ts.SyntaxKind.QuestionQuestionToken) return either(left, right);
    if (op === ts.SyntaxKind.CommaToken) return right;
    if (isComparison(op)) {
      this.decision(left, node, isNothing(node.right));
      this.decision(right, node, isNothing(node.left));
    }
    if (isComparison(op) && !isOrdering(op)) {
      this.comparedWithText(left, right, node);
      this.comparedWithText(right, left, node);
    }
    return CLEAN;
  }

  private conditional(node: ts.ConditionalExpression, env: Env): Value {
    this.decision(this.evalExpr(withoutNegation(node.condition), env), node.condition, true);
    const facts = this.guardFacts(node.condition, env);
    const tEnv = new Env(env);
    const fEnv = new Env(env);
    this.applyFacts(facts.whenTrue, tEnv, env);
    this.applyFacts(facts.whenFalse, fEnv, env);
    return either(this.evalExpr(node.whenTrue, tEnv), this.evalExpr(node.whenFalse, fEnv));
  }

  private objectLiteral(node: ts.ObjectLiteralExpression, env: Env): Value {
    const props = new Map<string, Value>();
    const propLocs = new Map<string, SourceLocation>();
    const taints: Taint[] = [];
    for (const p of node.properties) {
      if ((ts.isPropertyAssignment(p) || ts.isShorthandPropertyAssignment(p)) && propertyNameText(p.name) !== undefined) propLocs.set(propertyNameText(p.name)!, this.loc(p));
      if (ts.isPropertyAssignment(p)) {
        const key = propertyNameText(p.name) ?? '*';
        const v = this.evalExpr(p.initializer, env);
        props.set(key, key === '*' ? join(props.get('*') ?? CLEAN, v) : v.fn && !v.fn.name.match(/^\w+$/) ? { ...v, fn: { ...v.fn, name: key } } : v);
      } else if (ts.isShorthandPropertyAssignment(p)) {
        props.set(p.name.text, this.identifier(p.name, env));
      } else if (ts.isSpreadAssignment(p)) {
        const v = this.evalExpr(p.expression, env);
        for (const [k, pv] of v.props ?? []) props.set(k, pv);
        taints.push(...v.taints);
      } else if (ts.isMethodDeclaration(p)) {
        const key = propertyNameText(p.name);
        if (key !== undefined) props.set(key, this.fnValue(p, env, key));
      }
    }
    return { taints, props, loc: this.loc(node), propLocs };
  }

  private arrayLiteral(node: ts.ArrayLiteralExpression, env: Env): Value {
    const props = new Map<string, Value>();
    const taints: Taint[] = [];
    node.elements.forEach((el, i) => {
      const v = this.evalExpr(el, env);
      if (ts.isSpreadElement(el)) taints.push(...deepTaints(v));
      else props.set(String(i), v);
    });
    return { taints, props };
  }

  private assign(target: ts.Node, value: Value, env: Env, at: ts.Node): void {
    const weak = this.branch > 0 && !this.moduleLevel;
    if (ts.isParenthesizedExpression(target)) return this.assign(target.expression, value, env, at);
    if (ts.isIdentifier(target)) return env.assign(target.text, value, weak, join);
    if (ts.isPropertyAccessExpression(target) || ts.isElementAccessExpression(target)) return this.assignProperty(target, value, env);
    if (ts.isObjectLiteralExpression(target)) {
      for (const p of target.properties) {
        if (ts.isShorthandPropertyAssignment(p)) this.assign(p.name, getProp(value, p.name.text), env, at);
        else if (ts.isPropertyAssignment(p)) this.assign(p.initializer, getProp(value, propertyNameText(p.name) ?? '*'), env, at);
      }
      return;
    }
    if (ts.isArrayLiteralExpression(target)) target.elements.forEach((el, i) => this.assign(el, getProp(value, String(i)), env, at));
  }

  private assignProperty(target: ts.PropertyAccessExpression | ts.ElementAccessExpression, value: Value, env: Env): void {
    if (ts.isPropertyAccessExpression(target) && isModuleExports(target, env)) {
      // `module.exports = x`: the module's exports become x (keeping a map for later `exports.y =`).
      this.mod.exports = { ...value, props: new Map(value.props ?? []) };
      return;
    }
    const name = ts.isPropertyAccessExpression(target) ? target.name.text : this.evalExpr(target.argumentExpression, env).text ?? '*';
    if (isModuleExports(target.expression, env)) return void exportsProps(this.mod).set(name, value);
    const root = rootIdentifier(target);
    if (!root) return;
    const rootValue = env.lookup(root.text) ?? this.mod.env.lookup(root.text);
    if (!rootValue) return;
    this.secretIntoWholes(root.text, value, env);
    if (target.expression === root) {
      const props = new Map(rootValue.props ?? []);
      props.set(name, this.branch > 0 ? join(props.get(name) ?? CLEAN, value) : value);
      env.assign(root.text, { ...rootValue, props }, false, join);
      return;
    }
    // Deeper writes (`a.b.c = v`): the root object now holds the data somewhere.
    if (deepTaints(value).length > 0) env.assign(root.text, { ...rootValue, taints: [...rootValue.taints, ...somewhereIn(deepTaints(value))] }, false, join);
  }

  // ---- calls

  private call(node: ts.CallExpression | ts.NewExpression, env: Env): Value {
    const argNodes = node.arguments ?? ts.factory.createNodeArray<ts.Expression>();
    if (isRequireCall(node, env)) return requireValue(this.ctx, this.mod.file, (argNodes[0] as ts.StringLiteral).text);
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const spec = argNodes[0];
      return spec && ts.isStringLiteralLike(spec) ? requireValue(this.ctx, this.mod.file, spec.text) : CLEAN;
    }
    const calleeExpr = node.expression;
    let receiver: Value | undefined;
    let calleeValue: Value;
    let method: string | undefined;
    if (ts.isPropertyAccessExpression(calleeExpr)) {
      receiver = this.evalExpr(calleeExpr.expression, env);
      method = calleeExpr.name.text;
      calleeValue = getProp(receiver, method);
    } else {
      calleeValue = this.evalExpr(calleeExpr, env);
    }
    const args = argNodes.map((a) => this.evalExpr(a, env));
    const callee = describeCallee(calleeValue, method, this.text(calleeExpr));
    const isNew = ts.isNewExpression(node);
    if (calleeValue.isClass && isNew) return { taints: [], props: calleeValue.props ?? new Map() };
    if (calleeValue.fn) return this.callFunction(calleeValue.fn, args, node);
    const builtin = this.builtinCall(callee, receiver, args, node);
    if (builtin) return builtin;
    this.checkSinks(callee, args, node, argNodes);
    this.checkLog(callee, calleeExpr, args, node);
    this.recordParamCall(calleeValue, args, node);
    const out = this.withSecretRead(this.genericCall(callee, calleeValue, receiver, args, node), callee, receiver, args, node);
    // A middy chain (`middy(handler).use(injectLambdaContext(…))`) keeps the middleware's event logging.
    const logsEvent = this.eventLoggingMiddleware(callee, args, node) ?? receiver?.logsEvent ?? args.find((a) => a.logsEvent)?.logsEvent;
    return logsEvent ? { ...out, logsEvent } : out;
  }

  /**
   * A call that reads a secret answers with it (`secret-reads.ts`); the SDK v2's `.promise()` of
   * such a request answers what the request does.
   */
  private withSecretRead(out: Value, callee: Callee, receiver: Value | undefined, args: Value[], node: ts.Node): Value {
    if (callee.method === 'promise' && receiver && isAwsSdkRequest(receiver)) {
      const read = receiver.taints.filter((t) => t.origin.kind === 'secret');
      return read.length === 0 ? out : { ...out, taints: [...out.taints, ...read] };
    }
    const read = secretRead('javascript', callee, isAwsSdkOperation(receiver), args);
    if (!read) return out;
    return { ...out, taints: [...out.taints, secretTaint(read, this.loc(node), this.step(node, `secret read: ${this.text(node)}`))] };
  }

  /** Powertools' `injectLambdaContext(logger, options)` middleware, when it may log the event. */
  private eventLoggingMiddleware(callee: Callee, args: Value[], node: ts.Node): EventLogging | undefined {
    if (callee.method !== 'injectLambdaContext' || !isPowertoolsLogger(callee.module)) return undefined;
    return injectionLogging(logEventOption(args[1]), this.loc(node), callee.text, '…, { logEvent: true }');
  }

  private callFunction(fn: FnRef, args: Value[], node: ts.Node): Value {
    if (fn.closure) return this.callInline(fn, args, fn.closure);
    const step = this.step(node, `call to ${fn.name}()`);
    const inst = instantiate(getSummary(this.ctx, fn), args, step);
    this.hits.push(...inst.hits);
    this.paramCalls.push(...inst.paramCalls);
    return returnedValue(inst);
  }

  /** A nested function sees the caller's variables: it is analyzed in place, bounded in depth. */
  private callInline(fn: FnRef, args: Value[], closure: Env): Value {
    if (this.ctx.inlineDepth >= MAX_INLINE_DEPTH) return mixed(args);
    const ev = new Evaluator(this.ctx, fn.module, false);
    const env = new Env(closure);
    fn.node.parameters.forEach((p, i) => ev.bindParam(p, args[i] ?? CLEAN, env));
    this.ctx.inlineDepth++;
    try {
      ev.evalBody(fn.node, env);
    } finally {
      this.ctx.inlineDepth--;
    }
    this.hits.push(...ev.hits);
    this.paramCalls.push(...ev.paramCalls);
    return joinAll(ev.returns);
  }

  /** Array callbacks, promises and the few globals whose data flow is known. */
  private builtinCall(callee: Callee, receiver: Value | undefined, args: Value[], node: ts.Node): Value | undefined {
    const m = callee.method;
    if (receiver && ARRAY_CALLBACK_METHODS.has(m) && args[0]?.fn) {
      const element = elementOf(receiver);
      const out = m === 'reduce' ? this.callFunction(args[0].fn, [args[1] ?? CLEAN, element], node) : this.callFunction(args[0].fn, [element, CLEAN, receiver], node);
      if (m === 'map' || m === 'flatMap' || m === 'reduce') return out;
      if (m === 'filter' || m === 'find' || m === 'sort') return receiver;
      return CLEAN;
    }
    if (receiver && m === 'then' && args[0]?.fn) return this.callFunction(args[0].fn, [receiver], node);
    if (receiver && (m === 'catch' || m === 'finally') && args[0]?.fn) {
      this.callFunction(args[0].fn, [CLEAN], node);
      return receiver;
    }
    if (callee.module === 'Promise' || (callee.module === 'Array' && m === 'from')) return mixedKeepProps(args[0]);
    if (callee.module === 'Object' && m === 'assign') return joinAll(args);
    if (callee.module === 'Object' && m === 'keys') return { taints: [], props: new Map([['*', keysOf(args[0] ?? CLEAN, this.loc(node))]]) };
    if (callee.module === 'JSON' && m === 'parse') return jsonParse(args[0] ?? CLEAN, this.loc(node));
    if ((callee.module === 'global' || callee.module === 'url') && m === 'URL') return urlObject(args[0] ?? CLEAN, args[1]);
    if (isJwtDecode(callee)) return { taints: [...mixed(args).taints, { origin: { kind: 'jwt-unverified', loc: this.loc(node), how: callee.text, path: [] }, steps: [this.step(node, `decoded without verification: ${this.text(node)}`)], sanitized: new Set() }] };
    if (m === 'split' && args[0]?.text === '.' && receiver) return { taints: [...mixed([receiver]).taints, { origin: { kind: 'jwt-split' }, steps: [], sanitized: new Set() }] };
    if (receiver && isLastPathPart(node)) return sanitize(elementOf(receiver), FILE_NAME_SAFE);
    return undefined;
  }

  private genericCall(callee: Callee, calleeValue: Value, receiver: Value | undefined, args: Value[], node: ts.Node): Value {
    if (WEB_FRAMEWORKS.has(callee.module ?? '') && EXPRESS_ROUTE_METHODS.has(callee.method)) {
      // Route handlers run per request: analyzed later with the request as the event (see `analyze-function.ts`).
      // Fastify's `route({ method, url, handler })` names its handler in the options.
      const handlers = args.map((a) => a.fn ?? a.props?.get('handler')?.fn);
      for (const fn of handlers) if (fn && this.mod.expressRoutes.length < 200) this.mod.expressRoutes.push(fn);
      return { taints: [], ...(calleeValue.api ? { api: calleeValue.api } : {}) };
    }
    const sanitizer = findSanitizerRow('javascript', callee.module, callee.method);
    if (sanitizer) return sanitize(mixed([receiver, ...args]), sanitizer.families);
    if (CLEAN_METHODS.has(callee.method)) {
      // `claims.groups.includes('admin')` answers a question about the data: a decision.
      if (receiver) this.decision(receiver, node);
      if (receiver && callee.method === 'includes' && args[0]) this.comparedWithEach(args[0], receiver, node);
      return CLEAN;
    }
    let wrapped: FnRef | undefined;
    for (const a of args) {
      if (!a.fn) continue;
      // Callbacks of libraries (promise executors, SDK callbacks) run: analyze them with unknown arguments.
      this.callFunction(a.fn, [], node);
      wrapped ??= a.fn;
    }
    // Builder chains on a wrapper (`middy(handler).use(…)`) still stand for the wrapped handler.
    if (receiver?.fn && !calleeValue.fn) wrapped ??= receiver.fn;
    // An AWS SDK client's configuration (credentials, region) does not flow into the answers of its calls; a response's data does.
    const receiverData = receiver && (!receiver.api || (receiver.taints.length > 0 && !isAwsSdkOperation(receiver))) ? receiverOfCall(receiver, callee.method, 'javascript') : undefined;
    const mixedIn = mixed([receiverData, ...args]);
    const out = isAwsSdkOperation(receiver) ? throughService(mixedIn) : mixedIn;
    return {
      ...out,
      ...(calleeValue.api ? { api: { module: calleeValue.api.module, members: [...calleeValue.api.members, '()'].slice(-8) } } : {}),
      // Wrappers such as middy(handler) return the handler: keep it callable.
      ...(wrapped ? { fn: wrapped, wraps: true } : {}),
    };
  }

  /** A finding points at the argument that carries the data (or its property), not at the call. */
  private checkSinks(callee: Callee, args: Value[], node: ts.Node, argNodes: readonly ts.Node[]): void {
    for (const spec of findSinkRows(JAVASCRIPT_SINKS, callee.module, callee.method, args)) {
      const indexes = spec.args === 'all' ? args.map((_, i) => i) : spec.args;
      for (const i of indexes) {
        const arg = args[i];
        if (!arg) continue;
        const { value: target, at } = sinkTarget(spec, arg);
        if (spec.safePrefix && (target.fixedBase || spec.safePrefix.test(target.prefix ?? target.text ?? ''))) continue;
        this.hit(spec.family, target, node, callee.text, spec.needsObject, at ?? this.argLoc(argNodes[i]));
      }
    }
    args.forEach((arg, i) => this.checkQueryObject(arg, node, callee.text, this.argLoc(argNodes[i])));
  }

  private argLoc(arg: ts.Node | undefined): SourceLocation | undefined {
    return arg ? this.loc(arg) : undefined;
  }

  /** DynamoDB expressions and raw filters, and Mongo `$where`, built from input. */
  private checkQueryObject(arg: Value, node: ts.Node, what: string, argAt: SourceLocation | undefined): void {
    if (!arg.props) return;
    for (const key of DYNAMODB_EXPRESSION_PROPS) {
      const v = arg.props.get(key);
      if (v) this.hit('nosql', queryShaping(key, v), node, `${what} (${key})`, false, arg.propLocs?.get(key) ?? argAt);
    }
    for (const inner of [arg, ...arg.props.values()]) {
      const where = inner.props?.get(MONGO_WHERE);
      if (where) this.hit('nosql', where, node, `${what} ($where)`, false, inner.propLocs?.get(MONGO_WHERE) ?? argAt);
    }
  }

  private checkLog(callee: Callee, calleeExpr: ts.Expression, args: Value[], node: ts.Node): void {
    if (!LOG_METHODS.has(callee.method)) return;
    const receiver = ts.isPropertyAccessExpression(calleeExpr) ? this.text(calleeExpr.expression) : '';
    const isLogger = callee.module === 'console' || /(^|\.)(logger|log|console)$/i.test(receiver) || /logger|pino|winston|bunyan/i.test(callee.module ?? '');
    if (!isLogger) return;
    this.logged(args, node, callee.text);
  }

  private recordParamCall(calleeValue: Value, args: Value[], node: ts.Node): void {
    for (const t of calleeValue.taints) {
      if (t.origin.kind === 'param' && t.origin.path.length === 0 && this.paramCalls.length < 20) this.paramCalls.push({ index: t.origin.index, args, loc: this.loc(node) });
    }
  }

  /** Data a branch depends on: kept when it may be an authorization decision or an unverified token. */
  // ---- guards

  /** What a condition proves about the expressions it tests, when true and when false. */
  private guardFacts(cond: ts.Expression, env: Env, depth = 0): Facts {
    if (depth > 8) return NO_FACTS;
    if (ts.isParenthesizedExpression(cond)) return this.guardFacts(cond.expression, env, depth + 1);
    if (ts.isPrefixUnaryExpression(cond) && cond.operator === ts.SyntaxKind.ExclamationToken) {
      const inner = this.guardFacts(cond.operand, env, depth + 1);
      return { whenTrue: inner.whenFalse, whenFalse: inner.whenTrue };
    }
    if (ts.isBinaryExpression(cond)) return this.binaryFacts(cond, env, depth);
    if (ts.isCallExpression(cond)) return { whenTrue: this.callGuard(cond, env), whenFalse: [] };
    // `schema.safeParse(x).success`
    if (ts.isPropertyAccessExpression(cond) && cond.name.text === 'success' && ts.isCallExpression(cond.expression)) return { whenTrue: this.callGuard(cond.expression, env), whenFalse: [] };
    return NO_FACTS;
  }

  private binaryFacts(cond: ts.BinaryExpression, env: Env, depth: number): Facts {
    const op = cond.operatorToken.kind;
    if (op === ts.SyntaxKind.AmpersandAmpersandToken) {
      const l = this.guardFacts(cond.left, env, depth + 1);
      const r = this.guardFacts(cond.right, env, depth + 1);
      return { whenTrue: [...l.whenTrue, ...r.whenTrue], whenFalse: [] };
    }
    if (op === ts.SyntaxKind.BarBarToken) {
      const l = this.guardFacts(cond.left, env, depth + 1);
      const r = this.guardFacts(cond.right, env, depth + 1);
      return { whenTrue: [], whenFalse: [...l.whenFalse, ...r.whenFalse] };
    }
    const eq = op === ts.SyntaxKind.EqualsEqualsEqualsToken || op === ts.SyntaxKind.EqualsEqualsToken;
    const ne = op === ts.SyntaxKind.ExclamationEqualsEqualsToken || op === ts.SyntaxKind.ExclamationEqualsToken;
    if (!eq && !ne && !isOrdering(op)) return NO_FACTS;
    const facts = this.comparisonFacts(cond, eq || ne ? (eq ? 'eq' : 'ne') : 'order');
    return facts;
  }

  /** `x === 'a'`, `typeof x === 'number'`, `list.indexOf(x) !== -1`. */
  private comparisonFacts(cond: ts.BinaryExpression, kind: 'eq' | 'ne' | 'order'): Facts {
    const [subject, constant] = isConstantExpr(cond.right) ? [cond.left, cond.right] : isConstantExpr(cond.left) ? [cond.right, cond.left] : [undefined, undefined];
    if (!subject || !constant) return NO_FACTS;
    const indexOf = ts.isCallExpression(subject) && ts.isPropertyAccessExpression(subject.expression) && subject.expression.name.text === 'indexOf' ? subject.arguments[0] : undefined;
    if (indexOf) {
      const negative = nodeText(constant, this.mod.parsed.ast).replace(/\s/g, '') === '-1';
      const op = cond.operatorToken.kind;
      const found = (negative && (kind === 'ne' || op === ts.SyntaxKind.GreaterThanToken)) || (!negative && op === ts.SyntaxKind.GreaterThanEqualsToken);
      const facts = guardable(indexOf) ? [{ expr: indexOf }] : [];
      return found ? { whenTrue: facts, whenFalse: [] } : { whenTrue: [], whenFalse: facts };
    }
    if (kind === 'order') return NO_FACTS;
    const tested = ts.isTypeOfExpression(subject) ? (/number|boolean/.test(nodeText(constant, this.mod.parsed.ast)) ? subject.expression : undefined) : subject;
    if (!tested || !guardable(tested)) return NO_FACTS;
    const facts = [{ expr: tested }];
    return kind === 'eq' ? { whenTrue: facts, whenFalse: [] } : { whenTrue: [], whenFalse: facts };
  }

  /** Calls that, returning true, vouch for an argument. */
  private callGuard(call: ts.CallExpression, env: Env): Fact[] {
    const calleeExpr = call.expression;
    const arg0 = call.arguments[0];
    if (ts.isPropertyAccessExpression(calleeExpr)) {
      const name = calleeExpr.name.text;
      // An allow-list: a constant collection's includes/has.
      if (MEMBERSHIP_METHODS.has(name) && arg0 && guardable(arg0) && deepTaints(this.evalExpr(calleeExpr.expression, env)).length === 0) return [{ expr: arg0 }];
      if (name === 'test' && arg0 && guardable(arg0)) {
        const re = this.evalExpr(calleeExpr.expression, env);
        if (re.regex && isAnchoredRegex(re.regex)) return [{ expr: arg0 }];
      }
    }
    const calleeValue = this.evalExpr(calleeExpr, env);
    if (calleeValue.fn) return this.localGuard(calleeValue.fn, call);
    const callee = describeCallee(calleeValue, ts.isPropertyAccessExpression(calleeExpr) ? calleeExpr.name.text : undefined, '');
    const guard = findGuardRow('javascript', callee.module, callee.method);
    const tested = typeof guard?.checks === 'number' ? call.arguments[guard.checks] : undefined;
    return tested && guardable(tested) ? [{ expr: tested }] : [];
  }

  /** A local function is a guard for a parameter when every return tests it (`return true` tests nothing). */
  private localGuard(fn: FnRef, call: ts.CallExpression): Fact[] {
    const returns = returnExpressions(fn.node);
    if (returns.length === 0) return [];
    const facts: Fact[] = [];
    fn.node.parameters.forEach((p, i) => {
      const arg = call.arguments[i];
      if (!ts.isIdentifier(p.name) || !arg || !guardable(arg)) return;
      const name = p.name.text;
      const env = new Env(fn.module.env);
      const ev = new Evaluator(this.ctx, fn.module, false);
      const all = returns.every((r) => ev.guardFacts(r, env).whenTrue.some((f) => ts.isIdentifier(f.expr) && f.expr.text === name));
      if (all) facts.push({ expr: arg });
    });
    return facts;
  }

  /** Makes each tested expression clean in `target` (a branch scope, or the current one after an early exit). */
  private applyFacts(facts: Fact[], target: Env, lookupEnv: Env): void {
    for (const f of facts) {
      const root = ts.isIdentifier(f.expr) ? f.expr : rootIdentifier(f.expr);
      if (!root) continue;
      const current = lookupEnv.lookup(root.text);
      if (!current) continue;
      if (f.expr === root) {
        target.declare(root.text, CLEAN);
        continue;
      }
      const path = propertyPath(f.expr, root);
      if (path) target.declare(root.text, setPath(current, path, CLEAN));
    }
  }
}

// ---- pure helpers

/** `!x` and `(x)` decide on x: the condition's data is the operand's. */
function withoutNegation(e: ts.Expression): ts.Expression {
  let n = e;
  for (let i = 0; i < 8; i++) {
    if (ts.isParenthesizedExpression(n)) n = n.expression;
    else if (ts.isPrefixUnaryExpression(n) && n.operator === ts.SyntaxKind.ExclamationToken) n = n.operand;
    else break;
  }
  return n;
}

function isExported(node: ts.Node): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword) ?? false);
}

function propertyNameText(name: ts.PropertyName | ts.ModuleExportName): string | undefined {
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name) || ts.isPrivateIdentifier(name)) return name.text;
  if (ts.isComputedPropertyName(name) && ts.isStringLiteralLike(name.expression)) return name.expression.text;
  return undefined;
}

function isModuleExports(node: ts.Node, env: Env): boolean {
  if (ts.isIdentifier(node)) return node.text === 'exports' && !env.lookup('exports');
  return ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'module' && node.name.text === 'exports' && !env.lookup('module');
}

/** The variable a field read starts from (`request` of `request.headers`): what a binding to it is a part of. */
function partRoot(node: ts.Expression | undefined): string | undefined {
  return node && (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) ? rootIdentifier(node)?.text : undefined;
}

function rootIdentifier(node: ts.Expression): ts.Identifier | undefined {
  let n: ts.Expression = node;
  for (let i = 0; i < 12; i++) {
    if (ts.isIdentifier(n)) return n;
    if (ts.isPropertyAccessExpression(n) || ts.isElementAccessExpression(n) || ts.isNonNullExpression(n) || ts.isParenthesizedExpression(n)) n = (n as ts.PropertyAccessExpression).expression;
    else return undefined;
  }
  return undefined;
}

function propertyPath(expr: ts.Expression, root: ts.Identifier): string[] | undefined {
  const out: string[] = [];
  let n: ts.Expression = expr;
  for (let i = 0; i < 12 && n !== root; i++) {
    if (ts.isPropertyAccessExpression(n)) out.unshift(n.name.text);
    else if (ts.isElementAccessExpression(n) && ts.isStringLiteralLike(n.argumentExpression)) out.unshift(n.argumentExpression.text);
    else return undefined;
    n = n.expression;
  }
  return out;
}

function guardable(e: ts.Expression): boolean {
  return ts.isIdentifier(e) || ((ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e)) && rootIdentifier(e) !== undefined);
}

function isConstantExpr(e: ts.Expression): boolean {
  if (ts.isStringLiteralLike(e) || ts.isNumericLiteral(e)) return true;
  if (ts.isPrefixUnaryExpression(e) && ts.isNumericLiteral(e.operand)) return true;
  return e.kind === ts.SyntaxKind.TrueKeyword || e.kind === ts.SyntaxKind.FalseKeyword || e.kind === ts.SyntaxKind.NullKeyword;
}

/** `null`, `undefined` or `void 0`: comparing with it tests whether a value is there. */
function isNothing(e: ts.Expression): boolean {
  let n = e;
  while (ts.isParenthesizedExpression(n)) n = n.expression;
  return n.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(n) && n.text === 'undefined') || ts.isVoidExpression(n);
}

function isComparison(op: ts.SyntaxKind): boolean {
  return op === ts.SyntaxKind.EqualsEqualsEqualsToken || op === ts.SyntaxKind.EqualsEqualsToken || op === ts.SyntaxKind.ExclamationEqualsEqualsToken || op === ts.SyntaxKind.ExclamationEqualsToken || isOrdering(op);
}

function isOrdering(op: ts.SyntaxKind): boolean {
  return op === ts.SyntaxKind.GreaterThanToken || op === ts.SyntaxKind.GreaterThanEqualsToken || op === ts.SyntaxKind.LessThanToken || op === ts.SyntaxKind.LessThanEqualsToken;
}

function isCompoundAssignment(op: ts.SyntaxKind): boolean {
  return op === ts.SyntaxKind.PlusEqualsToken || op === ts.SyntaxKind.BarBarEqualsToken || op === ts.SyntaxKind.QuestionQuestionEqualsToken || op === ts.SyntaxKind.AmpersandAmpersandEqualsToken;
}

function alwaysExits(s: ts.Statement): boolean {
  if (ts.isReturnStatement(s) || ts.isThrowStatement(s) || ts.isContinueStatement(s) || ts.isBreakStatement(s)) return true;
  if (ts.isBlock(s)) return s.statements.some(alwaysExits);
  if (ts.isIfStatement(s)) return s.elseStatement !== undefined && alwaysExits(s.thenStatement) && alwaysExits(s.elseStatement);
  return false;
}

function returnExpressions(fn: ts.FunctionLikeDeclaration): ts.Expression[] {
  const body = fn.body;
  if (!body) return [];
  if (!ts.isBlock(body)) return [body];
  const out: ts.Expression[] = [];
  const visit = (n: ts.Node, depth: number): void => {
    if (depth > 50 || out.length > 20) return;
    if (ts.isFunctionLike(n)) return;
    if (ts.isReturnStatement(n)) out.push(n.expression ?? ts.factory.createTrue());
    ts.forEachChild(n, (c) => visit(c, depth + 1));
  };
  ts.forEachChild(body, (c) => visit(c, 0));
  return out;
}

/** An element of an array-like value: known elements joined with the taints read through `[*]`. */
/** `+` and templates give strings, whatever the data was. */

function elementOf(v: Value, loc?: SourceLocation): Value {
  const star = getProp(v, '*', loc);
  if (!v.props) return star;
  return join(star, joinAll([...v.props.values()]));
}

function mixedKeepProps(v: Value | undefined): Value {
  return v ?? CLEAN;
}

function jsonParse(arg: Value, loc: SourceLocation): Value {
  const taints: Taint[] = [];
  for (const t of deepTaints(arg)) {
    if (t.origin.kind === 'jwt-part') taints.push({ origin: { kind: 'jwt-unverified', loc, how: 'a token payload decoded by hand', path: [] }, steps: [...t.steps, { loc, message: 'token payload parsed without verifying the signature' }], sanitized: t.sanitized });
    else taints.push({ ...addStep(t, { loc, message: 'parsed as JSON' }), shape: 'parsed' });
  }
  return tainted(taints);
}

function isJwtDecode(c: Callee): boolean {
  if (c.module === 'jsonwebtoken' && c.method === 'decode') return true;
  return c.module === 'jwt-decode' && (c.method === '' || c.method === 'jwtDecode' || c.method === 'default');
}

/** Which module function a call is: `child_process` + `execSync`, `JSON` + `parse`, or an unknown receiver's method. */
/** What the options object of an injection says of `logEvent`. */
function logEventOption(options: Value | undefined): LogEventOption {
  if (options === undefined) return 'absent';
  if (options.props === undefined) return 'unknown';
  const set = options.props.get('logEvent');
  if (set === undefined) return 'absent';
  return set.text === 'true' ? 'on' : set.text === 'false' ? 'off' : 'unknown';
}

function describeCallee(v: Value, method: string | undefined, text: string): Callee {
  const api = v.api;
  if (!api) return { method: method ?? '', text };
  const members = api.members.filter((m) => m !== '()');
  if (api.module === 'global') {
    if (members.length <= 1) return { module: 'global', method: members[0] ?? '', text };
    return { module: members[0]!, method: members[members.length - 1]!, text };
  }
  return { module: api.module, method: members[members.length - 1] ?? '', text };
}

/**
 * `new URL(input, base)`: the origin is fixed when the input fixes it (`https://host/…`), or when
 * the input is a path (`/items/…`) resolved against a base that carries no data. An input that may
 * be absolute or start with `//` chooses the origin whatever the base.
 */
function urlObject(input: Value, base: Value | undefined): Value {
  const all = mixed([input, base]);
  const fixes = (v: Value): boolean => v.fixedBase === true || FIXED_ORIGIN.test(v.prefix ?? v.text ?? '');
  if (fixes(input) && !/^\/(?![/\\])/.test(input.prefix ?? input.text ?? '')) return { ...all, fixedBase: true };
  const relative = /^\/(?![/\\])/.test(input.prefix ?? input.text ?? '');
  if (relative && base !== undefined && (deepTaints(base).length === 0 || fixes(base))) return { ...all, fixedBase: true };
  return { ...all, ...(base === undefined && input.prefix !== undefined ? { prefix: input.prefix } : {}) };
}

function isAwsSdk(module: string): boolean {
  return module.startsWith('@aws-sdk/') || module === 'aws-sdk';
}

/** A method of a client the AWS SDK made (`new S3Client()`, `DynamoDBDocumentClient.from(…)`): an operation, whose answer is AWS's response. */
function isAwsSdkOperation(receiver: Value | undefined): boolean {
  return receiver?.api !== undefined && isAwsSdk(receiver.api.module) && isSdkClient(receiver.api.members);
}

/** What an SDK v2 operation returns (`secrets.getSecretValue(…)`), whose `.promise()` answers what the request does. */
function isAwsSdkRequest(receiver: Value): boolean {
  return receiver.api !== undefined && isAwsSdk(receiver.api.module) && receiver.api.members.at(-1) === '()' && !isSdkClient(receiver.api.members);
}


/**
 * `key.split('/').pop()` or `key.split('/').at(-1)`: the part after the last `/`, a file name that
 * cannot climb out of the folder it is joined to, as `path.basename(key)` gives.
 */
function isLastPathPart(node: ts.Node): boolean {
  if (!ts.isCallExpression(node) || !ts.isPropertyAccessExpression(node.expression)) return false;
  const method = node.expression.name.text;
  const last = method === 'pop' ? node.arguments.length === 0 : method === 'at' && node.arguments.length === 1 && isMinusOne(node.arguments[0]!);
  const split = node.expression.expression;
  if (!last || !ts.isCallExpression(split) || !ts.isPropertyAccessExpression(split.expression) || split.expression.name.text !== 'split') return false;
  const separator = split.arguments[0];
  return separator !== undefined && ts.isStringLiteralLike(separator) && separator.text === '/';
}

function isMinusOne(e: ts.Expression): boolean {
  return ts.isPrefixUnaryExpression(e) && e.operator === ts.SyntaxKind.MinusToken && ts.isNumericLiteral(e.operand) && e.operand.text === '1';
}
