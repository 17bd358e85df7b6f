/**
 * The machine-read reports as CI uploads them: `faasguard scan infra` in a repository writes paths
 * that resolve from the repository root (GitHub code scanning, test views, pull-request comments),
 * whatever the working directory and whatever the target (a subfolder, one file, the root), and
 * outside a repository from the working directory or the scanned folder; the SARIF log passes
 * Microsoft's validator with neither errors nor warnings under every option, and carries what
 * GitHub reads on every rule and result.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { rulePageUrl } from '../../src/project-urls.js';
import { buildSarifLog } from '../../src/report/sarif.js';
import type { SarifLog } from '../../src/report/sarif-types.js';
import { ALL_RULES } from '../../src/rules/index.js';
import { scanResult } from '../fixtures/report/scan-result.js';
import { REPO_ROOT } from '../helpers/paths.js';
import { artifactPaths } from '../helpers/report-artifact-paths.js';
import { runCliProcess, type ProcessRun } from '../helpers/run-cli.js';
import { removeProject, tempProject, tempRepo, writeFiles } from '../helpers/temp-project.js';
import { multitoolProblemsOf, requireMultitool, validateJsonReport, validateSarifSchema } from '../report/validators.js';

type Format = 'json' | 'sarif' | 'junit' | 'markdown';
const FORMATS: Format[] = ['json', 'sarif', 'junit', 'markdown'];
const EXAMPLE = path.join(REPO_ROOT, 'examples/order-app/vulnerable');
const BROKEN = 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Bucket: [\n';

/** The order-app example under `infra/`, one finding suppressed in the template. */
function exampleFiles(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of ['template.yaml', ...fs.readdirSync(path.join(EXAMPLE, 'src')).map((f) => `src/${f}`)]) {
    files[`infra/${name}`] = fs.readFileSync(path.join(EXAMPLE, name), 'utf8');
  }
  files['infra/template.yaml'] = files['infra/template.yaml']!.replace(/^(\s+AuthType: NONE)$/m, '$1  # faasguard-ignore function-url-without-auth: the webhook checks an HMAC signature');
  return files;
}

const dirs: string[] = [];
let repo = '';
/** A folder outside the repository, to run from */
let elsewhere = '';

before(() => {
  repo = tempRepo({ ...exampleFiles(), 'legacy/good.yaml': fs.readFileSync(path.join(EXAMPLE, 'template.yaml'), 'utf8'), 'legacy/bad.yaml': BROKEN });
  elsewhere = tempProject({});
  dirs.push(repo, elsewhere);
});
after(() => dirs.forEach(removeProject));

const scans = new Map<string, ProcessRun & { reports: Record<Format, string> }>();

/**
 * Runs a scan and returns the report in `format`, and what the command did. One run of the command
 * writes every format (format/output pairs), and the same scan of an unchanged project is run once:
 * each costs seconds.
 */
function scanTo(cwd: string, format: Format, target: string, ...options: string[]): ProcessRun & { report: string } {
  const key = JSON.stringify([cwd, target, options]);
  const done = scans.get(key) ?? runScan(cwd, target, options);
  scans.set(key, done);
  return { ...done, report: done.reports[format] };
}

function runScan(cwd: string, target: string, options: string[]): ProcessRun & { reports: Record<Format, string> } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'faasguard-report-'));
  dirs.push(dir);
  const pairs = FORMATS.flatMap((format) => ['--format', format, '--output', path.join(dir, `report.${format}`)]);
  const run = runCliProcess(['scan', target, ...pairs, ...options, '--no-cache'], { NO_COLOR: '1' }, cwd);
  assert.ok(run.code !== null && run.code <= 2, run.err);
  const reports = Object.fromEntries(FORMATS.map((format) => [format, fs.readFileSync(path.join(dir, `report.${format}`), 'utf8')]));
  return { ...run, reports: reports as Record<Format, string> };
}

/** Every path of the report, and whether it names an existing file or folder from `root`. */
function assertResolvesFrom(root: string, format: Format, report: string, mustName: string[] = []): void {
  const paths = artifactPaths(format, report);
  assert.ok(paths.length > 0, `${format}: no path in the report`);
  for (const p of paths) {
    assert.ok(!path.isAbsolute(p), `${format}: ${p} is absolute`);
    assert.ok(fs.existsSync(path.join(root, p)), `${format}: ${p} does not resolve from ${root}`);
  }
  for (const name of mustName) assert.ok(paths.includes(name), `${format}: ${name} not among ${[...new Set(paths)].join(', ')}`);
}

describe('report paths resolve from the repository root', () => {
  for (const format of FORMATS) {
    it(`${format}: scanning infra from the repository root`, () => {
      assertResolvesFrom(repo, format, scanTo(repo, format, 'infra').report, ['infra/src/process-upload.js']);
    });

    it(`${format}: scanning the repository's infra from another directory`, () => {
      assertResolvesFrom(repo, format, scanTo(elsewhere, format, path.join(repo, 'infra')).report, ['infra/src/process-upload.js']);
    });
  }

  it('from a folder inside the scanned one, with a relative target', () => {
    const { report } = scanTo(path.join(repo, 'infra/src'), 'sarif', '..');
    assertResolvesFrom(repo, 'sarif', report, ['infra/src/process-upload.js', 'infra/template.yaml']);
  });

  it('for one file given as the target', () => {
    for (const format of ['sarif', 'json'] as const) {
      assertResolvesFrom(repo, format, scanTo(repo, format, 'infra/template.yaml').report, ['infra/template.yaml']);
    }
  });

  it('for the repository root itself', () => {
    for (const format of ['sarif', 'json'] as const) {
      const { report } = scanTo(repo, format, '.', '--exclude', 'legacy/**');
      assertResolvesFrom(repo, format, report, ['infra/src/process-upload.js']);
    }
  });

  it('in a worktree or submodule, whose .git is a file', () => {
    const worktree = tempProject({ '.git': 'gitdir: /elsewhere/.git/worktrees/w\n', ...exampleFiles() });
    dirs.push(worktree);
    const { report } = scanTo(elsewhere, 'sarif', path.join(worktree, 'infra'));
    assertResolvesFrom(worktree, 'sarif', report, ['infra/template.yaml']);
  });

  it('outside a repository: from the working directory when it holds the target, else from the scanned folder', () => {
    const plain = tempProject(exampleFiles());
    dirs.push(plain);
    const fromInside = JSON.parse(scanTo(plain, 'json', 'infra').report) as { scanRoot: string };
    assert.equal(fromInside.scanRoot, 'infra');
    assertResolvesFrom(plain, 'sarif', scanTo(plain, 'sarif', 'infra').report, ['infra/template.yaml']);
    const fromOutside = JSON.parse(scanTo(elsewhere, 'json', path.join(plain, 'infra')).report) as { scanRoot: string };
    assert.equal(fromOutside.scanRoot, '.');
    assertResolvesFrom(path.join(plain, 'infra'), 'sarif', scanTo(elsewhere, 'sarif', path.join(plain, 'infra')).report, ['template.yaml']);
  });

  it('names the baseline file from the root too, relative or absolute, inside the repository or not', () => {
    assert.equal(runCliProcess(['baseline', 'infra', '--output', 'faasguard-baseline.json', '--no-cache'], {}, repo).code, 0);
    const outside = path.join(elsewhere, 'kept-elsewhere.json');
    fs.copyFileSync(path.join(repo, 'faasguard-baseline.json'), outside);
    for (const format of FORMATS) {
      assertResolvesFrom(repo, format, scanTo(repo, format, 'infra', '--baseline', 'faasguard-baseline.json').report, ['faasguard-baseline.json']);
    }
    for (const format of ['sarif', 'json'] as const) assertResolvesFrom(repo, format, scanTo(repo, format, 'infra', '--baseline', outside).report);
  });
});

describe('SARIF and JSON stay valid under every option', () => {
  /** name → [options, cwd, target]; the SARIF of each goes through the Multitool in one run. */
  const matrix = (): Record<string, { cwd: string; target: string; options: string[] }> => {
    const baseline = path.join(repo, 'faasguard-baseline.json');
    if (!fs.existsSync(baseline)) assert.equal(runCliProcess(['baseline', 'infra', '--output', baseline, '--no-cache'], {}, repo).code, 0);
    return {
      'plain.sarif': { cwd: repo, target: 'infra', options: [] },
      'baseline-relative.sarif': { cwd: repo, target: 'infra', options: ['--baseline', 'faasguard-baseline.json'] },
      'baseline-absolute.sarif': { cwd: elsewhere, target: path.join(repo, 'infra'), options: ['--baseline', baseline] },
      'show-suppressed.sarif': { cwd: repo, target: 'infra', options: ['--show-suppressed'] },
      'single-file.sarif': { cwd: repo, target: 'infra/template.yaml', options: [] },
      'repository-root.sarif': { cwd: repo, target: '.', options: ['--exclude', 'legacy/**'] },
      'excluded-paths.sarif': { cwd: repo, target: 'infra', options: ['--exclude', 'src/**'] },
      'input-errors.sarif': { cwd: repo, target: 'legacy', options: ['--allow-input-errors'] },
      'outside-repository.sarif': { cwd: elsewhere, target: path.join(elsewhere, 'app'), options: [] },
    };
  };

  it('validates every combination against both schemas, then with Sarif.Multitool: no errors, no warnings', (t) => {
    writeFiles(elsewhere, Object.fromEntries(Object.entries(exampleFiles()).map(([k, v]) => [k.replace(/^infra\//, 'app/'), v])));
    const logs: Record<string, string> = {};
    for (const [name, { cwd, target, options }] of Object.entries(matrix())) {
      const sarif = scanTo(cwd, 'sarif', target, ...options).report;
      assert.deepEqual(validateSarifSchema(JSON.parse(sarif)), [], name);
      assert.deepEqual(validateJsonReport(JSON.parse(scanTo(cwd, 'json', target, ...options).report)), [], name.replace('.sarif', '.json'));
      logs[name] = sarif;
    }
    // Left out over GitHub's limit: the run's properties say how many.
    logs['truncated.sarif'] = JSON.stringify(buildSarifLog(scanResult(), { maxResults: 2 }), null, 2);
    const bin = requireMultitool(t);
    if (bin === undefined) return;
    const problems = multitoolProblemsOf(bin, logs);
    assert.deepEqual(Object.entries(problems).filter(([, p]) => p.length > 0), []);
  });
});

describe('what GitHub code scanning reads', () => {
  const log = (): SarifLog => JSON.parse(scanTo(repo, 'sarif', 'infra').report) as SarifLog;
  const bands: Record<string, [number, number]> = { critical: [9, 10], high: [7, 8.9], medium: [4, 6.9], low: [0.1, 3.9], info: [0, 0] };

  it('describes every rule with a name, security-severity in its band, CWE tags and its page', () => {
    const { rules } = log().runs[0]!.tool.driver;
    const metas = new Map(ALL_RULES.map((r) => [r.meta.id, r.meta]));
    assert.equal(rules.length, metas.size);
    for (const rule of rules) {
      const meta = metas.get(rule.id);
      assert.ok(meta, rule.id);
      assert.notEqual(rule.name.toLowerCase(), rule.id.toLowerCase(), rule.id);
      const score = rule.properties['security-severity'];
      assert.match(score, /^\d+\.\d$/, rule.id);
      const [low, high] = bands[meta.severity]!;
      assert.ok(Number(score) >= low && Number(score) <= high, `${rule.id}: ${score} is not ${meta.severity}`);
      const cwes = meta.cwe.map((c) => `external/cwe/cwe-${c.replace(/^CWE-/, '')}`);
      assert.deepEqual(rule.properties.tags, ['security', meta.category, ...cwes], rule.id);
      assert.ok(rule.properties.tags.length <= 10, rule.id);
      assert.equal(rule.helpUri, rulePageUrl(rule.id));
      assert.ok(fs.existsSync(path.join(REPO_ROOT, 'docs/rules', `${rule.id}.md`)), `${rule.helpUri} is not a page of the repository`);
    }
  });

  it('gives every result a complete region and a fingerprint', () => {
    const { results } = log().runs[0]!;
    assert.ok(results.length > 20);
    for (const r of results) {
      const region = r.locations[0]?.physicalLocation.region;
      assert.ok(region, r.ruleId);
      const { startLine, startColumn, endLine, endColumn } = region;
      assert.ok(startLine >= 1 && startColumn! >= 1 && endLine! >= startLine && endColumn! >= 1, `${r.ruleId}: ${JSON.stringify(region)}`);
      if (endLine === startLine) assert.ok(endColumn! > startColumn!, `${r.ruleId}: ${JSON.stringify(region)}`);
      assert.match(r.partialFingerprints['faasguard/v1'] ?? '', /^[0-9a-f]{32}$/);
    }
  });

  it('keeps each fingerprint when lines are added above, and gives different findings different ones', () => {
    const copy = tempRepo(exampleFiles());
    dirs.push(copy);
    const before = log().runs[0]!.results;
    const prints = (results: typeof before) => results.map((r) => `${r.ruleId} ${r.partialFingerprints['faasguard/v1']}`).sort();
    assert.equal(new Set(before.map((r) => r.partialFingerprints['faasguard/v1'])).size, before.length, 'two results share a fingerprint');
    for (const file of ['infra/template.yaml', 'infra/src/process-upload.js']) {
      const text = fs.readFileSync(path.join(copy, file), 'utf8');
      const comment = file.endsWith('.js') ? '// A note.\n// Another.\n' : '# A note.\n# Another.\n';
      fs.writeFileSync(path.join(copy, file), `${comment}${text}`);
    }
    const moved = (JSON.parse(scanTo(copy, 'sarif', 'infra').report) as SarifLog).runs[0]!.results;
    assert.deepEqual(prints(moved), prints(before));
    const line = (results: typeof before, id: string) => results.find((r) => r.ruleId === id)?.locations[0]?.physicalLocation.region?.startLine;
    assert.equal(line(moved, 'command-injection'), line(before, 'command-injection')! + 2, 'the finding moved down');
  });
});
