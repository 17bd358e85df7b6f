// Writes the "what faasguard checks" table into the repository's README.md, between its markers,
// from the built rules' metadata (run by `npm run docs`, after the build).
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checksTableMarkdown, withChecksTable } from '../dist/src/docs/checks-table.js';
import { ALL_RULES } from '../dist/src/rules/index.js';

const readmePath = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'README.md');
const table = checksTableMarkdown(ALL_RULES.map((r) => r.meta), 'docs/rules/');
const updated = withChecksTable(readFileSync(readmePath, 'utf8'), table);
if (updated === undefined) {
  console.error(`${readmePath}: the checks-table markers are missing`);
  process.exit(1);
}
writeFileSync(readmePath, updated);
console.log(`wrote the checks table (${table.split('\n').length - 3} rows) into ${readmePath}`);
