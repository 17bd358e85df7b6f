/**
 * How code validates its requests (`code/input-validation.ts`): which imports are validation
 * libraries, and where a file reads a request body.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { requestBodyRead, validationImports } from '../../src/code/input-validation.js';

describe('input validation facts', () => {
  it('names the validation libraries a file imports, subpaths and submodules included', () => {
    assert.deepEqual(validationImports('a.js', "import { z } from 'zod';\nconst Ajv = require('ajv/dist/2020');\nconst x = require('zodiac');", 'javascript'), ['zod', 'ajv']);
    assert.deepEqual(validationImports('a.py', 'from pydantic import BaseModel\nfrom aws_lambda_powertools.utilities.parser import parse\nimport pydantic_extra', 'python'), ['pydantic', 'aws_lambda_powertools.utilities.parser']);
  });

  it('finds a library in every quoting and import form, and none in files that only mention it', () => {
    assert.deepEqual(validationImports('a.ts', 'import * as v from "valibot";\nconst ow = require(`ow`);\nexport { x } from "@middy/validator/transpile";', 'javascript'), ['valibot', 'ow', '@middy/validator']);
    assert.deepEqual(validationImports('a.js', '// validate with zod or joi some day\nconst flow = allow(window);', 'javascript'), []);
    assert.deepEqual(validationImports('a.py', '# pydantic would do\nimport json, jsonschema\nfrom marshmallow.fields import Str', 'python'), ['jsonschema', 'marshmallow']);
    assert.deepEqual(validationImports('a.py', 'x = "pydantic"', 'python'), []);
  });

  it('finds body reads with their line, and not the body key of a response', () => {
    assert.deepEqual(requestBodyRead('a.js', "const x = 1;\nconst { body, headers } = event;\n", 'javascript'), { file: 'a.js', line: 2, column: 7 });
    assert.equal(requestBodyRead('a.js', 'return { statusCode: 200, body: JSON.stringify(x) };', 'javascript'), undefined);
    assert.equal(requestBodyRead('a.py', "data = json.loads(event.get('body') or '{}')", 'python')?.line, 1);
    assert.equal(requestBodyRead('a.py', "return {'statusCode': 200, 'body': 'ok'}", 'python'), undefined);
  });

  it('reads a file of unclosed braces without finding a destructuring', () => {
    assert.equal(requestBodyRead('a.js', '{ x '.repeat(50_000) + 'body', 'javascript'), undefined);
  });
});
