/**
 * The `yaml` lexer with the indentation rules of the YAML 1.1-era loaders that read templates: PyYAML
 * (SAM CLI) and the CloudFormation service. Inside a flow collection (`[…]`, `{…}`) and inside a
 * quoted scalar they do not check how far a line is indented; only a document marker (`---`, `...`)
 * at the start of a line ends them. Published templates rely on this: `Resource: [` with its items at
 * the key's indentation, or a `!Sub '{…}'` JSON body whose closing line sits at the parent's
 * indentation. YAML 1.2 rejects both, and so does the stock lexer, which then cuts the document apart.
 * Plain scalars in block context keep their indentation rule, as in PyYAML.
 *
 * The three methods wrapped here are internals of `yaml`, pinned to an exact version; the tests in
 * test/parse/yaml-1-1-indentation.test.ts fail if an upgrade changes them.
 */
import { Lexer, Parser } from 'yaml';

type Step = () => Generator<string, string>;

interface LexerInternals {
  indentNext: number;
  flowLevel: number;
  parseFlowCollection: Step;
  parseQuotedScalar: Step;
  parsePlainScalar: Step;
}

export class Yaml11Lexer extends Lexer {}

/** A `yaml` syntax-tree parser that reads indentation as SAM CLI and CloudFormation do. */
export function yaml11Parser(): Parser {
  const parser = new Parser();
  (parser as unknown as { lexer: Lexer }).lexer = new Yaml11Lexer();
  return parser;
}

/** Runs one lexer step as if no indentation were required; the stock step still stops at document markers. */
function* withoutIndentation(lexer: LexerInternals, step: Step): Generator<string, string> {
  const required = lexer.indentNext;
  lexer.indentNext = 0;
  try {
    return yield* step.call(lexer);
  } finally {
    lexer.indentNext = required;
  }
}

const stock = Lexer.prototype as unknown as LexerInternals;
const lenient = Yaml11Lexer.prototype as unknown as LexerInternals;

lenient.parseFlowCollection = function* (this: LexerInternals) {
  return yield* withoutIndentation(this, stock.parseFlowCollection);
};

lenient.parseQuotedScalar = function* (this: LexerInternals) {
  return yield* withoutIndentation(this, stock.parseQuotedScalar);
};

lenient.parsePlainScalar = function* (this: LexerInternals) {
  if (this.flowLevel === 0) return yield* stock.parsePlainScalar.call(this);
  return yield* withoutIndentation(this, stock.parsePlainScalar);
};
