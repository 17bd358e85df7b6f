/**
 * Reads one candidate file and returns its parsed tree when it is a CloudFormation/SAM template or
 * a Serverless Framework service (both detected by content, whatever the file's name).
 * Oversized, binary and unparsable files are reported, never thrown.
 */
import type { Diagnostic } from '../model/diagnostic.js';
import { fileLocation } from '../model/diagnostic.js';
import { foreignSections, hasAwsResources, isCloudFormationTemplate, mayBeTemplate } from '../loaders/cloudformation/detect.js';
import { parseJsonTemplate } from '../parse/json-template.js';
import { parseYamlTemplate, type YamlParser } from '../parse/yaml-template.js';
import type { TMap } from '../parse/tree.js';
import { readAsYaml11Booleans } from '../parse/yaml-1-1-booleans.js';
import type { DiscoveredFile } from '../discover/discover.js';
import { isServerlessConfig, mayBeServerlessConfig } from '../loaders/serverless/detect.js';
import { isNeverTemplate } from '../discover/never-templates.js';
import { isUnrenderedSource, jinjaCausedSyntaxError, unrenderedDiagnostic } from './unrendered-source.js';
import { readRegularBytesLent, refusalDiagnostic } from '../files/read-regular-file.js';

export const TEMPLATE_EXTENSIONS = /\.(ya?ml|json|template)$/i;

export interface ReadTemplateResult {
  root?: TMap;
  /** Which loader reads it: a CloudFormation/SAM template, or a Serverless Framework service */
  format?: 'cloudformation' | 'serverless';
  text?: string;
  diagnostics: Diagnostic[];
}

export async function readTemplate(file: DiscoveredFile, maxBytes: number, parseYaml: YamlParser = parseYamlTemplate): Promise<ReadTemplateResult> {
  if (isNeverTemplate(file.rel)) return { diagnostics: [] };
  if (file.size > maxBytes) {
    return { diagnostics: [{ severity: 'warning', code: 'file-too-large', message: `file is ${file.size} bytes, over the limit of ${maxBytes} (--max-file-size): not scanned`, loc: fileLocation(file.rel) }] };
  }
  // Lent: the bytes are searched and decoded here, before any other read.
  const read = readRegularBytesLent(file.abs, maxBytes);
  if (read.kind !== 'bytes') return { diagnostics: [refusalDiagnostic(read.kind === 'missing' ? { kind: 'unreadable', code: 'ENOENT' } : read, fileLocation(file.rel))] };
  const buffer = read.bytes;
  if (buffer.subarray(0, 8192).includes(0)) {
    return { diagnostics: [{ severity: 'warning', code: 'binary-file', message: 'file looks binary: not scanned', loc: fileLocation(file.rel) }] };
  }
  if (!mayHoldTemplateBytes(buffer)) return { diagnostics: [] };
  const text = buffer.toString('utf8');
  if (!mayBeTemplate(text) && !mayBeServerlessConfig(text)) return { diagnostics: [] };
  const meant = looksLikeTemplateText(text) || mayBeServerlessConfig(text);
  if (meant && isUnrenderedSource(file.rel, text)) return { diagnostics: [unrenderedDiagnostic(file.rel)] };
  const parsed = /^\s*[{[]/.test(text) ? parseJsonTemplate(text, file.rel) : parseYaml(text, file.rel);
  if (!parsed.root && jinjaCausedSyntaxError(text, parsed.diagnostics)) return { diagnostics: [unrenderedDiagnostic(file.rel)] };
  if (!parsed.root) return { diagnostics: meant ? parsed.diagnostics : [] };
  if (parsed.root.kind !== 'map') return { diagnostics: [] };
  if (isServerlessConfig(parsed.root)) return { root: parsed.root, format: 'serverless', text, diagnostics: parsed.diagnostics };
  if (!isCloudFormationTemplate(parsed.root)) return { diagnostics: nearTemplate(parsed.root, file.rel) };
  readAsYaml11Booleans(parsed.yaml11Booleans);
  return { root: parsed.root, format: 'cloudformation', text, diagnostics: parsed.diagnostics };
}

/**
 * The markers `mayBeTemplate` and `mayBeServerlessConfig` look for, searched in the bytes: most
 * JSON and YAML files of a repository (vendored SDK data, test events, configuration) hold none,
 * and are then never decoded. On the shared corpus this leaves 19 of its 63 MB of such files to
 * decode. The markers are ASCII, so their UTF-8 bytes are the text's.
 */
function mayHoldTemplateBytes(buffer: Buffer): boolean {
  if (buffer.includes('AWSTemplateFormatVersion') || buffer.includes('AWS::') || buffer.includes('Custom::')) return true;
  return buffer.includes('service') && buffer.includes('provider');
}

/** A file that failed to parse is reported only when it was meant to be a template. */
function looksLikeTemplateText(text: string): boolean {
  return /AWSTemplateFormatVersion|AWS::Serverless|^\s*"?Resources"?\s*:/m.test(text);
}

/**
 * Resources of AWS types beside keys CloudFormation rejects: a template with a mistyped section,
 * or another tool's file that embeds resources. Either way it is not loaded, and says so.
 */
function nearTemplate(root: TMap, rel: string): Diagnostic[] {
  if (!hasAwsResources(root)) return [];
  const foreign = foreignSections(root);
  const loc = root.entries.find((e) => e.key === foreign[0])?.keyLoc ?? fileLocation(rel);
  return [{ severity: 'note', code: 'not-a-template', message: `has Resources of AWS types but also ${foreign.map((k) => `\`${k}\``).join(', ')}, which are not template sections: not loaded as a template (add AWSTemplateFormatVersion if it is one)`, loc: { ...loc, file: rel } }];
}
