/**
 * The progress line: nothing during the first second, then the phase, counts and time, redrawn in
 * place and erased before other output. Time is a fake clock moved by the test.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ProgressLine, SHOW_AFTER_MS } from '../../src/cli/progress-line.js';
import { FakeClock, FakeTerminal } from '../helpers/fake-terminal.js';

function started(columns?: number): { clock: FakeClock; terminal: FakeTerminal; line: ProgressLine } {
  const clock = new FakeClock();
  const terminal = new FakeTerminal(columns);
  return { clock, terminal, line: new ProgressLine(terminal, clock) };
}

describe('ProgressLine', () => {
  it('draws nothing while the scan is shorter than a second', () => {
    const { clock, terminal, line } = started();
    line.update({ kind: 'phase', phase: 'discover' });
    clock.advance(SHOW_AFTER_MS - 1);
    line.update({ kind: 'file', phase: 'discover', file: 'template.yaml' });
    line.stop();
    assert.equal(terminal.text, '');
  });

  it('draws the phase and counts once the second has passed, on the timer', () => {
    const { clock, terminal, line } = started();
    line.update({ kind: 'phase', phase: 'discover' });
    line.update({ kind: 'file', phase: 'discover', file: 'a.yaml' });
    line.update({ kind: 'file', phase: 'discover', file: 'b.js' });
    line.update({ kind: 'phase', phase: 'load' });
    clock.advance(1200);
    assert.equal(terminal.text, '\rfaasguard: loading templates (2 files, 0 templates) 1.2 s\x1b[K');
  });

  it('counts rules, and redraws on events at most every 100 ms', () => {
    const { clock, terminal, line } = started();
    line.update({ kind: 'file', phase: 'load', file: 'template.yaml' });
    line.update({ kind: 'phase', phase: 'rules' });
    clock.time = 2000;
    line.update({ kind: 'rule', done: 1, total: 60 });
    clock.time = 2050;
    line.update({ kind: 'rule', done: 2, total: 60 });
    clock.time = 2100;
    line.update({ kind: 'rule', done: 3, total: 60 });
    assert.deepEqual(terminal.text.split('\r').slice(1), [
      'faasguard: running rules 1/60 (0 files, 1 template) 2.0 s\x1b[K',
      'faasguard: running rules 3/60 (0 files, 1 template) 2.1 s\x1b[K',
    ]);
  });

  it('erases the line when cleared and when stopped, and stops its timer', () => {
    const { clock, terminal, line } = started();
    line.update({ kind: 'phase', phase: 'analyses' });
    clock.advance(1500);
    line.clear();
    assert.ok(terminal.text.endsWith('\x1b[K\r\x1b[K'));
    line.clear();
    assert.ok(!terminal.text.endsWith('\r\x1b[K\r\x1b[K'), 'an erased line is not erased again');
    clock.advance(300);
    line.stop();
    assert.ok(terminal.text.endsWith('\r\x1b[K'));
    assert.equal(clock.running, 0);
    const before = terminal.text;
    clock.advance(1000);
    line.update({ kind: 'phase', phase: 'rules' });
    assert.equal(clock.running, 0);
    assert.equal(terminal.text, before);
  });

  it('cuts the line to the terminal width, so that it never wraps', () => {
    const { clock, terminal, line } = started(30);
    line.update({ kind: 'phase', phase: 'analyses' });
    clock.advance(1000);
    assert.equal(terminal.text, '\rfaasguard: analysing code, d…\x1b[K');
  });
});
