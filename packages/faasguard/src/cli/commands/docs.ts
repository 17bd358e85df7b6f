/** `faasguard docs --out <dir>`: a Markdown page per rule, and their index. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ruleMarkdown, rulesIndexMarkdown } from '../../docs/rule-doc.js';
import { ALL_RULES } from '../../rules/index.js';
import type { Command, CommandArgs, CommandIo } from '../command.js';
import { helpText } from '../help-text.js';
import { stringValue } from '../option-values.js';
import { HELP_ROW } from '../shared-options.js';
import { UsageError } from '../usage-error.js';

export const docsCommand: Command = {
  name: 'docs',
  options: { out: { type: 'string' } },
  help: () => helpText('faasguard docs --out <dir>', ['Write a Markdown page per rule, and a README.md index of them, into <dir>.'], [{ title: 'Options', rows: [['--out <dir>', 'the folder (made when missing)'], HELP_ROW] }]),
  run: docs,
};

function docs({ values }: CommandArgs, { out }: CommandIo): number {
  const dir = stringValue(values, 'out');
  if (!dir) throw new UsageError('docs needs --out <dir>');
  mkdirSync(dir, { recursive: true });
  const metas = ALL_RULES.map((r) => r.meta).sort((a, b) => (a.id < b.id ? -1 : 1));
  for (const m of metas) writeFileSync(path.join(dir, `${m.id}.md`), ruleMarkdown(m));
  writeFileSync(path.join(dir, 'README.md'), rulesIndexMarkdown(metas));
  out.write(`wrote ${metas.length} rule pages to ${dir}\n`);
  return 0;
}
