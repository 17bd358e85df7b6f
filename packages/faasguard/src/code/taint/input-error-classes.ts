/**
 * Python exception classes whose text, by the language's convention, describes the value the code
 * was given or is what the code wrote when it raised them: `ValueError` (the idiom for a rejected
 * input, `raise ValueError('Missing event body')`) with its decoding subclasses, `KeyError` (the
 * missing key's name) and `IndexError`. A handler that catches only these and returns their text
 * tells the caller about the request, not about the function's internals, so their text is not a
 * verbose error. Their stack trace still is: `traceback.format_exc()` in such a handler stays one.
 * Data: class names as the `except` clause writes them.
 */
export const INPUT_ERROR_CLASSES: ReadonlySet<string> = new Set([
  'ValueError',
  'KeyError',
  'IndexError',
  'UnicodeDecodeError',
  'UnicodeError',
  'JSONDecodeError',
  'json.JSONDecodeError',
  'json.decoder.JSONDecodeError',
  'binascii.Error',
]);
