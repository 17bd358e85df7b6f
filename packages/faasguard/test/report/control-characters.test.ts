/**
 * File names, logical ids, route paths and configuration keys come from the scanned project, which
 * may be hostile: escape sequences rewrite a terminal (colours, cursor moves, a cleared screen),
 * BEL rings, CR overwrites a line, bidirectional overrides reorder what a reader sees, and a
 * newline forges a line of the report. None of them may come out raw; each is shown escaped.
 * The hostile names are created at test time (Linux allows every byte but `/` and NUL in a name).
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { MAP_FORMATS } from '../../src/map/render-map.js';
import { REPORT_FORMATS } from '../../src/report/options.js';
import { removeProject, tempRepo } from '../helpers/temp-project.js';
import { runCli } from '../helpers/run-cli.js';
import { DATA_ELEMENT_ID } from '../../src/report/html/page-contract.js';
import { embeddedData } from './html/embedded-data.js';

process.env['FAASGUARD_NOW'] = '2026-11-23';

/** ESC (a colour), BEL, CR, LF (then a would-be report line), NEL (U+0085), RLO (U+202E), CSI (U+009B). */
const HOSTILE = '\u001b[31mRED\u0007BEL\rCR\nFORGED\u0085NEL\u202eRLO\u009b2J';
/** The same, as a YAML double-quoted string writes it. */
const HOSTILE_YAML = '\\e[31mRED\\aBEL\\rCR\\nFORGED\\NNEL\\u202ERLO\\x9B2J';

/** Raw control characters: C0 but tab and newline, DEL, C1, line and paragraph separators, bidi embeddings, overrides and isolates. */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;

const TEMPLATE = `AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      FunctionName: "fn${HOSTILE_YAML}"
      Runtime: python3.12
      Handler: index.handler
      InlineCode: "def handler(event, context): return {}"
      Events:
        Api:
          Type: Api
          Properties:
            Path: "/p${HOSTILE_YAML}"
            Method: post
`;

const TEMPLATE_FILE = `app${HOSTILE}.yaml`;

function assertClean(text: string, where: string): void {
  const raw = CONTROL.exec(text);
  assert.equal(raw, null, `${where} holds U+${raw?.[0].codePointAt(0)?.toString(16).padStart(4, '0')} raw`);
}

/** Line-oriented output: the text after a hostile newline must not begin a line of its own. */
function assertNoForgedLine(text: string, where: string): void {
  const forged = text.split('\n').find((line) => /^\W*FORGED/.test(line));
  assert.equal(forged, undefined, `${where} has a line started by a name's newline`);
}

/** The raw text of the HTML page's data element. */
function embeddedText(html: string): string {
  const open = `<script type="application/json" id="${DATA_ELEMENT_ID}">`;
  const start = html.indexOf(open) + open.length;
  return html.slice(start, html.indexOf('</script>', start));
}

/** The HTML page without its script elements. */
function pageOutsideScripts(html: string): string {
  return html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '');
}

describe('control characters from the scanned project', () => {
  let dir: string;

  before(() => {
    dir = tempRepo({ [TEMPLATE_FILE]: TEMPLATE });
  });

  after(() => removeProject(dir));

  for (const format of REPORT_FORMATS) {
    it(`are escaped in the ${format} report`, async () => {
      const { out } = await runCli('scan', dir, '--format', format, '--no-cache', '--no-color', '--show-suppressed');
      assert.ok(out.includes('api-route-without-auth'), out.slice(0, 2000));
      // The page's own script (a bundled library) holds control characters in string literals; what comes from the project is its data.
      assertClean(format === 'html' ? pageOutsideScripts(out) + embeddedText(out) : out, format);
      if (format !== 'json' && format !== 'sarif' && format !== 'html') assertNoForgedLine(out, format);
      assert.ok(out.includes('FORGED'));
    });
  }

  it('are escaped in the strings the HTML page shows, not only in the page', async () => {
    const { out } = await runCli('scan', dir, '--format', 'html', '--no-cache');
    const data = embeddedData(out);
    assertClean(JSON.stringify(data.findings) + JSON.stringify(data.graph) + JSON.stringify(data.functions) + JSON.stringify(data.templates), 'html data');
  });

  it('keep their value in JSON, escaped as \\u sequences', async () => {
    const { out } = await runCli('scan', dir, '--format', 'json', '--no-cache');
    assert.ok(out.includes('\\u202e') || out.includes('\\u202E'), 'the override is written as an escape');
    const report = JSON.parse(out) as { templates: string[] };
    assert.deepEqual(report.templates, [TEMPLATE_FILE]);
  });

  for (const format of MAP_FORMATS) {
    it(`are escaped in the ${format} map`, async () => {
      const { code, out } = await runCli('map', dir, '--format', format);
      assert.equal(code, 0);
      assert.ok(out.includes('FORGED'), out);
      assertClean(out, `map ${format}`);
      if (format !== 'json') assertNoForgedLine(out, `map ${format}`);
    });
  }

  it('are escaped in the file names --verbose lists', async () => {
    const { err } = await runCli('scan', dir, '--format', 'json', '--no-cache', '--verbose');
    assert.ok(err.includes('FORGED'), err);
    assertClean(err, 'stderr');
    for (const line of err.split('\n').filter((l) => l !== '')) assert.match(line, /^faasguard: /);
  });

  describe('in a configuration file', () => {
    let configured: string;

    before(() => {
      configured = tempRepo({
        'template.yaml': TEMPLATE,
        'faasguard.config.yaml': `rules:\n  "rule${HOSTILE_YAML}": off\n`,
      });
    });

    after(() => removeProject(configured));

    it('are escaped in the error message', async () => {
      const { code, err } = await runCli('scan', configured, '--no-cache');
      assert.equal(code, 2);
      assert.ok(err.includes('unknown rule'), err);
      assertClean(err, 'configuration error');
      assertNoForgedLine(err, 'configuration error');
    });
  });

  it('are escaped in a directory name a configuration error shows', async () => {
    const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'faasguard-'));
    try {
      const hostileDir = path.join(parent, `dir${HOSTILE}`);
      fs.mkdirSync(path.join(hostileDir, '.git'), { recursive: true });
      fs.writeFileSync(path.join(hostileDir, 'template.yaml'), TEMPLATE);
      fs.writeFileSync(path.join(hostileDir, 'faasguard.config.yaml'), 'failOn: nonsense\n');
      const { code, err } = await runCli('scan', hostileDir, '--no-cache');
      assert.equal(code, 2);
      assert.ok(err.includes('FORGED'), err);
      assertClean(err, 'configuration error');
      assertNoForgedLine(err, 'configuration error');
    } finally {
      removeProject(parent);
    }
  });
});
