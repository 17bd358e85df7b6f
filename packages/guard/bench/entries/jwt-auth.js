import { guard } from '@faasguard/guard';
import { jwtAuth } from '@faasguard/guard/jwt';

export const handler = guard(async ({ principal }) => ({ statusCode: 200, body: principal?.id ?? '' }), {
  allow: ['apigw-http'],
  auth: jwtAuth({ jwksUri: 'https://auth.example.com/.well-known/jwks.json', issuer: 'https://auth.example.com/', audience: 'api', algorithms: ['RS256'] }),
});
