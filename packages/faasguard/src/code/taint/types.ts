/**
 * The abstract values the taint analysis computes: what an expression may contain (taints), what
 * it is (an object with known properties, a function, a module API, a constant string).
 */
import type { SourceLocation } from '../../model/location.js';
import type { ts } from '../parse-js.js';
import type { ModuleRecord } from './module-env.js';
import type { EventLogging } from './event-logging-middleware.js';

/** One place on a flow, in the order the data travels. */
export interface Step {
  loc: SourceLocation;
  message: string;
}

/** A property access on the way from a root value: `Records`, `*` (any element), `body` … */
export interface PathSegment {
  name: string;
  /** Where the access is written (for the source step) */
  loc?: SourceLocation;
  /** How many steps the data had taken when this access happened (where the source step goes) */
  at?: number;
}

/**
 * Where tainted data comes from.
 * - `param`: the n-th parameter of the function being summarized (substituted at each call);
 *   the handler's first parameter becomes the event.
 * - `event`: the Lambda event, with the access path from its root.
 * - `error`: a caught exception (verbose errors).
 * - `jwt-split`, `jwt-part`, `jwt-unverified`: a token split on dots, its payload part, and the
 *   payload decoded without verifying the signature.
 * - `secret`: what a call that reads a secret answered (`secret-reads.ts`), with the access path
 *   from that answer.
 */
export type Origin =
  | { kind: 'param'; index: number; path: PathSegment[] }
  | { kind: 'event'; path: PathSegment[] }
  /**
   * A caught error. `field`: the one property of the error this value is (`err.code`), set by the
   * first property read; `null` once the value may be something else too (`err.code || 500`), and
   * from the start where it is not followed (Python, whose `urllib` errors carry an HTTP status as
   * their `code`).
   */
  | { kind: 'error'; loc: SourceLocation; field?: string | null }
  | { kind: 'jwt-split' | 'jwt-part' }
  | { kind: 'jwt-unverified'; loc: SourceLocation; how: string; path: PathSegment[] }
  /**
   * `inWhole`: written somewhere into a dict or object this value holds, where no field read can be
   * said to reach it; `decrypted`: a plaintext decrypted with a KMS key, not read from a secret store
   */
  | { kind: 'secret'; loc: SourceLocation; how: string; answer: 'response' | 'value'; path: PathSegment[]; inWhole?: true; decrypted?: true };

/** Sink families; each is one rule (see `rules/injection/families.ts`). */
export type SinkFamily =
  | 'command' | 'code' | 'deserialization' | 'sql' | 'nosql' | 'path' | 'ssrf' | 'xss' | 'redirect' | 'regex'
  | 'xxe' | 'ldap' | 'xpath' | 'log-forging' | 'email' | 'recipient';

export interface Taint {
  origin: Origin;
  steps: Step[];
  /** Families this data was made safe for on its way (path.basename protects paths only …) */
  sanitized: ReadonlySet<SinkFamily>;
  /**
   * What the data last became: `parsed` from JSON (its structure is the sender's: an object can
   * carry query operators), `text` built into a string (concatenation, template, `String()`).
   */
  shape?: 'text' | 'parsed';
  /**
   * The data went into an AWS SDK call whose response this is: AWS writes the response itself, so
   * the values sent (a token, the whole event) are not in it, though what the service made of them
   * (a translation, a stored item read back) may be. Injections still follow it; logging does not.
   */
  throughService?: true;
}

/** A function value: its declaration and the environment it closes over. */
export interface FnRef {
  node: ts.FunctionLikeDeclaration;
  module: ModuleRecord;
  /** Defining environment; undefined for functions declared at module level */
  closure?: Env;
  name: string;
}

/** A module API reached through `require`/`import` or a global: `child_process` + [`execSync`]. */
export interface ApiRef {
  module: string;
  members: string[];
}

export interface Value {
  taints: Taint[];
  /** Known properties (object literals, arrays by index, module exports) */
  props?: Map<string, Value>;
  fn?: FnRef;
  /** `fn` is a function given to a call whose result stands for it (`middy(handler)`, `handler.bind(…)`), not this value itself */
  wraps?: true;
  api?: ApiRef;
  /** The whole value when it is a constant string (or number, as text) */
  text?: string;
  /** Constant text before the first non-constant part (`https://host/` of a URL template) */
  prefix?: string;
  /** A clean base and then a path separator come before any tainted part (`${process.env.API}/items/${id}`): the data cannot choose the origin */
  fixedBase?: boolean;
  /** Where an object literal was written */
  loc?: SourceLocation;
  /** Where each property of an object literal was written: a finding on `body` or `FilterExpression` points at its line */
  propLocs?: ReadonlyMap<string, SourceLocation>;
  /** A regular expression literal's source, for allow-list checks with `.test` */
  regex?: string;
  /** A class: `props` are its methods, and `new` gives an object with them */
  isClass?: boolean;
  /**
   * Constant keyword arguments a library object was made with (`etree.XMLParser(resolve_entities=True)`):
   * the conditions of sink rows read them where the object is used.
   */
  options?: ReadonlyMap<string, string>;
  /** A Python function (see `python-evaluate.ts`) */
  pyFn?: PyFnRef;
  /**
   * Powertools' logger middleware that logs the whole event (`injectLambdaContext(logger, { logEvent: true })`),
   * carried along the middy chain that uses it to the handler it wraps (see `event-logging-middleware.ts`)
   */
  logsEvent?: EventLogging;
}

/** A Python function value: its definition and the scope it closes over. */
export interface PyFnRef {
  node: unknown;
  module: unknown;
  closure: Env;
  name: string;
  /** The object (or class) a method was read from: bound to its first parameter */
  self?: Value;
}

export const CLEAN: Value = Object.freeze({ taints: [] }) as Value;

/**
 * Variables of one scope, chained to the enclosing one. A branch's scope (`branch`: an `if` arm, a
 * `catch`) keeps what the branch assigns to the variables outside it: within the branch the last
 * assignment holds, and when it ends (`endBranch`) each such variable holds what it held before or
 * what the branch left, either of them.
 */
export class Env {
  private readonly vars = new Map<string, Value>();
  /** Outer variables this branch assigned, held here until the branch ends */
  private readonly shadowed?: Set<string>;
  constructor(readonly parent?: Env, branch = false) {
    if (branch) this.shadowed = new Set();
  }

  lookup(name: string): Value | undefined {
    for (let e: Env | undefined = this; e; e = e.parent) {
      const v = e.vars.get(name);
      if (v) return v;
    }
    return undefined;
  }

  /** The variables of this scope only (a module's top level becomes its attributes). */
  own(): Map<string, Value> {
    return new Map(this.vars);
  }

  declare(name: string, value: Value): void {
    this.vars.set(name, value);
  }

  /**
   * Assignment to an existing variable (or a new global-ish one here when none exists). `weak` keeps
   * what it held too; a branch between here and the variable's scope holds the value until it ends.
   */
  assign(name: string, value: Value, weak: boolean, join: (a: Value, b: Value) => Value): void {
    let branch: Env | undefined;
    for (let e: Env | undefined = this; e; e = e.parent) {
      const old = e.vars.get(name);
      if (!old) {
        branch ??= e.shadowed ? e : undefined;
        continue;
      }
      if (e.shadowed?.has(name)) e.vars.set(name, value);
      else if (branch) branch.hold(name, value);
      else e.vars.set(name, weak ? join(old, value) : value);
      return;
    }
    this.vars.set(name, value);
  }

  private hold(name: string, value: Value): void {
    this.vars.set(name, value);
    this.shadowed!.add(name);
  }

  /** The branch is over: each outer variable it assigned holds what it held before, or what the branch left. */
  endBranch(join: (a: Value, b: Value) => Value): void {
    if (!this.parent) return;
    for (const name of this.shadowed ?? []) {
      const left = this.vars.get(name)!;
      const before = this.parent.lookup(name);
      this.parent.assign(name, before ? join(before, left) : left, false, join);
    }
  }
}
