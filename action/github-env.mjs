/**
 * What a step of a GitHub Actions job reads and writes: its inputs (`INPUT_*`), its outputs
 * (`$GITHUB_OUTPUT`), the job summary (`$GITHUB_STEP_SUMMARY`) and annotations (workflow commands
 * on standard output).
 */
import { randomBytes } from 'node:crypto';
import { appendFileSync } from 'node:fs';

/**
 * An input as GitHub passes it to a JavaScript action (`INPUT_FAIL-ON`), or as a composite step's
 * `env:` sets it (`INPUT_FAIL_ON`, a name every shell accepts); trimmed, '' when unset.
 */
export function input(name, env = process.env) {
  const upper = `INPUT_${name.toUpperCase().replace(/ /g, '_')}`;
  return (env[upper] ?? env[upper.replace(/-/g, '_')] ?? '').trim();
}

/** `true`/`false` (any case), else the default; anything else is a mistake worth stopping on. */
export function booleanInput(name, fallback, env = process.env) {
  const value = input(name, env).toLowerCase();
  if (value === '') return fallback;
  if (value === 'true' || value === 'false') return value === 'true';
  throw new ActionError(`input ${name} must be true or false, not "${input(name, env)}"`);
}

/** A mistake in the action's inputs or environment: one line on the log, no stack. */
export class ActionError extends Error {}

/** Step outputs, in the multi-line form so that no value can break the file's syntax. */
export function setOutputs(outputs, env = process.env) {
  const file = env.GITHUB_OUTPUT;
  if (!file) return;
  let text = '';
  for (const [name, value] of Object.entries(outputs)) {
    const delimiter = `faasguard_${randomBytes(8).toString('hex')}`;
    text += `${name}<<${delimiter}\n${value}\n${delimiter}\n`;
  }
  appendFileSync(file, text);
}

/** The job summary page takes at most 1 MiB per step. */
const SUMMARY_LIMIT = 1_000_000;

export function appendSummary(markdown, env = process.env) {
  const file = env.GITHUB_STEP_SUMMARY;
  if (!file) return;
  appendFileSync(file, truncated(markdown, SUMMARY_LIMIT, '\n\n… (cut: the report is longer than a job summary can hold)\n'));
}

/** `text` cut at a line end so that it and `note` fit in `limit` characters. */
export function truncated(text, limit, note) {
  if (text.length <= limit) return text;
  const cut = text.lastIndexOf('\n', limit - note.length);
  return `${text.slice(0, cut > 0 ? cut : limit - note.length)}${note}`;
}

/** Annotations: properties and message escaped as the workflow commands require. */
export function annotate(level, message) {
  const escaped = String(message).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  process.stdout.write(`::${level}::${escaped}\n`);
}
