/**
 * Files that a configuration brings in (Serverless `${file(…)}`, CloudFormation `AWS::Include`, an
 * API's OpenAPI definition), read once each. A path must stay inside the scan root: one
 * that escapes it (`../../etc/passwd`, a symbolic link out) is an error, never a read. A path the
 * scan excludes is never read either, nor is an excluded folder listed for a glob. Included YAML
 * keeps its own file name in every location, so findings point into the included file.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { compileGlob } from '../discover/glob-matcher.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { parseJsonTemplate } from '../parse/json-template.js';
import { parseYamlTemplate, type YamlParser } from '../parse/yaml-template.js';
import type { TNode, TScalar } from '../parse/tree.js';
import { recordRead } from '../cache/read-log.js';
import { PathGuard } from '../files/path-guard.js';
import { readRegularText, type ReadRefusal } from '../files/read-regular-file.js';

export type ReadOutcome =
  /** `yaml11Booleans`: see `ParseResult.yaml11Booleans`; the caller that reads the file as CloudFormation applies them */
  | { kind: 'tree'; root: TNode; rel: string; yaml11Booleans?: TScalar[] }
  | { kind: 'missing' }
  | { kind: 'outside' }
  /** Excluded from the scan (`--exclude`, the configuration's `exclude`) */
  | { kind: 'excluded'; rel: string }
  | { kind: 'code'; rel: string }
  | { kind: 'unparsable'; rel: string }
  /** A special file (FIFO, device), or one over the size limit */
  | { kind: 'refused'; rel: string; refusal: ReadRefusal };

const MAX_INCLUDE_BYTES = 5 * 1024 * 1024;

export class FileReader {
  private readonly cache = new Map<string, ReadOutcome>();
  readonly diagnostics: Diagnostic[] = [];
  private readonly guard: PathGuard;

  /** `isExcluded`: whether a path relative to the root is excluded from the scan; `parseYaml`: how YAML is parsed (see `ScanOptions.parseYaml`). */
  constructor(
    rootAbs: string,
    private readonly isExcluded: (rel: string) => boolean = () => false,
    private readonly parseYaml: YamlParser = parseYamlTemplate,
  ) {
    this.guard = new PathGuard(rootAbs);
  }

  /** The files a path names: one, or every match of a glob in its last segment. */
  expand(fromFileRel: string, rawPath: string): string[] | 'outside' {
    const abs = this.resolve(fromFileRel, rawPath);
    if (abs === 'outside') return 'outside';
    if (!/[*?[{]/.test(path.basename(abs))) return [abs];
    const dir = path.dirname(abs);
    // An excluded folder is not listed: the pattern itself is read, and reads as excluded.
    const dirRel = this.relOf(dir);
    if (dirRel !== '' && this.isExcluded(dirRel)) return [abs];
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

  /**
   * The one file of `abs`'s folder whose name differs from `abs`'s only in case (`stateMachine.json`
   * for `StateMachine.json`): found on macOS and Windows, missing on a case-sensitive file system.
   */
  otherCase(abs: string): string | undefined {
    const dir = path.dirname(abs);
    const target = this.guard.check(dir);
    if (target.kind !== 'inside') return undefined;
    const wanted = path.basename(abs).toLowerCase();
    let names: string[];
    try {
      names = readdirSync(target.real).filter((n) => n.toLowerCase() === wanted);
    } catch {
      return undefined;
    }
    return names.length === 1 ? path.join(dir, names[0]!) : undefined;
  }

  /** The absolute path a path written in a file names (relative to that file's directory), unless it leaves the root */
  resolve(fromFileRel: string, rawPath: string): string | 'outside' {
    const target = this.guard.resolve(path.dirname(fromFileRel), rawPath);
    return target.kind === 'outside' ? 'outside' : target.abs;
  }

  private relOf(abs: string): string {
    return path.relative(this.guard.rootAbs, abs).split(path.sep).join('/');
  }

  /**
   * The text of a file a configuration names (Terraform's `file()`), relative to `fromFileRel`'s
   * folder: undefined when it is missing, outside the root, excluded, special or too large.
   */
  text(fromFileRel: string, rawPath: string): string | undefined {
    const read = this.textOrWhyNot(fromFileRel, rawPath);
    return 'text' in read ? read.text : undefined;
  }

  /** The same, or why the file was not read, for a caller that reports it. */
  textOrWhyNot(fromFileRel: string, rawPath: string): { text: string } | { notRead: 'outside' | 'missing' | 'excluded' } | { notRead: 'refused'; refusal: ReadRefusal } {
    const abs = this.resolve(fromFileRel, rawPath);
    if (abs === 'outside') return { notRead: 'outside' };
    const target = this.guard.check(abs);
    if (target.kind === 'outside') return { notRead: 'outside' };
    if (target.kind === 'missing') return { notRead: 'missing' };
    if (this.isExcluded(target.rel)) return { notRead: 'excluded' };
    recordRead(target.real);
    const read = readRegularText(target.real, MAX_INCLUDE_BYTES);
    return read.kind === 'text' ? { text: read.text } : { notRead: 'refused', refusal: read };
  }

  /** The names of the files (not folders) of a folder named relative to `fromFileRel`'s folder; none when it is outside the root, excluded or missing. */
  list(fromFileRel: string, rawPath: string): string[] {
    const abs = this.resolve(fromFileRel, rawPath);
    if (abs === 'outside') return [];
    const target = this.guard.check(abs);
    if (target.kind !== 'inside' || this.isExcluded(target.rel)) return [];
    try {
      return readdirSync(target.real, { withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name).sort();
    } catch {
      return [];
    }
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
    const target = this.guard.check(abs);
    if (target.kind === 'outside') return { kind: 'outside' };
    if (this.isExcluded(target.rel)) return { kind: 'excluded', rel: target.rel };
    if (target.kind === 'missing') return { kind: 'missing' };
    const rel = target.rel;
    if (/\.(c|m)?(js|ts)$/i.test(abs)) return { kind: 'code', rel };
    recordRead(target.real);
    const read = readRegularText(target.real, MAX_INCLUDE_BYTES);
    if (read.kind !== 'text') return read.kind === 'missing' ? { kind: 'missing' } : { kind: 'refused', rel, refusal: read };
    const text = read.text;
    const parsed = /\.json$/i.test(abs) ? parseJsonTemplate(text, rel) : this.parseYaml(text, rel);
    this.diagnostics.push(...parsed.diagnostics);
    if (!parsed.root) return { kind: 'unparsable', rel };
    return parsed.yaml11Booleans ? { kind: 'tree', root: parsed.root, rel, yaml11Booleans: parsed.yaml11Booleans } : { kind: 'tree', root: parsed.root, rel };
  }
}
