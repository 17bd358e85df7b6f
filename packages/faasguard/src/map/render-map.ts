import type { AttackSurfaceMap } from './attack-surface-types.js';
import { renderMapDot, renderMapMermaid } from './render-graph.js';
import { renderMapText } from './render-text.js';
import { escapeJson } from '../report/terminal-text.js';

export type MapFormat = 'text' | 'json' | 'mermaid' | 'dot';
export const MAP_FORMATS: readonly MapFormat[] = ['text', 'json', 'mermaid', 'dot'];

export function isMapFormat(s: string): s is MapFormat {
  return (MAP_FORMATS as readonly string[]).includes(s);
}

export function renderMap(map: AttackSurfaceMap, format: MapFormat): string {
  switch (format) {
    case 'text':
      return renderMapText(map);
    case 'json':
      return escapeJson(JSON.stringify(map, null, 2)) + '\n';
    case 'mermaid':
      return renderMapMermaid(map);
    case 'dot':
      return renderMapDot(map);
  }
}
