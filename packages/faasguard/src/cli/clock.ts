import { nowMs } from '../util/milliseconds.js';

/** Time and a repeating timer, injectable so that tests of the terminal display never wait. */
export interface Clock {
  /** Milliseconds, from any fixed origin */
  now(): number;
  /** Calls `tick` every `ms` until the returned function is called */
  every(ms: number, tick: () => void): () => void;
}

export const SYSTEM_CLOCK: Clock = {
  now: nowMs,
  every: (ms, tick) => {
    const timer = setInterval(tick, ms);
    // The display must never keep the process alive.
    timer.unref();
    return () => clearInterval(timer);
  },
};
