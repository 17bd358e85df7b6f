/**
 * Names the page (built in Node) and its client script (run in the browser) agree on, and that the
 * browser test and the benchmark wait for.
 */

/** Id of the `<script type="application/json">` element holding the report's data. */
export const DATA_ELEMENT_ID = 'faasguard-data';

/**
 * `performance.mark` set once the summary, the findings table and the first graph are drawn; the
 * page's `<html>` element gets `data-ready` at the same moment (`data-error` if drawing failed).
 */
export const READY_MARK = 'faasguard:ready';
