/**
 * One Lambda function: its handler's summary instantiated with the event, then every hit
 * classified against the sources of the function's triggers. The result is what the rules read:
 * flows from a source to a sink with each step, responses that echo input or errors, decisions on
 * unverified tokens or client-supplied identity, and logs of the event.
 */
import type { Trigger } from '../../model/app-model.js';
import type { SourceLocation } from '../../model/location.js';
import { isApiTrigger } from '../../model/trigger-kind.js';
import { Evaluator, type AnalysisContext } from './evaluate.js';
import { jsHandlerIgnoresEvent } from './handler-ignores-event.js';
import { declaredParameterCount } from './declared-parameters.js';
import { requestObject } from './request-object.js';
import { AUTHZ_NAME } from './walker-core.js';
import { credentialAt, isCredentialField } from './credential-fields.js';
import { exportValue, loadModule } from './module-env.js';
import { deepTaints } from './propagation.js';
import { FIXED_ORIGIN } from './sinks.js';
import { SINK_NAMES } from './models/sink-names.js';
import { classifyPath, isAwsFilled, SOURCES, WHOLE_EVENT, type SourcePattern } from './sources.js';
import { getSummary, instantiate, paramMarker, type SinkHit } from './summaries.js';
import { CLEAN, type FnRef, type SinkFamily, type Step, type Taint, type Value } from './types.js';
import { pushTo } from '../../util/multimap.js';
import { ts } from '../parse-js.js';
import { nodeText } from '../ts-positions.js';
import { injectionLogging, POWERTOOLS_LOGGER, wholeEventLogHit, type EventLogging, type LogEventOption } from './event-logging-middleware.js';

export const BUDGET_PER_HANDLER = 200_000;

/** Where attacker data enters: its label and the triggers that bring it. */
export interface FlowSource {
  label: string;
  /** Triggers whose events carry it; empty when the function has none the model knows */
  triggers: Trigger[];
  loc: SourceLocation;
  /** Position of the source among the flow's steps (an access after some steps of the event) */
  stepIndex?: number;
}

export interface Flow {
  family: SinkFamily;
  /** `call`: the call whose argument `loc` is, when they differ (matched with the SDK calls of the code) */
  sink: { loc: SourceLocation; what: string; call?: SourceLocation };
  source: FlowSource;
  /** Source first, sink last */
  steps: Step[];
}

/** Tainted data in a decision, a log call or a response, with how it got there. */
export interface CodeEvent {
  loc: SourceLocation;
  what: string;
  steps: Step[];
  /** For client-supplied fields: the field and where it comes from */
  field?: string;
  source?: FlowSource;
  /**
   * For a returned error: the response's status code is the caught error's own `code` and nothing
   * else (`statusCode: err.code`), so an HTTP caller gets it only when that code is a number.
   */
  statusFromErrorCode?: boolean;
  /** For a log: written only when the function's environment sets this variable to `true` */
  whenVariable?: string;
  /** For a secret's log: the value was decrypted with a KMS key, not read from a secret store */
  decrypted?: boolean;
  /** For a credential compared with text written in the code: that text, each value once, in the order compared */
  constants?: string[];
}

export interface FunctionAnalysis {
  handler: { file: string; exportName: string; loc: SourceLocation };
  flows: Flow[];
  verboseErrors: CodeEvent[];
  unverifiedTokenDecisions: CodeEvent[];
  clientAuthorization: CodeEvent[];
  /** A credential the caller sends compared with text written in the code (`field`, `constants`) */
  fixedCredentials: CodeEvent[];
  eventLogs: CodeEvent[];
  /** A secret's value the code read (`field`: the call that read it) written to the logs */
  secretLogs: CodeEvent[];
  /** True when the effort bound stopped the analysis early */
  exhausted: boolean;
  /** The handler never reads its event (see `handler-ignores-event.ts`); absent when it may */
  ignoresEvent?: true;
  /**
   * How many parameters the exported handler declares, as JavaScript's `Function.length` counts
   * them (those before the first with a default or a rest): the Node.js 24 runtime refuses a handler
   * of three or more as callback-style. Absent when the export is a wrapper's result (`middy(fn)`).
   */
  declaredParameters?: number;
}

const TOKEN_HEADER = /^(header|kid|alg|typ|jku|x5u)$/;
const REDIRECT_CODES = new Set(['301', '302', '303', '307', '308']);

/** Analyzes the handler `exportName` of `file`; a string is the reason it cannot be. */
export function analyzeFunction(ctx: AnalysisContext, file: string, exportName: string, triggers: readonly Trigger[]): FunctionAnalysis | string {
  ctx.budget = BUDGET_PER_HANDLER;
  ctx.loadedForHandler = 0;
  ctx.exhausted = false;
  const mod = loadModule(ctx, file);
  if (!mod) return `${file} cannot be read`;
  const value = exportValue(mod, exportName);
  if (!value) return `${file} does not export ${exportName}`;
  if (!value.fn) {
    const routes = expressRoutes(ctx, file);
    if (routes.length > 0) return analyzeExpressApp(ctx, file, exportName, routes, triggers);
    return `${file} exports ${exportName}, but not as a function the analysis can follow`;
  }
  const fn = value.fn;
  const summary = getSummary(ctx, fn);
  const event: Value = { taints: [{ origin: { kind: 'event', path: [] }, steps: [], sanitized: new Set() }] };
  const inst = instantiate(summary, [event, CLEAN, paramMarker(2)], undefined);
  const responses = [...inst.returns, ...inst.paramCalls.filter((c) => c.index === 2).map((c) => c.args[1] ?? CLEAN)];
  const wrapperLogs = [...(value.logsEvent ? [value.logsEvent] : []), ...decoratorLogging(fn)].map(wholeEventLogHit);
  const analysis = classify({ file, exportName, loc: mod.parsed.locOf(fn.node) }, [...wrapperLogs, ...inst.hits], responses, triggers, ctx.exhausted);
  const declared = value.wraps ? {} : { declaredParameters: declaredParameterCount(fn.node) };
  return { ...analysis, ...declared, ...(jsHandlerIgnoresEvent(fn.node) ? { ignoresEvent: true as const } : {}) };
}

/** Powertools' `@logger.injectLambdaContext({ logEvent: true })` on a handler method (see `event-logging-middleware.ts`). */
function decoratorLogging(fn: FnRef): EventLogging[] {
  if (!ts.canHaveDecorators(fn.node) || !fn.module.parsed.text.includes(POWERTOOLS_LOGGER)) return [];
  const out: EventLogging[] = [];
  for (const d of ts.getDecorators(fn.node) ?? []) {
    const call = ts.isCallExpression(d.expression) ? d.expression : undefined;
    const callee = call?.expression ?? d.expression;
    if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== 'injectLambdaContext') continue;
    const logging = injectionLogging(call ? literalLogEvent(call.arguments[0]) : 'absent', fn.module.parsed.locOf(d.expression), nodeText(callee, fn.module.parsed.ast), '{ logEvent: true }');
    if (logging) out.push(logging);
  }
  return out;
}

/** What an options object written in the call says of `logEvent`. */
function literalLogEvent(options: ts.Expression | undefined): LogEventOption {
  if (options === undefined) return 'absent';
  if (!ts.isObjectLiteralExpression(options)) return 'unknown';
  if (options.properties.some((p) => !ts.isPropertyAssignment(p))) return 'unknown';
  const set = options.properties.find((p) => p.name !== undefined && ts.isIdentifier(p.name) && p.name.text === 'logEvent') as ts.PropertyAssignment | undefined;
  if (!set) return 'absent';
  return set.initializer.kind === ts.SyntaxKind.TrueKeyword ? 'on' : set.initializer.kind === ts.SyntaxKind.FalseKeyword ? 'off' : 'unknown';
}

/** Route handlers registered by the handler's module and the modules it imports (an Express app behind serverless-http). */
function expressRoutes(ctx: AnalysisContext, file: string): FnRef[] {
  const out: FnRef[] = [];
  for (const f of ctx.files.reachableFrom(file)) out.push(...(ctx.modules.get(f)?.expressRoutes ?? []));
  return out.slice(0, 200);
}

/** Each route handler runs with the request (its fields are the API event's) and a response whose `send`/`redirect` are sinks. */
function analyzeExpressApp(ctx: AnalysisContext, file: string, exportName: string, routes: FnRef[], triggers: readonly Trigger[]): FunctionAnalysis {
  const event: Value = { taints: [{ origin: { kind: 'event', path: [] }, steps: [], sanitized: new Set() }] };
  const req = requestObject(event);
  const res: Value = { taints: [], api: { module: 'express-response', members: [] } };
  const hits: SinkHit[] = [];
  for (const route of routes) {
    const ev = new Evaluator(ctx, route.module, false);
    ev.runWith(route, [req, res, CLEAN]);
    hits.push(...ev.hits);
  }
  const first = routes[0]!;
  return classify({ file, exportName, loc: first.module.parsed.locOf(first.node) }, hits, [], triggers, ctx.exhausted);
}

/** What the hits and responses of a handler analyzed with the event mean, given its triggers (any language). */
export function classify(handler: FunctionAnalysis['handler'], hits: SinkHit[], responses: Value[], triggers: readonly Trigger[], exhausted: boolean): FunctionAnalysis {
  const sources = new Sources(triggers, handler.loc);
  return {
    handler,
    flows: dedupeFlows([...sinkFlows(hits, sources), ...responseFlows(responses, sources)]),
    verboseErrors: verboseErrors(responses),
    unverifiedTokenDecisions: tokenDecisions(hits),
    clientAuthorization: withoutTokenDecisions(clientAuthorization(hits, sources), tokenDecisions(hits)),
    fixedCredentials: fixedCredentials(hits, sources),
    eventLogs: eventLogs(hits, sources),
    secretLogs: secretLogs(hits),
    exhausted,
  };
}

/** The sources of a function's triggers, and the triggers behind each. */
class Sources {
  readonly patterns: SourcePattern[] = [];
  private readonly triggersOf = new Map<SourcePattern, Trigger[]>();

  constructor(triggers: readonly Trigger[], readonly handlerLoc: SourceLocation) {
    for (const t of triggers) {
      for (const p of SOURCES[t.kind] ?? []) {
        if (!this.triggersOf.has(p)) this.patterns.push(p);
        pushTo(this.triggersOf, p, t);
      }
    }
    if (triggers.length === 0) this.patterns.push(...WHOLE_EVENT);
    this.outsiderWritesRoot = triggers.some((t) => (SOURCES[t.kind] ?? []).some((p) => p.path.length === 0));
  }

  /** Whether a trigger's whole event is an outsider's, AWS-filled fields included */
  private readonly outsiderWritesRoot: boolean;

  /**
   * Whether the data can be an object where it arrives: parsed from JSON, or taken from a source
   * whose structure the sender chooses; not text built by the code or delivered as text.
   */
  canBeObject(t: Taint): boolean {
    if (t.shape === 'text') return false;
    if (t.shape === 'parsed' || t.origin.kind !== 'event') return true;
    const c = classifyPath(t.origin.path, this.patterns);
    if (c.kind !== 'source' || c.pattern.textBelow === undefined) return true;
    return t.origin.path.length < c.pattern.path.length + c.pattern.textBelow;
  }

  /** The source a tainted value comes from, when it is attacker data (or holds some, with `containers`). */
  of(t: Taint, containers: boolean): FlowSource | undefined {
    if (t.origin.kind !== 'event') return undefined;
    const path = t.origin.path;
    if (isAwsFilled(path) && !this.outsiderWritesRoot) return undefined;
    const c = classifyPath(path, this.patterns);
    if (c.kind === 'none' || (c.kind === 'container' && !containers)) return undefined;
    if (c.kind === 'container') {
      const loc = path[path.length - 1]?.loc ?? this.handlerLoc;
      return { label: path.length === 0 ? 'the whole event' : `event data (${pathText(path)})`, triggers: [...this.triggersOf.values()].flat(), loc };
    }
    const seg = c.at >= 0 ? path[c.at] : undefined;
    const loc = seg?.loc ?? path[path.length - 1]?.loc ?? this.handlerLoc;
    return { label: c.pattern.label, triggers: this.triggersOf.get(c.pattern) ?? [], loc, ...(seg?.at !== undefined ? { stepIndex: seg.at } : {}) };
  }
}

function pathText(path: ReadonlyArray<{ name: string }>): string {
  return ['event', ...path.map((s) => (s.name === '*' ? '[]' : s.name))].join('.').replace(/\.\[\]/g, '[]');
}

function sinkFlows(hits: SinkHit[], sources: Sources): Flow[] {
  const out: Flow[] = [];
  for (const h of hits) {
    if (h.kind === 'log' || h.kind === 'decision' || h.kind === 'fixed-credential') continue;
    if (h.kind === 'log-forging' && !forgesLines(h.taint)) continue;
    const source = sources.of(h.taint, true);
    if (!source) continue;
    if (h.needsObject && !sources.canBeObject(h.taint)) continue;
    out.push(flowOf(h.kind, h.loc, h.what, source, h.taint, h.call));
  }
  return out;
}

/**
 * A whole event or one of its objects (`event`, `event.headers`, a parsed body) is logged escaped,
 * as JSON or a dict's repr: only a field two levels down or more is text the sender wrote as-is.
 * HTTP headers and cookies cannot hold a line break (the protocol forbids it), so they forge no line.
 */
function forgesLines(t: Taint): boolean {
  if (t.origin.kind !== 'event' || t.origin.path.length < 2) return false;
  return !NO_LINE_BREAKS.has(t.origin.path[0]!.name);
}

const NO_LINE_BREAKS: ReadonlySet<string> = new Set(['headers', 'multiValueHeaders', 'cookies']);

function flowOf(family: SinkFamily, loc: SourceLocation, what: string, source: FlowSource, t: Taint, call?: SourceLocation): Flow {
  const path = t.origin.kind === 'event' ? pathText(t.origin.path) : '';
  const first: Step = { loc: source.loc, message: `${source.label} enters (${path})` };
  const last: Step = { loc, message: `reaches ${what} (${SINK_NAMES[family]})` };
  const at = Math.min(source.stepIndex ?? 0, t.steps.length);
  return { family, sink: { loc, what, ...(call ? { call } : {}) }, source, steps: [...t.steps.slice(0, at), first, ...t.steps.slice(at), last] };
}

/** HTML built from input (XSS) and redirects to input, in what the handler returns. */
function responseFlows(responses: Value[], sources: Sources): Flow[] {
  const out: Flow[] = [];
  for (const r of responses) {
    const body = r.props?.get('body');
    const headers = r.props?.get('headers');
    const loc = r.loc;
    if (!loc) continue;
    const contentType = headers?.props?.get('Content-Type') ?? headers?.props?.get('content-type');
    const html = /html/i.test(contentType?.text ?? '') || /<[a-z!/]/i.test(body?.prefix ?? body?.text ?? '');
    if (body && html) out.push(...responseHits('xss', body, r.propLocs?.get('body') ?? loc, 'the HTML response body', sources));
    const status = r.props?.get('statusCode')?.text;
    const location = headers?.props?.get('Location') ?? headers?.props?.get('location');
    const locationAt = headers?.propLocs?.get('Location') ?? headers?.propLocs?.get('location') ?? loc;
    if (location && status && REDIRECT_CODES.has(status) && !location.fixedBase && !FIXED_ORIGIN.test(location.prefix ?? location.text ?? '')) out.push(...responseHits('redirect', location, locationAt, 'the Location header of a redirect', sources));
  }
  return out;
}

function responseHits(family: SinkFamily, v: Value, loc: SourceLocation, what: string, sources: Sources): Flow[] {
  const out: Flow[] = [];
  for (const t of deepTaints(v)) {
    if (t.sanitized.has(family)) continue;
    const source = sources.of(t, true);
    if (source) out.push(flowOf(family, loc, what, source, t));
  }
  return out;
}

function verboseErrors(responses: Value[]): CodeEvent[] {
  const out: CodeEvent[] = [];
  for (const r of responses) {
    const body = r.props?.get('body');
    if (!body || !r.loc) continue;
    const error = deepTaints(body).find((t) => t.origin.kind === 'error');
    if (!error) continue;
    const statusFromErrorCode = isErrorCode(r.props?.get('statusCode'));
    out.push({ loc: r.loc, what: 'the response body', steps: [...error.steps, { loc: r.loc, message: 'returned in the response body' }], ...(statusFromErrorCode ? { statusFromErrorCode } : {}) });
  }
  return dedupeEvents(out);
}

/** A value that is exactly a caught error's `code` property (see the `error` origin's `field`). */
function isErrorCode(v: Value | undefined): boolean {
  return v !== undefined && v.text === undefined && v.taints.length > 0 && v.taints.every((t) => t.origin.kind === 'error' && t.origin.field === 'code');
}

function tokenDecisions(hits: SinkHit[]): CodeEvent[] {
  const out: CodeEvent[] = [];
  for (const h of hits) {
    if (h.kind !== 'decision' || h.taint.origin.kind !== 'jwt-unverified') continue;
    // Reading the header (`kid`, `alg`) to pick the verification key, or testing that decoding worked, decides nothing about the caller.
    const path = h.taint.origin.path;
    if (path.length === 0 || path.some((s) => TOKEN_HEADER.test(s.name))) continue;
    out.push({ loc: h.loc, what: h.what, steps: [...h.taint.steps, { loc: h.loc, message: `decides: ${h.what}` }] });
  }
  return dedupeEvents(out);
}

function clientAuthorization(hits: SinkHit[], sources: Sources): CodeEvent[] {
  const out: CodeEvent[] = [];
  for (const h of hits) {
    if (h.kind !== 'decision' || h.taint.origin.kind !== 'event') continue;
    const source = sources.of(h.taint, false);
    const field = h.taint.origin.path.find((s) => AUTHZ_NAME.test(s.name))?.name;
    if (!source || !field || source.triggers.every((t) => !isClientFacing(t))) continue;
    if (h.presence && !presenceDecides(h.taint.origin.path)) continue;
    const flow = flowOf('command', h.loc, h.what, source, h.taint);
    out.push({ loc: h.loc, what: h.what, field, source, steps: [...flow.steps.slice(0, -1), { loc: h.loc, message: `decides: ${h.what}` }] });
  }
  return dedupeEvents(out);
}

/**
 * Credentials of the event compared with text written in the code, one event per field: where it
 * is first compared, and every text it is compared with (`case 'allow': … case 'deny':`).
 */
function fixedCredentials(hits: SinkHit[], sources: Sources): CodeEvent[] {
  const byField = new Map<string, CodeEvent & { constants: string[] }>();
  for (const h of hits) {
    if (h.kind !== 'fixed-credential' || h.constant === undefined || h.taint.origin.kind !== 'event') continue;
    const field = credentialAt(h.taint.origin.path);
    const source = sources.of(h.taint, false);
    if (!field || !source) continue;
    const seen = byField.get(field);
    if (seen) {
      if (!seen.constants.includes(h.constant)) seen.constants.push(h.constant);
      continue;
    }
    const flow = flowOf('command', h.loc, h.what, source, h.taint);
    byField.set(field, { loc: h.loc, what: h.what, field, source, constants: [h.constant], steps: [...flow.steps.slice(0, -1), { loc: h.loc, message: 'compared with text written in the code' }] });
  }
  return [...byField.values()];
}

/** Flags whose mere truth grants something (`if (body.isAdmin)`). */
const AUTHZ_FLAG = /^(is_?admin|admin|is_?owner|is_?staff|is_?superuser|superuser)$/i;
/** Collections whose members grant something (`if (body.permissions.write)`). */
const AUTHZ_COLLECTION = /^(roles|groups?|permissions?|scopes?|privileges?)$/i;

/**
 * Whether testing that a value is there decides on authorization: for a flag, or a member of a
 * permission collection. An identity (`userId`, `tenantId`) tested for presence is a validation,
 * and a lookup keyed by it (`if (!result.Item)`, `if item is None`) is a not-found check.
 */
function presenceDecides(path: ReadonlyArray<{ name: string }>): boolean {
  return path.some((s, i) => AUTHZ_FLAG.test(s.name) || (AUTHZ_COLLECTION.test(s.name) && i < path.length - 1));
}

/** Requests come from clients; other events from services (whose fields are not a caller's claim). */
function isClientFacing(t: Trigger): boolean {
  return isApiTrigger(t.kind) || t.kind === 'function-url' || t.kind === 'alb' || t.kind === 'alexa' || t.kind === 'unknown';
}

function eventLogs(hits: SinkHit[], sources: Sources): CodeEvent[] {
  const out: CodeEvent[] = [];
  for (const h of hits) {
    if (h.kind !== 'log' || h.taint.origin.kind !== 'event') continue;
    const path = h.taint.origin.path;
    const whole = path.length === 0;
    // All the headers at once carry the Authorization header and cookies too.
    const last = path[path.length - 1]?.name;
    const secret = path.find((s) => isCredentialField(s.name))?.name ?? (last === 'headers' || last === 'multiValueHeaders' ? last : undefined);
    if (!whole && !secret) continue;
    const source = sources.of(h.taint, true);
    out.push({
      loc: h.loc,
      what: h.what,
      ...(h.whenVariable ? { whenVariable: h.whenVariable } : {}),
      ...(secret ? { field: secret } : {}),
      ...(source ? { source } : {}),
      steps: [...h.taint.steps, { loc: h.loc, message: whole ? `the whole event is logged by ${h.what}` : `${secret} is logged by ${h.what}` }],
    });
  }
  return dedupeEvents(out);
}

/** Logs of a secret's value the code read: the read, the steps after it and the log call. */
function secretLogs(hits: SinkHit[]): CodeEvent[] {
  const out: CodeEvent[] = [];
  for (const h of hits) {
    if (h.kind !== 'log' || h.taint.origin.kind !== 'secret') continue;
    out.push({
      loc: h.loc,
      what: h.what,
      field: h.taint.origin.how,
      ...(h.whenVariable ? { whenVariable: h.whenVariable } : {}),
      ...(h.taint.origin.decrypted ? { decrypted: true } : {}),
      steps: [...h.taint.steps, { loc: h.loc, message: `the secret is logged by ${h.what}` }],
    });
  }
  return dedupeEvents(out);
}

/** A decision on an unverified token is reported as such, not again as a client-supplied field. */
function withoutTokenDecisions(events: CodeEvent[], tokens: CodeEvent[]): CodeEvent[] {
  const at = new Set(tokens.map((t) => `${t.loc.file}:${t.loc.line}:${t.loc.column}`));
  return events.filter((e) => !at.has(`${e.loc.file}:${e.loc.line}:${e.loc.column}`));
}

function dedupeFlows(flows: Flow[]): Flow[] {
  const seen = new Set<string>();
  return flows.filter((f) => {
    const k = `${f.family}|${f.sink.loc.file}:${f.sink.loc.line}|${f.source.label}|${f.source.triggers.map((t) => t.id).join(',')}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function dedupeEvents(events: CodeEvent[]): CodeEvent[] {
  const seen = new Set<string>();
  return events.filter((e) => {
    const k = `${e.loc.file}:${e.loc.line}:${e.loc.column}|${e.field ?? ''}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

