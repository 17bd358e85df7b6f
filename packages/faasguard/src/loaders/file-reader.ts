/**
 * Files that a configuration brings in (Serverless `${file(…)}`, CloudFormation `AWS::Include`, an
 * API's OpenAPI definition), read once each. A path must stay inside the scan root: one
 * that escapes it (`../../etc/passwd`, a symbolic link out) is an error, never a read. Included
 * YAML keeps its own file name in every location, so findings point into the included file.
 */
import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { compileGlob } from '../discover/glob-matcher.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { parseJsonTemplate } from '../parse/json-template.js';
import { parseYamlTemplate } from '../parse/yaml-template.js';
import type { TNode } from '../parse/tree.js';
import { recordRead } from '../cache/read-log.js';

export type ReadOutcome =
  | { kind: 'tree'; root: TNode; rel: string }
  | { kind: 'missing' }
  | { kind: 'outside' }
  | { kind: 'code'; rel: string }
  | { kind: 'unparsable'; rel: string }
  /** A directory or another file that cannot be read: `why` says which */
  | { kind: 'unreadable'; rel: string; why: string };

const MAX_INCLUDE_BYTES = 5 * 1024 * 1024;

export class FileReader {
  private readonly cache = new Map<string, ReadOutcome>();
  readonly diagnostics: Diagnostic[] = [];

  constructor(private readonly rootAbs: string) {}

  /** The files a path names: one, or every match of a glob in its last segment. */
  expand(fromFileRel: string, rawPath: string): string[] | 'outside' {
    const abs = this.resolve(fromFileRel, rawPath);
    if (abs === 'outside') return 'outside';
    if (!/[*?[{]/.test(path.basename(abs))) return [abs];
    const dir = path.dirname(abs);
    // A glob written in a scanned file: matched in linear time, since a hostile one must not hang the scan.
    const compiled = compileGlob(path.basename(abs));
    if ('error' in compiled) return [];
    let names: string[];
    try {
      names = readdirSync(dir).filter((n) => compiled.matcher.matches(n)).sort();
    } catch {
      return [];
    }
    return names.map((n) => path.join(dir, n));
  }

  /** The absolute path a path written in a file names (relative to that file's directory), unless it leaves the root */
  resolve(fromFileRel: string, rawPath: string): string | 'outside' {
    const abs = path.resolve(this.rootAbs, path.dirname(fromFileRel), rawPath);
    return this.inside(abs) ? abs : 'outside';
  }

  /** Files that were read as configuration, relative to the scan root */
  readFiles(): string[] {
    return [...this.cache.values()].flatMap((o) => (o.kind === 'tree' ? [o.rel] : []));
  }

  read(abs: string): ReadOutcome {
    const cached = this.cache.get(abs);
    if (cached) return cached;
    const outcome = this.readUncached(abs);
    this.cache.set(abs, outcome);
    return outcome;
  }

  private readUncached(abs: string): ReadOutcome {
    let real: string;
    try {
      real = realpathSync(abs);
    } catch {
      return { kind: 'missing' };
    }
    if (!this.inside(real)) return { kind: 'outside' };
    const rel = path.relative(this.rootAbs, abs).split(path.sep).join('/');
    if (/\.(c|m)?(js|ts)$/i.test(abs)) return { kind: 'code', rel };
    let text: string;
    try {
      const stat = statSync(real);
      if (stat.isDirectory()) return { kind: 'unreadable', rel, why: 'a directory, not a file' };
      if (stat.size > MAX_INCLUDE_BYTES) return { kind: 'unparsable', rel };
      recordRead(real);
      text = readFileSync(real, 'utf8');
    } catch (e) {
      return { kind: 'unreadable', rel, why: `cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` };
    }
    const parsed = /\.json$/i.test(abs) ? parseJsonTemplate(text, rel) : parseYamlTemplate(text, rel);
    this.diagnostics.push(...parsed.diagnostics);
    return parsed.root ? { kind: 'tree', root: parsed.root, rel } : { kind: 'unparsable', rel };
  }

  private inside(abs: string): boolean {
    let root = this.rootAbs;
    try {
      root = realpathSync(this.rootAbs);
    } catch {
      // keep the given root
    }
    const resolvedAbs = abs.startsWith(this.rootAbs) ? root + abs.slice(this.rootAbs.length) : abs;
    return resolvedAbs === root || resolvedAbs.startsWith(root + path.sep);
  }
}
