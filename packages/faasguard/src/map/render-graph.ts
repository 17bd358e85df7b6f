/**
 * The attack surface as a graph: Mermaid (renders in GitHub Markdown) and Graphviz DOT.
 * Nodes are coloured by exposure; edges carry the trigger or permission.
 */
import type { ExposureLevel } from '../analysis/exposure-types.js';
import { escapeLine } from '../report/terminal-text.js';
import type { AttackSurfaceMap } from './attack-surface-types.js';

interface GraphNode {
  id: string;
  label: string;
  shape: 'entry' | 'function' | 'resource';
  exposure?: ExposureLevel;
}

const COLORS: Readonly<Record<ExposureLevel, string>> = {
  public: '#d62728',
  authenticated: '#ff7f0e',
  account: '#1f77b4',
  internal: '#2ca02c',
};

function nodes(map: AttackSurfaceMap): GraphNode[] {
  return [
    ...map.entryPoints.map((e): GraphNode => ({ id: e.id, label: e.label, shape: 'entry', exposure: e.exposure })),
    ...map.functions.map((f): GraphNode => ({ id: f.id, label: `${f.name} (${f.exposure})`, shape: 'function', exposure: f.exposure })),
    ...map.resources.map((r): GraphNode => ({ id: r.id, label: `${r.name} (${r.kind})`, shape: 'resource', ...(r.publicWrite ? { exposure: 'public' as const } : {}) })),
  ];
}

/** Short, stable node ids: mermaid and dot dislike slashes and dots. */
function idTable(list: GraphNode[]): Map<string, string> {
  return new Map(list.map((n, i) => [n.id, `n${i}`]));
}

export function renderMapMermaid(map: AttackSurfaceMap): string {
  const list = nodes(map);
  const ids = idTable(list);
  const lines = ['flowchart LR'];
  for (const level of Object.keys(COLORS) as ExposureLevel[]) lines.push(`  classDef ${level} stroke:${COLORS[level]},stroke-width:2px`);
  for (const n of list) {
    const text = mermaidText(n.label);
    const shape = n.shape === 'entry' ? `([${text}])` : n.shape === 'function' ? `[${text}]` : `[(${text})]`;
    lines.push(`  ${ids.get(n.id)}${shape}${n.exposure ? `:::${n.exposure}` : ''}`);
  }
  for (const e of map.edges) {
    const from = ids.get(e.from);
    const to = ids.get(e.to);
    if (from && to) lines.push(`  ${from} -->|${mermaidText(e.label)}| ${to}`);
  }
  return lines.join('\n') + '\n';
}

/** Escaped (see `escapeLine`), then quoted as Mermaid reads labels: entity codes for what would end or mark up one. */
function mermaidText(s: string): string {
  return `"${escapeLine(s).replace(/#/g, '#35;').replace(/"/g, '#quot;').replace(/\|/g, '#124;').replace(/</g, '#lt;').replace(/>/g, '#gt;')}"`;
}

export function renderMapDot(map: AttackSurfaceMap): string {
  const list = nodes(map);
  const ids = idTable(list);
  const lines = ['digraph attack_surface {', '  rankdir=LR;', '  node [fontname="Helvetica"];'];
  for (const n of list) {
    const shape = n.shape === 'entry' ? 'oval' : n.shape === 'function' ? 'box' : 'cylinder';
    const color = n.exposure ? `, color="${COLORS[n.exposure]}", penwidth=2` : '';
    lines.push(`  ${ids.get(n.id)} [label=${dotText(n.label)}, shape=${shape}${color}];`);
  }
  for (const e of map.edges) {
    const from = ids.get(e.from);
    const to = ids.get(e.to);
    if (from && to) lines.push(`  ${from} -> ${to} [label=${dotText(e.label)}];`);
  }
  lines.push('}');
  return lines.join('\n') + '\n';
}

/** Escaped (see `escapeLine`), then quoted as a DOT string. */
function dotText(s: string): string {
  return `"${escapeLine(s).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}
