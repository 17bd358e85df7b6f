/**
 * Data files the build extracts from build-time packages into `dist/data/` (AWS managed policies,
 * the IAM action catalogue, the Python grammar) and the scanner reads at run time. A missing or
 * damaged one means an incomplete build or installation: an error that says so, never a silent
 * scan with less data.
 */
import { readFileSync } from 'node:fs';
import { packageFile } from './package-root.js';

/** Thrown when a built data file cannot be read; the message names the file and the remedy. */
export class BuiltDataError extends Error {}

const REMEDY = "run 'npm run build' (or reinstall faasguard)";

/** The path of `dist/data/<name>`. */
export function builtDataPath(name: string): string {
  return packageFile('dist', 'data', ...name.split('/'));
}

/** Reads a built JSON file; `what` names its content in errors. */
export function readBuiltJson(file: string, what: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new BuiltDataError(`${what} ${file} cannot be read (${(e as { code?: string }).code ?? (e as Error).message}): the build is incomplete; ${REMEDY}`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new BuiltDataError(`${what} ${file} is not JSON (${(e as Error).message}): ${REMEDY}`);
  }
}

/** The error for a built file that parses but does not hold what the build writes (`problem` says what is wrong). */
export function damagedBuiltData(file: string, what: string, problem: string): BuiltDataError {
  return new BuiltDataError(`${what} ${file} is damaged (${problem}): ${REMEDY}`);
}

/** The error for a built file that another library reads (the Python grammar) when it is missing. */
export function missingBuiltData(file: string, what: string): BuiltDataError {
  return new BuiltDataError(`${what} ${file} is missing: the build is incomplete; ${REMEDY}`);
}
