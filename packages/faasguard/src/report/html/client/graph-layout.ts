/**
 * Lays out one group of the attack-surface graph with dagre: a layered drawing, left to right,
 * from entry points through functions to what they reach, with room for every edge label.
 */
import dagre from '@dagrejs/dagre';
import type { HtmlGraph, HtmlGraphGroup, HtmlNode } from './data.js';

export interface NodeBox {
  node: number;
  /** Top-left corner */
  x: number;
  y: number;
  width: number;
  height: number;
  label: string;
  subtitle: string;
}

export interface EdgeRoute {
  edge: number;
  points: Array<{ x: number; y: number }>;
  /** Centre of the label */
  labelAt?: { x: number; y: number };
  label: string;
}

export interface GraphLayout {
  nodes: NodeBox[];
  edges: EdgeRoute[];
  width: number;
  height: number;
}

/** Widths of text as drawn; the view measures with the page's own fonts. */
export interface TextMeasure {
  label(text: string): number;
  subtitle(text: string): number;
  edge(text: string): number;
}

export const NODE_HEIGHT = 42;
const NODE_PADDING = 12;
const MAX_LABEL = 42;
const MAX_EDGE_LABEL = 40;
const EDGE_LABEL_HEIGHT = 14;

export function layoutGroup(graph: HtmlGraph, group: HtmlGraphGroup, measure: TextMeasure): GraphLayout {
  const g = new dagre.graphlib.Graph({ multigraph: true });
  g.setGraph({ rankdir: 'LR', nodesep: 16, ranksep: 64, edgesep: 8, marginx: 16, marginy: 16 });
  const boxes = new Map<number, NodeBox>();
  for (const n of group.nodes) {
    const node = graph.nodes[n]!;
    const label = shorten(node.label, MAX_LABEL);
    const subtitle = shorten(subtitleOf(node), MAX_LABEL);
    const width = Math.ceil(Math.max(measure.label(label), measure.subtitle(subtitle))) + 2 * NODE_PADDING;
    boxes.set(n, { node: n, x: 0, y: 0, width, height: NODE_HEIGHT, label, subtitle });
    g.setNode(String(n), { width, height: NODE_HEIGHT });
  }
  const labels = new Map<number, string>();
  for (const e of group.edges) {
    const edge = graph.edges[e]!;
    const label = shorten(edge.label, MAX_EDGE_LABEL);
    labels.set(e, label);
    const size = label === '' ? { width: 0, height: 0 } : { width: Math.ceil(measure.edge(label)) + 6, height: EDGE_LABEL_HEIGHT };
    g.setEdge(String(edge.from), String(edge.to), { ...size, labelpos: 'c' }, String(e));
  }
  dagre.layout(g);
  for (const box of boxes.values()) {
    const placed = g.node(String(box.node));
    box.x = placed.x - box.width / 2;
    box.y = placed.y - box.height / 2;
  }
  const edges = group.edges.map((e): EdgeRoute => {
    const edge = graph.edges[e]!;
    const placed = g.edge({ v: String(edge.from), w: String(edge.to), name: String(e) });
    const label = labels.get(e) ?? '';
    const route: EdgeRoute = { edge: e, points: placed.points ?? [], label };
    if (label !== '' && placed.x !== undefined && placed.y !== undefined) route.labelAt = { x: placed.x, y: placed.y };
    return route;
  });
  const size = g.graph();
  return { nodes: [...boxes.values()], edges, width: size.width ?? 0, height: size.height ?? 0 };
}

/** The second line of a node: what kind of thing it is and, for entry points, who may use it. */
function subtitleOf(node: HtmlNode): string {
  switch (node.kind) {
    case 'entry':
      return `${node.exposure ?? ''} · ${node.detail}`;
    case 'function':
      return `function · ${node.exposure ?? ''}${node.detail !== '' ? ` · ${node.detail}` : ''}`;
    case 'resource':
      return node.exposure === 'public' ? `${node.detail} · writable by anyone` : node.detail;
    case 'external':
      return 'outside the templates';
  }
}

function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
