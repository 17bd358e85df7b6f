/**
 * Facts of one code file that do not depend on data flow: TLS certificate verification turned off,
 * the AWS SDK calls it makes, and how it validates requests. Computed while the file's tree is at hand, so that nothing parses
 * a file twice. (Secrets in code files are found with every other file's, in `analysis/file-secrets.ts`.)
 */
import type { SourceLocation } from '../model/location.js';
import type { FileCalls } from './aws-calls/aws-call.js';
import { extractJsCalls } from './aws-calls/extract-js.js';
import { extractPythonCalls } from './aws-calls/extract-python.js';
import { requestBodyRead, validationImports } from './input-validation.js';
import { credentialHeaderNamed } from './credential-headers.js';
import { parsePython, type ParsedPython } from './parse-python.js';
import { mayEscapeStrings, ts, type ParsedFile } from './parse-js.js';
import { wordSpans } from './word-spans.js';

export interface FileFacts {
  file: string;
  tlsDisabled: Array<{ loc: SourceLocation; what: string }>;
  /** AWS SDK calls; undefined when the file could not be parsed for them */
  calls: FileCalls | undefined;
  /** Schema validation libraries the file imports (`input-validation.ts`) */
  validators: string[];
  /** Where the file first reads a request body, if it does */
  requestBodyRead: SourceLocation | undefined;
  /** Where the file first names a header that carries credentials, or reads cookies (`credential-headers.ts`) */
  credentialHeaderNamed: SourceLocation | undefined;
}

const MAX_NODES = 500_000;
const MAX_DEPTH = 500;

export function fileFacts(parsed: ParsedFile): FileFacts {
  return {
    file: parsed.file,
    tlsDisabled: tlsDisabled(parsed),
    calls: extractJsCalls(parsed),
    validators: validationImports(parsed.file, parsed.text, 'javascript'),
    requestBodyRead: requestBodyRead(parsed.file, parsed.text, 'javascript'),
    credentialHeaderNamed: credentialHeaderNamed(parsed.file, parsed.text),
  };
}

/** Facts of a Python file, from its text: `verify=False`, unverified SSL contexts, `CERT_NONE`. */
export function pythonFileFacts(file: string, text: string, tree?: ParsedPython): FileFacts {
  const tls: FileFacts['tlsDisabled'] = [];
  const lines = text.slice(0, 2_000_000).split('\n');
  lines.forEach((line, i) => {
    if (tls.length >= 50 || /^\s*#/.test(line)) return;
    for (const [re, what] of PYTHON_TLS) {
      const m = re.exec(line);
      if (m) tls.push({ loc: { file, line: i + 1, column: m.index + 1 }, what });
    }
  });
  return {
    file,
    tlsDisabled: tls,
    calls: tree ? extractPythonCalls(tree) : pythonCalls(file, text),
    validators: validationImports(file, text, 'python'),
    requestBodyRead: requestBodyRead(file, text, 'python'),
    credentialHeaderNamed: credentialHeaderNamed(file, text),
  };
}

function pythonCalls(file: string, text: string): FileCalls | undefined {
  const parsed = parsePython(file, text);
  if (!parsed) return undefined;
  try {
    return extractPythonCalls(parsed);
  } finally {
    parsed.dispose();
  }
}

const PYTHON_TLS: ReadonlyArray<[RegExp, string]> = [
  [/\bverify\s*=\s*False\b/, 'verify=False'],
  [/\bssl\._create_unverified_context\b/, 'ssl._create_unverified_context'],
  [/\bcert_reqs\s*=\s*(?:ssl\.)?CERT_NONE\b|\bverify_mode\s*=\s*(?:ssl\.)?CERT_NONE\b/, 'CERT_NONE'],
  [/\bcheck_hostname\s*=\s*False\b/, 'check_hostname = False'],
];

/**
 * `rejectUnauthorized: false`, `strictSSL: false`, `NODE_TLS_REJECT_UNAUTHORIZED = '0'`. The walk
 * enters only the nodes whose text spells one of these names; most files spell none (the file facts
 * of the 1,000-function benchmark app's 765 files, warm: 228–235 ms instead of 270–283).
 */
function tlsDisabled(parsed: ParsedFile): FileFacts['tlsDisabled'] {
  const out: FileFacts['tlsDisabled'] = [];
  const mayHold = wordSpans(parsed.text, TLS_WORDS, mayEscapeStrings(parsed.text));
  let budget = MAX_NODES;
  let depth = 0;
  const visit = (node: ts.Node): void => {
    if (--budget < 0 || out.length >= 50 || depth > MAX_DEPTH || !mayHold(node)) return;
    const found = tlsSetting(node);
    if (found) out.push({ loc: parsed.locOf(node), what: found });
    depth++;
    ts.forEachChild(node, visit);
    depth--;
  };
  visit(parsed.ast);
  return out;
}

const OPTION_NAMES = new Set(['rejectUnauthorized', 'strictSSL']);
const TLS_WORDS = [...OPTION_NAMES, 'NODE_TLS_REJECT_UNAUTHORIZED'];

function tlsSetting(node: ts.Node): string | undefined {
  if (ts.isPropertyAssignment(node) && isName(node.name) && OPTION_NAMES.has(node.name.text) && isFalsy(node.initializer)) return `${node.name.text}: false`;
  if (!ts.isBinaryExpression(node) || node.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return undefined;
  const left = node.left;
  const name = ts.isPropertyAccessExpression(left) ? left.name.text : ts.isElementAccessExpression(left) && ts.isStringLiteralLike(left.argumentExpression) ? left.argumentExpression.text : undefined;
  if (name === 'NODE_TLS_REJECT_UNAUTHORIZED' && isFalsy(node.right)) return 'NODE_TLS_REJECT_UNAUTHORIZED = 0';
  if (name !== undefined && OPTION_NAMES.has(name) && isFalsy(node.right)) return `${name} = false`;
  return undefined;
}

function isName(n: ts.PropertyName): n is ts.Identifier | ts.StringLiteral {
  return ts.isIdentifier(n) || ts.isStringLiteral(n);
}

function isFalsy(e: ts.Expression): boolean {
  if (e.kind === ts.SyntaxKind.FalseKeyword) return true;
  if (ts.isNumericLiteral(e)) return e.text === '0';
  if (ts.isStringLiteralLike(e)) return e.text === '0' || e.text === 'false';
  return false;
}
