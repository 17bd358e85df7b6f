/**
 * The request object a web framework hands a route behind a Lambda adapter, field by field from
 * the API event: Express and Fastify (`req.query`), Flask (`request.args`, `request.get_json()`)
 * and Starlette/FastAPI (`request.query_params`, `await request.json()`). Data, shared by both
 * languages.
 */
import { getProp } from './propagation.js';
import type { Value } from './types.js';

/** Request field → the API event field it carries. */
const REQUEST_FIELDS: ReadonlyArray<readonly [string, string]> = [
  ['body', 'body'],
  ['json', 'body'],
  ['get_json', 'body'],
  ['data', 'body'],
  ['get_data', 'body'],
  ['form', 'body'],
  ['values', 'body'],
  ['files', 'body'],
  ['query', 'queryStringParameters'],
  ['args', 'queryStringParameters'],
  ['query_params', 'queryStringParameters'],
  ['params', 'pathParameters'],
  ['view_args', 'pathParameters'],
  ['path_params', 'pathParameters'],
  ['headers', 'headers'],
  ['cookies', 'cookies'],
  ['path', 'rawPath'],
  ['url', 'rawPath'],
  ['originalUrl', 'rawPath'],
];

export function requestObject(event: Value): Value {
  return { taints: [], props: new Map(REQUEST_FIELDS.map(([name, field]) => [name, getProp(event, field)])) };
}
