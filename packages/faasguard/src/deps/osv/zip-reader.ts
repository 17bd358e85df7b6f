/**
 * The part of `fflate` that reads zips. `load-osv-db.ts` imports it only when it meets a zip: the
 * package builds its tables when loaded, some 5 ms of every scan, and few scans read a zip. A
 * module of its own, so that the bundle keeps only these two classes of the package.
 */
export { Unzip, UnzipInflate } from 'fflate';
