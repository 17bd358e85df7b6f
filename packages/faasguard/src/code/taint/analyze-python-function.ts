/**
 * One Python Lambda function: its handler evaluated with the event (and a clean context), then
 * classified like a JavaScript one (`classify` in `analyze-function.ts`). A handler that is a web
 * application behind an adapter (`handler = Mangum(app)` for FastAPI and other ASGI apps,
 * `handler = make_lambda_handler(app)` of apig-wsgi for Flask) is analyzed route by route, with
 * the request built from the event.
 */
import type { Trigger } from '../../model/app-model.js';
import type { PyNode } from '../parse-python.js';
import { BUDGET_PER_HANDLER, classify, type FunctionAnalysis } from './analyze-function.js';
import { pyHandlerIgnoresEvent } from './handler-ignores-event.js';
import { getProp } from './propagation.js';
import { requestObject } from './request-object.js';
import { boundMethod, loadPyModule, PyEvaluator, type PyContext, type PyModule } from './python-evaluate.js';
import type { SinkHit } from './summaries.js';
import { CLEAN, type PyFnRef, type Value } from './types.js';
import { injectionLogging, wholeEventLogHit, type LogEventOption } from './event-logging-middleware.js';

/** `webApp`: `functionName` names a web application served by a plugin's handler (serverless-wsgi). */
export function analyzePythonFunction(ctx: PyContext, file: string, functionName: string, triggers: readonly Trigger[], webApp = false): FunctionAnalysis | string {
  ctx.budget = BUDGET_PER_HANDLER;
  ctx.exhausted = false;
  const mod = loadPyModule(ctx, file);
  if (!mod) return `${file} cannot be read or parsed`;
  const value = mod.env.lookup(functionName);
  if (webApp || isWebAdapter(value)) return analyzeWebApp(ctx, mod, file, functionName, triggers);
  // An object whose class defines `__call__` is a handler too: `handler = Handler()`.
  const fn = value?.pyFn ?? (value?.props?.get('__call__') && boundMethod(value, value.props.get('__call__')!).pyFn);
  if (!fn) return `${file} does not define ${functionName} as a function the analysis can follow`;
  const ev = new PyEvaluator(ctx, fn.module as PyModule);
  ev.evalFunction(fn, [eventValue(), CLEAN], new Map());
  // `return awsgi.response(app, event, context)`: the handler hands the event to the app's routes.
  const hits = [...eventLoggingDecorators(fn.node as PyNode, fn.module as PyModule), ...(WSGI_CALL.test(mod.parsed.root.text) ? [...ev.hits, ...routeHits(ctx, mod)] : ev.hits)];
  const loc = mod.parsed.locOf(fn.node as PyNode);
  const analysis = classify({ file, exportName: functionName, loc }, hits, ev.returns, triggers, ctx.exhausted);
  return pyHandlerIgnoresEvent(fn.node as PyNode, fn.self !== undefined) ? { ...analysis, ignoresEvent: true } : analysis;
}

/** Powertools' `@logger.inject_lambda_context(log_event=True)` (see `event-logging-middleware.ts`). */
function eventLoggingDecorators(def: PyNode, mod: PyModule): SinkHit[] {
  const decorated = def.parent?.type === 'decorated_definition' ? def.parent : undefined;
  const out: SinkHit[] = [];
  for (const d of decorated?.namedChildren ?? []) {
    const expr = d?.type === 'decorator' ? d.namedChildren[0] : undefined;
    const call = expr?.type === 'call' ? expr : undefined;
    const callee = call ? call.childForFieldName('function') : expr;
    if (!expr || callee?.type !== 'attribute' || callee.childForFieldName('attribute')?.text !== 'inject_lambda_context') continue;
    const logging = injectionLogging(call ? logEventKeyword(call) : 'absent', mod.parsed.locOf(expr), callee.text, 'log_event=True');
    if (logging) out.push(wholeEventLogHit(logging));
  }
  return out;
}

/** What a call's `log_event=` keyword says; `**options` may set it. */
function logEventKeyword(call: PyNode): LogEventOption {
  const args = call.childForFieldName('arguments')?.namedChildren ?? [];
  const set = args.find((a) => a?.type === 'keyword_argument' && a.childForFieldName('name')?.text === 'log_event');
  if (!set) return args.some((a) => a?.type === 'dictionary_splat') ? 'unknown' : 'absent';
  const value = set.childForFieldName('value')?.text;
  return value === 'True' ? 'on' : value === 'False' ? 'off' : 'unknown';
}

/** Handlers that pass the event to a WSGI app: aws-wsgi, serverless-wsgi. */
const WSGI_CALL = /\b(?:awsgi|aws_wsgi|serverless_wsgi)\.(?:response|handle_request)\s*\(/;

function eventValue(): Value {
  return { taints: [{ origin: { kind: 'event', path: [] }, steps: [], sanitized: new Set() }] };
}

/** Adapters that turn an API Gateway event into a web framework's request. */
const ADAPTERS: ReadonlyArray<{ module: string; member: string }> = [
  { module: 'mangum', member: 'Mangum' },
  { module: 'apig_wsgi', member: 'make_lambda_handler' },
];

function isWebAdapter(v: Value | undefined): boolean {
  const api = v?.api;
  return api !== undefined && ADAPTERS.some((a) => api.module === a.module && api.members.includes(a.member));
}

/** `@app.route(...)`, `@app.get(...)`, `@router.post(...)`, `@bp.route(...)`: a function that answers requests. */
const ROUTE_DECORATOR = /^@\s*[\w.]+\.(route|get|post|put|patch|delete|head|options|api_route|websocket)\s*\(/;

/**
 * Every route of the module's application runs with the request: Flask's global `request` and each
 * parameter (FastAPI's path, query and body parameters, a `Request`) carry event data.
 */
function analyzeWebApp(ctx: PyContext, mod: PyModule, file: string, functionName: string, triggers: readonly Trigger[]): FunctionAnalysis {
  const hits = routeHits(ctx, mod);
  const handler = mod.parsed.root.namedChildren.find((s) => s?.type === 'expression_statement' && s.text.startsWith(`${functionName} `));
  return classify({ file, exportName: functionName, loc: mod.parsed.locOf(handler ?? mod.parsed.root) }, hits, [], triggers, ctx.exhausted);
}

/** The hits of every route of the module's application, run with the request. */
function routeHits(ctx: PyContext, mod: PyModule): SinkHit[] {
  const event = eventValue();
  const request = requestObject(event);
  const flaskRequest = mod.env.lookup('request')?.api?.module === 'flask';
  const flask = [...mod.env.own().values()].some((v) => v.api?.module === 'flask');
  const saved = mod.env.lookup('request');
  if (flaskRequest) mod.env.declare('request', request);
  const hits: SinkHit[] = [];
  try {
    for (const route of routes(mod)) {
      const ev = new PyEvaluator(ctx, mod);
      ev.htmlResponses = flask;
      const params = (route.fn.node as PyNode).childForFieldName('parameters')?.namedChildren ?? [];
      ev.evalFunction(route.fn, params.map((p) => (p ? paramValue(p.text, route.decorator, event, request) : CLEAN)), new Map());
      hits.push(...ev.hits);
    }
  } finally {
    if (flaskRequest && saved) mod.env.declare('request', saved);
  }
  return hits;
}

/**
 * What a route parameter carries: the request itself (`request: Request`), nothing the caller
 * sends (a dependency, the response), a path parameter named in the route (`/users/{id}`, Flask's
 * `/users/<id>`), a query parameter (a plain type), or the body (a model, `*args`).
 */
function paramValue(param: string, decorator: string, event: Value, request: Value): Value {
  if (/\bRequest\b/.test(param)) return request;
  // Injected by the framework, not sent by the caller: `db: Session = Depends(get_db)`, `response: Response`.
  if (/\bDepends\s*\(|:\s*(Response|BackgroundTasks)\b/.test(param)) return CLEAN;
  const [name = '', annotation = ''] = param.split('=')[0]!.split(':').map((s) => s.trim());
  if (!/^\w+$/.test(name)) return getProp(event, 'body');
  if (new RegExp(`[{<](?:\\w+:)?${name}[}>]`).test(decorator)) return getProp(getProp(event, 'pathParameters'), name);
  if (annotation === '' || /^(str|int|float|bool)$|^Optional\[|\|\s*None$/.test(annotation)) return getProp(getProp(event, 'queryStringParameters'), name);
  return getProp(event, 'body');
}

interface Route {
  fn: PyFnRef;
  /** The route decorator's text (`@app.get('/users/{id}')`) */
  decorator: string;
}

/** The module's top-level functions decorated as routes. */
function routes(mod: PyModule): Route[] {
  const out: Route[] = [];
  for (const s of mod.parsed.root.namedChildren) {
    if (s?.type !== 'decorated_definition') continue;
    const decorator = s.namedChildren.find((d) => d?.type === 'decorator' && ROUTE_DECORATOR.test(d.text));
    const name = s.childForFieldName('definition')?.childForFieldName('name')?.text;
    const fn = decorator && name ? mod.env.lookup(name)?.pyFn : undefined;
    if (fn) out.push({ fn, decorator: decorator!.text });
  }
  return out;
}
