/**
 * What a scan writes to stderr: progress on a terminal only, verbose lines with --verbose, the
 * summary on a terminal or with --verbose, and nothing at all with --quiet.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ruleTimesText, ScanFeedback, type FeedbackOptions } from '../../src/cli/scan-feedback.js';
import { runCli } from '../helpers/run-cli.js';
import { FIXTURES } from '../helpers/paths.js';
import path from 'node:path';
import { FakeClock, FakeTerminal } from '../helpers/fake-terminal.js';

/** A stream that is not a terminal (a pipe or a file). */
class FakePipe {
  text = '';
  write(chunk: string): boolean {
    this.text += chunk;
    return true;
  }
}

/** Replays a small scan of 2 files and 1 template taking 1.5 s, then ends it. */
function replay(feedback: ScanFeedback, clock: FakeClock): void {
  feedback.onProgress({ kind: 'phase', phase: 'discover' });
  feedback.onProgress({ kind: 'file', phase: 'discover', file: 'template.yaml' });
  feedback.onProgress({ kind: 'file', phase: 'discover', file: 'src/index.js' });
  feedback.onPhase('discover', 12.4);
  feedback.onProgress({ kind: 'phase', phase: 'load' });
  feedback.onProgress({ kind: 'file', phase: 'load', file: 'template.yaml' });
  feedback.onPhase('load', 30);
  feedback.onProgress({ kind: 'phase', phase: 'analyses' });
  clock.advance(1500);
  feedback.onPhase('analyses', 1400);
  feedback.onProgress({ kind: 'phase', phase: 'rules' });
  feedback.onProgress({ kind: 'rule', done: 1, total: 1 });
  feedback.onPhase('rules', 57.6);
  feedback.end();
}

function run(stream: FakeTerminal | FakePipe, options: FeedbackOptions, reportOnStdout = false): string {
  const clock = new FakeClock();
  const feedback = new ScanFeedback(stream, options, clock);
  replay(feedback, clock);
  feedback.summarize([], 1, reportOnStdout);
  return stream.text;
}

const SUMMARY = 'faasguard: no findings in 1 template, 2 files, 1.5 s\n';
const VERBOSE = [
  'faasguard: found template.yaml',
  'faasguard: found src/index.js',
  'faasguard: discover: 2 files, 12 ms',
  'faasguard: loaded template.yaml',
  'faasguard: load: 1 template, 30 ms',
  'faasguard: analyses: 1400 ms',
  'faasguard: rules: 1 rule, 58 ms',
];

describe('ScanFeedback', () => {
  it('on a terminal: the progress line, erased at the end, then the summary', () => {
    assert.equal(run(new FakeTerminal(), { quiet: false, verbose: false }), '\rfaasguard: analysing code, dependencies and secrets (2 files, 1 template) 1.5 s\x1b[K\r\x1b[K' + SUMMARY);
  });

  it('on a terminal showing a pretty report: no summary, the report ends with one', () => {
    assert.ok(!run(new FakeTerminal(), { quiet: false, verbose: false }, true).includes('no findings'));
  });

  it('not on a terminal: the summary alone, for CI logs', () => {
    assert.equal(run(new FakePipe(), { quiet: false, verbose: false }), SUMMARY);
  });

  it('with --verbose: each file and phase, and the summary, even when not on a terminal', () => {
    assert.equal(run(new FakePipe(), { quiet: false, verbose: true }), [...VERBOSE, ''].join('\n') + SUMMARY);
  });

  it('with --quiet: nothing, even on a terminal', () => {
    assert.equal(run(new FakeTerminal(), { quiet: true, verbose: false }), '');
  });

  it('erases the progress line before a verbose line', () => {
    const text = run(new FakeTerminal(), { quiet: false, verbose: true });
    assert.ok(text.includes('1.5 s\x1b[K\r\x1b[Kfaasguard: analyses: 1400 ms\n'), text);
  });

  it('with --rule-times: each rule\'s time, slowest first, with the total', () => {
    const pipe = new FakePipe();
    const feedback = new ScanFeedback(pipe, { quiet: false, verbose: false, ruleTimes: true }, new FakeClock());
    feedback.onRuleTime('quick-rule', 0.25);
    feedback.onRuleTime('slow', 12.5);
    feedback.end();
    assert.equal(pipe.text, 'faasguard: rule times (2 rules, 13 ms):\n  slow            12.5 ms\n  quick-rule       0.3 ms\n');
    assert.match(ruleTimesText([]), /no rule ran \(the result of the last scan was reused/);
  });

  it('scan --rule-times lists every rule that ran, on stderr, and leaves the report alone', async () => {
    const dir = path.join(FIXTURES, 'terraform', 'url-app-sam');
    const timed = await runCli('scan', dir, '--rule-times', '--no-cache', '--format', 'json', '--exit-zero');
    const plain = await runCli('scan', dir, '--no-cache', '--format', 'json', '--exit-zero');
    const rows = timed.err.split('\n').filter((l) => /^ {2}[a-z0-9-]+ +[0-9.]+ ms$/.test(l));
    assert.match(timed.err, /faasguard: rule times \(\d+ rules, \d+ ms\):/);
    assert.ok(rows.length > 50, timed.err);
    const ms = rows.map((l) => Number(/([0-9.]+) ms$/.exec(l)![1]));
    assert.deepEqual(ms, [...ms].sort((a, b) => b - a));
    assert.deepEqual(JSON.parse(timed.out).findings, JSON.parse(plain.out).findings);
  });
});
