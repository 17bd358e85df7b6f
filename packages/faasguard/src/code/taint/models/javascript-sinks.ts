/**
 * JavaScript and TypeScript sinks (see `sink-row.ts`). Modules are package names as imported;
 * `global` holds the globals, `express-response` the response object of an Express route behind a
 * Lambda adapter.
 */
import { FIXED_ORIGIN } from './predicates.js';
import { expressRoute, jsHandler as handler } from './examples.js';
import type { SinkModels } from './sink-row.js';

const FS_MEMBERS = [
  'readFile', 'readFileSync', 'writeFile', 'writeFileSync', 'appendFile', 'appendFileSync', 'createReadStream', 'createWriteStream',
  'unlink', 'unlinkSync', 'rm', 'rmSync', 'rmdir', 'rmdirSync', 'readdir', 'readdirSync', 'mkdir', 'mkdirSync', 'open', 'openSync',
  'access', 'accessSync', 'stat', 'statSync', 'lstat', 'lstatSync', 'exists', 'existsSync',
  'readJson', 'readJsonSync', 'outputFile', 'outputFileSync', 'remove', 'removeSync', 'writeJson', 'writeJsonSync',
];

/** File system calls whose first two arguments are both paths. */
const FS_TWO_PATHS = ['copyFile', 'copyFileSync', 'rename', 'renameSync', 'copy', 'copySync', 'move', 'moveSync', 'symlink', 'symlinkSync', 'link', 'linkSync'];

/** DynamoDB calls (DocumentClient and client, SDK v2) and commands (v3) that take a whole request. */
const DYNAMODB_REQUESTS = [
  'query', 'scan', 'get', 'put', 'update', 'delete', 'batchGet', 'batchWrite', 'transactGet', 'transactWrite',
  'getItem', 'putItem', 'updateItem', 'deleteItem', 'batchGetItem', 'batchWriteItem', 'transactGetItems', 'transactWriteItems',
  'QueryCommand', 'ScanCommand', 'GetCommand', 'PutCommand', 'UpdateCommand', 'DeleteCommand', 'BatchGetCommand', 'BatchWriteCommand',
  'GetItemCommand', 'PutItemCommand', 'UpdateItemCommand', 'DeleteItemCommand', 'BatchGetItemCommand', 'BatchWriteItemCommand',
];

const MONGO_MEMBERS = [
  'find', 'findOne', 'findOneAndUpdate', 'findOneAndDelete', 'findOneAndReplace', 'findOneAndRemove', 'updateOne', 'updateMany',
  'deleteOne', 'deleteMany', 'replaceOne', 'countDocuments', 'count', 'aggregate', 'where', 'distinct', 'remove', 'update',
];

const HTTP_VERBS = ['', 'get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'request', 'stream'];

/**
 * What the recipients of an SES message read: its subject and bodies, or the whole raw message, in
 * the requests of SES (`Message`, `RawMessage`) and of SES v2 (`Content`).
 */
const SES_CONTENT = [
  'Message.Subject.Data', 'Message.Body.Html.Data', 'Message.Body.Text.Data', 'RawMessage.Data',
  'Content.Simple.Subject.Data', 'Content.Simple.Body.Html.Data', 'Content.Simple.Body.Text.Data', 'Content.Raw.Data',
];

/** Who an SES message goes to: its destination's addresses (SES and SES v2), a raw message's destinations. */
const SES_RECIPIENTS = ['Destination.ToAddresses', 'Destination.CcAddresses', 'Destination.BccAddresses', 'Destinations'];

export const JAVASCRIPT_SINKS: SinkModels = {
  language: 'javascript',
  rows: [
    {
      family: 'command', modules: ['child_process'], members: ['exec', 'execSync'], args: [0],
      example: handler("const cp = require('child_process');", '// ruleid: command-injection\ncp.exec(`convert ${event.body}`);'),
    },
    {
      family: 'command', modules: ['child_process'], members: ['spawn', 'spawnSync', 'execFile', 'execFileSync'], args: [0],
      example: handler("const cp = require('child_process');", "// ruleid: command-injection\ncp.spawnSync(event.body, ['--version']);"),
    },
    {
      family: 'command', modules: ['child_process'], members: ['spawn', 'spawnSync', 'execFile', 'execFileSync'], args: [1], condition: 'withShell',
      example: handler("const cp = require('child_process');", "// ruleid: command-injection\ncp.spawnSync('convert', [event.body], { shell: true });"),
    },
    {
      family: 'command', modules: ['child_process'], members: ['fork'], args: [0],
      example: handler("const cp = require('child_process');", '// ruleid: command-injection\ncp.fork(event.body);'),
    },
    {
      family: 'command', modules: ['execa'], members: ['', 'execa', 'execaSync', 'execaCommand', 'execaCommandSync'], args: [0, 1], condition: 'withShell',
      example: handler("const { execa } = require('execa');", "// ruleid: command-injection\nexeca('ls', [event.body], { shell: true });"),
    },
    {
      family: 'command', modules: ['execa'], members: ['execaCommand', 'execaCommandSync', 'command', 'commandSync'], args: [0],
      example: handler("const { execaCommand } = require('execa');", '// ruleid: command-injection\nawait execaCommand(event.body);'),
    },
    {
      family: 'command', modules: ['shelljs'], members: ['exec'], args: [0],
      example: handler("const shell = require('shelljs');", '// ruleid: command-injection\nshell.exec(event.body);'),
    },
    {
      family: 'code', modules: ['global'], members: ['eval'], args: [0],
      example: handler('', '// ruleid: code-injection\neval(event.body);'),
    },
    {
      family: 'code', modules: ['global'], members: ['Function'], args: 'all',
      example: handler('', "// ruleid: code-injection\nnew Function('x', event.body);"),
    },
    {
      family: 'code', modules: ['global'], members: ['setTimeout', 'setInterval', 'setImmediate'], args: [0], condition: 'notAFunction',
      example: handler('', '// ruleid: code-injection\nsetTimeout(event.body, 10);'),
    },
    {
      family: 'code', modules: ['vm'], members: ['runInNewContext', 'runInThisContext', 'runInContext', 'compileFunction', 'Script', 'SourceTextModule'], args: [0],
      example: handler("const vm = require('vm');", '// ruleid: code-injection\nvm.runInNewContext(event.body, {});'),
    },
    {
      family: 'code', modules: ['ejs', 'pug', 'handlebars', 'lodash', 'underscore', 'nunjucks'], members: ['render', 'compile', 'template', 'renderString'], args: [0], condition: 'notAFunction',
      example: handler("const ejs = require('ejs');", "// ruleid: code-injection\nreturn { statusCode: 200, body: ejs.render('<p>' + event.body + '</p>') };"),
    },
    {
      family: 'deserialization', modules: ['node-serialize'], members: ['unserialize'], args: [0],
      example: handler("const serialize = require('node-serialize');", '// ruleid: unsafe-deserialization\nserialize.unserialize(event.body);'),
    },
    {
      family: 'deserialization', modules: ['serialize-to-js'], members: ['deserialize'], args: [0],
      example: handler("const { deserialize } = require('serialize-to-js');", '// ruleid: unsafe-deserialization\ndeserialize(event.body);'),
    },
    {
      family: 'deserialization', modules: ['funcster'], members: ['deepDeserialize', 'deserialize'], args: [0],
      example: handler("const funcster = require('funcster');", '// ruleid: unsafe-deserialization\nfuncster.deepDeserialize(JSON.parse(event.body));'),
    },
    {
      family: 'deserialization', modules: ['js-yaml'], members: ['unsafeLoad', 'unsafeLoadAll'], args: [0],
      example: handler("const yaml = require('js-yaml');", '// ruleid: unsafe-deserialization\nyaml.unsafeLoad(event.body);'),
    },
    {
      family: 'deserialization', modules: ['js-yaml'], members: ['load', 'loadAll'], args: [0], condition: 'fullSchema',
      example: handler("const yaml = require('js-yaml');", '// ruleid: unsafe-deserialization\nyaml.load(event.body, { schema: yaml.DEFAULT_FULL_SCHEMA });'),
    },
    {
      family: 'sql', modules: ['mysql', 'mysql2', 'pg', 'pg-pool', 'sequelize', 'typeorm', 'better-sqlite3', 'sqlite3', 'sqlite'], members: ['query', 'execute', 'exec', 'prepare', 'all', 'get', 'run'], args: [0],
      example: handler("const { Pool } = require('pg');\nconst pool = new Pool();", '// ruleid: sql-injection\nawait pool.query(`SELECT * FROM orders WHERE id = ${event.body}`);'),
    },
    {
      family: 'sql', modules: ['knex'], members: ['raw', 'whereRaw', 'orWhereRaw', 'havingRaw', 'orderByRaw', 'groupByRaw', 'joinRaw', 'fromRaw'], args: [0],
      example: handler("const knex = require('knex')({ client: 'pg' });", "// ruleid: sql-injection\nawait knex('orders').whereRaw(`id = ${event.body}`);"),
    },
    {
      family: 'sql', modules: ['typeorm'], members: ['where', 'andWhere', 'orWhere', 'having'], args: [0],
      example: handler("const { getRepository } = require('typeorm');", "// ruleid: sql-injection\nawait getRepository('Order').createQueryBuilder('o').where(`o.id = ${event.body}`).getMany();"),
    },
    {
      family: 'sql', modules: ['@prisma/client'], members: ['$queryRawUnsafe', '$executeRawUnsafe'], args: [0],
      example: handler("const { PrismaClient } = require('@prisma/client');\nconst prisma = new PrismaClient();", '// ruleid: sql-injection\nawait prisma.$queryRawUnsafe(`SELECT * FROM orders WHERE id = ${event.body}`);'),
    },
    {
      family: 'sql', modules: ['*'], members: ['query', 'execute', 'raw'], args: [0], condition: 'sqlLike',
      example: handler("const db = require('./db');", "// ruleid: sql-injection\nawait db.query('SELECT * FROM orders WHERE id = ' + event.body);"),
    },
    {
      family: 'sql', modules: ['@aws-sdk/client-athena'], members: ['StartQueryExecutionCommand'], args: [0], props: ['QueryString'],
      example: handler("const { AthenaClient, StartQueryExecutionCommand } = require('@aws-sdk/client-athena');\nconst athena = new AthenaClient({});", "// ruleid: sql-injection\nconst query = new StartQueryExecutionCommand({ QueryString: `SELECT * FROM logs WHERE user = '${event.body}'`, WorkGroup: 'primary' });\nawait athena.send(query);"),
    },
    {
      family: 'sql', modules: ['@aws-sdk/client-redshift-data', '@aws-sdk/client-rds-data'], members: ['ExecuteStatementCommand', 'BatchExecuteStatementCommand'], args: [0], props: ['Sql', 'Sqls', 'sql'],
      example: handler("const { RDSDataClient, ExecuteStatementCommand } = require('@aws-sdk/client-rds-data');\nconst rds = new RDSDataClient({});", "// ruleid: sql-injection\nconst statement = new ExecuteStatementCommand({ resourceArn: process.env.DB, secretArn: process.env.SECRET, sql: `SELECT * FROM orders WHERE id = ${event.body}` });\nawait rds.send(statement);"),
    },
    {
      family: 'sql', modules: ['aws-sdk'], members: ['startQueryExecution', 'executeStatement', 'batchExecuteStatement'], args: [0], props: ['QueryString', 'Sql', 'Sqls', 'sql'],
      example: handler("const AWS = require('aws-sdk');\nconst athena = new AWS.Athena();", "// ruleid: sql-injection\nawait athena.startQueryExecution({ QueryString: 'SELECT * FROM logs WHERE user = ' + event.body }).promise();"),
    },
    {
      family: 'nosql', modules: ['mongodb', 'mongoose'], members: MONGO_MEMBERS, args: [0], needsObject: true,
      example: handler("const { MongoClient } = require('mongodb');\nconst client = new MongoClient('mongodb://db');", "// ruleid: nosql-injection\nawait client.db('shop').collection('users').findOne(JSON.parse(event.body));"),
    },
    {
      family: 'path', modules: ['fs', 'fs-extra', 'graceful-fs'], members: FS_MEMBERS, args: [0],
      example: handler("const fs = require('fs');", '// ruleid: path-traversal\nreturn fs.readFileSync(`/tmp/${event.body}`);'),
    },
    {
      family: 'path', modules: ['fs', 'fs-extra', 'graceful-fs'], members: FS_TWO_PATHS, args: [0, 1],
      example: handler("const fs = require('fs');", "// ruleid: path-traversal\nfs.copyFileSync('/tmp/upload', event.body);"),
    },
    {
      family: 'regex', modules: ['global'], members: ['RegExp'], args: [0],
      example: handler('', "// ruleid: regex-injection\nconst pattern = new RegExp(`^${event.queryStringParameters.prefix}`);\nreturn { statusCode: 200, body: String(pattern.test('x')) };"),
    },
    {
      family: 'xss', modules: ['express-response'], members: ['send', 'write', 'end'], args: [0], condition: 'htmlLike',
      example: expressRoute('// ruleid: xss\nres.send(`<p>Hello ${req.query.name}</p>`);'),
    },
    {
      family: 'redirect', modules: ['express-response'], members: ['redirect', 'location'], args: [0, 1], safePrefix: FIXED_ORIGIN,
      example: expressRoute('// ruleid: open-redirect\nres.redirect(req.query.next);'),
    },
    {
      family: 'ssrf', modules: ['http', 'https'], members: ['request', 'get'], args: [0], props: ['host', 'hostname', 'href'], safePrefix: FIXED_ORIGIN,
      example: handler("const https = require('https');", '// ruleid: ssrf\nhttps.get(event.body);'),
    },
    {
      family: 'ssrf', modules: ['global', 'node-fetch', 'cross-fetch', 'undici'], members: ['fetch', 'request', ''], args: [0], safePrefix: FIXED_ORIGIN,
      example: handler('', '// ruleid: ssrf\nawait fetch(event.body);'),
    },
    {
      family: 'ssrf', modules: ['axios', 'got', 'request', 'superagent', 'needle', 'ky'], members: HTTP_VERBS, args: [0], props: ['url', 'baseURL', 'uri', 'prefixUrl'], safePrefix: FIXED_ORIGIN,
      example: handler("const axios = require('axios');", '// ruleid: ssrf\nawait axios.get(event.body);'),
    },
    {
      family: 'xxe', modules: ['libxmljs', 'libxmljs2'], members: ['parseXml', 'parseXmlString', 'parseXmlAsync'], args: [0], condition: 'noent',
      example: handler("const libxmljs = require('libxmljs');", '// ruleid: xml-external-entities\nconst doc = libxmljs.parseXml(event.body, { noent: true });'),
    },
    {
      family: 'ldap', modules: ['ldapjs'], members: ['search'], args: [0, 1], props: ['filter'],
      example: handler("const ldap = require('ldapjs');\nconst client = ldap.createClient({ url: process.env.LDAP_URL });", "// ruleid: ldap-injection\nclient.search('ou=people,dc=example,dc=com', { filter: `(uid=${event.queryStringParameters.user})` }, () => {});"),
    },
    {
      family: 'xpath', modules: ['xpath'], members: ['select', 'select1', 'evaluate', 'parse'], args: [0],
      example: handler("const xpath = require('xpath');\nconst { DOMParser } = require('@xmldom/xmldom');\nconst doc = new DOMParser().parseFromString(process.env.USERS_XML);", "// ruleid: xpath-injection\nconst users = xpath.select(`//user[@name='${event.queryStringParameters.name}']`, doc);"),
    },
    {
      family: 'xpath', modules: ['libxmljs', 'libxmljs2'], members: ['get', 'find'], args: [0],
      example: handler("const libxmljs = require('libxmljs');\nconst doc = libxmljs.parseXml(process.env.USERS_XML);", "// ruleid: xpath-injection\nconst user = doc.get(`//user[@name='${event.queryStringParameters.name}']`);"),
    },
    {
      family: 'nosql', modules: ['aws-sdk', '@aws-sdk/lib-dynamodb', '@aws-sdk/client-dynamodb'], members: DYNAMODB_REQUESTS, args: [0], whole: true, needsObject: true,
      example: handler("const AWS = require('aws-sdk');\nconst documentClient = new AWS.DynamoDB.DocumentClient();", '// ruleid: nosql-injection\nawait documentClient.query(JSON.parse(event.body)).promise();'),
    },
    {
      family: 'email', modules: ['aws-sdk'], members: ['sendEmail', 'sendRawEmail'], args: [0], props: SES_CONTENT,
      example: handler("const AWS = require('aws-sdk');\nconst ses = new AWS.SES();", "const body = JSON.parse(event.body);\nawait ses.sendEmail({\n  Source: 'orders@example.com',\n  Destination: { ToAddresses: ['sales@example.com'] },\n  Message: {\n    Subject: { Data: 'New order' },\n    // ruleid: email-content-injection\n    Body: { Html: { Data: `<p>${body.note}</p>` } },\n  },\n}).promise();"),
    },
    {
      family: 'email', modules: ['@aws-sdk/client-ses', '@aws-sdk/client-sesv2'], members: ['SendEmailCommand', 'SendRawEmailCommand'], args: [0], props: SES_CONTENT,
      example: handler("const { SESv2Client, SendEmailCommand } = require('@aws-sdk/client-sesv2');\nconst ses = new SESv2Client({});", "const { name, message } = JSON.parse(event.body);\nawait ses.send(new SendEmailCommand({\n  FromEmailAddress: 'contact@example.com',\n  Destination: { ToAddresses: ['support@example.com'] },\n  // ruleid: email-content-injection\n  Content: { Simple: { Subject: { Data: `Message from ${name}` }, Body: { Text: { Data: message } } } },\n}));"),
    },
    {
      family: 'email', modules: ['aws-sdk'], members: ['publish'], args: [0], props: ['Message', 'Subject'],
      example: handler("const AWS = require('aws-sdk');\nconst sns = new AWS.SNS();", "// ruleid: email-content-injection\nawait sns.publish({ TopicArn: process.env.TOPIC, Message: `Refund requested: ${event.body}` }).promise();"),
    },
    {
      family: 'email', modules: ['@aws-sdk/client-sns'], members: ['PublishCommand'], args: [0], props: ['Message', 'Subject'],
      example: handler("const { SNSClient, PublishCommand } = require('@aws-sdk/client-sns');\nconst sns = new SNSClient({});", "// ruleid: email-content-injection\nawait sns.send(new PublishCommand({ TopicArn: process.env.TOPIC, Subject: event.queryStringParameters.subject, Message: 'Please review' }));"),
    },
    {
      family: 'recipient', modules: ['aws-sdk'], members: ['sendEmail', 'sendRawEmail'], args: [0], props: SES_RECIPIENTS,
      example: handler("const AWS = require('aws-sdk');\nconst ses = new AWS.SES();", "const { email } = JSON.parse(event.body);\nawait ses.sendEmail({\n  Source: 'no-reply@example.com',\n  // ruleid: message-recipient-from-event\n  Destination: { ToAddresses: [email] },\n  Message: { Subject: { Data: 'Your copy' }, Body: { Text: { Data: 'Thank you for writing.' } } },\n}).promise();"),
    },
    {
      family: 'recipient', modules: ['@aws-sdk/client-ses', '@aws-sdk/client-sesv2'], members: ['SendEmailCommand', 'SendRawEmailCommand'], args: [0], props: SES_RECIPIENTS,
      example: handler("const { SESv2Client, SendEmailCommand } = require('@aws-sdk/client-sesv2');\nconst ses = new SESv2Client({});", "await ses.send(new SendEmailCommand({\n  FromEmailAddress: 'no-reply@example.com',\n  // ruleid: message-recipient-from-event\n  Destination: { ToAddresses: [event.queryStringParameters.to] },\n  Content: { Simple: { Subject: { Data: 'Invitation' }, Body: { Text: { Data: 'You are invited.' } } } },\n}));"),
    },
    {
      family: 'recipient', modules: ['aws-sdk'], members: ['publish'], args: [0], props: ['PhoneNumber'],
      example: handler("const AWS = require('aws-sdk');\nconst sns = new AWS.SNS();", "// ruleid: message-recipient-from-event\nawait sns.publish({ PhoneNumber: JSON.parse(event.body).phone, Message: 'Your code is 1234' }).promise();"),
    },
    {
      family: 'recipient', modules: ['@aws-sdk/client-sns'], members: ['PublishCommand'], args: [0], props: ['PhoneNumber'],
      example: handler("const { SNSClient, PublishCommand } = require('@aws-sdk/client-sns');\nconst sns = new SNSClient({});", "// ruleid: message-recipient-from-event\nawait sns.send(new PublishCommand({ PhoneNumber: event.queryStringParameters.phone, Message: 'Your code is 1234' }));"),
    },
  ],
};
