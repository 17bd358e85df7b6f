/**
 * Terraform parsing: the Terraform grammar of `@tree-sitter-grammars/tree-sitter-hcl` (Apache-2.0)
 * in WebAssembly, through web-tree-sitter (already the Python parser's runtime). HashiCorp's own
 * HCL library and the npm packages built from it are MPL-2.0, and the other npm HCL parsers fail on
 * HCL2 or give no positions (see the README's "Terraform" section). Loading is asynchronous and
 * happens once per process; parsing is then synchronous and tolerant: a file with errors still
 * yields a tree, and its first error is reported with its line.
 */
import type { Node } from 'web-tree-sitter';
import type { SourceLocation } from '../../model/location.js';
import { grammarLoader, parseTree, type ParsedTree } from '../../parse/tree-sitter-grammar.js';
import { nativeSyntax } from './json-syntax.js';

export type HclNode = Node;

export interface ParsedTerraform extends ParsedTree {
  /** The file's top-level `body` */
  body: HclNode;
}

const GRAMMAR = grammarLoader('tree-sitter-terraform.wasm', 'the Terraform grammar');

/** Loads the grammar once; false when it cannot be loaded (Terraform is then not scanned). */
export function loadTerraformParser(): Promise<boolean> {
  return GRAMMAR.load();
}

export { isTerraformConfig } from './terraform-files.js';

/**
 * Parses one `.tf` or `.tf.json` file (its path relative to the scan root); undefined when the
 * parser is not loaded. JSON syntax is read as the native syntax it stands for, located in the JSON.
 */
export function parseTerraform(file: string, text: string): ParsedTerraform | undefined {
  const parser = GRAMMAR.parser();
  if (!parser) return undefined;
  if (/\.json$/i.test(file)) {
    const native = nativeSyntax(file, text);
    const parsed = parseTree(parser, file, native.text, (line) => ({ line: native.lines[line - 1] ?? 1, column: 1 }));
    if (!parsed) return undefined;
    return { ...parsed, errors: [...native.errors, ...parsed.errors].slice(0, 1), body: parsed.root.namedChildren.find((c) => c?.type === 'body') ?? parsed.root };
  }
  const parsed = parseTree(parser, file, text);
  if (!parsed) return undefined;
  return { ...parsed, body: parsed.root.namedChildren.find((c) => c?.type === 'body') ?? parsed.root };
}

/** A block's type and labels: `resource "aws_s3_bucket" "uploads"` → `resource`, [`aws_s3_bucket`, `uploads`]. */
export function blockHeader(block: HclNode): { type: string; labels: string[] } {
  const type = block.namedChildren.find((c) => c?.type === 'identifier')?.text ?? '';
  const labels = block.namedChildren.filter((c) => c?.type === 'string_lit').map((c) => stringLitText(c!));
  return { type, labels };
}

/** The text of a `string_lit` label, without its quotes. */
export function stringLitText(n: HclNode): string {
  return n.namedChildren.filter((c) => c?.type === 'template_literal').map((c) => c!.text).join('');
}

/** The attributes and nested blocks of a block (or of a file's body). */
export function bodyOf(block: HclNode): HclNode | undefined {
  return block.type === 'body' ? block : block.namedChildren.find((c) => c?.type === 'body') ?? undefined;
}

export function blocksOf(body: HclNode | undefined, type?: string): HclNode[] {
  return (body?.namedChildren ?? []).filter((c): c is HclNode => c?.type === 'block' && (type === undefined || blockHeader(c).type === type));
}

/** The text of a block's attribute written as a plain string literal (`source = "./lambda"`). */
export function stringValueOf(block: HclNode, name: string): string | undefined {
  const value = attributesOf(bodyOf(block)).find((a) => a.name === name)?.value;
  const lit = value?.namedChildren[0]?.type === 'literal_value' ? value.namedChildren[0].namedChildren[0] : undefined;
  return lit?.type === 'string_lit' ? stringLitText(lit) : undefined;
}

export function attributesOf(body: HclNode | undefined): Array<{ name: string; node: HclNode; value: HclNode }> {
  const out: Array<{ name: string; node: HclNode; value: HclNode }> = [];
  for (const c of body?.namedChildren ?? []) {
    if (c?.type !== 'attribute') continue;
    const name = c.namedChildren.find((x) => x?.type === 'identifier')?.text;
    const value = c.namedChildren.find((x) => x?.type === 'expression');
    if (name && value) out.push({ name, node: c, value });
  }
  return out;
}

/**
 * What the grammar accepts and Terraform rejects: an attribute set twice in one body, and two
 * attributes on one line (each must end its line). Each is reported with its line.
 */
export function strictnessErrors(parsed: ParsedTerraform): Array<{ loc: SourceLocation; message: string }> {
  const out: Array<{ loc: SourceLocation; message: string }> = [];
  const visit = (body: HclNode | undefined, depth: number): void => {
    if (!body || depth > 64) return;
    const seen = new Map<string, number>();
    let lastRow = -1;
    for (const a of attributesOf(body)) {
      const row = a.node.startPosition.row;
      if (seen.has(a.name)) out.push({ loc: parsed.locOf(a.node), message: `attribute ${a.name} is set twice in the same block (first on line ${seen.get(a.name)! + 1}); Terraform rejects the file` });
      else seen.set(a.name, row);
      if (row === lastRow) out.push({ loc: parsed.locOf(a.node), message: `two attributes on line ${row + 1}; Terraform requires a line break after each` });
      lastRow = a.node.endPosition.row;
    }
    for (const b of blocksOf(body)) visit(bodyOf(b), depth + 1);
  };
  visit(parsed.body, 0);
  return out.slice(0, 20);
}
