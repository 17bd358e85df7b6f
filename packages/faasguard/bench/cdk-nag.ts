/**
 * The side-by-side contender of the corpus benchmark: cdk-nag, run on the same templates in a
 * process of its own. cdk-nag checks CDK apps, so each template is brought in with `CfnInclude` (as
 * a team checking existing templates with it would) and the rule packs run over it on synthesis.
 * A template `CfnInclude` rejects (SAM resources, for one) is counted as skipped.
 *
 *   node dist/bench/cdk-nag.js <install-dir> <list-file>
 *
 * `<install-dir>` holds `aws-cdk-lib`, `constructs` and `cdk-nag` (the benchmark installs them on
 * first use; they are not dependencies of faasguard). `<list-file>` lists template paths, one per
 * line. Prints one JSON line: templates checked and skipped, and the violations the packs found
 * (AwsSolutions and Serverless, cdk-nag 3's policy-validation plugins).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

/** What the child reports. */
export interface CdkNagRun {
  /** Templates the packs ran on */
  checked: number;
  /** Templates included whose synthesis failed before the packs ran (a property CfnInclude cannot resolve) */
  failed: number;
  skipped: number;
  /** Skipped templates that declare the SAM transform */
  skippedSam: number;
  /** Violations the rule packs reported */
  messages: number;
}

// The packages are loaded from the install folder, untyped: only their documented entry points are used.
type Loose = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function main(installDir: string, listFile: string): void {
  const require = createRequire(path.join(installDir, 'package.json'));
  const cdk = require('aws-cdk-lib') as Loose;
  const { CfnInclude } = require('aws-cdk-lib/cloudformation-include') as Loose;
  const nag = require('cdk-nag') as Loose;
  const files = readFileSync(listFile, 'utf8').split('\n').filter((l) => l !== '');
  const outdir = mkdtempSync(path.join(os.tmpdir(), 'faasguard-bench-cdk-nag-'));
  const run: CdkNagRun = { checked: 0, failed: 0, skipped: 0, skippedSam: 0, messages: 0 };
  try {
    // An app per template: one template that does not synthesize (a property CfnInclude cannot
    // resolve) would stop the checks of every other in a shared app.
    files.forEach((file, i) => {
      const app = new cdk.App({ outdir });
      const stack = new cdk.Stack(app, `Template${i}`);
      try {
        new CfnInclude(stack, 'Included', { templateFile: file });
      } catch {
        run.skipped++;
        if (/AWS::Serverless-2016-10-31/.test(readFileSync(file, 'utf8'))) run.skippedSam++;
        return;
      }
      // cdk-nag 3: the rule packs are policy validation plugins; synthesis fails when they find something.
      cdk.Validations.of(app).addPlugins(new nag.AwsSolutionsChecks(app), new nag.ServerlessChecks(app));
      try {
        app.synth();
      } catch {
        // the violations are in the report, if the packs ran
      }
      const found = violations(path.join(outdir, 'validation-report.json'));
      if (found === undefined) run.failed++;
      else {
        run.checked++;
        run.messages += found;
      }
    });
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
  process.stdout.write(JSON.stringify(run) + '\n');
}

/** Violations of the synthesis's validation report (removed for the next template); undefined when the packs did not run. */
function violations(report: string): number | undefined {
  if (!existsSync(report)) return undefined;
  const parsed = JSON.parse(readFileSync(report, 'utf8')) as { pluginReports?: Array<{ violations?: unknown[] }> };
  rmSync(report);
  return (parsed.pluginReports ?? []).reduce((n, p) => n + (p.violations?.length ?? 0), 0);
}

const [installDir, listFile] = process.argv.slice(2);
if (!installDir || !listFile) throw new Error('usage: cdk-nag.js <install-dir> <list-file>');
main(installDir, listFile);
