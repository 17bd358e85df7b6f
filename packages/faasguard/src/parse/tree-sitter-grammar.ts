/**
 * A tree-sitter grammar in WebAssembly (web-tree-sitter), loaded once per process: the Python
 * grammar for code analysis, the Terraform grammar for `.tf` files. A grammar file missing from
 * the build is an error (the scan would otherwise silently lose that language); one that cannot be
 * loaded gives no parser, and the caller says what is then not scanned.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Node, Parser } from 'web-tree-sitter';
import { builtDataPath, missingBuiltData } from '../files/built-data.js';
import type { SourceLocation } from '../model/location.js';
import type { PositionMap } from '../code/parse-js.js';

/**
 * Loaded when a grammar is: a scan of an app with neither Python nor Terraform never needs it.
 * (`require`, not `import()`: the command line's bundle runs as a script, which has no dynamic import.)
 */
const requireWhenUsed = createRequire(import.meta.url);

export interface GrammarLoader {
  /** Loads the grammar once; false when it cannot be loaded */
  load(): Promise<boolean>;
  /** The parser, once loaded */
  parser(): Parser | undefined;
}

/** `file`: the grammar's name in `dist/data/`; `what`: how an error names it. */
export function grammarLoader(file: string, what: string): GrammarLoader {
  let parser: Parser | undefined;
  let loading: Promise<boolean> | undefined;
  return {
    load() {
      loading ??= (async () => {
        const grammar = builtDataPath(file);
        if (!existsSync(grammar)) throw missingBuiltData(grammar, what);
        try {
          const treeSitter = requireWhenUsed('web-tree-sitter') as typeof import('web-tree-sitter');
          await treeSitter.Parser.init();
          const p = new treeSitter.Parser();
          p.setLanguage(await treeSitter.Language.load(grammar));
          parser = p;
          return true;
        } catch {
          return false;
        }
      })();
      return loading;
    },
    parser: () => parser,
  };
}

/** A parsed file: its tree, its first syntax error (the tree is still usable), and locations. */
export interface ParsedTree {
  file: string;
  root: Node;
  errors: Array<{ loc: SourceLocation; message: string }>;
  locOf(node: Node): SourceLocation;
  /** Frees the tree (it lives in WebAssembly memory); the nodes must not be used afterwards. */
  dispose(): void;
}

/** Parses `text` (of `file`, relative to the scan root); undefined when the parser fails. */
export function parseTree(parser: Parser, file: string, text: string, position?: PositionMap): ParsedTree | undefined {
  let tree;
  try {
    tree = parser.parse(text);
  } catch {
    return undefined;
  }
  if (!tree) return undefined;
  const root = tree.rootNode;
  const locOf = (node: Node): SourceLocation => {
    const line = node.startPosition.row + 1;
    const column = node.startPosition.column + 1;
    return { file, ...(position ? position(line, column) : { line, column }) };
  };
  const errors: ParsedTree['errors'] = [];
  if (root.hasError) {
    const first = firstError(root, 0);
    errors.push({ loc: first ? locOf(first) : { file, line: 1, column: 1 }, message: first?.isMissing ? `missing ${first.type}` : 'syntax error' });
  }
  return { file, root, errors, locOf, dispose: () => tree.delete() };
}

function firstError(node: Node, depth: number): Node | undefined {
  if (depth > 200) return undefined;
  if (node.isError || node.isMissing) return node;
  for (const c of node.children) {
    if (c && (c.hasError || c.isMissing)) {
      const found = firstError(c, depth + 1);
      if (found) return found;
    }
  }
  return undefined;
}
