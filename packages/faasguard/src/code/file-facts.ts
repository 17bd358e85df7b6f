/**
 * Facts of one code file that do not depend on data flow: hard-coded credentials (the secrets
 * library over the file's text) and TLS certificate verification turned off.
 */
import type { SourceLocation } from '../model/location.js';
import { detectSecretsInText, type SecretMatch } from '../secrets/index.js';
import { ts, type ParsedFile } from './parse-js.js';

export interface FileFacts {
  file: string;
  secrets: Array<SecretMatch & { loc: SourceLocation }>;
  tlsDisabled: Array<{ loc: SourceLocation; what: string }>;
}

const MAX_NODES = 500_000;
const MAX_DEPTH = 500;

export function fileFacts(parsed: ParsedFile): FileFacts {
  const secrets = detectSecretsInText(parsed.text, { fileName: parsed.file }).map((m) => ({ ...m, loc: { file: parsed.file, line: m.line, column: m.column } }));
  return { file: parsed.file, secrets, tlsDisabled: tlsDisabled(parsed) };
}

/** `rejectUnauthorized: false`, `strictSSL: false`, `NODE_TLS_REJECT_UNAUTHORIZED = '0'`. */
function tlsDisabled(parsed: ParsedFile): FileFacts['tlsDisabled'] {
  const out: FileFacts['tlsDisabled'] = [];
  let budget = MAX_NODES;
  const visit = (node: ts.Node, depth: number): void => {
    if (--budget < 0 || out.length >= 50 || depth > MAX_DEPTH) return;
    const found = tlsSetting(node);
    if (found) out.push({ loc: parsed.locOf(node), what: found });
    ts.forEachChild(node, (c) => visit(c, depth + 1));
  };
  visit(parsed.ast, 0);
  return out;
}

const OPTION_NAMES = new Set(['rejectUnauthorized', 'strictSSL']);

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
