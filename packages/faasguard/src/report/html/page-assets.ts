/**
 * The page's client script and style sheet, built by `scripts/build-report-client.mjs` (esbuild
 * bundles `client/` with dagre, minified) into `dist/report-assets/`, and inlined into every
 * report: the page must open without a network.
 */
import { readFileSync } from 'node:fs';
import { packageFile } from '../../files/package-root.js';

export interface PageAssets {
  script: string;
  style: string;
}



let cached: PageAssets | undefined;

export function pageAssets(): PageAssets {
  cached ??= { script: read('report.js'), style: read('report.css') };
  return cached;
}

function read(name: string): string {
  const file = packageFile('dist', 'report-assets', name);
  try {
    return readFileSync(file, 'utf8');
  } catch {
    throw new Error(`${file} is missing: run npm run build`);
  }
}
