/**
 * The Terraform form of the rules' examples: each names a rule that exists, parses as Terraform,
 * and shows on the rule's page, in `explain`, and in SARIF help when a finding comes from a `.tf` file.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { ruleExplanation, ruleMarkdown } from '../../src/docs/rule-doc.js';
import { loadTerraformParser, parseTerraform, strictnessErrors } from '../../src/loaders/terraform/parse-terraform.js';
import { renderReport } from '../../src/report/reporter.js';
import { ALL_RULES } from '../../src/rules/index.js';
import { TERRAFORM_EXAMPLES } from '../../src/rules/terraform-examples.js';
import { scan } from '../../src/scan/scan.js';
import { FIXTURES } from '../helpers/paths.js';

describe('Terraform examples of the rules', () => {
  it('name rules that exist and parse as Terraform', async () => {
    assert.ok(await loadTerraformParser());
    const ids = new Set(ALL_RULES.map((r) => r.meta.id));
    for (const [id, example] of Object.entries(TERRAFORM_EXAMPLES)) {
      assert.ok(ids.has(id), id);
      for (const text of [example.vulnerable, example.fixed]) {
        const parsed = parseTerraform('example.tf', text);
        assert.ok(parsed, id);
        try {
          assert.deepEqual([...parsed.errors, ...strictnessErrors(parsed)], [], `${id}: ${text}`);
        } finally {
          parsed.dispose();
        }
      }
    }
  });

  it('show on the rule page and in explain', () => {
    const meta = ALL_RULES.find((r) => r.meta.id === 'function-url-without-auth')!.meta;
    assert.match(ruleMarkdown(meta), /In Terraform, vulnerable:\n\n```hcl\nresource "aws_lambda_function_url"/);
    assert.match(ruleExplanation(meta), /In Terraform, vulnerable:/);
  });

  it('show in SARIF help for the rules whose findings come from Terraform', async () => {
    const tf = JSON.parse(renderReport(await scan(path.join(FIXTURES, 'terraform', 'url-app')), 'sarif', { color: false })) as { runs: Array<{ tool: { driver: { rules: Array<{ id: string; help: { markdown: string } }> } } }> };
    const help = (id: string): string | undefined => tf.runs[0]!.tool.driver.rules.find((r) => r.id === id)?.help.markdown;
    assert.match(help('function-url-without-auth') ?? '', /## In Terraform/);
    const sam = JSON.parse(renderReport(await scan(path.join(FIXTURES, 'terraform', 'url-app-sam')), 'sarif', { color: false })) as typeof tf;
    assert.doesNotMatch(sam.runs[0]!.tool.driver.rules.find((r) => r.id === 'function-url-without-auth')?.help.markdown ?? 'x', /In Terraform/);
  });
});
