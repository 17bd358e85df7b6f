/**
 * The injection rules as one table: for each sink family of the taint analysis, the rule it makes
 * (its metadata and documentation), the severity by who can send the data, and what an attacker
 * gains. `<id>.ts` beside this file turns one row into one rule; the sink calls of each family are
 * the rows of `code/taint/models/javascript-sinks.ts` and `python-sinks.ts`.
 */
import type { RuleMeta } from '../rule.js';
import type { Severity } from '../../findings/finding.js';
import type { SinkFamily } from '../../code/taint/types.js';

/** Severity by exposure: [public, authenticated, account, internal]. */
export type SeverityScale = readonly [Severity, Severity, Severity, Severity];

const INJECTION_SCALE: SeverityScale = ['critical', 'high', 'medium', 'medium'];
/** The victim is another user's browser, not the function */
const BROWSER_SCALE: SeverityScale = ['high', 'medium', 'low', 'low'];
/** The attacker reads or matches more of one data set, but runs nothing */
const READ_SCALE: SeverityScale = ['high', 'medium', 'low', 'low'];
/** Availability and cost, not data: a pattern that backtracks until the timeout */
const DOS_SCALE: SeverityScale = ['medium', 'low', 'low', 'low'];
/** People misled, not the function: reported only for data from outside the account (see `email-content-injection.ts`) */
const MESSAGE_SCALE: SeverityScale = ['medium', 'low', 'info', 'info'];
/** The integrity of the logs, not of the function */
const LOG_SCALE: SeverityScale = ['low', 'low', 'info', 'info'];

export interface FamilyRow {
  scale: SeverityScale;
  /** The end of every finding's message: what an attacker who sends the data gains */
  consequence: string;
  meta: RuleMeta;
}

export const FAMILIES: Readonly<Record<SinkFamily, FamilyRow>> = {
  command: {
    scale: INJECTION_SCALE,
    consequence: "an attacker who controls this data runs commands with the function's permissions.",
    meta: {
      id: 'command-injection',
      title: "Command injection: event data reaches a shell command",
      category: 'SAS-1',
      cwe: ['CWE-78'],
      severity: 'critical',
      description:
        "Data from the function's event (an object key, a request body, a message) is built into a command that a shell runs (`exec`, `execSync`, `spawn` with `shell: true`, `execa` with `shell`). Shell metacharacters in the data (`;`, `$( )`, backquotes, `|`) run the attacker's own commands with the function's role: reading its environment and credentials, and calling every AWS API the role allows.",
      remediation:
        "Do not build shell commands from event data. Run the program directly with an argument array (`execFileSync('convert', [input, output])`, `spawn` without `shell`), reduce the data to what is expected first (`path.basename`, an allow-list or an anchored pattern), and quote with a shell-quoting library only when a shell is unavoidable.",
      example: {
        language: 'javascript',
        vulnerable: "const key = record.s3.object.key;\nexecSync(`convert /tmp/${key} /tmp/thumb-${key}`);",
        fixed: "const key = path.basename(record.s3.object.key);\nif (!/^[\\w.-]+\\.(png|jpe?g)$/i.test(key)) return;\nexecFileSync('convert', [`/tmp/${key}`, `/tmp/thumb-${key}`]);",
      },
      references: ['https://owasp.org/www-project-serverless-top-10/', 'https://cwe.mitre.org/data/definitions/78.html'],
      judges: ['function code'],
    },
  },
  code: {
    scale: INJECTION_SCALE,
    consequence: "an attacker who controls this data runs code with the function's permissions.",
    meta: {
      id: 'code-injection',
      title: "Code injection: event data is evaluated as code",
      category: 'SAS-1',
      cwe: ['CWE-94', 'CWE-95'],
      severity: 'critical',
      description:
        "Data from the function's event is evaluated as JavaScript (`eval`, `new Function`, the `vm` module, or a string passed to `setTimeout`/`setInterval`). The attacker's code runs inside the function with its role and environment.",
      remediation:
        "Never evaluate event data. Parse data with `JSON.parse`, look operations up in a fixed table of functions, and validate input against a schema. The `vm` module is not a security boundary.",
      example: {
        language: 'javascript',
        vulnerable: "const result = eval(body.expression);",
        fixed: "const OPS = { add: (a, b) => a + b };\nconst op = OPS[body.op];\nif (!op) return { statusCode: 400 };\nconst result = op(Number(body.a), Number(body.b));",
      },
      references: ['https://owasp.org/www-project-serverless-top-10/', 'https://cwe.mitre.org/data/definitions/94.html'],
      judges: ['function code'],
    },
  },
  deserialization: {
    scale: INJECTION_SCALE,
    consequence: "a crafted payload runs code while it is deserialized.",
    meta: {
      id: 'unsafe-deserialization',
      title: "Unsafe deserialization of event data",
      category: 'SAS-1',
      cwe: ['CWE-502'],
      severity: 'critical',
      description:
        "Event data is deserialized with a library that can rebuild functions or run code (`node-serialize`, `serialize-to-js`, `funcster`, `js-yaml` unsafe loaders or schemas). A crafted payload executes code during deserialization.",
      remediation:
        "Use `JSON.parse` for data, or the safe loader of a YAML library (`yaml.load` with the default schema in js-yaml 4), and validate the result against a schema.",
      example: {
        language: 'javascript',
        vulnerable: "const serialize = require('node-serialize');\nconst session = serialize.unserialize(event.body);",
        fixed: "const session = JSON.parse(event.body);\nconst parsed = SessionSchema.parse(session);",
      },
      references: ['https://owasp.org/www-project-serverless-top-10/', 'https://cwe.mitre.org/data/definitions/502.html'],
      judges: ['function code'],
    },
  },
  sql: {
    scale: INJECTION_SCALE,
    consequence: "an attacker who controls this data rewrites the query.",
    meta: {
      id: 'sql-injection',
      title: "SQL injection: event data is built into a query string",
      category: 'SAS-1',
      cwe: ['CWE-89'],
      severity: 'critical',
      description:
        "Event data is concatenated or interpolated into an SQL statement passed to a database client (`mysql`, `mysql2`, `pg`, `sequelize.query`, `knex.raw`, TypeORM `query`). Quotes in the data change the statement: the attacker reads, changes or deletes any data the database user can reach.",
      remediation:
        "Pass values separately from the statement: placeholders (`?`, `$1`) with a values array, or the query builder's value bindings. Identifiers that must vary come from an allow-list.",
      example: {
        language: 'javascript',
        vulnerable: "await pool.query(`SELECT * FROM orders WHERE id = '${event.pathParameters.id}'`);",
        fixed: "await pool.query('SELECT * FROM orders WHERE id = $1', [event.pathParameters.id]);",
      },
      references: ['https://owasp.org/www-project-serverless-top-10/', 'https://cwe.mitre.org/data/definitions/89.html'],
      judges: ['function code'],
    },
  },
  nosql: {
    scale: INJECTION_SCALE,
    consequence: "an attacker who controls this data changes what the query matches or updates.",
    meta: {
      id: 'nosql-injection',
      title: "NoSQL injection: event data shapes a database query",
      category: 'SAS-1',
      cwe: ['CWE-943'],
      severity: 'high',
      description:
        "Event data becomes part of a NoSQL query's structure: a DynamoDB `FilterExpression`, `KeyConditionExpression`, `ConditionExpression`, `UpdateExpression` or PartiQL statement built from strings, a raw `ScanFilter`/`QueryFilter`, a MongoDB filter taken from the request (where `{\"$ne\": null}` matches every document), or a `$where` clause that runs JavaScript on the server. A Mongo filter is reported only when the data can be an object there (parsed JSON, or an event whose structure the sender chooses): a path parameter, an object key or a value made a string (`String(x)`, a template) cannot carry operators.",
      remediation:
        "Keep expressions constant and pass values through `ExpressionAttributeValues` (and names through `ExpressionAttributeNames` from an allow-list). For MongoDB, convert each value to the expected type (`String(body.user)`) or validate the body against a schema, and never use `$where`.",
      example: {
        language: 'javascript',
        vulnerable: "await db.send(new ScanCommand({ TableName, FilterExpression: `owner = ${body.owner}` }));",
        fixed: "await db.send(new ScanCommand({ TableName, FilterExpression: 'owner = :owner', ExpressionAttributeValues: { ':owner': body.owner } }));",
      },
      references: ['https://owasp.org/www-project-serverless-top-10/', 'https://cwe.mitre.org/data/definitions/943.html'],
      judges: ['function code'],
    },
  },
  path: {
    scale: INJECTION_SCALE,
    consequence: "an attacker who controls this data reads or writes files outside the intended folder.",
    meta: {
      id: 'path-traversal',
      title: "Path traversal: event data names a file",
      category: 'SAS-1',
      cwe: ['CWE-22'],
      severity: 'high',
      description:
        "Event data is used as (part of) a file system path (`fs.readFile`, `writeFile`, `createReadStream`, `unlink` \u2026). With `../` the attacker reads or overwrites files outside the intended folder: the function's code, `/proc/self/environ` with its credentials, or files other invocations left in `/tmp`.",
      remediation:
        "Reduce the name to its last segment (`path.basename`) or check it against an allow-list or an anchored pattern, and resolve the final path and check that it stays inside the intended folder.",
      example: {
        language: 'javascript',
        vulnerable: "const data = fs.readFileSync(`/tmp/reports/${event.queryStringParameters.name}`);",
        fixed: "const name = path.basename(event.queryStringParameters.name);\nconst data = fs.readFileSync(path.join('/tmp/reports', name));",
      },
      references: ['https://owasp.org/www-project-serverless-top-10/', 'https://cwe.mitre.org/data/definitions/22.html'],
      judges: ['function code'],
    },
  },
  ssrf: {
    scale: INJECTION_SCALE,
    consequence: "an attacker who controls this data makes the function send requests wherever they choose.",
    meta: {
      id: 'ssrf',
      title: "Server-side request forgery: event data chooses where the function connects",
      category: 'SAS-1',
      cwe: ['CWE-918'],
      severity: 'high',
      description:
        "Event data decides the address of an outbound request (`fetch`, `http(s).request`, `axios`, `got`, `request`). The attacker makes the function call internal services, other accounts' endpoints reachable from its network, or the Lambda runtime API, with the function's network position and sometimes its credentials.",
      remediation:
        "Keep the scheme and host constant in code and put event data only in the path or query, encoded (`encodeURIComponent`). When the host must vary, check it against an allow-list of hosts.",
      example: {
        language: 'javascript',
        vulnerable: "const res = await fetch(body.webhookUrl);",
        fixed: "const res = await fetch(`https://hooks.example.com/notify/${encodeURIComponent(body.id)}`);",
      },
      references: ['https://owasp.org/www-project-serverless-top-10/', 'https://cwe.mitre.org/data/definitions/918.html'],
      judges: ['function code'],
    },
  },
  xss: {
    scale: BROWSER_SCALE,
    consequence: "a crafted link runs the attacker's script in the victim's browser.",
    meta: {
      id: 'xss',
      title: "Cross-site scripting: event data is written into an HTML response",
      category: 'SAS-1',
      cwe: ['CWE-79'],
      severity: 'high',
      description:
        "The function returns HTML (by its `Content-Type` or markup) that contains event data without encoding. A link with a crafted parameter runs the attacker's script in the victim's browser, on the API's origin.",
      remediation:
        "Encode data for HTML before writing it into markup (an escaping library such as `escape-html`, or a template engine that escapes by default), or return JSON and render on the client.",
      example: {
        language: 'javascript',
        vulnerable: "return { statusCode: 200, headers: { 'Content-Type': 'text/html' }, body: `<h1>Hello ${event.queryStringParameters.name}</h1>` };",
        fixed: "return { statusCode: 200, headers: { 'Content-Type': 'text/html' }, body: `<h1>Hello ${escapeHtml(event.queryStringParameters.name)}</h1>` };",
      },
      references: ['https://owasp.org/www-project-serverless-top-10/', 'https://cwe.mitre.org/data/definitions/79.html'],
      judges: ['function code'],
    },
  },
  redirect: {
    scale: BROWSER_SCALE,
    consequence: "a link on the trusted domain sends users to a site the attacker chooses.",
    meta: {
      id: 'open-redirect',
      title: "Open redirect: event data chooses where a response redirects",
      category: 'SAS-1',
      cwe: ['CWE-601'],
      severity: 'medium',
      description:
        "The function answers with a redirect (301, 302, 303, 307, 308) whose `Location` comes from the request. Links on the trusted domain then send users to the attacker's site, for phishing or to steal tokens passed in the URL.",
      remediation:
        "Redirect to relative paths of the application or to hosts from an allow-list; ignore a target that does not match.",
      example: {
        language: 'javascript',
        vulnerable: "return { statusCode: 302, headers: { Location: event.queryStringParameters.next } };",
        fixed: "const next = ALLOWED_PATHS.includes(event.queryStringParameters.next) ? event.queryStringParameters.next : '/';\nreturn { statusCode: 302, headers: { Location: next } };",
      },
      references: ['https://owasp.org/www-project-serverless-top-10/', 'https://cwe.mitre.org/data/definitions/601.html'],
      judges: ['function code'],
    },
  },
  regex: {
    scale: DOS_SCALE,
    consequence: 'an attacker who controls this data writes the pattern, and a pattern with nested quantifiers keeps the function busy until its timeout.',
    meta: {
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
  },
  xxe: {
    scale: INJECTION_SCALE,
    consequence: 'an attacker who controls the document makes the parser read local files, call internal URLs or expand entities until memory runs out.',
    meta: {
      id: 'xml-external-entities',
      title: 'XML entities: event data is parsed by a parser that expands them',
      category: 'SAS-1',
      cwe: ['CWE-611', 'CWE-776'],
      severity: 'critical',
      description:
        "Event data is parsed as XML by a parser set to resolve entities: `libxmljs.parseXml(text, { noent: true })`, lxml with `XMLParser(resolve_entities=True)` or `no_network=False`, or Python's `xml.dom.minidom`, `xml.dom.pulldom` and `xml.sax`, which expand the entities a document declares. A document that declares `<!ENTITY x SYSTEM \"file:///proc/self/environ\">` makes the parser read the function's environment (its credentials) into the result; an `http://` entity makes it call internal addresses; nested entities grow a few bytes into gigabytes.\n\n" +
        'Severity: `critical` when anyone on the internet sends the document, lower when only authenticated callers or the account do.',
    remediation:
      'Parse untrusted XML with entity resolution off: `defusedxml` in Python (`defusedxml.ElementTree.fromstring`), lxml with `XMLParser(resolve_entities=False, no_network=True)`, libxmljs without `noent`. Better still, accept JSON.',
    example: {
      language: 'python',
      vulnerable: "parser = etree.XMLParser(resolve_entities=True)\ndoc = etree.fromstring(event['body'], parser)",
      fixed: "from defusedxml.lxml import fromstring\ndoc = fromstring(event['body'])",
    },
    references: ['https://owasp.org/www-community/vulnerabilities/XML_External_Entity_(XXE)_Processing', 'https://docs.python.org/3/library/xml.html#xml-vulnerabilities', 'https://cwe.mitre.org/data/definitions/611.html'],
    judges: ['function code'],
    },
  },
  ldap: {
    scale: INJECTION_SCALE,
    consequence: 'an attacker who controls this data rewrites the directory query.',
    meta: {
      id: 'ldap-injection',
      title: 'LDAP injection: event data is built into a directory query',
      category: 'SAS-1',
      cwe: ['CWE-90'],
      severity: 'critical',
      description:
        "Event data is written into an LDAP search filter or base DN without escaping (`ldapjs` `client.search(base, { filter })`, python-ldap `search_s`, ldap3 `Connection.search`). Filter syntax in the data (`*`, `)(`, `|`) changes what the query matches: `*)(uid=*` turns a lookup of one user into a match of every user, which defeats a login or an authorization check built on the search, and lists the directory.",
    remediation:
      'Escape values before writing them into a filter (`ldap.filter.escape_filter_chars` in python-ldap, `ldap3.utils.conv.escape_filter_chars`, `ldap-escape` in Node), or use the library\'s filter objects with values (`new EqualityFilter({ attribute, value })`). Reject values that do not match the expected pattern (an anchored user-name pattern).',
    example: {
      language: 'python',
      vulnerable: "conn.search_s(BASE, ldap.SCOPE_SUBTREE, f\"(uid={event['user']})\")",
      fixed: "from ldap.filter import escape_filter_chars\nconn.search_s(BASE, ldap.SCOPE_SUBTREE, f\"(uid={escape_filter_chars(event['user'])})\")",
    },
    references: ['https://cheatsheetseries.owasp.org/cheatsheets/LDAP_Injection_Prevention_Cheat_Sheet.html', 'https://cwe.mitre.org/data/definitions/90.html'],
    judges: ['function code'],
    },
  },
  xpath: {
    scale: READ_SCALE,
    consequence: 'an attacker who controls this data rewrites the XPath query.',
    meta: {
      id: 'xpath-injection',
      title: 'XPath injection: event data is built into an XPath expression',
      category: 'SAS-1',
      cwe: ['CWE-643'],
      severity: 'high',
      description:
        "Event data is written into an XPath expression (`xpath.select(expr, doc)` in Node, lxml `tree.xpath(expr)` or `etree.XPath(expr)` in Python). Quotes and operators in the data (`' or '1'='1`) change what the expression selects: a lookup of one user's record returns every record, and a credential check against an XML store passes for anyone.\n\n" +
        'Severity: `high` when anyone on the internet sends the data (the attacker reads or matches more of the document but runs nothing), lower otherwise.',
    remediation:
      "Pass values as XPath variables instead of writing them into the expression (`tree.xpath('//user[@name=$name]', name=value)` in lxml, `xpath.useNamespaces`/`evaluate` with a variable resolver in Node), or reject values that do not match an anchored pattern.",
    example: {
      language: 'python',
      vulnerable: "users = tree.xpath(f\"//user[@name='{event['name']}']\")",
      fixed: "users = tree.xpath('//user[@name=$name]', name=event['name'])",
    },
    references: ['https://owasp.org/www-community/attacks/XPATH_Injection', 'https://cwe.mitre.org/data/definitions/643.html'],
    judges: ['function code'],
    },
  },
  'log-forging': {
    scale: LOG_SCALE,
    consequence: 'line breaks in the data write forged entries into the security log.',
    meta: {
      id: 'log-injection',
      title: 'Log injection: event text is written as-is into a security log message',
      category: 'SAS-5',
      cwe: ['CWE-117'],
      severity: 'low',
      description:
        "A log message about a security event (a failed login, a denied request, an invalid token) contains event text as it was sent: `logger.warning(f\"login failed for {user}\")`, ``console.warn(`access denied for ${user}`)``. Line breaks in the text start new log lines, so the attacker writes entries that look like the function's own (`admin logged in`) into the logs that investigations rely on; control characters can also mislead a terminal that shows the logs. Output printed line by line (Python's `print`) becomes separate CloudWatch events.\n\n" +
        'Only messages whose text speaks of authentication or access are judged, and only text the sender chose (a whole event or object is logged escaped). Severity: `low` when callers outside the account send the data, `info` otherwise.',
    remediation:
      "Log the value escaped or structured: `json.dumps(user)` / `JSON.stringify(user)`, `repr(user)`, `%r`, or a structured field (`logger.warning('login failed', extra={'user': user})`) in a JSON log format. Or strip line breaks first (`user.replace('\\n', '')`).",
    example: {
      language: 'python',
      vulnerable: "logger.warning(f\"login failed for {body['username']}\")",
      fixed: "logger.warning('login failed for %r', body['username'])",
    },
    references: ['https://owasp.org/www-community/attacks/Log_Injection', 'https://cwe.mitre.org/data/definitions/117.html'],
    judges: ['function code'],
    },
  },
  email: {
    scale: MESSAGE_SCALE,
    consequence: 'a link to a look-alike sign-in page, a forged request or instruction.',
    meta: {
      id: 'email-content-injection',
      title: 'E-mail content injection: event data is written into messages people read',
      category: 'SAS-1',
      cwe: ['CWE-74', 'CWE-451'],
      severity: 'medium',
      description:
        "Data from the function's event (a field of a request body, a query parameter) is written into the subject or body of an e-mail the function sends with SES, or into a message it publishes to an SNS topic that the template subscribes e-mail addresses or phones to. The message comes from the app's own address (its verified SES identity, or AWS's notification address for the topic), so its readers trust it, and whoever sends the event writes part of what they read: a link to a look-alike sign-in page, a forged request for approval, instructions that seem to come from the team. In an HTML body the sender's markup becomes the message's own links, forms and images. The typical case is a contact or approval form on an open route that mails the team each submission.\n\n" +
        "Only data that callers outside the account send is reported: `medium` when anyone on the internet can send it, `low` when only signed-in users can. A message published to a topic is judged only when the code names the topic and the template subscribes an e-mail address (`email`, `email-json`) or a phone (`sms`) to it; what other subscribers (queues, functions) receive is their code's business.",
    remediation:
      "Keep what people read to text the function writes: name the record and link to it in the app (`New request ${id}: ${ADMIN_URL}/requests/${id}`) rather than copying the sender's words, or check each field against what it must be (a number, an id pattern, a short list of values) before writing it. Escape text that goes into an HTML body (`escape-html`, Python's `html.escape`) and never let it form a link. Where the readers must see what a stranger wrote, put it after a fixed line that says so. Require authentication on the route that sends the message and limit its rate: each call is an e-mail from your domain.",
    example: {
      language: 'javascript',
      vulnerable: "const { name, message } = JSON.parse(event.body);\nawait ses.send(new SendEmailCommand({\n  FromEmailAddress: 'contact@example.com',\n  Destination: { ToAddresses: ['support@example.com'] },\n  Content: { Simple: { Subject: { Data: `Message from ${name}` }, Body: { Html: { Data: `<p>${message}</p>` } } } },\n}));",
      fixed: "const id = randomUUID();\nawait saveMessage(id, JSON.parse(event.body));\nawait ses.send(new SendEmailCommand({\n  FromEmailAddress: 'contact@example.com',\n  Destination: { ToAddresses: ['support@example.com'] },\n  Content: { Simple: { Subject: { Data: 'New contact message' }, Body: { Text: { Data: `Read it in the console: ${ADMIN_URL}/messages/${id}` } } } },\n}));",
    },
    references: ['https://owasp.org/www-community/attacks/Content_Spoofing', 'https://cwe.mitre.org/data/definitions/74.html', 'https://docs.aws.amazon.com/sns/latest/dg/sns-email-notifications.html'],
    judges: ['function code', 'AWS::SNS::Topic', 'AWS::SNS::Subscription'],
    },
  },
  recipient: {
    scale: MESSAGE_SCALE,
    consequence: 'each call is a message the account pays for and answers for.',
    meta: {
      id: 'message-recipient-from-event',
      title: 'Open mail or SMS relay: event data chooses who the app e-mails or texts',
      category: 'SAS-8',
      cwe: ['CWE-441', 'CWE-799'],
      severity: 'medium',
      description:
        "Data from the function's event chooses the recipients of a message the function sends: the addresses of an SES e-mail (`Destination.ToAddresses`, `CcAddresses`, `BccAddresses`, a raw message's `Destinations`) or the phone number of an SNS text (`PhoneNumber` of `Publish`). Whoever sends the event makes the app mail or text anyone: spam and phishing from the app's verified domain, which costs it its sending reputation (SES pauses an account whose bounces and complaints climb), and SMS pumping, where an attacker sends texts to premium numbers whose operators share the fees, billed to the account. A contact form that mails \"a copy to yourself\" at the address the form gives is the typical case.\n\n" +
        'Only data that callers outside the account send is reported: `medium` when anyone on the internet can send it, `low` when only signed-in users can.',
    remediation:
      "Send only to addresses and numbers the app already knows: the signed-in user's own verified address or number from your user store, or a fixed team address. Where the recipient must come from the request, check it against an allow-list, verify it first (a confirmation link or code), and limit how many messages each caller may send (per user and per address); for SMS, restrict the countries you send to (SNS or AWS End User Messaging spending limits and protect configurations).",
    example: {
      language: 'python',
      vulnerable: "body = json.loads(event['body'])\nses.send_email(Source='no-reply@example.com', Destination={'ToAddresses': [body['email']]}, Message=CONFIRMATION)",
      fixed: "user = users.get(event['requestContext']['authorizer']['jwt']['claims']['sub'])\nses.send_email(Source='no-reply@example.com', Destination={'ToAddresses': [user.verified_email]}, Message=CONFIRMATION)",
    },
    references: ['https://cwe.mitre.org/data/definitions/441.html', 'https://docs.aws.amazon.com/sns/latest/dg/sms_preferences.html', 'https://owasp.org/www-project-serverless-top-10/'],
    judges: ['function code'],
    },
  },
};
