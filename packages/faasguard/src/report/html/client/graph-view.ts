/**
 * Draws the attack-surface graph as SVG, one group at a time, and links it to the findings: a click
 * on a function shows its findings, and the function chosen elsewhere is highlighted here.
 */
import { EXPOSURE_ORDER } from '../../../analysis/exposure-types.js';
import type { HtmlReportData } from './data.js';
import { byId, h, s } from './dom.js';
import type { FilterStore } from './filter-state.js';
import { layoutGroup, NODE_HEIGHT, type EdgeRoute, type GraphLayout, type NodeBox, type TextMeasure } from './graph-layout.js';
import { MAX_FIT_SCALE, PanZoom } from './pan-zoom.js';

const MIN_BOX_HEIGHT = 260;
const MAX_BOX_HEIGHT = 620;

export class GraphView {
  private readonly svg = byId<SVGSVGElement>('graph-svg');
  private readonly layer = s('g', { class: 'viewport' });
  private readonly panZoom = new PanZoom(this.svg, this.layer);
  private readonly layouts = new Map<number, GraphLayout>();
  private readonly select = byId<HTMLSelectElement>('graph-group');
  private current = -1;

  constructor(
    private readonly data: HtmlReportData,
    private readonly store: FilterStore,
  ) {
    this.svg.append(markers(), this.layer);
    byId('graph-legend').append(...legend());
    byId('zoom-in').addEventListener('click', () => this.panZoom.zoomBy(1.25));
    byId('zoom-out').addEventListener('click', () => this.panZoom.zoomBy(0.8));
    byId('zoom-fit').addEventListener('click', () => this.fit());
    this.fillGroups();
    store.subscribe(() => this.highlight());
  }

  /** Draws group `i`, laying it out the first time it is shown. */
  showGroup(i: number): void {
    if (i === this.current || !this.data.graph.groups[i]) return;
    this.current = i;
    this.select.value = String(i);
    let layout = this.layouts.get(i);
    if (!layout) {
      layout = layoutGroup(this.data.graph, this.data.graph.groups[i]!, textMeasure());
      this.layouts.set(i, layout);
    }
    this.layer.replaceChildren(s('g', { class: 'edges' }, ...layout.edges.map((r) => this.edge(r))), s('g', { class: 'nodes' }, ...layout.nodes.map((b) => this.node(b))));
    this.highlight();
    this.sizeTo(layout);
    this.fit();
  }

  /** A small drawing gets a short box, a large one the tallest box that fits on a screen. */
  private sizeTo(layout: GraphLayout): void {
    const box = byId('graph');
    const scale = Math.min(MAX_FIT_SCALE, box.clientWidth / Math.max(1, layout.width));
    box.style.height = `${Math.round(Math.min(MAX_BOX_HEIGHT, Math.max(MIN_BOX_HEIGHT, layout.height * scale + 24)))}px`;
  }

  /** Brings a function into view: its group, centred on it. */
  reveal(node: number): void {
    const fn = this.data.functions.find((f) => f.node === node);
    if (!fn) return;
    this.showGroup(fn.group);
    const box = this.layouts.get(fn.group)?.nodes.find((b) => b.node === node);
    if (box) this.panZoom.centreOn(box.x + box.width / 2, box.y + box.height / 2);
  }

  /** The group drawn first: the one with the most public functions (the first on a tie). */
  initialGroup(): number {
    const publicIn = (i: number) => this.data.graph.groups[i]!.functions.filter((n) => this.data.graph.nodes[n]?.exposure === 'public').length;
    let best = 0;
    for (let i = 1; i < this.data.graph.groups.length; i++) if (publicIn(i) > publicIn(best)) best = i;
    return best;
  }

  private fit(): void {
    const layout = this.layouts.get(this.current);
    if (layout) this.panZoom.fit(layout.width, layout.height);
  }

  private fillGroups(): void {
    const { groups, nodes } = this.data.graph;
    if (groups.length === 0) {
      this.svg.replaceWith(h('p', { class: 'muted empty-graph' }, 'No functions were found, so there is no attack surface to draw.'));
      return;
    }
    if (groups.length < 2) return;
    this.select.append(...groups.map((g, i) => {
      const exposed = g.functions.filter((n) => nodes[n]?.exposure === 'public').length;
      return h('option', { value: i }, `${g.label}: ${g.functions.length} functions, ${exposed} public`);
    }));
    this.select.addEventListener('change', () => this.showGroup(Number(this.select.value)));
    byId('graph-group-label').hidden = false;
  }

  private node(box: NodeBox): SVGGElement {
    const node = this.data.graph.nodes[box.node]!;
    const isFunction = node.kind === 'function';
    const tooltip = [node.label, node.kind === 'function' ? `function, ${node.exposure ?? ''}` : node.kind, node.detail, node.location ?? ''].filter((t) => t !== '').join('\n');
    const g = s(
      'g',
      {
        class: `node kind-${node.kind}${node.exposure ? ` exposure-${node.exposure}` : ''}`,
        'data-node': box.node,
        transform: `translate(${box.x.toFixed(1)} ${box.y.toFixed(1)})`,
        tabindex: isFunction ? 0 : undefined,
        role: isFunction ? 'button' : undefined,
        'aria-label': isFunction ? `Function ${node.label}, ${node.exposure ?? ''}: show its findings` : undefined,
      },
      s('title', {}, tooltip),
      s('rect', { width: box.width, height: box.height, rx: node.kind === 'entry' ? NODE_HEIGHT / 2 : node.kind === 'function' ? 6 : 2 }),
      s('text', { class: 'label', x: box.width / 2, y: 18 }, box.label),
      s('text', { class: 'subtitle', x: box.width / 2, y: 33 }, box.subtitle),
    );
    if (isFunction) {
      g.addEventListener('click', () => this.store.toggleFunction(box.node));
      g.addEventListener('keydown', (e) => {
        if (e.key !== 'Enter' && e.key !== ' ') return;
        e.preventDefault();
        this.store.toggleFunction(box.node);
      });
    }
    return g;
  }

  private edge(route: EdgeRoute): SVGGElement {
    const edge = this.data.graph.edges[route.edge]!;
    const from = this.data.graph.nodes[edge.from]!;
    // Only the ways in take the colour of who can use them: a public function's reach is not public.
    const exposure = edge.kind !== 'accesses' ? from.exposure : undefined;
    const tint = exposure ? ` exposure-${exposure}` : '';
    return s(
      'g',
      { class: `edge kind-${edge.kind}${tint}`, 'data-from': edge.from, 'data-to': edge.to },
      s('title', {}, `${edge.kind}: ${edge.actions ? edge.actions.join(', ') : edge.label}`),
      s('path', { d: curve(route.points), 'marker-end': `url(#arrow${exposure ? `-${exposure}` : ''})` }),
      route.labelAt && s('text', { class: 'edge-label', x: route.labelAt.x, y: route.labelAt.y + 4 }, route.label),
    );
  }

  private highlight(): void {
    const selected = this.store.filters.fn;
    for (const el of this.layer.querySelectorAll<SVGGElement>('.node')) el.classList.toggle('selected', Number(el.dataset['node']) === selected);
    for (const el of this.layer.querySelectorAll<SVGGElement>('.edge')) {
      const touches = selected !== undefined && (Number(el.dataset['from']) === selected || Number(el.dataset['to']) === selected);
      el.classList.toggle('selected', touches);
    }
  }
}

/** A smooth path through dagre's points: straight ends, quadratic bends through the midpoints. */
function curve(points: ReadonlyArray<{ x: number; y: number }>): string {
  if (points.length === 0) return '';
  const f = (n: number) => n.toFixed(1);
  const [first, ...rest] = points;
  let d = `M${f(first!.x)} ${f(first!.y)}`;
  for (let i = 0; i < rest.length - 1; i++) {
    const p = rest[i]!;
    const q = rest[i + 1]!;
    d += ` Q${f(p.x)} ${f(p.y)} ${f((p.x + q.x) / 2)} ${f((p.y + q.y) / 2)}`;
  }
  const last = rest[rest.length - 1];
  if (last) d += ` L${f(last.x)} ${f(last.y)}`;
  return d;
}

/** Arrowheads, one per exposure colour and a neutral one. */
function markers(): SVGDefsElement {
  const ids = ['', ...EXPOSURE_ORDER.map((l) => `-${l}`)];
  return s('defs', {}, ...ids.map((suffix) => s('marker', { id: `arrow${suffix}`, class: `arrow${suffix ? ` exposure${suffix}` : ''}`, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' }, s('path', { d: 'M0 0 L10 5 L0 10 z' }))));
}

function legend(): HTMLElement[] {
  return [
    ...EXPOSURE_ORDER.map((level) => h('span', { class: `legend-item exposure-${level}` }, h('span', { class: 'swatch' }), level)),
    h('span', { class: 'legend-item kind-resource' }, h('span', { class: 'swatch' }), 'resource'),
  ];
}

/** Text widths with the fonts the style sheet gives node and edge labels. */
function textMeasure(): TextMeasure {
  const ctx = document.createElement('canvas').getContext('2d');
  const family = getComputedStyle(document.body).fontFamily || 'sans-serif';
  const width = (font: string) => (text: string) => {
    if (!ctx) return text.length * 7.5;
    ctx.font = font;
    return ctx.measureText(text).width;
  };
  return { label: width(`600 13px ${family}`), subtitle: width(`11px ${family}`), edge: width(`11px ${family}`) };
}
