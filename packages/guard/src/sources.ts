/**
 * The event source names alone, without the guard: the faasguard scanner names the triggers it
 * finds in templates with them, so that both tools speak one vocabulary.
 */
export {
  SOURCE_NAMES,
  HTTP_SOURCES,
  PARTIAL_BATCH_SOURCES,
  isSourceName,
  isHttpSource,
  isPartialBatchSource,
} from './sources/source-name.js';
export type { SourceName, HttpSourceName, PartialBatchSourceName } from './sources/source-name.js';
