/**
 * Template parsing throughput with positions, run by `corpus.ts` in a fresh process:
 * `node dist/bench/parse-throughput.js <file listing the templates> <runs>` prints the figures as JSON.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseJsonTemplate } from '../src/parse/json-template.js';
import { parseWithDocumentModel, parseYamlTemplate } from '../src/parse/yaml-template.js';
import { median } from './figures.js';

/**
 * MB/s of faasguard's parsers and of the `yaml` document model alone: steady (once the code is
 * compiled and optimized) and in the first pass of a process.
 */
export interface ParseThroughput {
  fastMbPerS: number;
  documentModelMbPerS: number;
  ratio: number;
  fastFirstPassMbPerS: number;
  documentModelFirstPassMbPerS: number;
}

/**
 * MB/s of parsing every template with positions: the first pass (the parser's
 * code still unoptimized, as in a scan, which reads each template once), then the median of `runs`
 * after `WARM_UP_PASSES` more, once the times have settled.
 */
export function parseThroughput(files: readonly string[], runs: number): ParseThroughput {
  const texts = files.map((f) => ({ file: f, text: readFileSync(f, 'utf8') }));
  const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t.text), 0);
  const time = (parseYaml: (text: string, file: string) => unknown): { firstMs: number; steadyMs: number } => {
    const once = (): number => {
      const start = performance.now();
      for (const t of texts) (/^\s*[{[]/.test(t.text) ? parseJsonTemplate : parseYaml)(t.text, t.file);
      return performance.now() - start;
    };
    const firstMs = once();
    for (let i = 0; i < WARM_UP_PASSES; i++) once();
    return { firstMs, steadyMs: median(Array.from({ length: runs }, once)) };
  };
  const fast = time(parseYamlTemplate);
  const full = time(parseWithDocumentModel);
  const mbPerS = (ms: number): number => bytes / 1e3 / ms;
  return {
    fastMbPerS: mbPerS(fast.steadyMs),
    documentModelMbPerS: mbPerS(full.steadyMs),
    ratio: full.steadyMs / fast.steadyMs,
    fastFirstPassMbPerS: mbPerS(fast.firstMs),
    documentModelFirstPassMbPerS: mbPerS(full.firstMs),
  };
}

/** Passes before the timed ones: here the parsers' times settle after four to eight. */
const WARM_UP_PASSES = 8;

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [list, runs] = process.argv.slice(2);
  if (!list) throw new Error('usage: parse-throughput.js <file listing the templates> [runs]');
  const files = readFileSync(list, 'utf8').split('\n').filter(Boolean);
  process.stdout.write(JSON.stringify(parseThroughput(files, Number(runs ?? 9))));
}
