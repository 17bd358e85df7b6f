/** `faasguard init [dir]`: a commented starter configuration. */
import { CONFIG_FILE_NAMES } from '../../config/find-config.js';
import type { Command, CommandArgs, CommandIo } from '../command.js';
import { helpText } from '../help-text.js';
import { writeStarterConfig } from '../init-config.js';
import { isSet } from '../option-values.js';
import { HELP_ROW } from '../shared-options.js';
import { UsageError } from '../usage-error.js';

export const initCommand: Command = {
  name: 'init',
  options: { force: { type: 'boolean', default: false } },
  help: () =>
    helpText(
      'faasguard init [dir] [--force]',
      [`Write a commented starter ${CONFIG_FILE_NAMES[0]} into dir (default: .): every option, commented out and explained.`],
      [{ title: 'Options', rows: [['--force', 'overwrite an existing one'], HELP_ROW] }],
    ),
  run: init,
};

function init({ values, positionals }: CommandArgs, { out }: CommandIo): number {
  if (positionals.length > 1) throw new UsageError('init takes at most one directory');
  const file = writeStarterConfig(positionals[0] ?? '.', isSet(values, 'force'));
  out.write(`wrote ${file}: every option is commented out; uncomment what you need\n`);
  return 0;
}
