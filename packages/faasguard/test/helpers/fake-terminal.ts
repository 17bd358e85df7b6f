/**
 * A clock moved by hand and a terminal that records what is written, for tests of the progress
 * display: no test waits for real time.
 */
import type { Clock } from '../../src/cli/clock.js';

export class FakeClock implements Clock {
  time = 0;
  private ticks: Array<() => void> = [];

  now(): number {
    return this.time;
  }

  every(_ms: number, tick: () => void): () => void {
    this.ticks.push(tick);
    return () => {
      this.ticks = this.ticks.filter((t) => t !== tick);
    };
  }

  /** Moves time on, then fires every running timer once. */
  advance(ms: number): void {
    this.time += ms;
    for (const tick of [...this.ticks]) tick();
  }

  get running(): number {
    return this.ticks.length;
  }
}

/** A stderr that says it is a terminal. */
export class FakeTerminal {
  readonly isTTY = true;
  text = '';

  constructor(readonly columns?: number) {}

  write(chunk: string): boolean {
    this.text += chunk;
    return true;
  }
}
