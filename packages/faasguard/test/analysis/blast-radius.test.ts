/**
 * Blast radius on a template with several functions and resources, and silence of the
 * over-privilege rules on an ordinary SAM app.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { computeBlastRadius } from '../../src/analysis/blast-radius.js';
import type { BlastRadius, Capability } from '../../src/analysis/blast-radius-types.js';
import { ALL_RULES } from '../../src/rules/index.js';
import { loadApp, scan } from '../../src/scan/scan.js';
import { FIXTURES } from '../helpers/paths.js';

const APP = path.join(FIXTURES, 'blast-radius', 'app');
const NORMAL = path.join(FIXTURES, 'blast-radius', 'sam-normal');

async function radius(dir: string): Promise<Map<string, BlastRadius>> {
  return computeBlastRadius((await loadApp(dir)).model);
}

/** capability → [line, outsideOwn, resources] per grant */
function summary(br: BlastRadius | undefined): Array<[Capability, number, boolean, string[]]> {
  return (br?.grants ?? []).map((g) => [g.capability, g.loc.line, g.outsideOwn, g.resources.map((r) => `${r.kind}${r.id ? `:${r.id}` : ''}${r.own ? ' (own)' : ''}`)]);
}

describe('computeBlastRadius', () => {
  it('separates own resources from every resource', async () => {
    const br = (await radius(APP)).get('template.yaml/Processor');
    assert.deepEqual(br?.ownResources, ['template.yaml/Orders', 'template.yaml/Processor', 'template.yaml/Uploads']);
    assert.deepEqual(summary(br), [
      ['delete-data', 20, false, ['model:template.yaml/Orders (own)', 'model:template.yaml/Orders (own)']],
      ['delete-data', 23, true, ['any']],
      ['write-data', 20, false, ['model:template.yaml/Orders (own)', 'model:template.yaml/Orders (own)']],
    ]);
    assert.ok(br?.grants[1]?.actions.includes('s3:DeleteObject'));
  });

  it('reports action patterns it cannot resolve', async () => {
    const br = (await radius(APP)).get('template.yaml/Processor');
    assert.equal(br?.unknownPatterns.length, 1);
    assert.match(br?.unknownPatterns[0] ?? '', /ExtraAction/);
  });

  it('finds pass-role, assumed roles, other functions and secrets; a Deny on * takes invoke away', async () => {
    const br = (await radius(APP)).get('template.yaml/Ops');
    assert.equal(br?.roleId, 'template.yaml/OpsRole');
    assert.deepEqual(summary(br), [
      ['pass-role', 48, true, ['any']],
      ['assume-roles', 51, true, ['external']],
      ['modify-functions', 54, true, ['model:template.yaml/Processor']],
      ['read-all-data', 57, true, ['any']],
    ]);
    assert.equal(br?.grants[1]?.resources[0]?.text, 'arn:aws:iam::123456789012:role/Audit');
  });

  it('calls * on * admin, and lists what follows', async () => {
    const caps = new Set((await radius(APP)).get('template.yaml/Everything')?.grants.map((g) => g.capability));
    for (const c of ['admin', 'manage-iam', 'pass-role', 'assume-roles', 'modify-functions', 'invoke-any-function', 'delete-data', 'write-data', 'read-all-data'] as const) {
      assert.ok(caps.has(c), c);
    }
  });

  it('knows nothing of a role outside the template', async () => {
    const br = (await radius(APP)).get('template.yaml/Borrowed');
    assert.equal(br?.roleUnknown, true);
    assert.deepEqual(br?.grants, []);
  });
});

describe('an ordinary SAM app', () => {
  it('writes only to its own resources', async () => {
    for (const [id, br] of await radius(NORMAL)) {
      assert.deepEqual(br.grants.filter((g) => g.outsideOwn).map((g) => g.capability), [], id);
    }
  });

  it('gets no over-privilege finding', async () => {
    const rules = ALL_RULES.filter((r) => r.meta.category === 'SAS-4');
    assert.ok(rules.length >= 7);
    const result = await scan(NORMAL, { rules });
    assert.deepEqual(result.findings.map((f) => `${f.ruleId} ${f.location.line}`), []);
  });
});
