/**
 * Command-line conventions, as a user meets them (child process, no terminal, real exit codes):
 * `--help`/`-h` for every command, unknown flags in one line with the nearest known flag, short
 * flags, `--severity`, several `--format`/`--output` pairs in one run, and colours by
 * `--no-color`, `FORCE_COLOR` and `NO_COLOR`.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { baselineCommand } from '../../src/cli/commands/baseline.js';
import { dbCommand } from '../../src/cli/commands/db.js';
import { docsCommand } from '../../src/cli/commands/docs.js';
import { explainCommand } from '../../src/cli/commands/explain.js';
import { initCommand } from '../../src/cli/commands/init.js';
import { mapCommand } from '../../src/cli/commands/map.js';
import { policyCommand } from '../../src/cli/commands/policy.js';
import { rulesCommand } from '../../src/cli/commands/rules.js';
import { scanCommand } from '../../src/cli/commands/scan.js';
import { GOOD_TEMPLATE } from '../helpers/hostile-templates.js';
import { runCliProcess } from '../helpers/run-cli.js';
import { removeProject, tempRepo } from '../helpers/temp-project.js';
import { validateSarifSchema } from '../report/validators.js';

const COMMANDS = [scanCommand, baselineCommand, mapCommand, policyCommand, initCommand, rulesCommand, explainCommand, docsCommand, dbCommand];
const ANSI = /\x1b\[/;

let dir = '';
let open = '';
before(() => {
  // GOOD_TEMPLATE gives 2 high, 4 medium and 5 low findings.
  dir = tempRepo({ 'open/template.yaml': GOOD_TEMPLATE });
  open = path.join(dir, 'open');
});
after(() => removeProject(dir));

function run(...args: string[]) {
  return runCliProcess([...args, ...(args[0] === 'scan' ? ['--no-cache'] : [])]);
}

function severities(json: string): string[] {
  return (JSON.parse(json) as { findings: Array<{ severity: string }> }).findings.map((f) => f.severity);
}

describe('--help for every command', () => {
  for (const command of COMMANDS) {
    it(`faasguard ${command.name} --help and -h describe its own flags, on stdout, exit 0`, () => {
      for (const flag of ['--help', '-h']) {
        const { code, out, err } = run(command.name, flag);
        assert.equal(code, 0, err);
        assert.equal(err, '');
        assert.match(out, new RegExp(`^Usage: faasguard ${command.name}\\b`));
        for (const [name, option] of Object.entries(command.options)) {
          assert.ok(out.includes(`--${name}`), `${command.name} --help does not describe --${name}`);
          if (option.short) assert.ok(out.includes(`-${option.short}, --${name}`), `${command.name} --help does not show -${option.short}`);
        }
      }
    });
  }

  it('answers --help before checking anything else, and `faasguard help scan` too', () => {
    assert.equal(run('scan', 'no/such/dir', '--help').code, 0);
    const { code, out } = run('help', 'scan');
    assert.equal(code, 0);
    assert.match(out, /^Usage: faasguard scan/);
  });

  it('faasguard --help lists every command and points at their own help', () => {
    const { code, out } = run('--help');
    assert.equal(code, 0);
    for (const command of COMMANDS) assert.match(out, new RegExp(`^  ${command.name}\\b`, 'm'));
    assert.ok(out.includes("'faasguard <command> --help'"));
  });
});

describe('unknown and malformed flags', () => {
  it('an unknown flag is one line naming the command and the nearest flag', () => {
    const { code, out, err } = run('scan', open, '--outptu', 'x.sarif');
    assert.equal(code, 2);
    assert.equal(out, '');
    assert.equal(err, 'faasguard: unknown option --outptu for scan; did you mean --output?\n');
  });

  it('suggests among the flags of the command at hand', () => {
    assert.equal(run('map', open, '--formt', 'json').err, 'faasguard: unknown option --formt for map; did you mean --format?\n');
    assert.equal(run('policy', open, '--fucntion', 'F').err, 'faasguard: unknown option --fucntion for policy; did you mean --function?\n');
    // baseline has no --severity: the hint is not a flag it lacks.
    assert.doesNotMatch(run('baseline', open, '--severty', 'high').err, /--severity/);
  });

  it('points at the command help when nothing is near, and never shows parseArgs text', () => {
    const { code, err } = run('scan', open, '--frobnicate');
    assert.equal(code, 2);
    assert.equal(err, "faasguard: unknown option --frobnicate for scan; 'faasguard scan --help' lists them\n");
    const short = run('scan', open, '-x');
    assert.equal(short.err, "faasguard: unknown option -x for scan; 'faasguard scan --help' lists them\n");
  });

  it('a flag without its value, or a switch with one, is named', () => {
    const missing = run('scan', open, '--output');
    assert.equal(missing.code, 2);
    assert.match(missing.err, /^faasguard: --output for scan needs a value\nRun 'faasguard scan --help' for usage\.\n$/);
    assert.match(run('scan', open, '-o', '-q').err, /^faasguard: -o for scan needs a value\n/);
    assert.match(run('scan', open, '--quiet=yes').err, /^faasguard: --quiet for scan takes no value\n/);
    for (const r of [missing, run('scan', open, '--quiet=yes')]) assert.doesNotMatch(r.err, /positional|argument is ambiguous|To specify/);
  });

  it('a mistyped command gets the nearest one', () => {
    const { code, err } = run('sacn', open);
    assert.equal(code, 2);
    assert.match(err, /^faasguard: unknown command "sacn"; did you mean scan\?\n/);
  });

  it('a mistyped rule id gets the nearest one', () => {
    const { code, err } = run('explain', 'function-url-without-aut');
    assert.equal(code, 2);
    assert.equal(err, "faasguard: no rule \"function-url-without-aut\"; did you mean function-url-without-auth? 'faasguard rules' lists them\n");
  });
});

describe('short flags', () => {
  it('-f, -o and -q for scan', () => {
    const file = path.join(dir, 'short', 'x.json');
    const { code, out, err } = run('scan', open, '-f', 'json', '-o', file, '-q');
    assert.equal(code, 1);
    assert.equal(out, '');
    assert.equal(err, '');
    assert.equal(severities(fs.readFileSync(file, 'utf8')).length, 11);
  });

  it('-f and -o for map, policy and rules, -o for baseline', () => {
    const map = path.join(dir, 'short', 'map.json');
    assert.equal(run('map', open, '-f', 'json', '-o', map, '-q').code, 0);
    assert.ok((JSON.parse(fs.readFileSync(map, 'utf8')) as { functions: unknown[] }).functions.length === 1);
    const policy = path.join(dir, 'short', 'policy.yaml');
    assert.equal(run('policy', open, '-f', 'sam', '-o', policy).code, 0);
    assert.match(fs.readFileSync(policy, 'utf8'), /Open/);
    assert.ok(Array.isArray(JSON.parse(run('rules', '-f', 'json').out)));
    const baseline = path.join(dir, 'short', 'baseline.json');
    assert.equal(run('baseline', open, '-o', baseline, '-q').code, 0);
    assert.equal((JSON.parse(fs.readFileSync(baseline, 'utf8')) as { findings: unknown[] }).findings.length, 11);
  });
});

describe('--severity', () => {
  it('shows only findings at or above it, in any case; the exit code still counts every finding', () => {
    const { code, out, err } = run('scan', open, '--format', 'json', '--severity', 'HIGH');
    assert.deepEqual(severities(out), ['high', 'high']);
    assert.equal(code, 1);
    assert.match(err, /^faasguard: 9 findings below high left out of the report \(--severity\); --fail-on still counts them$/m);
  });

  it('leaves the exit code to --fail-on', () => {
    const hidden = run('scan', open, '--format', 'json', '--severity', 'critical', '--fail-on', 'medium');
    assert.deepEqual(severities(hidden.out), []);
    assert.equal(hidden.code, 1);
    assert.equal(run('scan', open, '--format', 'json', '--severity', 'low', '--fail-on', 'critical').code, 0);
  });

  it('filters the pretty report too, and says nothing of it with --quiet', () => {
    const { out, err } = run('scan', open, '--severity', 'medium', '--no-color', '-q');
    assert.match(out, /^6 findings \(0 critical, 2 high, 4 medium, 0 low, 0 info\)/m);
    assert.equal(err, '');
  });

  it('refuses a level that is not a severity', () => {
    const { code, err } = run('scan', open, '--severity', 'none');
    assert.equal(code, 2);
    assert.match(err, /--severity must be critical, high, medium, low or info/);
  });
});

describe('several --format/--output pairs', () => {
  it('writes every report of one scan, paired by order', () => {
    const out = path.join(dir, 'pairs');
    const files = { sarif: path.join(out, 'x.sarif'), markdown: path.join(out, 'x.md'), json: path.join(out, 'x.json') };
    const r = run('scan', open, '-f', 'sarif', '-o', files.sarif, '-f', 'markdown', '-o', files.markdown, '--format', 'json', '--output', files.json);
    assert.equal(r.code, 1, r.err);
    assert.equal(r.out, '');
    assert.deepEqual(validateSarifSchema(JSON.parse(fs.readFileSync(files.sarif, 'utf8'))), []);
    assert.match(fs.readFileSync(files.markdown, 'utf8'), /^#+ /m);
    assert.equal(severities(fs.readFileSync(files.json, 'utf8')).length, 11);
    // One summary for the one scan.
    assert.equal(r.err.match(/^faasguard: 11 findings/gm)?.length, 1);
  });

  it('refuses counts that do not pair, before scanning or making folders', () => {
    const folder = path.join(dir, 'unpaired');
    const r = run('scan', open, '-f', 'sarif', '-f', 'json', '-o', path.join(folder, 'x.sarif'));
    assert.equal(r.code, 2);
    assert.match(r.err, /^faasguard: --format and --output pair up by order: 2 formats and 1 output; give one --output per --format/);
    assert.doesNotMatch(r.err, /findings/);
    assert.equal(fs.existsSync(folder), false);
    assert.equal(run('scan', open, '-f', 'sarif', '-f', 'json').code, 2);
    assert.match(run('scan', open, '-o', 'a.json', '-o', 'b.json').err, /1 format and 2 outputs/);
  });

  it('refuses one file for two reports', () => {
    const file = path.join(dir, 'twice.json');
    const { code, err } = run('scan', open, '-f', 'json', '-o', file, '-f', 'sarif', '-o', file);
    assert.equal(code, 2);
    assert.match(err, /--output .*twice\.json is given twice/);
  });

  it('keeps one format and no --output on standard output, and --output alone a pretty report', () => {
    assert.equal(severities(run('scan', open, '-f', 'json').out).length, 11);
    const file = path.join(dir, 'alone.txt');
    assert.equal(run('scan', open, '-o', file).code, 1);
    assert.match(fs.readFileSync(file, 'utf8'), /11 findings/);
  });
});

describe('colours without a terminal', () => {
  const colored = (env: Record<string, string>, ...flags: string[]) => ANSI.test(runCliProcess(['scan', open, '--no-cache', ...flags], env).out);

  it('none by default', () => {
    assert.equal(colored({}), false);
  });

  it('FORCE_COLOR=1, 2, 3 or empty turn them on; FORCE_COLOR=0 off', () => {
    for (const value of ['1', '2', '3', '']) assert.equal(colored({ FORCE_COLOR: value }), true, `FORCE_COLOR=${value}`);
    assert.equal(colored({ FORCE_COLOR: '0' }), false);
  });

  it('--no-color wins over FORCE_COLOR, and FORCE_COLOR over NO_COLOR', () => {
    assert.equal(colored({ FORCE_COLOR: '1' }, '--no-color'), false);
    assert.equal(colored({ FORCE_COLOR: '1', NO_COLOR: '1' }), true);
  });

  it('a report written to a file has none, even with FORCE_COLOR', () => {
    const file = path.join(dir, 'forced.txt');
    runCliProcess(['scan', open, '--no-cache', '-o', file], { FORCE_COLOR: '1' });
    assert.doesNotMatch(fs.readFileSync(file, 'utf8'), ANSI);
  });
});
