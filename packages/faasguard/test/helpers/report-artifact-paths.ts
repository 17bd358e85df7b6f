/**
 * Every path a machine-read report writes (JSON, SARIF, JUnit, Markdown), as a consumer resolves
 * it: SARIF URIs decoded, XML attributes unescaped, Markdown code spans without their `:line`.
 */

/** The paths of a report, in order of appearance, repeated as they are. */
export function artifactPaths(format: 'json' | 'sarif' | 'junit' | 'markdown', text: string): string[] {
  switch (format) {
    case 'json':
      return jsonPaths(JSON.parse(text) as unknown);
    case 'sarif':
      return sarifUris(JSON.parse(text) as unknown).map((uri) => uri.split('/').map(decodeURIComponent).join('/'));
    case 'junit':
      return [...text.matchAll(/ file="([^"]*)"/g)].map((m) => unescapeXml(m[1]!));
    case 'markdown':
      return markdownPaths(text);
  }
}

/** Values of `file` keys anywhere, and the `templates`. */
function jsonPaths(value: unknown): string[] {
  const out: string[] = [];
  const walk = (v: unknown, key: string): void => {
    if (Array.isArray(v)) v.forEach((x) => walk(x, key));
    else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, k);
    else if (typeof v === 'string' && (key === 'file' || key === 'templates')) out.push(v);
  };
  walk(value, '');
  return out;
}

/** Every `artifactLocation.uri`. */
export function sarifUris(value: unknown): string[] {
  const out: string[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v !== null && typeof v === 'object') {
      const artifact = (v as { artifactLocation?: { uri?: unknown } }).artifactLocation;
      if (typeof artifact?.uri === 'string') out.push(artifact.uri);
      Object.values(v).forEach(walk);
    }
  };
  walk(value);
  return out;
}

/** Code spans that name a file (`infra/template.yaml:12`, `faasguard-baseline.json`), without the line. */
function markdownPaths(text: string): string[] {
  return [...text.matchAll(/`([^`\s]+)`/g)]
    .map((m) => m[1]!.replace(/:\d+$/, ''))
    .filter((s) => /\.(ya?ml|json|js|ts|py|toml|txt)$/.test(s));
}

function unescapeXml(s: string): string {
  return s.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}
