/**
 * Every inline directive of the scanned project, from the files a finding can point into: the
 * templates the scan loaded (with the files a serverless.yml includes), and the code the functions
 * deploy (each function's and layer's code directory, the files a handler reaches, the original
 * sources of a CDK asset), plus any code file a finding names. A directive anywhere else could
 * never cover a finding; reading only these files also keeps a copy of the code (a CDK asset next
 * to its source) from being reported as stale.
 */
import path from 'node:path';
import { codeUnits } from '../analysis/code-units.js';
import { peekCodeFacts } from '../code/code-facts.js';
import type { Finding } from '../findings/finding.js';
import { codeDirectives, isCodeFile } from './code-directives.js';
import type { Directive } from './directive.js';
import { MARKER } from './directive-text.js';
import type { SuppressionInput } from './suppression-input.js';
import { yamlDirectives } from './yaml-directives.js';
import { hclDirectives, isTerraformSource } from './hcl-directives.js';
import { readTextOrUndefined } from '../files/read-regular-file.js';

/** Larger files are generated (bundles), not written by hand: they are not searched. */
export const MAX_DIRECTIVE_FILE_BYTES = 4 * 1024 * 1024;

export function inlineDirectives(input: SuppressionInput, findings: readonly Finding[]): Directive[] {
  const out: Directive[] = [];
  for (const [file, text] of [...input.sources].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (!text.includes(MARKER)) continue;
    if (isTerraformSource(file)) out.push(...hclDirectives(file, text));
    else if (isYamlText(file, text)) out.push(...yamlDirectives(file, text, input.parseYaml));
  }
  for (const file of codeFiles(input, findings)) {
    if (input.unmarked?.has(file)) continue;
    const text = readSmallFile(path.join(input.root, file));
    if (text?.includes(MARKER)) out.push(...codeDirectives(file, text));
  }
  return out;
}

/** JSON has no comments; a `.template` file may be either; Terraform variable files are HCL, whose directives are not read. */
function isYamlText(file: string, text: string): boolean {
  return !/\.(json|tfvars)$/i.test(file) && !/^\s*[{[]/.test(text);
}

function codeFiles(input: SuppressionInput, findings: readonly Finding[]): string[] {
  const dirs = new Set(codeUnits(input.model).map((u) => u.dir));
  const files = new Set<string>();
  for (const f of input.files) if (inAnyDir(f.rel, dirs)) files.add(f.rel);
  for (const file of peekCodeFacts(input.model, input.root)?.files.keys() ?? []) files.add(file);
  for (const fn of input.model.functions) for (const file of fn.code.sourceFiles ?? []) files.add(file);
  for (const f of findings) files.add(f.location.file);
  return [...files].filter((f) => isCodeFile(f) && !input.sources.has(f)).sort();
}

/** Whether one of the file's folders (or the root, `.`) is in `dirs`: a lookup per folder, not a comparison per code unit. */
function inAnyDir(file: string, dirs: ReadonlySet<string>): boolean {
  if (dirs.has('.') || dirs.has('')) return true;
  for (let slash = file.lastIndexOf('/'); slash > 0; slash = file.lastIndexOf('/', slash - 1)) {
    if (dirs.has(file.slice(0, slash))) return true;
  }
  return false;
}

function readSmallFile(abs: string): string | undefined {
  return readTextOrUndefined(abs, MAX_DIRECTIVE_FILE_BYTES);
}
