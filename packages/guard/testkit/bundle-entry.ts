/**
 * Bundles one of `bench/entries/*` the way a deployed function is bundled (esbuild, minified ESM
 * for Node 20), for the bundle-size test and the benchmark.
 */
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export interface BundledEntry {
  code: Uint8Array;
  /** Every input file esbuild took in, as its metafile names them */
  inputs: string[];
}

const ENTRIES = new URL('../../bench/entries/', import.meta.url);

export async function bundleEntry(entry: string, external: string[] = []): Promise<BundledEntry> {
  const result = await build({
    entryPoints: [fileURLToPath(new URL(entry, ENTRIES))],
    bundle: true,
    minify: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    write: false,
    metafile: true,
    logLevel: 'silent',
    external,
  });
  return { code: result.outputFiles[0]!.contents, inputs: Object.keys(result.metafile.inputs) };
}
