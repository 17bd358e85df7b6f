/**
 * Pan and zoom of an SVG drawing: drag to move, wheel (or the buttons) to zoom around a point.
 * The transform is set as an SVG attribute, which the page's Content-Security-Policy allows.
 */

/** Below this scale node labels are no longer readable: fitting stops there and the rest is panned to. */
const MIN_FIT_SCALE = 0.55;
export const MAX_FIT_SCALE = 1.25;
const MIN_SCALE = 0.05;
const MAX_SCALE = 4;
/** A press that moves less than this (px) is a click, not a drag. */
const DRAG_THRESHOLD = 4;

export class PanZoom {
  private x = 0;
  private y = 0;
  private k = 1;
  /** Set while a drag moved far enough that the following click must be ignored */
  private dragged = false;

  constructor(
    private readonly svg: SVGSVGElement,
    private readonly layer: SVGGElement,
  ) {
    svg.addEventListener('wheel', (e) => this.onWheel(e), { passive: false });
    svg.addEventListener('pointerdown', (e) => this.onPointerDown(e));
    // Capture phase: a drag must not end in a click on the node under the pointer.
    svg.addEventListener('click', (e) => {
      if (this.dragged) e.stopPropagation();
      this.dragged = false;
    }, true);
  }

  /** Shows the whole drawing when it is readable that way, else its top-left part at a readable scale. */
  fit(width: number, height: number): void {
    const view = this.svg.getBoundingClientRect();
    if (width === 0 || height === 0 || view.width === 0) return this.set(0, 0, 1);
    const k = Math.min(MAX_FIT_SCALE, view.width / width, view.height / height);
    if (k >= MIN_FIT_SCALE) return this.set((view.width - width * k) / 2, (view.height - height * k) / 2, k);
    const readable = Math.min(MAX_FIT_SCALE, Math.max(MIN_FIT_SCALE, view.width / width));
    this.set(Math.max(0, (view.width - width * readable) / 2), 0, readable);
  }

  /** Zooms by `factor` around the centre of the view. */
  zoomBy(factor: number): void {
    const view = this.svg.getBoundingClientRect();
    this.zoomAround(view.width / 2, view.height / 2, factor);
  }

  /** Moves so that the point (x, y) of the drawing is at the centre of the view. */
  centreOn(x: number, y: number): void {
    const view = this.svg.getBoundingClientRect();
    this.set(view.width / 2 - x * this.k, view.height / 2 - y * this.k, this.k);
  }

  private zoomAround(px: number, py: number, factor: number): void {
    const k = Math.min(MAX_SCALE, Math.max(MIN_SCALE, this.k * factor));
    const ratio = k / this.k;
    this.set(px - (px - this.x) * ratio, py - (py - this.y) * ratio, k);
  }

  private onWheel(e: WheelEvent): void {
    e.preventDefault();
    const view = this.svg.getBoundingClientRect();
    this.zoomAround(e.clientX - view.left, e.clientY - view.top, Math.exp(-e.deltaY * 0.0015));
  }

  private onPointerDown(e: PointerEvent): void {
    if (e.button !== 0) return;
    this.dragged = false;
    const start = { x: e.clientX, y: e.clientY, tx: this.x, ty: this.y };
    let moving = false;
    const move = (m: PointerEvent): void => {
      const dx = m.clientX - start.x;
      const dy = m.clientY - start.y;
      if (!moving && Math.hypot(dx, dy) < DRAG_THRESHOLD) return;
      if (!moving) this.svg.setPointerCapture(e.pointerId);
      moving = true;
      this.dragged = true;
      this.set(start.tx + dx, start.ty + dy, this.k);
    };
    const up = (): void => {
      this.svg.removeEventListener('pointermove', move);
      this.svg.removeEventListener('pointerup', up);
      this.svg.removeEventListener('pointercancel', up);
      this.svg.classList.remove('panning');
    };
    this.svg.classList.add('panning');
    this.svg.addEventListener('pointermove', move);
    this.svg.addEventListener('pointerup', up);
    this.svg.addEventListener('pointercancel', up);
  }

  private set(x: number, y: number, k: number): void {
    this.x = x;
    this.y = y;
    this.k = k;
    this.layer.setAttribute('transform', `translate(${x.toFixed(1)} ${y.toFixed(1)}) scale(${k.toFixed(4)})`);
  }
}
