import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root, from compiled tests in dist/test/… */
export const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const FIXTURES = path.join(PACKAGE_ROOT, 'test/fixtures');
export const REPO_ROOT = path.resolve(PACKAGE_ROOT, '../..');
