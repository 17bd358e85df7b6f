/**
 * Runs the command line in-process and captures what it writes.
 */
import { Writable } from 'node:stream';
import type { Clock } from '../../src/cli/clock.js';
import { main } from '../../src/cli/main.js';

class Capture extends Writable {
  text = '';

  constructor(readonly isTTY = false) {
    super();
  }

  override _write(chunk: Buffer, _enc: string, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

export async function runCli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  return runCliOn({}, ...argv);
}

/** Where the command writes, and its clock: `errIsTty`/`outIsTty` make stderr/stdout say they are terminals. */
export interface Terminal {
  errIsTty?: boolean;
  outIsTty?: boolean;
  clock?: Clock;
}

export async function runCliOn(terminal: Terminal, ...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out = new Capture(terminal.outIsTty === true);
  const err = new Capture(terminal.errIsTty === true);
  const code = await main(argv, out, err, terminal.clock);
  return { code, out: out.text, err: err.text };
}
