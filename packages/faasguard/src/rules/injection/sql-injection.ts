import { INJECTION_SCALE, flowRule } from './flow-rule.js';

export const sqlInjection = flowRule(
  {
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
  'sql',
  INJECTION_SCALE,
  "an attacker who controls this data rewrites the query.",
);
