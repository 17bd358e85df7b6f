// Writes dist/data/build-id.json: a hash of the compiled code and data, so that the scan cache
// never reuses a result produced by a different build (a changed rule, a new policy index).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(packageDir, 'dist');
const out = join(dist, 'data', 'build-id.json');

const hash = createHash('sha256');
for (const dir of ['src', 'data']) {
  const files = readdirSync(join(dist, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && join(e.parentPath, e.name) !== out)
    .map((e) => join(e.parentPath, e.name))
    .sort();
  for (const file of files) hash.update(relative(dist, file)).update('\0').update(readFileSync(file)).update('\0');
}
writeFileSync(out, JSON.stringify({ id: hash.digest('hex') }) + '\n');
console.log(`build id written to ${relative(packageDir, out)}`);
