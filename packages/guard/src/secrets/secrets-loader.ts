import type { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { SSMClient } from '@aws-sdk/client-ssm';
import { TtlCache } from './secrets-cache.js';

/** The one method of an AWS SDK v3 client the loader calls. */
export type CommandSender = { send(command: any): Promise<any> };

export interface SecretsLoaderOptions {
  /** A Secrets Manager client. Default: one created on first use, in the function's region. */
  readonly secretsManager?: CommandSender | SecretsManagerClient;
  /** An SSM client. Default: one created on first use. */
  readonly ssm?: CommandSender | SSMClient;
  /** How long a value is reused before it is fetched again. Default 5 minutes. */
  readonly ttlMs?: number;
  /** Clock, for tests: Unix milliseconds. */
  readonly now?: () => number;
}

/**
 * Loads secrets once per TTL instead of once per invocation (or, worse, from
 * environment variables, where they show in the console and in every config
 * dump). The AWS SDK is imported only when a secret is first loaded, and only
 * the client that is used: a function that never calls `getParameter` does
 * not need `@aws-sdk/client-ssm`.
 */
export interface SecretsLoader {
  /** A Secrets Manager secret's string value. */
  getSecret(secretId: string): Promise<string>;
  /** A Secrets Manager secret whose string is JSON. */
  getSecretJson<T = unknown>(secretId: string): Promise<T>;
  /** An SSM parameter, decrypted when it is a SecureString. */
  getParameter(name: string): Promise<string>;
  /** Forgets every cached value, e.g. after a rotation. */
  clear(): void;
}

export function createSecretsLoader(options: SecretsLoaderOptions = {}): SecretsLoader {
  const cache = new TtlCache<string>(options.ttlMs ?? 5 * 60_000, options.now);
  let secretsManager = options.secretsManager;
  let ssm = options.ssm;

  async function fetchSecret(secretId: string): Promise<string> {
    const sdk = await import('@aws-sdk/client-secrets-manager');
    secretsManager ??= new sdk.SecretsManagerClient({});
    const result = await secretsManager.send(new sdk.GetSecretValueCommand({ SecretId: secretId }));
    if (typeof result.SecretString === 'string') return result.SecretString;
    if (result.SecretBinary instanceof Uint8Array) return Buffer.from(result.SecretBinary).toString('utf8');
    throw new Error(`secret ${secretId} has no value`);
  }

  async function fetchParameter(name: string): Promise<string> {
    const sdk = await import('@aws-sdk/client-ssm');
    ssm ??= new sdk.SSMClient({});
    const result = await ssm.send(new sdk.GetParameterCommand({ Name: name, WithDecryption: true }));
    const value = result.Parameter?.Value;
    if (typeof value !== 'string') throw new Error(`parameter ${name} has no value`);
    return value;
  }

  return {
    getSecret: (secretId) => cache.get(`sm:${secretId}`, () => fetchSecret(secretId)),
    getSecretJson: async (secretId) => JSON.parse(await cache.get(`sm:${secretId}`, () => fetchSecret(secretId))),
    getParameter: (name) => cache.get(`ssm:${name}`, () => fetchParameter(name)),
    clear: () => cache.clear(),
  };
}
