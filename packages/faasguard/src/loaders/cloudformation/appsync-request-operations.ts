/**
 * The DynamoDB operations an AppSync resolver's request code sends, read from its text: a VTL
 * mapping template or an `APPSYNC_JS` handler writes the request as an object with an `operation`
 * field (`"operation": "PutItem"`), or calls the helpers of `@aws-appsync/utils/dynamodb`
 * (`ddb.remove(…)` is a `DeleteItem`). The code is read, never run.
 */
import { escapeRegExp } from '../../util/escape-regexp.js';

/** A request written out: `"operation" : "PutItem"` (VTL, JSON) or `operation: 'PutItem'` (JavaScript). */
const OPERATION_FIELD = /["']?\boperation["']?\s*:\s*["']([A-Za-z]+)["']/g;

/** The helpers of `@aws-appsync/utils/dynamodb`, by the operation each builds. */
const HELPERS: ReadonlyMap<string, string> = new Map([
  ['get', 'GetItem'],
  ['put', 'PutItem'],
  ['remove', 'DeleteItem'],
  ['update', 'UpdateItem'],
  ['query', 'Query'],
  ['scan', 'Scan'],
  ['sync', 'Sync'],
  ['batchGet', 'BatchGetItem'],
  ['batchPut', 'BatchPutItem'],
  ['batchDelete', 'BatchDeleteItem'],
  ['transactGet', 'TransactGetItems'],
  ['transactWrite', 'TransactWriteItems'],
]);

const HELPER_IMPORT = /import\s+(?:\*\s+as\s+([A-Za-z_$][\w$]*)|\{([^}]*)\})\s+from\s+["']@aws-appsync\/utils\/dynamodb["']/g;

/**
 * What makes a put create an item and replace none: a key made anew (`util.autoId()`,
 * `$util.autoId()`) or a condition that the item is not there yet.
 */
const CREATES_ONLY = /autoId\s*\(|attribute_not_exists|attributeExists\s*:\s*false/;

export interface RequestOperations {
  /** Sorted, each once */
  operations: string[];
  createsOnly: boolean;
}

export function requestOperations(code: string): RequestOperations {
  const found = new Set<string>();
  for (const m of code.matchAll(OPERATION_FIELD)) found.add(m[1]!);
  for (const op of helperCalls(code)) found.add(op);
  return { operations: [...found].sort(), createsOnly: CREATES_ONLY.test(code) };
}

/** The operations of the helper calls, by the names the code imports them under. */
function helperCalls(code: string): string[] {
  const out: string[] = [];
  for (const m of code.matchAll(HELPER_IMPORT)) {
    if (m[1] !== undefined) {
      for (const call of code.matchAll(new RegExp(`\\b${escapeRegExp(m[1])}\\.(\\w+)\\s*\\(`, 'g'))) {
        const op = HELPERS.get(call[1]!);
        if (op) out.push(op);
      }
      continue;
    }
    for (const [local, helper] of namedImports(m[2] ?? '')) {
      const op = HELPERS.get(helper);
      if (op && new RegExp(`(^|[^\\w$.])${escapeRegExp(local)}\\s*\\(`).test(code)) out.push(op);
    }
  }
  return out;
}

/** `{ put, remove as del }` as [local name, helper] pairs. */
function namedImports(list: string): Array<[string, string]> {
  return list.split(',').flatMap((part) => {
    const [helper, local] = part.trim().split(/\s+as\s+/);
    return helper ? [[(local ?? helper).trim(), helper.trim()] as [string, string]] : [];
  });
}
