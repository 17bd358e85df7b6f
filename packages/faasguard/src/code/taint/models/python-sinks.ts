/**
 * Python sinks (see `sink-row.ts`). Modules are the first segment of the import (`urllib` for
 * `urllib.request`, `mysql` for `mysql.connector`); `builtins` holds the built-in functions.
 */
import { FIXED_ORIGIN } from './predicates.js';
import { pyHandler as handler } from './examples.js';
import type { SinkModels } from './sink-row.js';

const SPAWN = ['spawnl', 'spawnle', 'spawnlp', 'spawnlpe', 'spawnv', 'spawnve', 'spawnvp', 'spawnvpe'];
const EXEC = ['execl', 'execle', 'execlp', 'execlpe', 'execv', 'execve', 'execvp', 'execvpe'];
const SQL_DRIVERS = ['pymysql', 'MySQLdb', 'mysql', 'psycopg2', 'psycopg', 'pg8000', 'asyncpg', 'aiomysql', 'aiosqlite', 'sqlite3', 'pymssql', 'pyodbc', 'sqlalchemy', 'sqlite_utils'];
const HTTP_VERBS = ['get', 'post', 'put', 'patch', 'delete', 'head', 'options'];

/**
 * What the recipients of an SES message read, inside the keyword that holds it: `Message`'s
 * subject and bodies, `RawMessage`'s data (SES), `Content`'s simple or raw message (SES v2).
 */
const SES_CONTENT = ['Subject.Data', 'Body.Html.Data', 'Body.Text.Data', 'Data', 'Simple.Subject.Data', 'Simple.Body.Html.Data', 'Simple.Body.Text.Data', 'Raw.Data'];

/** Who an SES message goes to, inside `Destination` (a raw message names them in `Destinations`). */
const SES_RECIPIENTS = ['ToAddresses', 'CcAddresses', 'BccAddresses'];

export const PYTHON_SINKS: SinkModels = {
  language: 'python',
  rows: [
    {
      family: 'command', modules: ['os'], members: ['system', 'popen'], args: [0],
      example: handler('import os', "# ruleid: command-injection\nos.system('convert ' + event['body'])"),
    },
    {
      family: 'command', modules: ['os'], members: SPAWN, args: [1],
      example: handler('import os', "# ruleid: command-injection\nos.spawnv(os.P_WAIT, event['body'], ['tool'])"),
    },
    {
      family: 'command', modules: ['os'], members: SPAWN, args: 'all', condition: 'shellAt1',
      example: handler('import os', "# ruleid: command-injection\nos.spawnl(os.P_WAIT, '/bin/sh', 'sh', '-c', event['body'])"),
    },
    {
      family: 'command', modules: ['os'], members: EXEC, args: [0],
      example: handler('import os', "# ruleid: command-injection\nos.execvp(event['body'], ['tool'])"),
    },
    {
      family: 'command', modules: ['os'], members: EXEC, args: 'all', condition: 'shellAt0',
      example: handler('import os', "# ruleid: command-injection\nos.execl('/bin/bash', 'bash', '-c', event['body'])"),
    },
    {
      family: 'command', modules: ['subprocess'], members: ['getoutput', 'getstatusoutput'], args: [0],
      example: handler('import subprocess', "# ruleid: command-injection\nsubprocess.getoutput('ls ' + event['body'])"),
    },
    {
      family: 'command', modules: ['subprocess'], members: ['run', 'call', 'check_call', 'check_output', 'Popen'], args: [0], keywords: ['args'], condition: 'shellTrue',
      example: handler('import subprocess', "# ruleid: command-injection\nsubprocess.run('ls ' + event['body'], shell=True)"),
    },
    {
      family: 'command', modules: ['subprocess'], members: ['run', 'call', 'check_call', 'check_output', 'Popen'], args: [0], keywords: ['args'], condition: 'shellInList',
      example: handler('import subprocess', "# ruleid: command-injection\nsubprocess.run(['/bin/sh', '-c', 'convert ' + event['body']])"),
    },
    {
      family: 'command', modules: ['asyncio'], members: ['create_subprocess_shell'], args: [0],
      example: handler('import asyncio', "# ruleid: command-injection\nasyncio.run(asyncio.create_subprocess_shell('ls ' + event['body']))"),
    },
    {
      family: 'command', modules: ['asyncio'], members: ['create_subprocess_exec'], args: [0],
      example: handler('import asyncio', "# ruleid: command-injection\nasyncio.run(asyncio.create_subprocess_exec(event['body']))"),
    },
    {
      family: 'command', modules: ['asyncio'], members: ['create_subprocess_exec'], args: 'all', condition: 'shellAt0',
      example: handler('import asyncio', "# ruleid: command-injection\nasyncio.run(asyncio.create_subprocess_exec('sh', '-c', event['body']))"),
    },
    {
      family: 'command', modules: ['pty'], members: ['spawn'], args: [0],
      example: handler('import pty', "# ruleid: command-injection\npty.spawn(event['body'])"),
    },
    {
      family: 'command', modules: ['commands'], members: ['getoutput', 'getstatusoutput'], args: [0],
      example: handler('import commands', "# ruleid: command-injection\ncommands.getoutput('ls ' + event['body'])"),
    },
    {
      family: 'code', modules: ['builtins'], members: ['eval', 'exec', 'compile'], args: [0],
      example: handler('', "# ruleid: code-injection\neval(event['body'])"),
    },
    {
      family: 'code', modules: ['builtins'], members: ['__import__'], args: [0],
      example: handler('', "# ruleid: code-injection\n__import__(event['body'])"),
    },
    {
      family: 'code', modules: ['importlib'], members: ['import_module'], args: [0],
      example: handler('import importlib', "# ruleid: code-injection\nimportlib.import_module(event['body'])"),
    },
    {
      family: 'code', modules: ['jinja2', 'flask'], members: ['Template', 'from_string', 'render_template_string'], args: [0], keywords: ['source'],
      example: handler('import jinja2', "# ruleid: code-injection\njinja2.Template('Hello ' + event['body']).render()"),
    },
    {
      family: 'deserialization', modules: ['pickle', 'cPickle', '_pickle', 'dill', 'marshal'], members: ['loads', 'load'], args: [0],
      example: handler('import base64\nimport pickle', "# ruleid: unsafe-deserialization\npickle.loads(base64.b64decode(event['body']))"),
    },
    {
      family: 'deserialization', modules: ['shelve'], members: ['open'], args: [0], keywords: ['filename'],
      example: handler('import shelve', "# ruleid: unsafe-deserialization\nshelve.open('/tmp/' + event['body'])"),
    },
    {
      family: 'deserialization', modules: ['jsonpickle'], members: ['decode'], args: [0],
      example: handler('import jsonpickle', "# ruleid: unsafe-deserialization\njsonpickle.decode(event['body'])"),
    },
    {
      family: 'deserialization', modules: ['yaml'], members: ['unsafe_load', 'unsafe_load_all'], args: [0],
      example: handler('import yaml', "# ruleid: unsafe-deserialization\nyaml.unsafe_load(event['body'])"),
    },
    {
      family: 'deserialization', modules: ['yaml'], members: ['load', 'load_all'], args: [0], condition: 'unsafeYaml',
      example: handler('import yaml', "# ruleid: unsafe-deserialization\nyaml.load(event['body'], Loader=yaml.Loader)"),
    },
    {
      family: 'sql', modules: SQL_DRIVERS, members: ['execute', 'executemany', 'executescript', 'query', 'text', 'fetch', 'fetchrow', 'fetchval'], args: [0],
      example: handler('import pymysql\n\nconnection = pymysql.connect()', "cursor = connection.cursor()\n# ruleid: sql-injection\ncursor.execute(f\"SELECT * FROM orders WHERE id = {event['body']}\")"),
    },
    {
      family: 'sql', modules: ['*'], members: ['execute', 'executemany', 'executescript', 'raw', 'extra', 'query'], args: [0], condition: 'sqlLike',
      example: handler('from shop.models import Order', "# ruleid: sql-injection\nOrder.objects.raw('SELECT * FROM orders WHERE id = %s' % event['body'])"),
    },
    {
      family: 'sql', modules: ['boto3'], members: ['start_query_execution', 'execute_statement', 'batch_execute_statement'], args: [], keywords: ['QueryString', 'Sql', 'Sqls', 'sql'],
      example: handler("import boto3\n\nathena = boto3.client('athena')", "# ruleid: sql-injection\nathena.start_query_execution(QueryString=f\"SELECT * FROM logs WHERE user = '{event['body']}'\", WorkGroup='primary')"),
    },
    {
      family: 'nosql', modules: ['boto3'], members: ['Attr', 'Key'], args: [0],
      example: handler("import boto3\nfrom boto3.dynamodb.conditions import Attr\n\ntable = boto3.resource('dynamodb').Table('orders')", "field = event['queryStringParameters']['field']\n# ruleid: nosql-injection\ntable.scan(FilterExpression=Attr(field).eq('open'))"),
    },
    {
      family: 'nosql', modules: ['pymongo', 'motor', 'mongoengine'], members: ['find', 'find_one', 'find_one_and_update', 'find_one_and_delete', 'update_one', 'update_many', 'delete_one', 'delete_many', 'count_documents', 'aggregate'], args: [0], needsObject: true,
      example: handler('import json\nimport pymongo\n\nusers = pymongo.MongoClient()["shop"]["users"]', "# ruleid: nosql-injection\nusers.find_one(json.loads(event['body']))"),
    },
    {
      family: 'path', modules: ['builtins'], members: ['open'], args: [0], keywords: ['file'],
      example: handler('', "# ruleid: path-traversal\nopen('/tmp/' + event['body']).read()"),
    },
    {
      family: 'path', modules: ['os'], members: ['remove', 'unlink', 'rmdir', 'listdir', 'makedirs', 'mkdir', 'stat', 'open', 'scandir'], args: [0],
      example: handler('import os', "# ruleid: path-traversal\nos.remove('/tmp/' + event['body'])"),
    },
    {
      family: 'path', modules: ['pathlib'], members: ['read_text', 'read_bytes', 'write_text', 'write_bytes', 'open', 'unlink', 'rmdir', 'mkdir', 'touch', 'rename', 'replace', 'iterdir', 'glob'], args: [], receiver: true,
      example: handler('from pathlib import Path', "# ruleid: path-traversal\nPath('/tmp', event['body']).read_text()"),
    },
    {
      family: 'path', modules: ['shutil'], members: ['copy', 'copyfile', 'copy2', 'move', 'rmtree', 'copytree'], args: [0, 1],
      example: handler('import shutil', "# ruleid: path-traversal\nshutil.rmtree('/tmp/' + event['body'])"),
    },
    {
      family: 'regex', modules: ['re', 'regex'], members: ['compile', 'match', 'fullmatch', 'search', 'findall', 'finditer', 'sub', 'subn', 'split'], args: [0], keywords: ['pattern'],
      example: handler('import re', "# ruleid: regex-injection\nre.search(event['queryStringParameters']['q'], 'text to search')"),
    },
    {
      family: 'ssrf', modules: ['requests', 'httpx'], members: HTTP_VERBS, args: [0], keywords: ['url'], safePrefix: FIXED_ORIGIN,
      example: handler('import requests', "# ruleid: ssrf\nrequests.get(event['body'])"),
    },
    {
      family: 'ssrf', modules: ['requests', 'httpx', 'urllib3'], members: ['request'], args: [1], keywords: ['url'], safePrefix: FIXED_ORIGIN,
      example: handler('import urllib3\n\nhttp = urllib3.PoolManager()', "# ruleid: ssrf\nhttp.request('GET', event['body'])"),
    },
    {
      family: 'ssrf', modules: ['aiohttp'], members: [...HTTP_VERBS, 'request'], args: [0], keywords: ['url'], safePrefix: FIXED_ORIGIN,
      example: handler('import aiohttp', "session = aiohttp.ClientSession()\n# ruleid: ssrf\nsession.get(event['body'])"),
    },
    {
      family: 'ssrf', modules: ['urllib'], members: ['urlopen', 'Request'], args: [0], keywords: ['url'], safePrefix: FIXED_ORIGIN,
      example: handler('import urllib.request', "# ruleid: ssrf\nurllib.request.urlopen(event['body'])"),
    },
    {
      family: 'ssrf', modules: ['boto3'], members: ['client', 'resource'], args: [], keywords: ['endpoint_url'], safePrefix: FIXED_ORIGIN,
      example: handler('import boto3', "# ruleid: ssrf\nboto3.client('s3', endpoint_url=event['body'])"),
    },
    {
      family: 'xxe', modules: ['lxml'], members: ['fromstring', 'XML', 'parse', 'iterparse'], args: [0], condition: 'entityParser',
      example: handler('from lxml import etree\n\nPARSER = etree.XMLParser(resolve_entities=True)', "# ruleid: xml-external-entities\ndoc = etree.fromstring(event['body'], PARSER)"),
    },
    {
      family: 'xxe', modules: ['xml'], members: ['parseString'], args: [0],
      example: handler('from xml.dom import minidom', "# ruleid: xml-external-entities\ndoc = minidom.parseString(event['body'])"),
    },
    {
      family: 'ldap', modules: ['ldap'], members: ['search', 'search_s', 'search_st', 'search_ext', 'search_ext_s'], args: [0, 2], keywords: ['base', 'filterstr'],
      example: handler("import ldap\n\nconn = ldap.initialize('ldaps://directory.example.com')", "# ruleid: ldap-injection\nconn.search_s('ou=people,dc=example,dc=com', ldap.SCOPE_SUBTREE, f\"(uid={event['queryStringParameters']['user']})\")"),
    },
    {
      family: 'ldap', modules: ['ldap3'], members: ['search'], args: [0, 1], keywords: ['search_base', 'search_filter'],
      example: handler("from ldap3 import Connection, Server\n\nconn = Connection(Server('ldaps://directory.example.com'), auto_bind=True)", "# ruleid: ldap-injection\nconn.search('ou=people,dc=example,dc=com', '(uid=' + event['queryStringParameters']['user'] + ')')"),
    },
    {
      family: 'xpath', modules: ['lxml'], members: ['xpath', 'XPath', 'ETXPath'], args: [0],
      example: handler("from lxml import etree\n\nTREE = etree.parse('users.xml')", "# ruleid: xpath-injection\nusers = TREE.xpath(f\"//user[@name='{event['queryStringParameters']['name']}']\")"),
    },
    {
      family: 'xss', modules: ['flask'], members: ['make_response', 'Response'], args: [0], keywords: ['response'], condition: 'htmlLike',
      example: handler('from flask import make_response', "# ruleid: xss\nreturn make_response(f\"<h1>Hello {event['queryStringParameters']['name']}</h1>\")"),
    },
    {
      family: 'xss', modules: ['fastapi', 'starlette'], members: ['HTMLResponse'], args: [0], keywords: ['content'],
      example: handler('from fastapi.responses import HTMLResponse', "# ruleid: xss\nreturn HTMLResponse(event['queryStringParameters']['name'])"),
    },
    {
      family: 'xss', modules: ['markupsafe', 'flask', 'jinja2'], members: ['Markup'], args: [0],
      example: handler('from markupsafe import Markup', "# ruleid: xss\ngreeting = Markup('<p>' + event['queryStringParameters']['name'] + '</p>')"),
    },
    {
      family: 'command', modules: ['asyncio'], members: ['subprocess_shell', 'subprocess_exec'], args: [1],
      example: handler('import asyncio', "loop = asyncio.get_event_loop()\n# ruleid: command-injection\nloop.run_until_complete(loop.subprocess_shell(asyncio.SubprocessProtocol, event['body']))"),
    },
    {
      family: 'command', modules: ['asyncio'], members: ['subprocess_exec'], args: 'all', condition: 'shellAt1',
      example: handler('import asyncio', "loop = asyncio.get_event_loop()\n# ruleid: command-injection\nloop.run_until_complete(loop.subprocess_exec(asyncio.SubprocessProtocol, 'bash', '-c', event['body']))"),
    },
    {
      family: 'email', modules: ['boto3'], members: ['send_email', 'send_raw_email'], args: [], keywords: ['Message', 'RawMessage', 'Content'], props: SES_CONTENT,
      example: handler("import json\nimport boto3\n\nses = boto3.client('ses')", "body = json.loads(event['body'])\nses.send_email(\n    Source='orders@example.com',\n    Destination={'ToAddresses': ['sales@example.com']},\n    Message={\n        'Subject': {'Data': 'New order'},\n        # ruleid: email-content-injection\n        'Body': {'Html': {'Data': '<p>' + body['note'] + '</p>'}},\n    },\n)"),
    },
    {
      family: 'email', modules: ['boto3'], members: ['publish'], args: [], keywords: ['Message', 'Subject'],
      example: handler("import os\nimport boto3\n\nsns = boto3.client('sns')", "# ruleid: email-content-injection\nsns.publish(TopicArn=os.environ['TOPIC'], Message=f\"Refund requested: {event['body']}\")"),
    },
    {
      family: 'recipient', modules: ['boto3'], members: ['send_email'], args: [], keywords: ['Destination'], props: SES_RECIPIENTS,
      example: handler("import json\nimport boto3\n\nses = boto3.client('ses')", "body = json.loads(event['body'])\nses.send_email(\n    Source='no-reply@example.com',\n    # ruleid: message-recipient-from-event\n    Destination={'ToAddresses': [body['email']]},\n    Message={'Subject': {'Data': 'Your copy'}, 'Body': {'Text': {'Data': 'Thank you for writing.'}}},\n)"),
    },
    {
      family: 'recipient', modules: ['boto3'], members: ['send_raw_email'], args: [], keywords: ['Destinations'],
      example: handler("import json\nimport boto3\n\nses = boto3.client('ses')", "body = json.loads(event['body'])\n# ruleid: message-recipient-from-event\nses.send_raw_email(Destinations=[body['email']], RawMessage={'Data': 'Subject: Your copy\\n\\nThank you for writing.'})"),
    },
    {
      family: 'recipient', modules: ['boto3'], members: ['publish'], args: [], keywords: ['PhoneNumber'],
      example: handler("import json\nimport boto3\n\nsns = boto3.client('sns')", "# ruleid: message-recipient-from-event\nsns.publish(PhoneNumber=json.loads(event['body'])['phone'], Message='Your code is 1234')"),
    },
  ],
};
