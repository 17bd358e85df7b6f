/**
 * Least-privilege policies per function, rendered as IAM policy documents (JSON) or as snippets
 * to paste into a SAM function's `Policies` or a Serverless Framework `iamRoleStatements`. ARNs
 * are Fn::Sub text: in YAML they carry `!Sub`, in JSON they are kept as written.
 */
import type { FunctionPrivilege } from '../code/aws-calls/least-privilege.js';
import { escapeJson, escapeLine } from '../report/terminal-text.js';

export type PolicyFormat = 'json' | 'sam' | 'serverless';

export function isPolicyFormat(f: string): f is PolicyFormat {
  return f === 'json' || f === 'sam' || f === 'serverless';
}

interface Statement {
  Effect: 'Allow';
  Action: string[];
  Resource: string[];
}

/** One statement per set of resources, actions sorted; actions without a known resource get `*`. */
export function statementsOf(p: FunctionPrivilege): Statement[] {
  const byResources = new Map<string, Statement>();
  for (const a of p.actions) {
    const resources = a.resources.length > 0 ? [...a.resources].sort() : ['*'];
    const key = resources.join('\n');
    const s = byResources.get(key) ?? { Effect: 'Allow' as const, Action: [], Resource: resources };
    s.Action.push(a.action);
    byResources.set(key, s);
  }
  return [...byResources.values()];
}

export function renderPolicies(privileges: readonly FunctionPrivilege[], format: PolicyFormat): string {
  if (format === 'json') return escapeJson(JSON.stringify(privileges.map(jsonEntry), null, 2)) + '\n';
  return privileges.map((p) => yamlEntry(p, format)).join('\n');
}

function jsonEntry(p: FunctionPrivilege) {
  return {
    function: p.fn.logicalId,
    analyzed: p.analyzed,
    policy: { Version: '2012-10-17', Statement: statementsOf(p) },
    undetermined: p.undetermined.map((u) => ({ reason: u.reason, file: u.loc.file, line: u.loc.line })),
  };
}

function yamlEntry(p: FunctionPrivilege, format: 'sam' | 'serverless'): string {
  // File names in the note come from the project: escaped to one line, they cannot add lines to a pasted snippet.
  const lines = [`# ${escapeLine(`${p.fn.logicalId}${notes(p)}`)}`];
  const statements = statementsOf(p);
  if (statements.length === 0) return `${lines[0]}\n# no AWS API calls found\n`;
  const indent = format === 'sam' ? '    ' : '  ';
  lines.push(format === 'sam' ? 'Policies:\n  - Statement:' : 'iamRoleStatements:');
  for (const s of statements) {
    lines.push(`${indent}- Effect: Allow`, `${indent}  Action:`, ...s.Action.map((a) => `${indent}    - ${a}`), `${indent}  Resource:`);
    lines.push(...s.Resource.map((r) => `${indent}    - ${yamlResource(r)}`));
  }
  return lines.join('\n') + '\n';
}

function notes(p: FunctionPrivilege): string {
  if (!p.analyzed) return ' (code not analyzed: the policy may be incomplete)';
  if (p.undetermined.length > 0) return ` (${p.undetermined.length} call(s) could not be determined: ${p.undetermined.map((u) => `${u.loc.file}:${u.loc.line}`).join(', ')})`;
  return '';
}

function yamlResource(r: string): string {
  if (r === '*') return "'*'";
  const quoted = `'${r.replace(/'/g, "''")}'`;
  return r.includes('${') ? `!Sub ${quoted}` : quoted;
}
