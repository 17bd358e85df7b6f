/**
 * The progress display of a scan on a terminal: one line on stderr, redrawn in place, naming the
 * phase, the files and templates so far, the rules run, and the time. It appears only once the
 * scan has run for a second (a short scan prints nothing) and is erased before anything else is
 * written. The rules run synchronously and block timers, so the line is also redrawn as events
 * arrive, not only on the timer.
 */
import type { ScanPhase } from '../scan/scan.js';
import type { ScanProgress } from '../scan/scan-progress.js';
import type { Clock } from './clock.js';
import { seconds } from './duration.js';
import { plural } from './plural.js';

/** What the display writes to: a terminal (its width, when known, keeps the line from wrapping). */
export interface TerminalStream {
  write(text: string): unknown;
  columns?: number;
}

/** A scan that ends sooner shows no progress at all. */
export const SHOW_AFTER_MS = 1000;
/** Events come much faster than a person reads; the line is redrawn at most this often. */
const REDRAW_MS = 100;
const TICK_MS = 250;

const PHASE_TEXT: Readonly<Record<ScanPhase, string>> = {
  discover: 'finding files',
  load: 'loading templates',
  analyses: 'analysing code, dependencies and secrets',
  rules: 'running rules',
};

export class ProgressLine {
  private phase: ScanPhase | undefined;
  private files = 0;
  private templates = 0;
  private rules: { done: number; total: number } | undefined;
  private readonly started: number;
  private lastDraw = Number.NEGATIVE_INFINITY;
  private visible = false;
  private stopped = false;
  private readonly stopTimer: () => void;

  constructor(
    private readonly stream: TerminalStream,
    private readonly clock: Clock,
  ) {
    this.started = clock.now();
    this.stopTimer = clock.every(TICK_MS, () => this.draw());
  }

  update(event: ScanProgress): void {
    if (event.kind === 'phase') this.phase = event.phase;
    else if (event.kind === 'rule') this.rules = { done: event.done, total: event.total };
    else if (event.kind === 'cached') return;
    else if (event.phase === 'discover') this.files += 1;
    else this.templates += 1;
    this.draw();
  }

  /** Erases the line (before other output); the next event or tick draws it again. */
  clear(): void {
    if (!this.visible) return;
    this.stream.write('\r\x1b[K');
    this.visible = false;
  }

  /** The scan is over: no more drawing. */
  stop(): void {
    this.stopped = true;
    this.stopTimer();
    this.clear();
  }

  /** The text of the line, as it would be drawn now. */
  text(): string {
    const phase = this.phase === undefined ? 'starting' : PHASE_TEXT[this.phase];
    const rules = this.phase === 'rules' && this.rules ? ` ${this.rules.done}/${this.rules.total}` : '';
    const counts = `${plural(this.files, 'file')}, ${plural(this.templates, 'template')}`;
    return `faasguard: ${phase}${rules} (${counts}) ${seconds(this.clock.now() - this.started)}`;
  }

  private draw(): void {
    const now = this.clock.now();
    if (this.stopped || now - this.started < SHOW_AFTER_MS || now - this.lastDraw < REDRAW_MS) return;
    this.lastDraw = now;
    this.stream.write(`\r${fit(this.text(), this.stream.columns)}\x1b[K`);
    this.visible = true;
  }
}

/** A line as wide as the terminal would wrap, and a wrapped line cannot be redrawn in place. */
function fit(text: string, columns: number | undefined): string {
  if (columns === undefined || columns <= 1 || text.length < columns) return text;
  return `${text.slice(0, columns - 2)}…`;
}
