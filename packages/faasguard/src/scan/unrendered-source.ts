/**
 * Jinja and cookiecutter sources: a template with `{{ … }}` or `{% … %}` markup still to render
 * (a `{{cookiecutter.project_name}}/template.yaml`, a Jinja-generated stack). Read as YAML it is a
 * flood of syntax errors, or worse, a model built from placeholders; it is reported once instead.
 */
import type { Diagnostic } from '../model/diagnostic.js';
import { fileLocation } from '../model/diagnostic.js';

/** Markup of a template engine; CloudFormation's own `{{resolve:…}}` dynamic references are not. */
const JINJA_MARKUP = /\{%-?\s|\{\{(?!\s*resolve:)/;

/** A directory named with a cookiecutter variable: everything under it is a source to render. */
const COOKIECUTTER_DIR = /(^|\/)[^/]*\{\{[^/]*\}\}[^/]*\//;

const COOKIECUTTER_VARIABLE = /\{\{-?\s*cookiecutter\./;

/** A file that is a template source whatever its syntax: under a cookiecutter directory, or naming a cookiecutter variable. */
export function isUnrenderedSource(rel: string, text: string): boolean {
  return COOKIECUTTER_DIR.test(rel) || COOKIECUTTER_VARIABLE.test(text);
}

/**
 * A file that does not parse because of template markup: a syntax error sits on a line with
 * markup. SSM documents inside templates use `{{ Parameter }}` too, so markup elsewhere in the
 * file does not make a genuine syntax error a Jinja source.
 */
export function jinjaCausedSyntaxError(text: string, diagnostics: readonly Diagnostic[]): boolean {
  const lines = text.split('\n');
  return diagnostics.some((d) => d.severity === 'error' && JINJA_MARKUP.test(lines[d.loc.line - 1] ?? ''));
}

export function unrenderedDiagnostic(rel: string): Diagnostic {
  return {
    severity: 'warning',
    code: 'unrendered-template',
    message: 'a Jinja or cookiecutter source, not a template yet: render it first (cookiecutter, sam init --location, or the project\'s generator) and scan the output; this file was not scanned',
    loc: fileLocation(rel),
  };
}
