/**
 * The HTML-report benchmark measures what it says on a small app, so that it keeps working
 * between the runs that matter (`npm run bench`). Times are only checked to be measured.
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { generateApp } from '../../bench/generate.js';
import { measureHtmlLoad } from '../../bench/html-load.js';
import { chromiumUnavailable } from '../helpers/chromium.js';
import { removeProject, tempProject } from '../helpers/temp-project.js';

const unavailable = chromiumUnavailable();
const dirs: string[] = [];
after(() => dirs.forEach(removeProject));

describe('HTML report load benchmark', { skip: unavailable }, () => {
  it('opens the report of a 60-function app, drawn in one graph group per template', async () => {
    const dir = tempProject({});
    dirs.push(dir);
    generateApp(dir, { functions: 60, seed: 1 });
    const r = await measureHtmlLoad(dir, 1);
    assert.equal(r.functions, 60);
    assert.equal(r.groups, 8, 'eight services of up to eight functions');
    assert.ok(r.findings > 0 && r.bytes > 0);
    for (const ms of [r.renderMs, r.loadMs, r.filterMs, r.groupMs]) assert.ok(Number.isFinite(ms) && ms > 0, `measured: ${ms}`);
  });
});
