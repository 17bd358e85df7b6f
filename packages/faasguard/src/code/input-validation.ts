/**
 * How a function's code checks the requests it is given: the schema validation libraries it
 * imports, and whether it reads a request body at all. What the API cannot validate (an HTTP API
 * has no request validators) must be validated here; api-request-without-validation asks for it.
 *
 * The libraries are data: a row per package (JavaScript) or module (Python), matched on the import
 * specifier or any submodule of it.
 */
import { extractJsImports, extractPythonImports } from '../deps/imports.js';
import type { SourceLocation } from '../model/location.js';
import { LineIndex } from '../parse/line-index.js';
import { escapeRegExp } from '../util/escape-regexp.js';

export const VALIDATION_LIBRARIES: Readonly<Record<'javascript' | 'python', readonly string[]>> = {
  javascript: [
    'zod', 'joi', '@hapi/joi', 'yup', 'superstruct', 'ajv', 'class-validator', 'valibot', 'io-ts', 'runtypes',
    'arktype', 'typia', 'ow', 'fastest-validator', '@vinejs/vine', 'express-validator', 'celebrate',
    '@middy/validator', '@aws-lambda-powertools/parser', '@aws-lambda-powertools/validation', '@faasguard/guard',
  ],
  python: [
    'pydantic', 'jsonschema', 'fastjsonschema', 'marshmallow', 'cerberus', 'voluptuous', 'schema', 'msgspec',
    'cattrs', 'aws_lambda_powertools.utilities.validation', 'aws_lambda_powertools.utilities.parser',
  ],
};

/**
 * Text that can import a library of the list. An import names its module literally: in JavaScript
 * a quoted specifier starting with the package name, in Python the dotted name itself. Most code
 * files import none, and this test spares them the import scan (a second one, after the module graph's).
 */
const MAY_IMPORT_VALIDATION: Readonly<Record<'javascript' | 'python', RegExp>> = {
  javascript: new RegExp(`['"\`](?:${VALIDATION_LIBRARIES.javascript.map(escapeRegExp).join('|')})['"\`/]`),
  python: new RegExp(VALIDATION_LIBRARIES.python.map(escapeRegExp).join('|')),
};

/** The validation libraries among a file's imports. */
export function validationImports(file: string, text: string, language: 'javascript' | 'python'): string[] {
  if (!MAY_IMPORT_VALIDATION[language].test(text)) return [];
  const imports = language === 'javascript' ? extractJsImports(file, text) : extractPythonImports(text);
  const separator = language === 'javascript' ? '/' : '.';
  const found = new Set<string>();
  for (const { specifier } of imports) {
    const library = VALIDATION_LIBRARIES[language].find((l) => specifier === l || specifier.startsWith(l + separator));
    if (library) found.add(library);
  }
  return [...found];
}

/**
 * Reads of a request body: `event.body`, `event['body']`, `{ body } = event`, `req.body` of a web
 * framework behind an adapter (a destructuring read at most 200 characters on either side, so that
 * a file of unclosed braces costs linear time); in Python `event['body']`, `event.get('body')`, Powertools'
 * `json_body`, Flask's `request.json`/`get_json()`. A response's `body:` key is not a read.
 */
const BODY_READS: Readonly<Record<'javascript' | 'python', RegExp>> = {
  javascript: /\b(?:event|evt|e|req|request|ctx\.request)\s*\??\.\s*body\b|\[\s*['"`]body['"`]\s*\]|\{[^{}=]{0,200}\bbody\b[^{}=]{0,200}\}\s*=\s*(?:event|evt|req|request)\b/,
  python: /\[\s*['"]body['"]\s*\]|\.get\(\s*['"]body['"]|\.json_body\b|\brequest\.(?:json|get_json|form|data)\b/,
};

/** Where the file first reads a request body, if it does. */
export function requestBodyRead(file: string, text: string, language: 'javascript' | 'python'): SourceLocation | undefined {
  const m = BODY_READS[language].exec(text);
  if (!m) return undefined;
  const { line, column } = new LineIndex(text).position(m.index);
  return { file, line, column };
}
