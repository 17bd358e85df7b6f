import { DOS_SCALE, flowRule } from './flow-rule.js';

export const regexInjection = flowRule(
  {
    id: 'regex-injection',
    title: 'Regular expression built from event data (ReDoS)',
    category: 'SAS-8',
    cwe: ['CWE-1333', 'CWE-730'],
    severity: 'medium',
    description:
      "Event data becomes (part of) a regular expression: `new RegExp(input)`, `re.compile(input)`, `re.search(input, text)`. The attacker writes the pattern, and a pattern with nested quantifiers (`(a+)+$`) makes the backtracking engines of JavaScript and Python take exponential time on a short input: the invocation burns CPU until the function's timeout, every such request is billed at the full duration, and a few concurrent ones exhaust the function's concurrency (denial of service and of wallet). The pattern can also match more than intended (`.*`), which defeats a check built on it.\n\n" +
      'Severity: `medium` when anyone on the internet sends the data (the harm is availability and cost, not data), `low` otherwise. Escaping the input (`_.escapeRegExp`, `escape-string-regexp`, `re.escape`) makes it a literal and is not reported.',
    remediation:
      'Match the input as text (`text.includes(input)`, `str.startswith`), or escape it before building the pattern (`new RegExp(escapeStringRegexp(input))`, `re.compile(re.escape(value))`). When users must supply patterns, use an engine without backtracking (`re2`) and a length limit.',
    example: {
      language: 'javascript',
      vulnerable: 'const pattern = new RegExp(`^${query.prefix}`);',
      fixed: "import escapeStringRegexp from 'escape-string-regexp';\nconst pattern = new RegExp(`^${escapeStringRegexp(query.prefix)}`);",
    },
    references: ['https://owasp.org/www-community/attacks/Regular_expression_Denial_of_Service_-_ReDoS', 'https://cwe.mitre.org/data/definitions/1333.html'],
    judges: ['function code'],
  },
  'regex',
  DOS_SCALE,
  'an attacker who controls this data writes the pattern, and a pattern with nested quantifiers keeps the function busy until its timeout.',
);
