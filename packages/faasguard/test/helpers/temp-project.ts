/**
 * Writes a small project (relative path → content) into a fresh temporary directory.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after } from 'node:test';

export type ProjectFiles = Record<string, string | Buffer>;

/** Creates `os.tmpdir()/faasguard-XXXXXX`, writes every file (creating folders) and returns the directory. */
export function tempProject(files: ProjectFiles): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'faasguard-'));
  writeFiles(dir, files);
  return dir;
}

/** A project under a `.git` root of its own, so that searches upward (configuration files) stop in it. */
export function tempRepo(files: ProjectFiles): string {
  return tempProject({ '.git/HEAD': 'ref: refs/heads/main\n', ...files });
}

/** Writes more files into an existing project directory. */
export function writeFiles(dir: string, files: ProjectFiles): void {
  for (const [rel, content] of Object.entries(files)) {
    const abs = path.join(dir, ...rel.split('/'));
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, content);
  }
}

/**
 * `tempProject` for a test file: each project is removed once the file's tests are done. Call it
 * at the top of the file (`const project = projectsRemovedAfterTests();`).
 */
export function projectsRemovedAfterTests(): (files: ProjectFiles) => string {
  const made: string[] = [];
  after(() => made.forEach(removeProject));
  return (files) => {
    const dir = tempProject(files);
    made.push(dir);
    return dir;
  };
}

/** Removes a project made by `tempProject`. */
export function removeProject(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

/** 1-based line of the first line of `text` that contains `needle` (throws when absent, to keep tests honest). */
export function lineOf(text: string, needle: string, occurrence = 1): number {
  const lines = text.split('\n');
  let seen = 0;
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]!.includes(needle) && ++seen === occurrence) return i + 1;
  }
  throw new Error(`"${needle}" not found in text`);
}
