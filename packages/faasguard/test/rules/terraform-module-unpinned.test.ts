/** terraform-module-unpinned says what each unpinned source installs and how to pin it. */
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { terraformModuleUnpinned } from '../../src/rules/dependencies/terraform-module-unpinned.js';
import { scan } from '../../src/scan/scan.js';
import { FIXTURES } from '../helpers/paths.js';

describe('terraform-module-unpinned messages', () => {
  it('names the source, what init installs, and the pin to write', async () => {
    const result = await scan(path.join(FIXTURES, 'rules', 'terraform-module-unpinned', 'fail'), { rules: [terraformModuleUnpinned] });
    const byLine = Object.fromEntries(result.findings.map((f) => [`${f.location.file}:${f.location.line}`, f.message]));
    assert.match(byLine['main.tf:1']!, /^Module events \(terraform-aws-modules\/eventbridge\/aws\) has no version: every fresh terraform init \(a new checkout, a CI run\) installs its newest release, .*\.terraform\.lock\.hcl locks providers, not modules\)\. Set version to the release you tested/);
    assert.match(byLine['main.tf:7']!, /^Module queues \(terraform-aws-modules\/sqs\/aws\) sets version ">= 4\.0", which has no upper bound: /);
    assert.match(byLine['main.tf:14']!, /^Module alarms is fetched from Git \(git::https:\/\/example\.com\/platform\/alarms\.git\) without a ref: .* Add \?ref= with a commit hash/);
    assert.match(byLine['modules/network/main.tf:1']!, /^Module vpc \(app\.terraform\.io\/example-org\/vpc\/aws\) has no version/);
  });
});
