/**
 * Text built from pieces, in either language: a template literal, an f-string, a concatenation.
 * It keeps the constant text while every piece is constant, the constant prefix up to the first
 * piece of data, the taints of the data (now text), and whether constant pieces fix the origin of
 * a URL before any data (`https://api.example.com/${id}`).
 */
import { deepTaints, tainted } from './propagation.js';
import type { Taint, Value } from './types.js';

/** Whether constant text fixes a URL's scheme and host before any data comes into it. */
export class BaseTracker {
  constructor(
    private readonly closed = false,
    private readonly sawBase = false,
    readonly fixed = false,
  ) {}

  add(part: Value, isTainted: boolean): BaseTracker {
    if (this.closed || this.fixed) return this;
    if (part.fixedBase) return new BaseTracker(true, true, true);
    if (isTainted) return new BaseTracker(true, this.sawBase, false);
    if (part.text === undefined) return new BaseTracker(false, true, false);
    // `${scheme}://${host}` leaves the host open: the separator must come after the authority.
    return this.sawBase && /[/?#]/.test(part.text.replace(/^:?\/\//, '')) ? new BaseTracker(true, true, true) : this;
  }
}

function asText(taints: Taint[]): Taint[] {
  return taints.map((t) => (t.shape === 'text' ? t : { ...t, shape: 'text' }));
}

/**
 * `l + r`: the taints of both sides (their shape unchanged: lists add up too), the constant text
 * while both sides are constant, the prefix while the left side is.
 */
export function concat(l: Value, r: Value): Value {
  const lConst = l.text !== undefined && deepTaints(l).length === 0;
  const rConst = r.text !== undefined && deepTaints(r).length === 0;
  const fixedBase = new BaseTracker().add(l, deepTaints(l).length > 0).add(r, deepTaints(r).length > 0).fixed;
  return {
    ...tainted([...deepTaints(l), ...deepTaints(r)]),
    ...(lConst && rConst ? { text: l.text! + r.text! } : {}),
    prefix: lConst ? l.text! + (r.text ?? r.prefix ?? '') : l.prefix ?? '',
    ...(fixedBase ? { fixedBase: true } : {}),
  };
}

export class TextBuilder {
  private text: string | undefined = '';
  private prefix = '';
  private open = true;
  private base = new BaseTracker();
  private readonly taints: Taint[] = [];

  /** A constant piece written in the code. */
  literal(s: string): void {
    if (this.text !== undefined) this.text += s;
    if (this.open) this.prefix += s;
    this.base = this.base.add({ taints: [], text: s }, false);
  }

  /** An interpolated value: constant text extends the text, anything else ends it. */
  value(v: Value): void {
    const vt = deepTaints(v);
    this.taints.push(...vt);
    this.base = this.base.add(v, vt.length > 0);
    if (v.text !== undefined && vt.length === 0) {
      if (this.text !== undefined) this.text += v.text;
      if (this.open) this.prefix += v.text;
      return;
    }
    if (this.open) this.prefix += v.prefix ?? '';
    this.text = undefined;
    this.open = false;
  }

  result(): Value {
    return { ...tainted(asText(this.taints)), ...(this.text !== undefined ? { text: this.text } : {}), prefix: this.prefix, ...(this.base.fixed ? { fixedBase: true } : {}) };
  }
}
