/**
 * Reads a file's text, or undefined when it cannot or must not be read (see `files/read-regular-file.ts`).
 */
export { readTextOrUndefined } from '../files/read-regular-file.js';
