import { readFileSync } from 'node:fs';
import { packageFile } from './files/package-root.js';

/** The package version, read from package.json so that it is written in one place. */
export const TOOL_VERSION: string = (JSON.parse(readFileSync(packageFile('package.json'), 'utf8')) as { version: string }).version;
