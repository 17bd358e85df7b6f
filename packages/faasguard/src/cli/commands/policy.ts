/** `faasguard policy`: the IAM actions each function's code calls, on the resources it names. */
import { writeFileSync } from 'node:fs';
import { prepareCodeAnalysis } from '../../code/code-facts.js';
import { leastPrivilegeFor } from '../../code/aws-calls/least-privilege.js';
import { isPolicyFormat, renderPolicies } from '../../policy/render-policy.js';
import { scanRootOf } from '../../scan/load-formats.js';
import { prepareLoad, reportAppProblems } from '../app-input.js';
import type { Command, CommandArgs, CommandIo } from '../command.js';
import { helpText } from '../help-text.js';
import { stringValue, stringValues } from '../option-values.js';
import { prepareOutput } from '../report-outputs.js';
import { failsOnInputErrors, noTemplates } from '../scan-input.js';
import { CONFIG_OPTIONS, CONFIG_SECTION, HELP_ROW, INPUT_HELP, INPUT_OPTIONS, LOADER_HELP, LOADER_OPTIONS, NO_COLOR_OPTION, OUTPUT_OPTION, QUIET_OPTION, QUIET_ROW } from '../shared-options.js';
import { UsageError } from '../usage-error.js';

export const policyCommand: Command = {
  name: 'policy',
  options: {
    format: { type: 'string', short: 'f', default: 'json' },
    function: { type: 'string', multiple: true, default: [] },
    ...OUTPUT_OPTION,
    ...QUIET_OPTION,
    ...NO_COLOR_OPTION,
    ...INPUT_OPTIONS,
    ...LOADER_OPTIONS,
    ...CONFIG_OPTIONS,
  },
  help: () =>
    helpText(
      'faasguard policy <dir|file> [options]',
      ["Print each function's least-privilege IAM policy, from the AWS calls its code makes.", 'Exit code: 0, or 2 on a usage error, nothing to read, or a template that could not be read (unless --allow-input-errors).'],
      [
        {
          title: 'Output',
          rows: [
            ['--function <id>', 'only this function (its logical id; repeatable)'],
            ['-f, --format <format>', 'json (default), sam (Policies of a SAM function) or serverless (iamRoleStatements)'],
            ['-o, --output <file>', 'write the policies to a file instead of standard output; missing folders are made'],
            ['--no-color', 'accepted as by scan; policies have no colours'],
          ],
        },
        { title: 'Input', rows: [...INPUT_HELP, ...LOADER_HELP] },
        CONFIG_SECTION,
        { title: 'Messages', rows: [QUIET_ROW, HELP_ROW] },
      ],
    ),
  run: policy,
};

async function policy({ values, positionals }: CommandArgs, { out, err }: CommandIo): Promise<number> {
  const format = String(values['format']);
  if (!isPolicyFormat(format)) throw new UsageError('--format must be json, sam or serverless');
  const prepared = prepareLoad('policy', positionals, values, err);
  const output = stringValue(values, 'output');
  if (output !== undefined) prepareOutput(output);
  const app = await prepared.load();
  const redactor = reportAppProblems(app, prepared.target, values, err);
  if (app.templates.length === 0) return noTemplates(prepared.target, err);
  await prepareCodeAnalysis(app.model);
  const wanted = stringValues(values, 'function');
  const privileges = leastPrivilegeFor(app.model, { root: scanRootOf(prepared.target).root, exclusion: prepared.options }).filter((p) => wanted.length === 0 || wanted.includes(p.fn.logicalId));
  if (wanted.length > 0 && privileges.length === 0) throw new UsageError(`no function ${wanted.join(', ')} in ${prepared.target}`);
  // The policy names files and resources of the project: a secret among them is masked as in the reports.
  const text = redactor.values(renderPolicies(privileges, format));
  if (output !== undefined) writeFileSync(output, text);
  else out.write(text);
  return failsOnInputErrors(app.diagnostics, values, prepared.config) ? 2 : 0;
}
