/**
 * `faasguard changed <file>…`: what a pre-commit hook (or lint-staged) runs. It scans the whole
 * project under `--root` (default: the working directory, where pre-commit runs hooks), since a
 * finding can need every template and handler, then reports and fails only on what concerns the
 * files given (see `changed-files.ts`). Exit codes as `scan`: 0, 1 findings in those files at or
 * above --fail-on, 2 a usage error, no template under the root, or a changed template that cannot
 * be read (unless --allow-input-errors). With `--baseline`, findings the baseline holds are neither
 * reported nor counted, as with `scan --baseline`.
 */
import { applyBaseline } from '../../baseline/apply-baseline.js';
import { renderReport } from '../../report/reporter.js';
import type { ScanResult } from '../../scan/scan-result.js';
import { redactSecretsInText } from '../../secrets/index.js';
import { baselineOrUsageError } from '../baseline-option.js';
import { changedPart, changedUnder } from '../changed-files.js';
import type { Command, CommandArgs, CommandIo } from '../command.js';
import { failOnFromFlag, failsOn } from '../fail-on.js';
import { isDirectory } from '../file-kinds.js';
import { helpText } from '../help-text.js';
import { writeInputProblems } from '../input-problems.js';
import { isSet, stringValue } from '../option-values.js';
import { plural } from '../plural.js';
import { failsOnInputErrors, feedbackFor, noTemplates } from '../scan-input.js';
import { prepareScan, runScan } from '../scan-run.js';
import { SCAN_OPTIONS, SCAN_SECTIONS } from '../shared-options.js';
import { UsageError } from '../usage-error.js';

export const changedCommand: Command = {
  name: 'changed',
  options: {
    root: { type: 'string', default: '.' },
    'fail-on': { type: 'string' },
    baseline: { type: 'string' },
    ...SCAN_OPTIONS,
  },
  help: () =>
    helpText(
      'faasguard changed <file>… [options]',
      ['Scan the project under --root and report only the findings in these files: what a pre-commit', 'hook runs. A finding counts when its location, data flow or related places name a given file.'],
      [
        {
          title: 'Project and gate',
          rows: [
            ['--root <dir>', 'the project to scan (default: the working directory)'],
            ['--fail-on <severity>', 'exit 1 when a finding in the files is at or above it, or none (default: the', "configuration's failOn, else low)"],
            ['--baseline <file>', "report and count only findings not in this baseline (see 'faasguard baseline')"],
          ],
        },
        ...SCAN_SECTIONS,
      ],
    ),
  run: changed,
};

async function changed({ values, positionals }: CommandArgs, { out, err, clock }: CommandIo): Promise<number> {
  const root = stringValue(values, 'root') ?? '.';
  if (!isDirectory(root)) throw new UsageError(`--root ${root} is not a directory`);
  const failOnFlag = failOnFromFlag(stringValue(values, 'fail-on'));
  const baselineFile = stringValue(values, 'baseline');
  const baseline = baselineFile === undefined ? undefined : baselineOrUsageError(baselineFile);
  const prepared = prepareScan('changed', [root], values, err);
  const files = changedUnder(root, positionals);
  // Nothing of the project changed (a commit of other files): no need to scan.
  if (files.size === 0) return 0;
  const scanned = await runScan(prepared, feedbackFor(values, err, clock));
  if (scanned.templates.length === 0) return noTemplates(root, err);
  const result = baseline === undefined ? scanned : applyBaseline(scanned, baseline, baselineFile!);
  const part = changedPart(result, files);
  out.write(renderReport({ ...result, ...part }, 'pretty', { color: false, redactLine: redactSecretsInText }));
  const quiet = isSet(values, 'quiet');
  if (!quiet) err.write(`faasguard: ${plural(part.findings.length, 'finding')} in ${plural(files.size, 'changed file')}, ${result.findings.length} in the project${knownText(result)} ('faasguard scan ${root}' lists them all)\n`);
  writeInputProblems(part.diagnostics, err, quiet);
  if (failsOnInputErrors(part.diagnostics, values, prepared.config)) return 2;
  return failsOn(part.findings, failOnFlag, prepared.config) ? 1 : 0;
}

/** The baseline's share: its findings are neither reported nor counted. */
function knownText(result: ScanResult): string {
  return result.baseline ? `, not counting ${result.baseline.baselined} in the baseline` : '';
}
