/**
 * A tree-sitter grammar in WebAssembly (web-tree-sitter), loaded once per process: the Python
 * grammar for code analysis, the Terraform grammar for `.tf` files. A grammar file missing from
 * the build is an error (the scan would otherwise silently lose that language); one that cannot be
 * loaded gives no parser, and the caller says what is then not scanned.
 */
import { existsSync } from 'node:fs';
import { Language, Parser } from 'web-tree-sitter';
import { builtDataPath, missingBuiltData } from '../files/built-data.js';

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
          await Parser.init();
          const p = new Parser();
          p.setLanguage(await Language.load(grammar));
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
