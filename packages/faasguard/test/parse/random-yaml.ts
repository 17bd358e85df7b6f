/**
 * Random YAML documents made of what templates are made of: block maps and sequences, plain,
 * quoted and block scalars, flow collections, short-form tags, empty values, and comment and
 * blank lines at every indentation. Seeded, so a failing document can be made again.
 */
export { seededRandom } from '../../bench/generate.js';

const WORDS = ['Ref', 'name', 'x', 'arn:aws:s3:::b/*', 'yes', 'No', 'true', '1', '0x1F', '1.5', '~', 'null', '2001-12-14', '-7', '.inf', 'a b', 'it:s', 'http://x'];
const TAGS = ['!Ref', '!Sub', '!GetAtt', '!If', '!Join', '!Equals'];

export class RandomYaml {
  private readonly lines: string[] = [];

  constructor(private readonly random: () => number) {}

  document(): string {
    this.map(0, 3);
    return this.lines.join('\n') + (this.pick([true, false]) ? '\n' : '');
  }

  private pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.random() * xs.length)]!;
  }

  private chance(p: number): boolean {
    return this.random() < p;
  }

  private pad(n: number): string {
    return ' '.repeat(n);
  }

  private gap(indent: number): void {
    while (this.chance(0.25)) {
      if (this.chance(0.3)) this.lines.push(this.chance(0.5) ? '' : this.pad(Math.floor(this.random() * 6)));
      else this.lines.push(`${this.pad(Math.max(0, indent + this.pick([-4, -2, 0, 2, 4, 6])))}# ${this.pick(WORDS)}`);
    }
  }

  private map(indent: number, depth: number): void {
    const n = 1 + Math.floor(this.random() * 3);
    for (let i = 0; i < n; i++) {
      this.gap(indent);
      this.entry(`${this.pad(indent)}K${i}${this.pick(['', 'x', ' y'])}:`, indent, depth);
    }
  }

  private seq(indent: number, depth: number): void {
    const n = 1 + Math.floor(this.random() * 3);
    for (let i = 0; i < n; i++) {
      this.gap(indent);
      this.entry(`${this.pad(indent)}-`, indent, depth);
    }
  }

  /** A value after `head` (a key and its colon, or a sequence's dash). */
  private entry(head: string, indent: number, depth: number): void {
    const tag = this.chance(0.2) ? ` ${this.pick(TAGS)}` : '';
    const kind = depth <= 0 ? this.pick(['plain', 'quoted', 'block', 'flow']) : this.pick(['plain', 'quoted', 'block', 'flow', 'map', 'seq', 'map', 'empty']);
    const inner = indent + 2;
    switch (kind) {
      case 'plain':
        this.lines.push(`${head}${tag} ${this.pick(WORDS)}${this.chance(0.2) ? ` # ${this.pick(WORDS)}` : ''}`);
        if (this.chance(0.15)) this.lines.push(`${this.pad(inner)}continued`);
        return;
      case 'quoted':
        return this.quoted(`${head}${tag}`, inner);
      case 'block':
        return this.block(`${head}${tag}`, inner);
      case 'flow':
        this.lines.push(`${head}${tag} ${this.flow(2)}`);
        return;
      case 'empty':
        if (tag === '' && head.endsWith(':')) this.lines.push(`${head}${this.chance(0.3) ? ' # nothing' : ''}`);
        else this.lines.push(`${head}${tag} ${this.pick(WORDS)}`);
        return;
      case 'map':
        this.lines.push(`${head}${tag}`);
        return this.map(inner, depth - 1);
      default:
        this.lines.push(`${head}${tag}`);
        return this.seq(head.trimStart().startsWith('-') ? inner : this.pick([indent, inner]), depth - 1);
    }
  }

  private quoted(head: string, inner: number): void {
    if (this.chance(0.5)) {
      this.lines.push(`${head} ${this.pick(["'it''s'", '"a\\tb"', '"x: y"', "''", '"#no"'])}`);
      return;
    }
    const q = this.pick(["'", '"']);
    this.lines.push(`${head} ${q}first${this.pick(['', ' ', '  '])}`);
    const n = 1 + Math.floor(this.random() * 3);
    for (let i = 0; i < n; i++) this.lines.push(this.chance(0.2) ? this.pick(['', '  ']) : `${this.pad(inner + this.pick([0, 2]))}line${i}${this.pick(['', ' '])}`);
    this.lines.push(`${this.pad(inner)}end${q}`);
  }

  private block(head: string, inner: number): void {
    this.lines.push(`${head} ${this.pick(['|', '>', '|-', '>-'])}${this.chance(0.2) ? ' # header' : ''}`);
    const n = 1 + Math.floor(this.random() * 4);
    for (let i = 0; i < n; i++) {
      const r = this.random();
      if (r < 0.15 && i > 0) this.lines.push('');
      else if (r < 0.25 && i > 0) this.lines.push(this.pad(inner + 1));
      else if (r < 0.35) this.lines.push(`${this.pad(inner)}# in the text`);
      else this.lines.push(`${this.pad(inner + (r < 0.5 ? 2 : 0))}text ${i}${this.chance(0.1) ? ' ' : ''}`);
    }
  }

  private flow(depth: number): string {
    if (depth <= 0 || this.chance(0.4)) return this.pick(WORDS.filter((w) => !/[:,#]/.test(w)));
    if (this.chance(0.5)) return `[${Array.from({ length: Math.floor(this.random() * 3) }, () => this.flow(depth - 1)).join(', ')}]`;
    return `{${Array.from({ length: 1 + Math.floor(this.random() * 2) }, (_, i) => `f${i}: ${this.flow(depth - 1)}`).join(', ')}}`;
  }
}
