/**
 * The page's client script and style sheet, built by `scripts/build-report-client.mjs` (esbuild
 * bundles `client/` with dagre, minified) into `dist/report-assets/`, and inlined into every
 * report: the page must open without a network.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface PageAssets {
  script: string;
  style: string;
}

/** From `dist/src/report/html/` to `dist/report-assets/`. */
const ASSETS = new URL('../../../report-assets/', import.meta.url);

let cached: PageAssets | undefined;

export function pageAssets(): PageAssets {
  cached ??= { script: read('report.js'), style: read('report.css') };
  return cached;
}

function read(name: string): string {
  const file = fileURLToPath(new URL(name, ASSETS));
  try {
    return readFileSync(file, 'utf8');
  } catch {
    throw new Error(`${file} is missing: run npm run build`);
  }
}
