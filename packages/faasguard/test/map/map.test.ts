/**
 * `faasguard map` in its four formats, on the multi-resource exposure fixture.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { runCli } from '../helpers/run-cli.js';
import type { AttackSurfaceMap } from '../../src/map/attack-surface-types.js';
import { buildAttackSurfaceMap } from '../../src/map/build-map.js';
import { renderMap } from '../../src/map/render-map.js';
import { loadApp } from '../../src/scan/scan.js';
import { FIXTURES } from '../helpers/paths.js';

const DIR = path.join(FIXTURES, 'exposure');
const F = 'template.yaml';
let map: AttackSurfaceMap;

before(async () => {
  map = buildAttackSurfaceMap((await loadApp(DIR)).model);
});

describe('attack-surface map', () => {
  it('lists entry points with who can use them', () => {
    const entries = map.entryPoints.map((e) => [e.kind, e.label, e.exposure]);
    assert.deepEqual(entries.sort(), [
      ['function-url', 'Function URL of Admin', 'account'],
      ['public-writer', 'anyone → Drop', 'public'],
      ['route', 'GET /profile (Api)', 'authenticated'],
      ['route', 'POST /intake (Api)', 'public'],
      ['schedule', 'eventbridge-scheduled', 'internal'],
    ]);
  });

  it('draws sources, triggers and what roles reach', () => {
    const has = (from: string, to: string, kind: string) => map.edges.some((e) => e.from === from && e.to === to && e.kind === kind);
    assert.ok(has(`${F}/Drop#public-writers`, `${F}/Drop`, 'writes'));
    assert.ok(has(`${F}/Drop`, `${F}/Ingest`, 'triggers'));
    assert.ok(has(`${F}/Intake`, `${F}/Jobs`, 'accesses'));
    assert.ok(has(`${F}/Jobs`, `${F}/Worker`, 'triggers'));
    assert.ok(has(`${F}/Worker`, `${F}/Reports`, 'accesses'));
    assert.ok(has(`${F}/Reports`, `${F}/Publisher`, 'triggers'));
    const drop = map.resources.find((r) => r.id === `${F}/Drop`);
    assert.equal(drop?.publicWrite, true);
  });

  it('carries each function\'s exposure and paths', () => {
    const publisher = map.functions.find((f) => f.id === `${F}/Publisher`);
    assert.equal(publisher?.exposure, 'public');
    assert.equal(publisher?.paths[0]?.steps.length, 5);
    const intake = map.functions.find((f) => f.id === `${F}/Intake`);
    const jobs = intake?.reaches.find((r) => r.target === `${F}/Jobs`);
    assert.equal(jobs?.targetName, 'Jobs');
    assert.deepEqual(jobs?.actions, ['sqs:SendMessage*']);
  });

  it('renders text, mermaid and dot from the same map', () => {
    const text = renderMap(map, 'text');
    assert.match(text, /^Publisher {2}\[public\] {2}template\.yaml:\d+$/m);
    assert.match(text, /7 functions: 4 public, 1 authenticated, 1 account, 1 internal/);
    const mermaid = renderMap(map, 'mermaid');
    assert.ok(mermaid.startsWith('flowchart LR\n'));
    assert.match(mermaid, /\(\["anyone → Drop"\]\):::public/);
    const edgesDrawn = mermaid.split('\n').filter((l) => l.includes('-->')).length;
    assert.equal(edgesDrawn, map.edges.length);
    const dot = renderMap(map, 'dot');
    assert.ok(dot.startsWith('digraph attack_surface {') && dot.trimEnd().endsWith('}'));
    assert.equal(dot.split('\n').filter((l) => l.includes(' -> ')).length, map.edges.length);
    assert.match(dot, /label="Publisher \(public\)", shape=box, color="#d62728"/);
  });

  it('is deterministic and works from the command line in every format', async () => {
    for (const format of ['text', 'json', 'mermaid', 'dot']) {
      const a = await cli('map', DIR, '--format', format);
      const b = await cli('map', DIR, '--format', format);
      assert.equal(a.code, 0);
      assert.equal(a.out, b.out);
    }
    const json = JSON.parse((await cli('map', DIR, '--format', 'json')).out) as AttackSurfaceMap;
    assert.equal(json.schemaVersion, '1.0.0');
    assert.deepEqual(json, JSON.parse(JSON.stringify(map)));
    assert.equal((await cli('map', DIR, '--format', 'svg')).code, 2);
  });
});

const cli = runCli;
