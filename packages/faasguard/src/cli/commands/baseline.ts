/**
 * `faasguard baseline`: records the fingerprints of today's findings, so that `scan --baseline`
 * reports only new ones. A template that cannot be read would leave its findings out of the
 * baseline (and make them "new" later): then nothing is written and the exit code is 2, unless
 * input errors are allowed.
 */
import { DEFAULT_BASELINE_FILE } from '../../baseline/baseline-file.js';
import { writeBaselineFile } from '../../baseline/baseline-io.js';
import type { Command, CommandArgs, CommandIo } from '../command.js';
import { helpText } from '../help-text.js';
import { inputErrors, writeInputProblems } from '../input-problems.js';
import { isSet, stringValue } from '../option-values.js';
import { plural } from '../plural.js';
import { prepareOutput } from '../report-outputs.js';
import { failsOnInputErrors, feedbackFor, noTemplates } from '../scan-input.js';
import { prepareScan, runScan } from '../scan-run.js';
import { OUTPUT_OPTION, SCAN_OPTIONS, SCAN_SECTIONS } from '../shared-options.js';

export const baselineCommand: Command = {
  name: 'baseline',
  options: { ...OUTPUT_OPTION, ...SCAN_OPTIONS },
  help: () =>
    helpText(
      'faasguard baseline <dir|file> [options]',
      ["Record the current findings, so that 'faasguard scan --baseline <file>' reports only new ones.", 'It scans as scan does and takes the same input flags. A template that cannot be read exits 2', 'and writes nothing (its findings would be missing from the baseline), unless --allow-input-errors.'],
      [
        { title: 'Output', rows: [['-o, --output <file>', `the baseline file (default: ${DEFAULT_BASELINE_FILE}); missing folders are made`]] },
        ...SCAN_SECTIONS,
      ],
    ),
  run: baseline,
};

async function baseline({ values, positionals }: CommandArgs, { out, err, clock }: CommandIo): Promise<number> {
  const prepared = prepareScan('baseline', positionals, values, err);
  const feedback = feedbackFor(values, err, clock);
  const file = stringValue(values, 'output') ?? DEFAULT_BASELINE_FILE;
  prepareOutput(file);
  const result = await runScan(prepared, feedback);
  // An empty baseline from a mistyped path would silently report everything as new later.
  if (result.templates.length === 0) return noTemplates(prepared.target, err);
  writeInputProblems(result.diagnostics, err, isSet(values, 'quiet'));
  if (failsOnInputErrors(result.diagnostics, values, prepared.config)) {
    const count = inputErrors(result.diagnostics).length;
    err.write(`faasguard: ${file} not written: ${plural(count, 'input error')} would leave findings out of it (--allow-input-errors writes it anyway)\n`);
    return 2;
  }
  const count = writeBaselineFile(file, result.findings);
  out.write(`wrote ${plural(count, 'finding')} to ${file}\n`);
  return 0;
}
