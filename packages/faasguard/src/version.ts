import { createRequire } from 'node:module';

/** The package version, read from package.json so that it is written in one place. */
export const TOOL_VERSION: string = (createRequire(import.meta.url)('../../package.json') as { version: string }).version;
