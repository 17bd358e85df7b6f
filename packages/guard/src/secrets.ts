export { createSecretsLoader } from './secrets/secrets-loader.js';
export type { SecretsLoader, SecretsLoaderOptions, CommandSender } from './secrets/secrets-loader.js';
