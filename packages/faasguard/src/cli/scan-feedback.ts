/**
 * What a scan writes to stderr besides errors: the progress line (on a terminal only), with
 * `--verbose` each file found and loaded and each phase's time, and a closing summary line.
 * `--quiet` silences all of it. Standard output carries the report alone, which may be JSON or SARIF.
 */
import type { Finding } from '../findings/finding.js';
import type { ScanPhase } from '../scan/scan.js';
import type { ScanProgress } from '../scan/scan-progress.js';
import type { Clock } from './clock.js';
import { plural } from './plural.js';
import { ProgressLine, type TerminalStream } from './progress-line.js';
import { summaryLine } from './summary-line.js';
import { escapeLine } from '../report/terminal-text.js';
import { compareText } from '../util/compare-text.js';

export interface FeedbackOptions {
  quiet: boolean;
  verbose: boolean;
  /** `--rule-times`: each rule's time, slowest first, when the scan is over */
  ruleTimes?: boolean;
}

/** A stream that may be a terminal. */
export type FeedbackStream = TerminalStream & { isTTY?: boolean };

export class ScanFeedback {
  private readonly progress: ProgressLine | undefined;
  private readonly started: number;
  private files = 0;
  private templates = 0;
  private rules = 0;
  private readonly ruleMs: Array<readonly [string, number]> = [];

  constructor(
    private readonly err: FeedbackStream,
    private readonly options: FeedbackOptions,
    private readonly clock: Clock,
  ) {
    this.started = clock.now();
    if (!options.quiet && err.isTTY === true) this.progress = new ProgressLine(err, clock);
  }

  /** For `ScanOptions.onProgress`. */
  readonly onProgress = (event: ScanProgress): void => {
    this.count(event);
    this.progress?.update(event);
    if (event.kind === 'file') this.note(`${event.phase === 'discover' ? 'found' : 'loaded'} ${event.file}`);
    if (event.kind === 'cached') this.note('no file changed since the last scan: its result is reused (--no-cache scans again)');
  };

  /** For `ScanOptions.onPhase`. */
  readonly onPhase = (phase: ScanPhase, ms: number): void => {
    const counted = this.countOf(phase);
    this.note(`${phase}: ${counted === undefined ? '' : `${counted}, `}${Math.round(ms)} ms`);
  };

  /** For `ScanOptions.onRuleTime`. */
  readonly onRuleTime = (ruleId: string, ms: number): void => {
    this.ruleMs.push([ruleId, ms]);
  };

  /** A line shown with `--verbose` only; file names in it may hold anything, so it is escaped to one line. */
  note(text: string): void {
    if (!this.options.verbose || this.options.quiet) return;
    this.progress?.clear();
    this.err.write(`faasguard: ${escapeLine(text)}\n`);
  }

  /** The scan is over: the progress line is erased, before the report is written; then the rules' times if asked. */
  end(): void {
    this.progress?.stop();
    if (this.options.ruleTimes && !this.options.quiet) this.err.write(ruleTimesText(this.ruleMs));
  }

  /**
   * The closing line, terminal or not, so that a CI log says what a report written to a file holds.
   * A pretty report on standard output already ends with the counts, so there it shows with `--verbose` only.
   */
  summarize(findings: readonly Finding[], templates: number, reportOnStdout: boolean, inputProblems = 0): void {
    if (this.options.quiet) return;
    if (!this.options.verbose && reportOnStdout) return;
    this.err.write(summaryLine({ findings, inputProblems, templates, files: this.files, ms: this.clock.now() - this.started }));
  }

  /** What a phase went through, for its verbose line. */
  private countOf(phase: ScanPhase): string | undefined {
    if (phase === 'discover') return plural(this.files, 'file');
    if (phase === 'load') return plural(this.templates, 'template');
    if (phase === 'rules') return plural(this.rules, 'rule');
    return undefined;
  }

  private count(event: ScanProgress): void {
    if (event.kind === 'rule') this.rules = event.done;
    else if (event.kind === 'file' && event.phase === 'discover') this.files += 1;
    else if (event.kind === 'file') this.templates += 1;
  }
}

/** `--rule-times`: one line per rule, slowest first, then their total; or why there is none. */
export function ruleTimesText(times: ReadonlyArray<readonly [string, number]>): string {
  if (times.length === 0) return 'faasguard: rule times: no rule ran (the result of the last scan was reused; --no-cache runs them)\n';
  const total = times.reduce((sum, [, ms]) => sum + ms, 0);
  const width = Math.max(...times.map(([id]) => id.length));
  const rows = [...times].sort((a, b) => b[1] - a[1] || compareText(a[0], b[0])).map(([id, ms]) => `  ${id.padEnd(width)}  ${ms.toFixed(1).padStart(8)} ms`);
  return `faasguard: rule times (${times.length} rules, ${total.toFixed(0)} ms):\n${rows.join('\n')}\n`;
}
