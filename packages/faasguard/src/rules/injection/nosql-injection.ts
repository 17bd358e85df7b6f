import { INJECTION_SCALE, flowRule } from './flow-rule.js';

export const nosqlInjection = flowRule(
  {
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
  'nosql',
  INJECTION_SCALE,
  "an attacker who controls this data changes what the query matches or updates.",
);
