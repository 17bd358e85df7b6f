/**
 * Exclude globs: `--exclude` relative to the scan root, a configuration's relative to its own
 * directory, which may be above the root.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { excludeMatcher } from '../../src/discover/exclude-globs.js';

describe('excludeMatcher', () => {
  it('matches root globs against paths under the root, folders included', () => {
    const excluded = excludeMatcher('/repo/app', ['legacy/**', './build/*.js'], []);
    assert.deepEqual(['legacy', 'legacy/a.yaml', 'build/x.js', 'src/legacy.yaml'].map(excluded), [true, true, true, false]);
  });

  it('matches a configuration glob against the path from the configuration directory', () => {
    const excluded = excludeMatcher('/repo/services/api', [], [{ dir: '/repo', globs: ['services/api/test/**', '**/fixtures/**'] }]);
    assert.deepEqual(['test/a.yaml', 'src/fixtures/b.json', 'src/app.yaml'].map(excluded), [true, true, false]);
  });

  it('never matches files outside the configuration directory', () => {
    const excluded = excludeMatcher('/other/app', [], [{ dir: '/repo', globs: ['**'] }]);
    assert.equal(excluded('template.yaml'), false);
  });
});
