/**
 * Every `faasguard map` format draws the same nodes and edges: the CLI is run as a user runs it, each
 * output is parsed back to node ids, and the edge lists are compared. The HTML report's graph is
 * built from the same map and compared too.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, it } from 'node:test';
import type { AttackSurfaceMap } from '../../src/map/attack-surface-types.js';
import { buildAttackSurfaceMap } from '../../src/map/build-map.js';
import { graphData } from '../../src/report/html/graph-data.js';
import { loadApp } from '../../src/scan/scan.js';
import { FIXTURES, PACKAGE_ROOT, REPO_ROOT } from '../helpers/paths.js';

const BIN = path.join(PACKAGE_ROOT, 'bin', 'faasguard.js');
const VULNERABLE = path.join(REPO_ROOT, 'examples/order-app/vulnerable');
const APPS = [
  VULNERABLE,
  path.join(REPO_ROOT, 'examples/order-app/fixed'),
  path.join(FIXTURES, 'exposure'),
  path.join(FIXTURES, 'blast-radius/app'),
  path.join(FIXTURES, 'serverless/orders-service'),
  path.join(FIXTURES, 'cdk/orders-app'),
];

function map(dir: string, format: string): string {
  // blast-radius/app holds a reference cycle, an input error: the map is drawn all the same.
  const r = spawnSync(process.execPath, [BIN, 'map', dir, '--format', format, '--allow-input-errors'], { encoding: 'utf8', timeout: 120_000, stdio: ['ignore', 'pipe', 'pipe'] });
  assert.equal(r.status, 0, `map ${dir} --format ${format}: ${r.stderr}`);
  return r.stdout;
}

/** `from → to`, one per edge, sorted: a multiset, so a format that draws an edge twice differs too. */
function edgeList(edges: Array<{ from: string; to: string }>): string[] {
  return edges.map((e) => `${e.from} → ${e.to}`).sort();
}

function nodeIds(m: AttackSurfaceMap): string[] {
  return [...m.entryPoints, ...m.functions, ...m.resources].map((n) => n.id).sort();
}

/** Label → id, refusing a label two nodes share (the comparison would be meaningless). */
function lookup(pairs: Array<[string, string]>): (label: string) => string {
  const table = new Map<string, string>();
  for (const [label, id] of pairs) {
    assert.ok(!table.has(label), `two nodes are labelled ${label}`);
    table.set(label, id);
  }
  return (label) => {
    const id = table.get(label);
    assert.ok(id !== undefined, `no node is labelled ${JSON.stringify(label)}`);
    return id;
  };
}

/** How Mermaid and DOT label nodes. */
function graphLabels(m: AttackSurfaceMap): (label: string) => string {
  return lookup([
    ...m.entryPoints.map((e): [string, string] => [e.label, e.id]),
    ...m.functions.map((f): [string, string] => [`${f.name} (${f.exposure})`, f.id]),
    ...m.resources.map((r): [string, string] => [`${r.name} (${r.kind})`, r.id]),
  ]);
}

/** How the text tree names nodes. */
function textNames(m: AttackSurfaceMap): (label: string) => string {
  return lookup([
    ...m.entryPoints.map((e): [string, string] => [e.label, e.id]),
    ...m.functions.map((f): [string, string] => [f.name, f.id]),
    ...m.resources.map((r): [string, string] => [r.name, r.id]),
  ]);
}

interface Parsed {
  nodes: string[];
  edges: Array<{ from: string; to: string; label: string }>;
}

function parseMermaid(text: string, id: (label: string) => string): Parsed {
  const unquote = (s: string) => s.replace(/#quot;/g, '"').replace(/#124;/g, '|').replace(/#lt;/g, '<').replace(/#gt;/g, '>').replace(/#35;/g, '#');
  const names = new Map<string, string>();
  const edges: Parsed['edges'] = [];
  for (const line of text.split('\n')) {
    const node = /^ {2}(n\d+)(?:\(\[|\[\(|\[|\{\{)"(.*)"(?:\]\)|\)\]|\]|\}\})(?::::\w+)?$/.exec(line);
    if (node) names.set(node[1]!, id(unquote(node[2]!)));
    const edge = /^ {2}(n\d+) -->\|"(.*)"\| (n\d+)$/.exec(line);
    if (edge) edges.push({ from: names.get(edge[1]!)!, to: names.get(edge[3]!)!, label: unquote(edge[2]!) });
  }
  return { nodes: [...names.values()].sort(), edges };
}

function parseDot(text: string, id: (label: string) => string): Parsed {
  const unquote = (s: string) => s.replace(/\\"/g, '"').replace(/\\\\/g, '\\');
  const names = new Map<string, string>();
  const edges: Parsed['edges'] = [];
  for (const line of text.split('\n')) {
    const node = /^ {2}(n\d+) \[label="(.*)", shape=/.exec(line);
    if (node) names.set(node[1]!, id(unquote(node[2]!)));
    const edge = /^ {2}(n\d+) -> (n\d+) \[label="(.*)"\];$/.exec(line);
    if (edge) edges.push({ from: names.get(edge[1]!)!, to: names.get(edge[2]!)!, label: unquote(edge[3]!) });
  }
  return { nodes: [...names.values()].sort(), edges };
}

/**
 * The text tree: a block per node (`Name  [level]  file:line`), its `invoked by` / `written by` /
 * `triggered by` lines (`From — label`) and its `can reach` lines (`Target: actions`).
 */
function parseText(text: string, id: (label: string) => string): Array<{ from: string; to: string }> {
  const edges: Array<{ from: string; to: string }> = [];
  let current: string | undefined;
  let section = '';
  for (const line of text.split('\n')) {
    const header = /^(\S.*?) {2}\[[^\]]+\](?: {2}\S+:\d+)?$/.exec(line);
    if (header && !line.startsWith('Attack surface:')) {
      current = id(header[1]!);
      continue;
    }
    const heading = /^[├└]─ ([a-z ]+?)(?::.*)?$/.exec(line);
    if (heading) {
      section = heading[1]!;
      continue;
    }
    const item = /^[│ ] {2}[├└]─ (.*)$/.exec(line);
    if (!item || current === undefined) continue;
    if (section === 'can reach') edges.push({ from: current, to: id(item[1]!.slice(0, item[1]!.indexOf(': '))) });
    else if (section !== 'reached by') edges.push({ from: id(item[1]!.slice(0, item[1]!.lastIndexOf(' — '))), to: current });
  }
  return edges;
}

describe('map formats agree', () => {
  for (const dir of APPS) {
    it(`draws the same nodes and edges in every format: ${path.relative(REPO_ROOT, dir)}`, async () => {
      const json = JSON.parse(map(dir, 'json')) as AttackSurfaceMap;
      const listed = new Set(nodeIds(json));
      for (const e of json.edges) assert.ok(listed.has(e.from) && listed.has(e.to), `edge ${e.from} → ${e.to} names an unlisted node`);
      assert.ok(json.edges.length > 0);
      const expected = edgeList(json.edges);
      const labelled = json.edges.map((e) => `${e.from} → ${e.to}: ${e.label}`).sort();

      for (const [format, parse] of [['mermaid', parseMermaid], ['dot', parseDot]] as const) {
        const parsed = parse(map(dir, format), graphLabels(json));
        assert.deepEqual(parsed.nodes, nodeIds(json), `${format} nodes`);
        assert.deepEqual(parsed.edges.map((e) => `${e.from} → ${e.to}: ${e.label}`).sort(), labelled, `${format} edges`);
      }
      assert.deepEqual(edgeList(parseText(map(dir, 'text'), textNames(json))), expected, 'text edges');

      const html = graphData(buildAttackSurfaceMap((await loadApp(dir)).model));
      assert.deepEqual(html.nodes.map((n) => n.id).sort(), nodeIds(json), 'HTML graph nodes');
      assert.deepEqual(edgeList(html.edges.map((e) => ({ from: html.nodes[e.from]!.id, to: html.nodes[e.to]!.id }))), expected, 'HTML graph edges');
    });
  }

  it('draws what wildcard S3 access reaches, in every format', () => {
    const fn = 'template.yaml/ProcessUploadFunction';
    const json = JSON.parse(map(VULNERABLE, 'json')) as AttackSurfaceMap;
    for (const arn of ['arn:aws:s3:::*', 'arn:aws:s3:::*/*']) {
      assert.ok(json.edges.some((e) => e.from === fn && e.to === arn && e.kind === 'accesses'), arn);
      assert.deepEqual(json.resources.find((r) => r.id === arn), { id: arn, name: arn, kind: 'external', type: '', publicWrite: false, location: { file: '', line: 0, column: 0 } });
    }
    const mermaid = map(VULNERABLE, 'mermaid');
    const upload = /^ {2}(n\d+)\["ProcessUploadFunction \(public\)"\]/m.exec(mermaid)![1];
    const bucket = /^ {2}(n\d+)\{\{"arn:aws:s3:::\*\/\* \(external\)"\}\}$/m.exec(mermaid)![1];
    assert.match(mermaid, new RegExp(`^ {2}${upload} -->\\|"s3:DeleteObject, [^"]*"\\| ${bucket}$`, 'm'));
    const dot = map(VULNERABLE, 'dot');
    const dotBucket = /^ {2}(n\d+) \[label="arn:aws:s3:::\* \(external\)", shape=cylinder, style=dashed\];$/m.exec(dot)![1];
    assert.match(dot, new RegExp(`^ {2}n\\d+ -> ${dotBucket} \\[label="s3:DeleteObject, `, 'm'));
    assert.match(map(VULNERABLE, 'text'), /^ {3}└─ arn:aws:s3:::\*\/\*: s3:DeleteObject, /m);
  });
});
