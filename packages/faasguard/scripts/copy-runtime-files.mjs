// Copies what the compiled code reads at run time and tsc does not emit:
// - the hand-written CommonJS files of src/ and their declarations into dist/src/;
// - the Python grammar (WebAssembly) of `tree-sitter-python` (MIT) and the Terraform grammar of
//   `@tree-sitter-grammars/tree-sitter-hcl` (Apache-2.0) into dist/data/, with their licenses: the
//   scanner needs those files, not the packages' native sources and prebuilds.
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(packageDir, 'src');
for (const entry of readdirSync(src, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !/\.cjs$|\.d\.cts$/.test(entry.name)) continue;
  const from = join(entry.parentPath, entry.name);
  const to = join(packageDir, 'dist', 'src', relative(src, from));
  mkdirSync(dirname(to), { recursive: true });
  copyFileSync(from, to);
  console.log(`copied ${relative(packageDir, from)}`);
}

const require = createRequire(import.meta.url);
const grammarDir = dirname(require.resolve('tree-sitter-python/tree-sitter-python.wasm'));
const data = join(packageDir, 'dist', 'data');
mkdirSync(data, { recursive: true });
copyFileSync(join(grammarDir, 'tree-sitter-python.wasm'), join(data, 'tree-sitter-python.wasm'));
copyFileSync(join(grammarDir, 'LICENSE'), join(data, 'tree-sitter-python.LICENSE'));
console.log('copied tree-sitter-python.wasm and its LICENSE');

const hclDir = dirname(require.resolve('@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-terraform.wasm'));
copyFileSync(join(hclDir, 'tree-sitter-terraform.wasm'), join(data, 'tree-sitter-terraform.wasm'));
copyFileSync(join(hclDir, 'LICENSE'), join(data, 'tree-sitter-hcl.LICENSE'));
console.log('copied tree-sitter-terraform.wasm and its LICENSE');
