/**
 * The real-template benchmark: a first scan (no cache) of a corpus of public serverless projects,
 * beside cdk-nag on the same templates, template parsing throughput with positions, the rules
 * phase, and start-up. Every figure is a median of runs in fresh processes, all in one run.
 *
 * Run by `run.ts` (`npm run bench`) with its options: `--corpus <dir>`, `--corpus-runs 3`,
 * `--contender-runs 1`, `--no-contender`.
 *
 * Without `--corpus`, the shared corpus archive beside the repository
 * (`../shared/corpora/serverless-patterns.tgz`) is extracted into the temporary directory once.
 * cdk-nag (with aws-cdk-lib) is installed there on first use; it is not a dependency of faasguard.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { discoverFiles } from '../src/discover/discover.js';
import { readTemplate } from '../src/scan/read-template.js';
import { arg, median } from './figures.js';
import { HERE, measureInRounds, wallOf, type ModeResult } from './fresh-process.js';
import type { CdkNagRun } from './cdk-nag.js';
import type { ParseThroughput } from './parse-throughput.js';

const REPO = path.join(HERE, '..', '..', '..', '..');
const SHARED_CORPUS = path.join(REPO, '..', 'shared', 'corpora', 'serverless-patterns.tgz');
export const BIN = path.join(HERE, '..', '..', 'bin', 'faasguard.js');
export const EXAMPLE = path.join(REPO, 'examples', 'order-app', 'vulnerable');
/** Parsing is timed in a process of its own, so that what this one holds does not weigh on it. */
function parseThroughputInFreshProcess(files: readonly string[]): CorpusResult['parse'] {
  const list = path.join(os.tmpdir(), `faasguard-bench-parse-${process.pid}.txt`);
  writeFileSync(list, files.join('\n'));
  const child = spawnSync(process.execPath, [path.join(HERE, 'parse-throughput.js'), list, '9'], { encoding: 'utf8', maxBuffer: 1 << 20 });
  rmSync(list, { force: true });
  if (child.status !== 0) throw new Error(`parse throughput failed: ${child.stderr}`);
  return JSON.parse(child.stdout) as CorpusResult['parse'];
}

/** The contender's versions, pinned so that runs compare. */
const CONTENDER = ['cdk-nag@3.0.2', 'aws-cdk-lib@2.276.0', 'constructs@10.8.1'];

export interface CorpusResult {
  corpus: string;
  /** CloudFormation and SAM templates of the corpus (the set both tools are given) */
  templates: { count: number; sam: number; megabytes: number };
  /** faasguard's first scan of those templates alone, in-process from the modules (as the library runs) */
  scanTemplates: ModeResult;
  /** The same scan by the command line (`faasguard scan`, bundled, with its code cache), in the same rounds */
  commandLineTemplates: ModeResult;
  /** faasguard's first scan of the whole corpus (code, dependencies, Terraform, Serverless too) */
  scanCorpus: ModeResult;
  /** The same by the command line */
  commandLineCorpus: ModeResult;
  /** `ratio`: cdk-nag's wall / the in-process scan's; `commandLineRatio`: / the command line's */
  contender?: { wallMs: number; run: CdkNagRun; ratio: number; commandLineRatio: number };
  /** MB/s of parsing the templates with positions (`parse-throughput.ts`) */
  parse: ParseThroughput;
  startup: { versionMs: number; exampleScanMs: number };
}

export async function runCorpus(argv: readonly string[]): Promise<CorpusResult | undefined> {
  const corpus = arg(argv, '--corpus') ?? extractedSharedCorpus();
  if (corpus === undefined) {
    console.log(`corpus benchmark skipped: no --corpus <dir> and no ${SHARED_CORPUS}`);
    return undefined;
  }
  const runs = Number(arg(argv, '--corpus-runs') ?? 3);
  const templates = await templatesOf(corpus);
  const onlyTemplates = copyTemplates(templates.files);
  const { scan: scanTemplates, 'command-line': commandLineTemplates } = measureInRounds(['scan', 'command-line'], onlyTemplates.dir, runs);
  const { scan: scanCorpus, 'command-line': commandLineCorpus } = measureInRounds(['scan', 'command-line'], corpus, runs);
  const contender = argv.includes('--no-contender') ? undefined : runContender(onlyTemplates.list, Number(arg(argv, '--contender-runs') ?? 1), scanTemplates.wallMs, commandLineTemplates.wallMs);
  return {
    corpus,
    templates: { count: templates.files.length, sam: templates.sam, megabytes: templates.bytes / 1e6 },
    scanTemplates,
    commandLineTemplates,
    scanCorpus,
    commandLineCorpus,
    ...(contender ? { contender } : {}),
    parse: parseThroughputInFreshProcess(templates.files.map((f) => f.abs)),
    startup: {
      versionMs: wallOf(process.execPath, [BIN, '--version'], 5).wallMs,
      exampleScanMs: wallOf(process.execPath, [BIN, 'scan', EXAMPLE, '--no-cache', '--quiet', '--exit-zero'], 5).wallMs,
    },
  };
}

export function corpusTable(r: CorpusResult): string {
  const s = (ms: number): string => (ms / 1000).toFixed(2);
  const rows = [
    `corpus: ${r.corpus}; ${r.templates.count} CloudFormation/SAM templates (${r.templates.sam} SAM), ${r.templates.megabytes.toFixed(1)} MB`,
    `faasguard first scan of those templates: ${s(r.scanTemplates.wallMs)} s wall (phases ms: ${phases(r.scanTemplates)}), ${r.scanTemplates.count} findings; command line ${s(r.commandLineTemplates.wallMs)} s`,
  ];
  if (r.contender) {
    const c = r.contender;
    rows.push(`cdk-nag (AwsSolutions + Serverless packs) on the same templates: ${s(c.wallMs)} s wall; ran on ${c.run.checked}, could not include ${c.run.skipped} (${c.run.skippedSam} SAM), failed to synthesize ${c.run.failed}; ${c.run.messages} violations`);
    rows.push(`cdk-nag / faasguard: ${c.ratio.toFixed(1)}x (cdk-nag / faasguard's command line: ${c.commandLineRatio.toFixed(1)}x)`);
  }
  rows.push(
    `faasguard first scan of the whole corpus: ${s(r.scanCorpus.wallMs)} s wall, ${r.scanCorpus.peakRssMb.toFixed(0)} MB peak (phases ms: ${phases(r.scanCorpus)}); command line ${s(r.commandLineCorpus.wallMs)} s, ${r.commandLineCorpus.peakRssMb.toFixed(0)} MB peak`,
    `template parsing with positions: ${r.parse.fastMbPerS.toFixed(1)} MB/s (the yaml document model alone: ${r.parse.documentModelMbPerS.toFixed(1)} MB/s; ${r.parse.ratio.toFixed(1)}x); first pass of a process: ${r.parse.fastFirstPassMbPerS.toFixed(1)} MB/s (${r.parse.documentModelFirstPassMbPerS.toFixed(1)} MB/s)`,
    `start-up: faasguard --version ${s(r.startup.versionMs)} s; scan of the example ${s(r.startup.exampleScanMs)} s`,
  );
  return rows.join('\n');
}

function phases(m: ModeResult): string {
  return Object.entries(m.phases).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', ');
}

/** The shared corpus, extracted once into the temporary directory; undefined when the archive is not there. */
function extractedSharedCorpus(): string | undefined {
  if (!existsSync(SHARED_CORPUS)) return undefined;
  const dir = path.join(os.tmpdir(), 'faasguard-bench-corpus');
  if (!existsSync(path.join(dir, '.extracted'))) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const tar = spawnSync('tar', ['-xzf', SHARED_CORPUS, '-C', dir], { stdio: 'inherit' });
    if (tar.status !== 0) throw new Error(`could not extract ${SHARED_CORPUS}`);
    writeFileSync(path.join(dir, '.extracted'), '');
  }
  return dir;
}

interface TemplateFile {
  rel: string;
  abs: string;
}

/** The corpus's CloudFormation and SAM templates, as the scanner recognizes them. */
async function templatesOf(corpus: string): Promise<{ files: TemplateFile[]; sam: number; bytes: number }> {
  const files: TemplateFile[] = [];
  let sam = 0;
  let bytes = 0;
  const listed = await discoverFiles(corpus);
  for (const f of listed.files) {
    if (!/\.(ya?ml|json|template)$/i.test(f.rel)) continue;
    const read = await readTemplate(f, 10 * 1024 * 1024);
    if (read.format !== 'cloudformation' || read.text === undefined) continue;
    files.push({ rel: f.rel, abs: f.abs });
    bytes += Buffer.byteLength(read.text);
    if (/AWS::Serverless-2016-10-31/.test(read.text)) sam++;
  }
  return { files, sam, bytes };
}

/** Copies of the templates alone (no code beside them), and the list of their paths for the contender. */
function copyTemplates(files: readonly TemplateFile[]): { dir: string; list: string } {
  const dir = path.join(os.tmpdir(), 'faasguard-bench-corpus-templates');
  rmSync(dir, { recursive: true, force: true });
  for (const f of files) {
    const to = path.join(dir, f.rel);
    mkdirSync(path.dirname(to), { recursive: true });
    copyFileSync(f.abs, to);
  }
  const list = path.join(os.tmpdir(), 'faasguard-bench-corpus-templates.txt');
  writeFileSync(list, files.map((f) => path.join(dir, f.rel)).join('\n') + '\n');
  return { dir, list };
}

function runContender(list: string, runs: number, oursMs: number, commandLineMs: number): CorpusResult['contender'] {
  const installDir = path.join(os.tmpdir(), `faasguard-bench-contender-${CONTENDER.join('-').replace(/[@/]/g, '_')}`);
  if (!existsSync(path.join(installDir, 'node_modules', 'cdk-nag'))) {
    mkdirSync(installDir, { recursive: true });
    writeFileSync(path.join(installDir, 'package.json'), '{"private":true}\n');
    const npm = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--prefix', installDir, ...CONTENDER], { stdio: 'inherit' });
    if (npm.status !== 0) {
      console.log('cdk-nag could not be installed: the contender is skipped');
      return undefined;
    }
  }
  const { wallMs, stdout } = wallOf(process.execPath, [path.join(HERE, 'cdk-nag.js'), installDir, list], runs);
  return { wallMs, run: JSON.parse(stdout) as CdkNagRun, ratio: wallMs / oursMs, commandLineRatio: wallMs / commandLineMs };
}

