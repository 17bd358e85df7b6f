/**
 * The attack surface as a graph: Mermaid (renders in GitHub Markdown) and Graphviz DOT.
 * Nodes are coloured by exposure; edges carry the trigger or permission.
 */
import type { ExposureLevel } from '../analysis/exposure-types.js';
import { escapeLine } from '../report/terminal-text.js';
import type { AttackSurfaceMap } from './attack-surface-types.js';
import { mapGraph, nodeExposure, type MapNode } from './map-graph.js';

const COLORS: Readonly<Record<ExposureLevel, string>> = {
  public: '#d62728',
  authenticated: '#ff7f0e',
  account: '#1f77b4',
  internal: '#2ca02c',
};

/** Functions show who can run them, resources their kind. */
function nodeLabel(n: MapNode): string {
  if (n.shape === 'entry') return n.of.label;
  if (n.shape === 'function') return `${n.of.name} (${n.of.exposure})`;
  return `${n.of.name} (${n.of.kind})`;
}

/** Targets outside the templates: a hexagon in Mermaid, a dashed cylinder in DOT. */
const MERMAID_SHAPES: Readonly<Record<MapNode['shape'], (text: string) => string>> = {
  entry: (t) => `([${t}])`,
  function: (t) => `[${t}]`,
  resource: (t) => `[(${t})]`,
  external: (t) => `{{${t}}}`,
};

const DOT_SHAPES: Readonly<Record<MapNode['shape'], string>> = {
  entry: 'oval',
  function: 'box',
  resource: 'cylinder',
  external: 'cylinder, style=dashed',
};

/** Short, stable node ids: mermaid and dot dislike slashes and dots. */
function idTable(list: MapNode[]): Map<string, string> {
  return new Map(list.map((n, i) => [n.id, `n${i}`]));
}

export function renderMapMermaid(map: AttackSurfaceMap): string {
  const { nodes: list, edges } = mapGraph(map);
  const ids = idTable(list);
  const lines = ['flowchart LR'];
  for (const level of Object.keys(COLORS) as ExposureLevel[]) lines.push(`  classDef ${level} stroke:${COLORS[level]},stroke-width:2px`);
  for (const n of list) {
    const text = mermaidText(nodeLabel(n));
    const exposure = nodeExposure(n);
    lines.push(`  ${ids.get(n.id)}${MERMAID_SHAPES[n.shape](text)}${exposure ? `:::${exposure}` : ''}`);
  }
  for (const e of edges) lines.push(`  ${ids.get(e.from)} -->|${mermaidText(e.label)}| ${ids.get(e.to)}`);
  return lines.join('\n') + '\n';
}

/** Escaped (see `escapeLine`), then quoted as Mermaid reads labels: entity codes for what would end or mark up one. */
function mermaidText(s: string): string {
  return `"${escapeLine(s).replace(/#/g, '#35;').replace(/"/g, '#quot;').replace(/\|/g, '#124;').replace(/</g, '#lt;').replace(/>/g, '#gt;')}"`;
}

export function renderMapDot(map: AttackSurfaceMap): string {
  const { nodes: list, edges } = mapGraph(map);
  const ids = idTable(list);
  const lines = ['digraph attack_surface {', '  rankdir=LR;', '  node [fontname="Helvetica"];'];
  for (const n of list) {
    const exposure = nodeExposure(n);
    const color = exposure ? `, color="${COLORS[exposure]}", penwidth=2` : '';
    lines.push(`  ${ids.get(n.id)} [label=${dotText(nodeLabel(n))}, shape=${DOT_SHAPES[n.shape]}${color}];`);
  }
  for (const e of edges) lines.push(`  ${ids.get(e.from)} -> ${ids.get(e.to)} [label=${dotText(e.label)}];`);
  lines.push('}');
  return lines.join('\n') + '\n';
}

/** Escaped (see `escapeLine`), then quoted as a DOT string. */
function dotText(s: string): string {
  return `"${escapeLine(s).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}
