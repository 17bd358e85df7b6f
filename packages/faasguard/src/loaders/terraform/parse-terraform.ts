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
import { grammarLoader } from '../../parse/tree-sitter-grammar.js';

export type HclNode = Node;

export interface ParsedTerraform {
  file: string;
  /** The file's top-level `body` */
  body: HclNode;
  errors: Array<{ loc: SourceLocation; message: string }>;
  locOf(node: HclNode): SourceLocation;
  /** Frees the tree (it lives in WebAssembly memory); the nodes must not be used afterwards. */
  dispose(): void;
}

const GRAMMAR = grammarLoader('tree-sitter-terraform.wasm', 'the Terraform grammar');

/** Loads the grammar once; false when it cannot be loaded (Terraform is then not scanned). */
export function loadTerraformParser(): Promise<boolean> {
  return GRAMMAR.load();
}

/** Parses one `.tf` file (its path relative to the scan root); undefined when the parser is not loaded. */
export function parseTerraform(file: string, text: string): ParsedTerraform | undefined {
  const parser = GRAMMAR.parser();
  if (!parser) return undefined;
  const tree = parser.parse(text);
  if (!tree) return undefined;
  const root = tree.rootNode;
  const locOf = (node: HclNode): SourceLocation => ({ file, line: node.startPosition.row + 1, column: node.startPosition.column + 1 });
  const errors: ParsedTerraform['errors'] = [];
  if (root.hasError) {
    const first = firstError(root, 0);
    errors.push({ loc: first ? locOf(first) : { file, line: 1, column: 1 }, message: first?.isMissing ? `missing ${first.type}` : 'syntax error' });
  }
  const body = root.namedChildren.find((c) => c?.type === 'body') ?? root;
  return { file, body, errors, locOf, dispose: () => tree.delete() };
}

function firstError(node: HclNode, depth: number): HclNode | undefined {
  if (node.isError || node.isMissing) return node;
  if (depth > 200) return undefined;
  for (const c of node.children) {
    if (c && (c.hasError || c.isMissing || c.isError)) {
      const found = firstError(c, depth + 1);
      if (found) return found;
    }
  }
  return undefined;
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
