/**
 * `faasguard scan`: the report, in one or several formats, and an exit code. Exit codes: 0
 * nothing at or above --fail-on, 1 findings at or above it, 2 a usage error, nothing could be
 * scanned, or a template could not be read (unless --allow-input-errors).
 */
import { applyBaseline } from '../../baseline/apply-baseline.js';
import { baselineOrUsageError } from '../baseline-option.js';
import { reportPathsFor } from '../../report/report-root.js';
import type { ReportPaths } from '../../report/report-paths.js';
import { renderReportParts } from '../../report/reporter.js';
import { batched, writeFileInParts } from '../write-in-parts.js';
import { escapeLine } from '../../report/terminal-text.js';
import type { ScanResult } from '../../scan/scan-result.js';
import { redactSecretsInText } from '../../secrets/index.js';
import { colorWanted, isTty } from '../color.js';
import type { Command, CommandArgs, CommandIo } from '../command.js';
import { helpText } from '../help-text.js';
import { writeInputProblems } from '../input-problems.js';
import { isSet, stringValue, stringValues, type Values } from '../option-values.js';
import { plural } from '../plural.js';
import { prepareOutput, reportOutputs, type ReportOutput } from '../report-outputs.js';
import { failOnFromFlag, failsOn } from '../fail-on.js';
import { prepareScan, runScan } from '../scan-run.js';
import { failsOnInputErrors, feedbackFor, noTemplates } from '../scan-input.js';
import { severityFromFlag, shownFindings } from '../shown-findings.js';
import { NO_COLOR_OPTION, SCAN_OPTIONS, SCAN_SECTIONS } from '../shared-options.js';
import { UsageError } from '../usage-error.js';

export const scanCommand: Command = {
  name: 'scan',
  options: {
    format: { type: 'string', short: 'f', multiple: true, default: [] },
    output: { type: 'string', short: 'o', multiple: true, default: [] },
    'fail-on': { type: 'string' },
    severity: { type: 'string' },
    baseline: { type: 'string' },
    'show-suppressed': { type: 'boolean', default: false },
    'exit-zero': { type: 'boolean', default: false },
    ...NO_COLOR_OPTION,
    ...SCAN_OPTIONS,
  },
  help: () =>
    helpText(
      'faasguard scan <dir|file> [options]',
      ['Scan the templates under <dir> (SAM, CloudFormation, Serverless Framework, CDK cloud assemblies), or one file.', 'Exit code: 0 nothing at or above --fail-on, 1 findings at or above it, 2 a usage error, nothing to scan,', 'or a template that could not be read (unless --allow-input-errors).'],
      [
        {
          title: 'Report',
          rows: [
            ['-f, --format <format>', 'pretty (default), json, sarif, markdown (a pull-request comment), junit, or html', '(one self-contained page: summary, attack-surface graph, findings)'],
            ['-o, --output <file>', 'write the report to a file instead of standard output; missing folders are made', 'Several --format/--output pairs write several reports of one scan, paired by order:', '-f sarif -o x.sarif -f markdown -o x.md'],
            ['--severity <level>', 'show only findings at or above it (critical, high, medium, low, info); it filters', 'what the report shows, not the exit code (--fail-on counts every finding)'],
            ['--baseline <file>', "report only findings not in this baseline (see 'faasguard baseline')"],
            ['--show-suppressed', 'list suppressed findings in the pretty and markdown reports (JSON, SARIF and JUnit', 'always hold them, marked)'],
            ['--no-color', 'no ANSI colours. A pretty report on standard output has them on a terminal, or with', 'FORCE_COLOR=1 (over NO_COLOR) without one; NO_COLOR=1 or FORCE_COLOR=0 turns them off'],
          ],
        },
        {
          title: 'Exit code',
          rows: [
            ['--fail-on <severity>', 'exit 1 when a finding is at or above it: critical, high, medium, low, info, or none', "(never); any case (default: the configuration's failOn, else low); suppressed findings", 'never count'],
            ['--exit-zero', 'exit 0 whatever the scan found (the report and stderr still say it); usage errors and', 'nothing to scan still exit 2'],
          ],
        },
        ...SCAN_SECTIONS,
      ],
    ),
  run: scan,
};

async function scan({ values, positionals }: CommandArgs, { out, err, clock }: CommandIo): Promise<number> {
  const outputs = reportOutputs(stringValues(values, 'format'), stringValues(values, 'output'));
  const failOnFlag = failOnFromFlag(stringValue(values, 'fail-on'));
  const least = severityFromFlag(stringValue(values, 'severity'));
  const baselineFile = stringValue(values, 'baseline');
  // Read before scanning: a wrong path should fail fast, not after a long scan.
  const baseline = baselineFile === undefined ? undefined : baselineOrUsageError(baselineFile);
  const prepared = prepareScan('scan', positionals, values, err);
  const feedback = feedbackFor(values, err, clock);
  for (const { file } of outputs) if (file !== undefined) prepareOutput(file);
  const scanned = await runScan(prepared, feedback);
  const result = baseline === undefined ? scanned : applyBaseline(scanned, baseline, baselineFile!);
  const shown = shownFindings(result, least);
  // Paths resolve from the repository root, as CI services read them; omissions are warnings.
  const context: ReportContext = { paths: reportPathsFor(prepared.target), warn: (message) => warnUnlessQuiet(values, err, message) };
  for (const output of outputs) writeReport(shown.result, output, values, out, context);
  if (result.templates.length === 0) return noTemplates(prepared.target, err);
  const quiet = isSet(values, 'quiet');
  const prettyOnStdout = outputs.some((o) => o.format === 'pretty' && o.file === undefined);
  // A pretty report on the terminal lists them already.
  if (!(prettyOnStdout && isTty(out))) writeInputProblems(result.diagnostics, err, quiet);
  if (shown.hidden > 0 && !quiet) err.write(`faasguard: ${plural(shown.hidden, 'finding')} below ${least} left out of the report (--severity); --fail-on still counts them\n`);
  // A pretty report on standard output ends with the same counts.
  const inputProblems = result.diagnostics.filter((d) => d.severity !== 'note').length;
  feedback.summarize(result.findings, result.templates.length, prettyOnStdout, inputProblems);
  if (isSet(values, 'exit-zero')) return 0;
  if (failsOnInputErrors(result.diagnostics, values, prepared.config)) return 2;
  return failsOn(result.findings, failOnFlag, prepared.config) ? 1 : 0;
}

function warnUnlessQuiet(values: Values, err: NodeJS.WritableStream, message: string): void {
  if (!isSet(values, 'quiet')) err.write(`faasguard: warning ${escapeLine(message)}\n`);
}

/** What every report of one scan shares: where its paths start and where its warnings go. */
interface ReportContext {
  paths: ReportPaths;
  warn: (message: string) => void;
}

function writeReport(result: ScanResult, { format, file }: ReportOutput, values: Values, out: NodeJS.WritableStream, { paths, warn }: ReportContext): void {
  // Colours are for a person reading standard output; a file is read later, elsewhere.
  const color = format === 'pretty' && file === undefined && colorWanted(isSet(values, 'no-color'), out);
  const parts = renderReportParts(result, format, { color, redactLine: redactSecretsInText, showSuppressed: isSet(values, 'show-suppressed'), paths, warn });
  if (file !== undefined) writeOutputFile(file, parts);
  else for (const text of batched(parts)) out.write(text);
}

/** The report file; a system's refusal (a full disk, a file that takes no writes) names the file, not an internal error. */
function writeOutputFile(file: string, parts: Iterable<string>): void {
  try {
    writeFileInParts(file, parts);
  } catch (e) {
    const error = e as NodeJS.ErrnoException;
    if (error.syscall === undefined) throw e;
    throw new UsageError(`--output ${file}: cannot write it (${error.code ?? error.message})`);
  }
}
