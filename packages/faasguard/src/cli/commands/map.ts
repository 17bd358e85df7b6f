/** `faasguard map`: the attack surface, entry points → functions → what they reach. */
import { writeFileSync } from 'node:fs';
import { buildAttackSurfaceMap } from '../../map/build-map.js';
import { isMapFormat, MAP_FORMATS, renderMap } from '../../map/render-map.js';
import { prepareLoad, reportAppProblems } from '../app-input.js';
import type { Command, CommandArgs, CommandIo } from '../command.js';
import { helpText } from '../help-text.js';
import { stringValue } from '../option-values.js';
import { prepareOutput } from '../report-outputs.js';
import { failsOnInputErrors, noTemplates } from '../scan-input.js';
import { CONFIG_OPTIONS, CONFIG_SECTION, HELP_ROW, INPUT_HELP, INPUT_OPTIONS, LOADER_HELP, LOADER_OPTIONS, NO_COLOR_OPTION, OUTPUT_OPTION, QUIET_OPTION, QUIET_ROW } from '../shared-options.js';
import { UsageError } from '../usage-error.js';

export const mapCommand: Command = {
  name: 'map',
  options: { format: { type: 'string', short: 'f', default: 'text' }, ...OUTPUT_OPTION, ...QUIET_OPTION, ...NO_COLOR_OPTION, ...INPUT_OPTIONS, ...LOADER_OPTIONS, ...CONFIG_OPTIONS },
  help: () =>
    helpText(
      'faasguard map <dir|file> [options]',
      ['Draw the attack surface: entry points → functions → what they reach.', 'Exit code: 0, or 2 on a usage error, nothing to map, or a template that could not be read (unless --allow-input-errors).'],
      [
        {
          title: 'Output',
          rows: [
            ['-f, --format <format>', `${MAP_FORMATS.join(', ')} (default: text)`],
            ['-o, --output <file>', 'write the map to a file instead of standard output; missing folders are made'],
            ['--no-color', 'accepted as by scan; the map has no colours'],
          ],
        },
        { title: 'Input', rows: [...INPUT_HELP, ...LOADER_HELP] },
        CONFIG_SECTION,
        { title: 'Messages', rows: [QUIET_ROW, HELP_ROW] },
      ],
    ),
  run: map,
};

async function map({ values, positionals }: CommandArgs, { out, err }: CommandIo): Promise<number> {
  const format = String(values['format']);
  if (!isMapFormat(format)) throw new UsageError(`--format must be ${MAP_FORMATS.join(', ')}`);
  const prepared = prepareLoad('map', positionals, values, err);
  const output = stringValue(values, 'output');
  if (output !== undefined) prepareOutput(output);
  const app = await prepared.load();
  const redactor = reportAppProblems(app, prepared.target, values, err);
  if (app.templates.length === 0) return noTemplates(prepared.target, err);
  const text = renderMap(redactor.data(buildAttackSurfaceMap(app.model)), format);
  if (output !== undefined) writeFileSync(output, text);
  else out.write(text);
  return failsOnInputErrors(app.diagnostics, values, prepared.config) ? 2 : 0;
}
