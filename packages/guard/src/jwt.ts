export { jwtAuth } from './auth/jwt.js';
export type { JwtOptions, JwtAlgorithm, JwtKeySource } from './auth/jwt.js';
