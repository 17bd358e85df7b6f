/** The command line's heap growth setting (cli/heap-growth.ts). */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { limitHeapGrowth } from '../../src/cli/heap-growth.js';

const MODULE = new URL('../../src/cli/heap-growth.js', import.meta.url).href;

describe('heap growth', () => {
  it('is set on the Node.js versions whose V8 has the flag, and left alone on others', () => {
    assert.equal(limitHeapGrowth('20.20.2'), true);
    assert.equal(limitHeapGrowth('24.0.0'), true);
    assert.equal(limitHeapGrowth('18.19.0'), false);
    assert.equal(limitHeapGrowth('25.1.0'), false);
  });

  it("is a flag this Node.js's V8 knows: nothing is written on stderr", () => {
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', `const m = await import(${JSON.stringify(MODULE)}); console.log(m.limitHeapGrowth());`], { encoding: 'utf8', timeout: 60_000 });
    assert.equal(r.stderr, '');
    assert.equal(r.stdout.trim(), 'true');
  });
});
