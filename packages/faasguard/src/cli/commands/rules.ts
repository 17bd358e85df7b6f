/** `faasguard rules`: every rule, as a table, Markdown or JSON. */
import { rulesIndexMarkdown } from '../../docs/rule-doc.js';
import { ALL_RULES } from '../../rules/index.js';
import type { Command, CommandArgs, CommandIo } from '../command.js';
import { helpText } from '../help-text.js';
import { HELP_ROW } from '../shared-options.js';
import { UsageError } from '../usage-error.js';

export const rulesCommand: Command = {
  name: 'rules',
  options: { format: { type: 'string', short: 'f', default: 'text' } },
  help: () =>
    helpText('faasguard rules [--format text|markdown|json]', ['List every rule: id, severity, OWASP Serverless Top 10 category, title.'], [
      { title: 'Options', rows: [['-f, --format <format>', 'text (default), markdown or json'], HELP_ROW] },
    ]),
  run: rules,
};

function rules({ values }: CommandArgs, { out }: CommandIo): number {
  const metas = ALL_RULES.map((r) => r.meta).sort((a, b) => (a.id < b.id ? -1 : 1));
  const format = String(values['format']);
  if (format === 'json') out.write(JSON.stringify(metas, null, 2) + '\n');
  else if (format === 'markdown') out.write(rulesIndexMarkdown(metas));
  else if (format === 'text') for (const m of metas) out.write(`${m.id.padEnd(44)} ${m.severity.padEnd(9)} ${m.category.padEnd(7)} ${m.title}\n`);
  else throw new UsageError('--format must be text, markdown or json');
  return 0;
}
