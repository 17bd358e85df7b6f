import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { build } from 'esbuild';
import { SOURCE_NAMES } from '../src/index.js';

describe('@faasguard/guard/sources', () => {
  it('exports the source names the guard uses, through the package name', async () => {
    const sources = await import('@faasguard/guard/sources');
    assert.deepEqual(sources.SOURCE_NAMES, SOURCE_NAMES);
    assert.equal(sources.isSourceName('dynamodb-stream'), true);
    assert.equal(sources.isSourceName('dynamodb'), false);
  });

  it('loads the names alone, without the rest of the guard', async () => {
    const entry = fileURLToPath(import.meta.resolve('@faasguard/guard/sources'));
    const result = await build({ entryPoints: [entry], bundle: true, write: false, metafile: true, platform: 'node', format: 'esm', logLevel: 'silent' });
    const files = Object.keys(result.metafile.inputs).map((i) => i.replace(/.*dist\/src\//, ''));
    assert.deepEqual(files.sort(), ['sources.js', 'sources/source-name.js']);
  });
});
