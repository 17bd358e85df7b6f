/** `faasguard db update`: downloads OSV's npm and PyPI exports into the cache scans use by default. */
import { DEFAULT_OSV_EXPORT_URL, defaultCacheDir, updateDb } from '../../deps/index.js';
import type { Command, CommandArgs, CommandIo } from '../command.js';
import { helpText } from '../help-text.js';
import { stringValue } from '../option-values.js';
import { HELP_ROW } from '../shared-options.js';
import { UsageError } from '../usage-error.js';

export const dbCommand: Command = {
  name: 'db',
  options: { 'source-url': { type: 'string' }, 'cache-dir': { type: 'string' } },
  help: () =>
    helpText('faasguard db update [--source-url <url>] [--cache-dir <dir>]', ['Download the OSV vulnerability data (npm, PyPI) into the local cache that scans read by default.', 'Exit code: 0, 1 when part of it failed, 2 when nothing was downloaded.'], [
      {
        title: 'Options',
        rows: [
          ['--source-url <url>', `where the OSV exports are (default: ${DEFAULT_OSV_EXPORT_URL})`],
          ['--cache-dir <dir>', `the cache (default: ${defaultCacheDir()})`],
          HELP_ROW,
        ],
      },
    ]),
  run: db,
};

async function db({ values, positionals }: CommandArgs, { out, err }: CommandIo): Promise<number> {
  if (positionals.length !== 1 || positionals[0] !== 'update') throw new UsageError("db takes one subcommand: 'db update'");
  const baseUrl = stringValue(values, 'source-url');
  if (baseUrl !== undefined && !/^https?:\/\//.test(baseUrl)) throw new UsageError('--source-url takes an http(s) URL');
  const cacheDir = stringValue(values, 'cache-dir');
  const result = await updateDb({ ...(baseUrl ? { baseUrl } : {}), ...(cacheDir ? { cacheDir } : {}) });
  for (const e of result.errors) err.write(`faasguard: ${e}\n`);
  if (result.updated.length === 0) {
    err.write(`faasguard: no vulnerability data downloaded; ${result.cacheDir} is unchanged\n`);
    return 2;
  }
  out.write(`updated ${result.updated.join(', ')} in ${result.cacheDir} (${result.metadata?.updatedAt ?? 'now'})\n`);
  return result.errors.length > 0 ? 1 : 0;
}
