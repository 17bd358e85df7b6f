/**
 * What the JavaScript and Python walkers share, whatever the syntax: the hits and returns they
 * collect, the depth of conditional code (assignments there are weak), steps of a flow, and the
 * rule for recording a hit. A walker only translates its syntax into these.
 */
import type { SourceLocation } from '../../model/location.js';
import { credentialAt } from './credential-fields.js';
import { deepTaints, join, MAX_HITS } from './propagation.js';
import { holdsSecretValue, somewhereIn } from './secret-reads.js';
import type { SinkHit } from './summaries.js';
import type { Env, SinkFamily, Step, Value } from './types.js';

/** Field names that carry authorization when a client supplies them. */
export const AUTHZ_NAME = /^(is_?admin|admin|role|roles|user_?id|userid|owner(_?id)?|groups?|permissions?|scopes?|is_?owner|tenant_?id|account_?id|x-user-id|x-role|x-admin|x-tenant-id|is_?staff|is_?superuser|superuser|privileges?|access_?level)$/i;

/**
 * Log messages about authentication and access: the lines an investigation reads, where a forged
 * line misleads (see the `log-injection` rule).
 */
const SECURITY_LOG = /\b(log(?:ged)?[ _-]?in|logon|sign(?:ed)?[ _-]?in|auth|authenticat\w*|authori[sz]\w*|unauthori[sz]ed|passw(?:or)?d|denied|forbidden|permission|security|suspicious|blocked|rejected|(?:invalid|expired|bad|wrong|failed|missing|forged)\s+(?:token|credentials?|signature|api[ _-]?key))\b/i;

/**
 * Text a credential is compared with that tests its form or its absence, not its value: an
 * authentication scheme (`scheme === 'Bearer'`) or a word for nothing (`token === 'undefined'`).
 */
const NOT_A_CREDENTIAL_VALUE = /^(bearer|basic|digest|token|negotiate|aws4-hmac-sha256|undefined|null|none|nil|true|false)$/i;

/** Longest code text a step shows */
const MAX_STEP_TEXT = 90;

export abstract class TaintWalker<N> {
  readonly hits: SinkHit[] = [];
  readonly returns: Value[] = [];
  /** Depth of conditional code: assignments there are weak */
  protected branch = 0;
  /** Nesting of the expression being evaluated */
  protected depth = 0;
  /** Variables bound to a part of another (`headers = request["headers"]`): the same dict or object, by name */
  private readonly partOf = new Map<string, string>();

  protected abstract loc(n: N): SourceLocation;
  /** The node's source text */
  protected abstract source(n: N): string;

  /** `name` is now bound to a part of the variable `whole` (a field read of it), or to something else (undefined). */
  protected notePartOf(name: string, whole: string | undefined): void {
    if (whole !== undefined && whole !== name) this.partOf.set(name, whole);
    else this.partOf.delete(name);
  }

  /**
   * A secret written into a part of a dict or object (`headers[name] = secret` after
   * `headers = request["headers"]`) is in the whole too: logging the whole logs it, though no field
   * read of the whole is known to reach it. Only secrets are carried up: attacker data is followed
   * by its own paths, which a whole would blur.
   */
  protected secretIntoWholes(part: string, value: Value, env: Env): void {
    const secrets = somewhereIn(deepTaints(value).filter((t) => t.origin.kind === 'secret' && holdsSecretValue(t.origin)));
    let whole = this.partOf.get(part);
    for (let i = 0; secrets.length > 0 && whole !== undefined && i < 4; i++) {
      const held = env.lookup(whole);
      if (!held) return;
      // First, so that the whole's many event fields do not push it out of the bounded list.
      env.assign(whole, { ...held, taints: [...secrets, ...held.taints] }, false, join);
      whole = this.partOf.get(whole);
    }
  }

  protected text(n: N): string {
    const t = this.source(n).replace(/\s+/g, ' ');
    return t.length > MAX_STEP_TEXT ? `${t.slice(0, MAX_STEP_TEXT - 1)}…` : t;
  }

  protected step(n: N, message?: string): Step {
    return { loc: this.loc(n), message: message ?? this.text(n) };
  }

  protected inBranch(f: () => void): void {
    this.branch++;
    try {
      f();
    } finally {
      this.branch--;
    }
  }

  /**
   * Event data (or a parameter's) reaching a sink of `kind` in the call `n`, unless a sanitizer for
   * that kind cleaned it. `at`: where the data is written, when not the call itself (the argument,
   * keyword or property that carries it).
   */
  protected hit(kind: SinkFamily | 'log' | 'decision', v: Value, n: N, what: string, needsObject = false, at?: SourceLocation): void {
    for (const t of deepTaints(v)) {
      // A secret's value matters in the logs alone (`secret-logged`); where it goes otherwise is the code's own business.
      const secret = t.origin.kind === 'secret' && kind === 'log' && holdsSecretValue(t.origin);
      if (t.origin.kind !== 'param' && t.origin.kind !== 'event' && !secret) continue;
      if (kind !== 'log' && kind !== 'decision' && t.sanitized.has(kind)) continue;
      if (kind === 'log' && t.throughService) continue;
      if (this.hits.length < MAX_HITS) this.hits.push({ kind, loc: at ?? this.loc(n), what, ...(at ? { call: this.loc(n) } : {}), taint: t, ...(needsObject ? { needsObject } : {}) });
    }
  }

  /**
   * A logging call: every argument is logged (the `event-logged` rule), and in a security message
   * the arguments `written` as text may forge lines (see `forgesLines` in `analyze-function.ts`).
   */
  protected logged(args: readonly Value[], n: N, what: string, written: readonly Value[] = args): void {
    for (const a of args) this.hit('log', a, n, what);
    if (!SECURITY_LOG.test(this.source(n))) return;
    for (const a of written) this.hit('log-forging', a, n, what);
  }

  /**
   * A credential of the event (`authorizationToken`, a `token` header; a parameter, whose path the
   * call that passes the event names) compared with `other`, when `other` is text written in the
   * code: whoever reads the code holds the credential it accepts.
   */
  protected comparedWithText(v: Value, other: Value, n: N, what = this.text(n)): void {
    const constant = other.text;
    if (constant === undefined || deepTaints(other).length > 0 || constant.trim() === '' || NOT_A_CREDENTIAL_VALUE.test(constant.trim())) return;
    for (const t of deepTaints(v)) {
      const o = t.origin;
      if (o.kind !== 'event' && o.kind !== 'param') continue;
      if (!(o.kind === 'param' && o.path.length === 0) && !credentialAt(o.path)) continue;
      if (this.hits.length < MAX_HITS) this.hits.push({ kind: 'fixed-credential', loc: this.loc(n), what, taint: t, constant });
    }
  }

  /** A credential looked up in a collection written in the code (`['allow', 'admin'].includes(token)`, `token in ("a", "b")`): compared with each text. */
  protected comparedWithEach(v: Value, collection: Value, n: N): void {
    for (const member of collection.props?.values() ?? []) this.comparedWithText(v, member, n);
  }

  /**
   * A branch decided by client data that names an authorization field (`isAdmin`, `role`,
   * `tenantId`...) or by a token decoded without verification; `presence`: only whether it is there.
   */
  protected decision(v: Value, n: N, presence = false): void {
    for (const t of deepTaints(v)) {
      const o = t.origin;
      const relevant = o.kind === 'jwt-unverified' || ((o.kind === 'event' || o.kind === 'param') && o.path.some((s) => AUTHZ_NAME.test(s.name)));
      if (relevant && this.hits.length < MAX_HITS) this.hits.push({ kind: 'decision', loc: this.loc(n), what: this.text(n), taint: t, ...(presence ? { presence } : {}) });
    }
  }
}
