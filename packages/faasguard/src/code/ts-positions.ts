/**
 * Where a node of TypeScript's tree starts and what text it covers, with the compiler's own
 * functions rather than the node's methods (`node.getStart()`, `node.getText()`).
 *
 * Those methods belong to the language service's node objects, which the service installs as it
 * loads. The build's cut-down compiler (`scripts/trim-typescript.mjs`) leaves the service out, and
 * its nodes are the compiler's plain ones: they have the same fields and no methods. These
 * functions give what the methods gave (the methods call them), with either compiler.
 */
import ts from './typescript-lib.cjs';

/**
 * `getTokenPosOfNode` is exported by the compiler at run time but not declared in its types. A
 * TypeScript that no longer exports it fails here, on the first node read, and in the tests.
 */
interface CompilerInternals {
  getTokenPosOfNode(node: ts.Node, file: ts.SourceFile): number;
}

/** Offset in `file`'s text of `node`'s first token, after the whitespace and comments before it. */
export function nodeStart(node: ts.Node, file: ts.SourceFile): number {
  // Read as `ts.getTokenPosOfNode`, which is how the build finds the names to keep (scripts/trim-typescript.mjs).
  const tokenStart = (ts as typeof ts & Partial<CompilerInternals>).getTokenPosOfNode;
  if (typeof tokenStart !== 'function') throw new Error('this TypeScript does not export getTokenPosOfNode, which the scanner reads node positions with');
  return tokenStart(node, file);
}

/** `node`'s text in `file`, without the whitespace and comments before it. */
export function nodeText(node: ts.Node, file: ts.SourceFile): string {
  return file.text.substring(nodeStart(node, file), node.end);
}

/** Zero-based line and character of `offset` in `file`. */
export function lineAndCharacter(file: ts.SourceFile, offset: number): ts.LineAndCharacter {
  return ts.getLineAndCharacterOfPosition(file, offset);
}
