/**
 * Sanitizers and safe look-alikes: number conversion, encodeURIComponent, path.basename,
 * allow-lists, anchored patterns, zod, ajv, joi, shell quoting, parameterized queries, constant
 * arguments, execFile without a shell, fixed URL origins, HTML escaping, String() for Mongo,
 * DynamoDB values passed separately. Only the check that always returns true lets data through.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { codeFindings } from './helpers.js';

describe('sanitizers and safe code', () => {
  it('reports nothing but the flow through a check that always returns true and a host after a configured scheme', async () => {
    const all = await codeFindings('sanitizers');
    assert.deepEqual(
      all.map((g) => ({ rule: g.rule, at: g.at, subject: g.subject, steps: g.steps })),
      [
        { rule: 'command-injection', at: 'src/alwaystrue.js:11', subject: 'AlwaystrueFunction', steps: ['src/alwaystrue.js:9', 'src/alwaystrue.js:9', 'src/alwaystrue.js:11'] },
        { rule: 'ssrf', at: 'src/fixedorigin.js:15', subject: 'ConfiguredFunction', steps: ['src/fixedorigin.js:15', 'src/fixedorigin.js:15'] },
      ],
    );
  });
});
