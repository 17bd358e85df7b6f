// Writes dist/src/config/config-schema-validator.js: the configuration schema compiled by Ajv into
// standalone code, so that reading a configuration needs neither Ajv at run time nor compiling the
// schema at each start. The code must stand alone: an import would need Ajv installed for users.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import standaloneCode from 'ajv/dist/standalone/index.js';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const schema = JSON.parse(readFileSync(join(packageDir, 'schema', 'faasguard-config.schema.json'), 'utf8'));
const out = join(packageDir, 'dist', 'src', 'config', 'config-schema-validator.js');

const ajv = new Ajv2020({ allErrors: true, verbose: true, strict: true, allowUnionTypes: true, code: { source: true, esm: true } });
const code = standaloneCode.default(ajv, ajv.compile(schema));
if (/\brequire\(|^\s*import\s/m.test(code)) throw new Error('the configuration validator is not standalone: it imports Ajv code');

mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `// Generated from schema/faasguard-config.schema.json by scripts/build-config-validator.mjs.\n${code}\n`);
console.log(`configuration validator written to ${out}`);
