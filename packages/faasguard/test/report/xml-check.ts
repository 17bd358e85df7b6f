/**
 * A small XML well-formedness check for the JUnit tests: balanced elements, quoted attributes,
 * known entities only, no raw `<` or `&` in text. Enough for what the report writes.
 */

/** Returns the problems found; empty means well-formed. Also returns the elements seen, by name. */
export function checkXml(xml: string): { problems: string[]; elements: Map<string, number> } {
  const problems: string[] = [];
  const elements = new Map<string, number>();
  const stack: string[] = [];
  const body = xml.replace(/^<\?xml [^?]*\?>\n/, '');
  const token = /<(\/?)([A-Za-z_][\w.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>|([^<]+)|(<)/g;
  for (const m of body.matchAll(token)) {
    const [, closing, name, attrs, selfClosing, text, stray] = m;
    if (stray !== undefined) problems.push(`stray < at ${m.index}`);
    if (text !== undefined) checkEntities(text, problems);
    if (name === undefined) continue;
    if (attrs) checkEntities(attrs, problems);
    if (closing) {
      if (stack.pop() !== name) problems.push(`</${name}> does not close the open element`);
      continue;
    }
    elements.set(name, (elements.get(name) ?? 0) + 1);
    if (!selfClosing) stack.push(name);
  }
  if (stack.length > 0) problems.push(`unclosed: ${stack.join(', ')}`);
  return { problems, elements };
}

function checkEntities(text: string, problems: string[]): void {
  for (const m of text.matchAll(/&([^;\s]*);?/g)) {
    if (!/^(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+)$/.test(m[1] ?? '') || !m[0].endsWith(';')) problems.push(`bad entity ${m[0]}`);
  }
}
