/**
 * Guards as data, per language: checks that, when they answer yes, prove the value they test safe
 * on that branch (`if (validator.isUUID(id))`, `if name.isdigit():`). Modules and members are named
 * as in the sink rows (`sink-row.ts`); `string` stands for a method of any text value. Checks that
 * need more than a name (an anchored pattern, a constant allow-list, `isinstance` with a number
 * type) stay in the walkers.
 */
import { jsHandler, pyHandler } from './examples.js';
import type { ModelLanguage } from './sink-row.js';

export interface GuardRow {
  modules: readonly string[];
  members: readonly string[];
  /** What a yes proves safe: the n-th positional argument, or the value the method is called on */
  checks: number | 'receiver';
  /** A handler where the guarded sink (`ok:`) is silent and the same sink unguarded (`ruleid:`) is not */
  example: string;
}

export const GUARDS: Readonly<Record<ModelLanguage, readonly GuardRow[]>> = {
  javascript: [
    {
      modules: ['validator'], members: ['isInt', 'isNumeric', 'isUUID', 'isAlphanumeric', 'isAlpha', 'isEmail', 'isIn', 'isHexadecimal', 'isBase64', 'isFQDN', 'isMongoId', 'isISO8601'], checks: 0,
      example: jsHandler("const validator = require('validator');\nconst fs = require('fs');", "const id = event.queryStringParameters.id;\nif (validator.isUUID(id)) {\n  // ok: path-traversal\n  fs.readFileSync(`/tmp/${id}.json`);\n}\n// ruleid: path-traversal\nfs.readFileSync(`/tmp/${id}.txt`);"),
    },
    {
      modules: ['ajv'], members: ['validate'], checks: 1,
      example: jsHandler("const Ajv = require('ajv');\nconst cp = require('child_process');\nconst ajv = new Ajv();\nconst SCHEMA = { type: 'string', pattern: '^[a-z]+$' };", "const name = event.queryStringParameters.name;\nif (ajv.validate(SCHEMA, name)) {\n  // ok: command-injection\n  cp.execSync(`id ${name}`);\n}\n// ruleid: command-injection\ncp.execSync(`groups ${name}`);"),
    },
    // `const validate = ajv.compile(schema)`: calling the compiled function is the check.
    {
      modules: ['ajv'], members: ['compile', 'getSchema'], checks: 0,
      example: jsHandler("const Ajv = require('ajv');\nconst cp = require('child_process');\nconst validate = new Ajv().compile({ type: 'string', pattern: '^[a-z]+$' });", "const name = event.queryStringParameters.name;\nif (validate(name)) {\n  // ok: command-injection\n  cp.execSync(`id ${name}`);\n}\n// ruleid: command-injection\ncp.execSync(`groups ${name}`);"),
    },
    {
      modules: ['Number'], members: ['isInteger', 'isSafeInteger', 'isFinite'], checks: 0,
      example: jsHandler("const cp = require('child_process');", "const n = JSON.parse(event.body).count;\nif (Number.isInteger(n)) {\n  // ok: command-injection\n  cp.execSync(`seq ${n}`);\n}\n// ruleid: command-injection\ncp.execSync(`seq 1 ${n}`);"),
    },
  ],
  python: [
    {
      modules: ['string'], members: ['isdigit', 'isnumeric', 'isalnum', 'isalpha', 'isdecimal', 'isidentifier'], checks: 'receiver',
      example: pyHandler('import os', "order = event['queryStringParameters']['order']\nif order.isdigit():\n    # ok: command-injection\n    os.system('print-order ' + order)\n# ruleid: command-injection\nos.system('archive-order ' + order)"),
    },
    {
      modules: ['validators'], members: ['email', 'url', 'uuid', 'domain', 'slug', 'ipv4', 'ipv6', 'mac_address', 'md5', 'sha256', 'iban'], checks: 0,
      example: pyHandler('import os\nimport validators', "host = event['queryStringParameters']['host']\nif validators.domain(host):\n    # ok: command-injection\n    os.system('nslookup ' + host)\n# ruleid: command-injection\nos.system('ping -c 1 ' + host)"),
    },
  ],
};

export function findGuardRow(language: ModelLanguage, module: string | undefined, member: string): GuardRow | undefined {
  if (module === undefined) return undefined;
  return GUARDS[language].find((g) => g.modules.includes(module) && g.members.includes(member));
}
