// Copies the hand-written CommonJS files of src/ (which tsc does not emit) into dist/src/.
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(packageDir, 'src');
for (const entry of readdirSync(src, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !entry.name.endsWith('.cjs')) continue;
  const from = join(entry.parentPath, entry.name);
  const to = join(packageDir, 'dist', 'src', relative(src, from));
  mkdirSync(dirname(to), { recursive: true });
  copyFileSync(from, to);
  console.log(`copied ${relative(packageDir, from)}`);
}
