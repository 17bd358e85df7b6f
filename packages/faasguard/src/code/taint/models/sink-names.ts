/**
 * What each sink family is called on a flow's last step: `reaches execSync (command execution)`.
 */
import type { SinkFamily } from '../types.js';

export const SINK_NAMES: Readonly<Record<SinkFamily, string>> = {
  command: 'command execution',
  code: 'code evaluation',
  deserialization: 'unsafe deserialization',
  sql: 'SQL query',
  nosql: 'NoSQL query',
  path: 'file system path',
  ssrf: 'outbound request',
  xss: 'HTML response',
  redirect: 'redirect',
  regex: 'regular expression',
  xxe: 'XML parser that expands entities',
  ldap: 'LDAP query',
  xpath: 'XPath query',
  'log-forging': 'security log line',
  email: 'e-mail or text message content',
  recipient: 'e-mail or text message recipients',
};
