/**
 * serverless.yml variables that double a value at each step (a string or a mapping used twice by
 * the next one) expand exponentially: the expansion is capped, reported where it is written, and
 * the rest of the service still loads.
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { Unknown, display } from '../../src/model/value.js';
import { loadApp } from '../../src/scan/scan.js';
import { removeProject, tempProject } from '../helpers/temp-project.js';

const dirs: string[] = [];
after(() => dirs.forEach(removeProject));

const STEPS = 40;

/** `custom.s0` is a short string; each next one is the previous one twice. */
function stringDoubling(): string[] {
  const lines = ['  s0: abcdefgh'];
  for (let i = 1; i <= STEPS; i++) lines.push(`  s${i}: \${self:custom.s${i - 1}}\${self:custom.s${i - 1}}`);
  return lines;
}

/** `custom.m0` is a small mapping; each next one holds the previous one twice. */
function mapDoubling(): string[] {
  const lines = ['  m0:', '    k: v'];
  for (let i = 1; i <= STEPS; i++) lines.push(`  m${i}:`, `    a: \${self:custom.m${i - 1}}`, `    b: \${self:custom.m${i - 1}}`);
  return lines;
}

function service(custom: string[], use: string): string {
  return [
    'service: bomb',
    'provider:',
    '  name: aws',
    '  runtime: nodejs20.x',
    'custom:',
    ...custom,
    'functions:',
    '  probe:',
    '    handler: h.main',
    '    environment:',
    `      BIG: ${use}`,
    '      SMALL: ${self:custom.s2}',
    '  other:',
    '    handler: h.other',
    '',
  ].join('\n');
}

async function load(text: string) {
  const dir = tempProject({ 'serverless.yml': text });
  dirs.push(dir);
  return loadApp(dir);
}

describe('serverless.yml variable expansion', () => {
  it('caps a string doubled through variables, reports it with file and line, and loads the rest', async () => {
    const text = service(stringDoubling(), `\${self:custom.s${STEPS}}`);
    const app = await load(text);
    const capped = app.diagnostics.filter((d) => d.code === 'variable-too-large');
    assert.ok(capped.length >= 1, JSON.stringify(app.diagnostics.map((d) => d.code)));
    const lines = text.split('\n');
    for (const d of capped) {
      assert.equal(d.loc.file, 'serverless.yml');
      assert.match(lines[d.loc.line - 1] ?? '', /^ {2}s\d+: \$\{self:custom\.s\d+\}/, `line ${d.loc.line}`);
    }
    assert.ok(!app.diagnostics.some((d) => d.code === 'internal-error'));
    const probe = app.model.functions.find((f) => f.logicalId === 'ProbeLambdaFunction');
    assert.ok(probe, 'the function with the doubled value still loads');
    const big = probe.environment.find((e) => e.name === 'BIG')?.value;
    assert.ok(big instanceof Unknown || display(big).includes('expands too far'), display(big).slice(0, 200));
    assert.equal(display(probe.environment.find((e) => e.name === 'SMALL')?.value), 'abcdefgh'.repeat(4));
    assert.ok(app.model.functions.some((f) => f.logicalId === 'OtherLambdaFunction'));
  });

  it('caps a mapping doubled through variables, reports it with file and line, and loads the rest', async () => {
    const text = service([...stringDoubling().slice(0, 3), ...mapDoubling()], `\${self:custom.m${STEPS}}`);
    const app = await load(text);
    const capped = app.diagnostics.filter((d) => d.code === 'variable-too-large');
    assert.ok(capped.length >= 1, JSON.stringify(app.diagnostics.map((d) => d.code)));
    const lines = text.split('\n');
    for (const d of capped) {
      assert.equal(d.loc.file, 'serverless.yml');
      assert.match(lines[d.loc.line - 1] ?? '', /\$\{self:custom\.m\d+\}/, `line ${d.loc.line}`);
    }
    assert.equal(app.model.functions.length, 2);
  });
});
