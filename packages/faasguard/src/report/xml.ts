/**
 * The little XML the JUnit report needs. Escaping covers text and attribute values alike. Control
 * characters are shown escaped (see `escapeLine`), as in every text output; what XML 1.0 forbids
 * outright and is left (U+FFFE, U+FFFF) is replaced, since no escape exists.
 */
import { escapeControl, escapeLine } from './terminal-text.js';

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/**
 * XML allows DEL, the C1 controls and the bidi overrides, but a CI page or a terminal showing the
 * file would act on them; as character references they stay the same text for an XML reader.
 */
const SHOWN_CONTROL = /[\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

function controlReference(c: string): string {
  return `&#x${c.charCodeAt(0).toString(16)};`;
}

export function escapeXml(s: string): string {
  return escapeLine(s)
    .replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c)
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '\ufffd')
    .replace(SHOWN_CONTROL, controlReference)
    .replace(/[\r\n\t]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Text content may keep its line breaks (the caller shows those of project text escaped); attribute values are one line. */
export function escapeXmlText(s: string): string {
  return escapeControl(s)
    .replace(/[&<>]/g, (c) => ENTITIES[c] ?? c)
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '\ufffd')
    .replace(SHOWN_CONTROL, controlReference);
}

/** ` name="value"` pairs in the order given, values escaped. */
export function attributes(attrs: ReadonlyArray<readonly [string, string | number]>): string {
  return attrs.map(([k, v]) => ` ${k}="${escapeXml(String(v))}"`).join('');
}
