/** The command line's V8 flags: heap growth and optimization budget (cli/command-line-v8-flags.ts). */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { limitHeapGrowth } from '../../src/cli/heap-growth.js';
import { OPTIMIZATION_BUDGET, raiseOptimizationBudget } from '../../src/cli/optimization-budget.js';

const FLAGS = new URL('../../src/cli/command-line-v8-flags.js', import.meta.url).href;
const V8_FLAGS = new URL('../../src/util/v8-flags.js', import.meta.url).href;

describe('command-line V8 flags', () => {
  it('limit the heap growth on the Node.js versions whose V8 has the flag, and leave others alone', () => {
    assert.equal(limitHeapGrowth('20.20.2'), true);
    assert.equal(limitHeapGrowth('24.0.0'), true);
    assert.equal(limitHeapGrowth('18.19.0'), false);
    assert.equal(limitHeapGrowth('25.1.0'), false);
  });

  it('raise the optimization budget on the Node.js version it was measured on only, to 16 times its V8 default', () => {
    assert.equal(raiseOptimizationBudget('20.20.2'), true);
    assert.equal(raiseOptimizationBudget('22.11.0'), false);
    assert.equal(raiseOptimizationBudget('18.19.0'), false);
    assert.equal(OPTIMIZATION_BUDGET, 16 * 67_584);
  });

  it("are flags this Node.js's V8 knows (nothing is written on stderr), and name the code cache", () => {
    const script = `const f = await import(${JSON.stringify(FLAGS)}); const v = await import(${JSON.stringify(V8_FLAGS)}); f.setCommandLineV8Flags(); console.log(JSON.stringify(v.v8FlagsSet()));`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 60_000 });
    assert.equal(r.stderr, '');
    const node20 = process.versions.node.startsWith('20.');
    assert.deepEqual(JSON.parse(r.stdout), ['--heap-growing-percent=100', ...(node20 ? [`--interrupt-budget=${OPTIMIZATION_BUDGET}`] : [])]);
  });
});
