/**
 * The handlers that model rows' examples are written in: each example is a whole file that a
 * generated test scans as the handler of a public HTTP API route (`test/code/sink-models.test.ts`).
 */

/** A JavaScript Lambda handler: `setup` at the top of the file, `body` inside the handler. */
export function jsHandler(setup: string, body: string): string {
  return `${setup}\nexports.handler = async (event) => {\n${body.replace(/^/gm, '  ')}\n};\n`;
}

/** An Express app behind serverless-http, with one route whose body is `body`. */
export function expressRoute(body: string): string {
  return `const serverless = require('serverless-http');\nconst express = require('express');\nconst app = express();\napp.get('/', (req, res) => {\n${body.replace(/^/gm, '  ')}\n});\nexports.handler = serverless(app);\n`;
}

/** A Python Lambda handler: `setup` at the top of the module, `body` inside the handler. */
export function pyHandler(setup: string, body: string): string {
  return `${setup}\n\n\ndef handler(event, context):\n${body.replace(/^/gm, '    ')}\n`;
}
