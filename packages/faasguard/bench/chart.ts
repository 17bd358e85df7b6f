/**
 * The benchmark's chart: wall time of a first scan against the number of functions, faasguard's
 * and the floor's (reading and parsing every file), as a self-contained SVG for the README.
 * The number of functions is on a logarithmic axis (the sizes are 100, 1,000, 10,000).
 */

export interface ChartPoint {
  functions: number;
  scanS: number;
  floorS: number;
}

const W = 640;
const H = 360;
const M = { left: 60, right: 150, top: 30, bottom: 50 };

export function timeChart(points: readonly ChartPoint[], caption: string): string {
  const sorted = [...points].sort((a, b) => a.functions - b.functions);
  const maxY = niceCeiling(Math.max(...sorted.map((p) => p.scanS), 0.1));
  const logs = sorted.map((p) => Math.log10(p.functions));
  const [minX, maxX] = [Math.min(...logs), Math.max(...logs, Math.min(...logs) + 1)];
  const x = (functions: number): number => M.left + ((Math.log10(functions) - minX) / (maxX - minX)) * (W - M.left - M.right);
  const y = (s: number): number => H - M.bottom - (s / maxY) * (H - M.top - M.bottom);
  const line = (key: 'scanS' | 'floorS'): string => sorted.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(p.functions).toFixed(1)},${y(p[key]).toFixed(1)}`).join(' ');
  const dots = (key: 'scanS' | 'floorS', color: string): string =>
    sorted.map((p) => `<circle cx="${x(p.functions).toFixed(1)}" cy="${y(p[key]).toFixed(1)}" r="3.5" fill="${color}"><title>${p.functions} functions: ${p[key].toFixed(2)} s</title></circle>`).join('');
  const yTicks = [0, 0.25, 0.5, 0.75, 1].map((f) => f * maxY);
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" font-family="sans-serif" font-size="12">`,
    `<rect width="${W}" height="${H}" fill="#fff"/>`,
    `<text x="${M.left}" y="18" font-size="13">${escape(caption)}</text>`,
    ...yTicks.map((t) => `<line x1="${M.left}" x2="${W - M.right}" y1="${y(t).toFixed(1)}" y2="${y(t).toFixed(1)}" stroke="#ddd"/><text x="${M.left - 8}" y="${(y(t) + 4).toFixed(1)}" text-anchor="end">${trim(t)} s</text>`),
    ...sorted.map((p) => `<text x="${x(p.functions).toFixed(1)}" y="${H - M.bottom + 18}" text-anchor="middle">${p.functions.toLocaleString('en-US')}</text>`),
    `<text x="${(M.left + W - M.right) / 2}" y="${H - 12}" text-anchor="middle">functions (logarithmic)</text>`,
    `<path d="${line('scanS')}" fill="none" stroke="#c0392b" stroke-width="2"/>${dots('scanS', '#c0392b')}`,
    `<path d="${line('floorS')}" fill="none" stroke="#2c3e50" stroke-width="2" stroke-dasharray="5 4"/>${dots('floorS', '#2c3e50')}`,
    `<line x1="${W - M.right + 15}" x2="${W - M.right + 40}" y1="${M.top + 10}" y2="${M.top + 10}" stroke="#c0392b" stroke-width="2"/><text x="${W - M.right + 46}" y="${M.top + 14}">faasguard scan</text>`,
    `<line x1="${W - M.right + 15}" x2="${W - M.right + 40}" y1="${M.top + 30}" y2="${M.top + 30}" stroke="#2c3e50" stroke-width="2" stroke-dasharray="5 4"/><text x="${W - M.right + 46}" y="${M.top + 34}">floor (read + parse)</text>`,
    '</svg>',
  ];
  return parts.join('\n') + '\n';
}

/** The smallest of 1, 2, 4, 6, 8 × 10ⁿ at or above `v`: round axis labels in quarters. */
function niceCeiling(v: number): number {
  const p = 10 ** Math.floor(Math.log10(v));
  return [1, 2, 4, 6, 8, 10].map((m) => m * p).find((c) => c >= v) ?? 10 * p;
}

function trim(v: number): string {
  return Number(v.toFixed(2)).toString();
}

function escape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
}
