/**
 * The little XML the JUnit report needs. Escaping covers text and attribute values alike; the
 * characters XML 1.0 forbids outright (most C0 controls) are replaced, since no escape exists.
 */

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
  return s
    .replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c)
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '\ufffd')
    .replace(SHOWN_CONTROL, controlReference)
    .replace(/[\r\n\t]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Text content may keep its line breaks; only attribute values need them as references. */
export function escapeXmlText(s: string): string {
  return s
    .replace(/[&<>]/g, (c) => ENTITIES[c] ?? c)
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '\ufffd')
    .replace(SHOWN_CONTROL, controlReference);
}

/** ` name="value"` pairs in the order given, values escaped. */
export function attributes(attrs: ReadonlyArray<readonly [string, string | number]>): string {
  return attrs.map(([k, v]) => ` ${k}="${escapeXml(String(v))}"`).join('');
}
