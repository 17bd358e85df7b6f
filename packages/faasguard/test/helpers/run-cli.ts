/**
 * Runs the command line in-process and captures what it writes, or as a child process.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { Writable } from 'node:stream';
import type { Clock } from '../../src/cli/clock.js';
import { main } from '../../src/cli/main.js';
import { PACKAGE_ROOT } from './paths.js';

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

/** What a child process of the command line did. */
export interface CliProcess {
  code: number | null;
  out: string;
  err: string;
}

/**
 * Runs `bin/faasguard.js` as CI does: a child process in `cwd`, no terminal, no colours, no scan cache.
 */
export function runCliProcess(cwd: string, ...argv: string[]): CliProcess {
  const bin = path.join(PACKAGE_ROOT, 'bin', 'faasguard.js');
  const r = spawnSync(process.execPath, [bin, ...argv, '--no-cache'], { cwd, encoding: 'utf8', timeout: 120_000, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
