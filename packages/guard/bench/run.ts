// `npm run bench`: the guard's cost per invocation and per cold start, measured
// with Node's own timers (process.hrtime) and esbuild for bundle size.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { fileURLToPath } from 'node:url';
import { bundleEntry } from '../testkit/bundle-entry.js';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { z } from 'zod';
import { detectSource, guard, MemoryRateLimitStore, type AuthInput } from '../src/index.js';
import { jwtAuth } from '../src/jwt.js';
import { RedisRateLimitStore } from '../src/redis.js';
import { redisUnavailable, startRedis } from '../testkit/redis-server.js';
import { sideBySide, type Comparison } from './peers.js';

interface Row {
  name: string;
  median: number;
  p99: number;
  runs: number;
}

const rows: Row[] = [];
const pkgDir = fileURLToPath(new URL('../../', import.meta.url));
const fixture = (name: string) => readFileSync(new URL(`test/fixtures/events/${name}.json`, `file://${pkgDir}`), 'utf8');

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Times `runs` sequential calls after `warmup` untimed ones; microseconds. */
async function measure(name: string, runs: number, warmup: number, fn: () => unknown): Promise<number> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples = new Array<number>(runs);
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    await fn();
    samples[i] = Number(process.hrtime.bigint() - start) / 1000;
  }
  samples.sort((a, b) => a - b);
  const median = percentile(samples, 50);
  rows.push({ name, median, p99: percentile(samples, 99), runs });
  return median;
}

async function perEvent(): Promise<void> {
  const Order = z.object({ orderId: z.string(), amount: z.number(), currency: z.string() });
  const handler = guard(async () => ({ statusCode: 200 }), { allow: ['apigw-http', 'sqs'], schema: Order, logger: () => undefined });
  const api = JSON.parse(fixture('apigw-http'));
  const sqs = JSON.parse(fixture('sqs'));
  sqs.Records = Array.from({ length: 10 }, (_, i) => ({ ...sqs.Records[i % 3], messageId: `m-${i}` }));
  await measure('detectSource (HTTP API event)', 50_000, 5_000, () => detectSource(api));
  await measure('guard: detection + zod validation, HTTP API event', 20_000, 2_000, () => handler(api, {}));
  await measure('guard: detection + zod validation, SQS batch of 10', 10_000, 1_000, () => handler(sqs, {}));
}

/** The HTTP API sample with a plain JSON body (Powertools reads no base64 body without a helper) and an SQS batch of 10. */
function comparisonEvents(): { api: Record<string, unknown>; sqs: Record<string, unknown> } {
  const api = JSON.parse(fixture('apigw-http'));
  api.body = JSON.stringify({ orderId: 'ord-1002', amount: 20, currency: 'EUR' });
  api.isBase64Encoded = false;
  const sqs = JSON.parse(fixture('sqs'));
  sqs.Records = Array.from({ length: 10 }, (_, i) => ({ ...sqs.Records[i % 3], messageId: `m-${i}` }));
  return { api, sqs };
}

function printComparisons(comparisons: readonly Comparison[]): void {
  const names = comparisons[0]!.results.map((r) => r.name);
  console.log(`\n| work | ${names.join(' | ')} | guard / best peer |`);
  console.log(`| --- | ${names.map(() => '---:').join(' | ')} | ---: |`);
  for (const c of comparisons) {
    const cells = c.results.map((r) => fmt(r.median));
    console.log(`| ${c.work} | ${cells.join(' | ')} | ${c.ratio.toFixed(2)} (${c.bestPeer}) |`);
  }
}

async function jwt(): Promise<void> {
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  const jwks = { keys: [{ ...(await exportJWK(publicKey)), kid: 'k', alg: 'RS256' }] };
  const auth = jwtAuth({ jwks, algorithms: ['RS256'], issuer: 'https://auth.example.com/', audience: 'api' });
  const token = await new SignJWT({}).setProtectedHeader({ alg: 'RS256', kid: 'k' }).setSubject('u')
    .setIssuer('https://auth.example.com/').setAudience('api').setExpirationTime('1h').sign(privateKey);
  const input: AuthInput = {
    source: 'apigw-http',
    event: {},
    request: { headers: { authorization: `Bearer ${token}` }, rawBody: '', method: 'GET', path: '/', sourceIp: undefined },
  };
  await measure('JWT verification, RS256, cached key', 5_000, 500, () => auth(input));
}

async function rateLimits(): Promise<void> {
  const rule = { limit: 1_000_000_000, intervalMs: 1000 };
  const memory = new MemoryRateLimitStore();
  let i = 0;
  await measure('rate-limit decision, memory store', 50_000, 5_000, () => memory.consume(`user-${i++ % 1000}`, rule));
  // A client rotating addresses: the store is full of live buckets and every call brings a new key.
  const full = new MemoryRateLimitStore(10_000);
  const hourly = { limit: 1_000_000_000, intervalMs: 3_600_000 };
  for (let k = 0; k < 10_000; k++) await full.consume(`ip:seed-${k}`, hourly);
  await measure('rate-limit decision, memory store full (10,000 keys), new key each call', 20_000, 2_000, () =>
    full.consume(`ip:rotated-${i++}`, hourly));
  const skip = redisUnavailable();
  if (skip) {
    console.log(`skipping the Redis store: ${skip}`);
    return;
  }
  const redis = await startRedis();
  try {
    const store = new RedisRateLimitStore({ client: redis.client() });
    await measure('rate-limit decision, Redis store (loopback, 1 round trip)', 5_000, 500, () => store.consume(`user-${i++ % 1000}`, rule));
  } finally {
    await redis.stop();
  }
}

/** Cold import of an entry point in a fresh Node process, median of several. */
function importTime(specifier: string, runs = 15): { median: number; p99: number } {
  const script = `const t=performance.now();await import(${JSON.stringify(specifier)});console.log(performance.now()-t)`;
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const out = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: pkgDir, encoding: 'utf8' });
    if (out.status !== 0) throw new Error(`import of ${specifier} failed: ${out.stderr}`);
    samples.push(Number(out.stdout.trim()) * 1000);
  }
  samples.sort((a, b) => a - b);
  return { median: percentile(samples, 50), p99: samples[samples.length - 1]! }; // p99 of 15 runs is the slowest run
}

async function bundleSize(entry: string): Promise<{ bytes: number; inputs: string[]; code: Uint8Array }> {
  const { code, inputs } = await bundleEntry(entry);
  return { bytes: code.byteLength, inputs, code };
}

const fmt = (us: number) => (us < 10 ? us.toFixed(2) : us < 1000 ? us.toFixed(1) : us.toFixed(0));

async function main(): Promise<void> {
  console.log(`Node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'})\n`);
  await perEvent();
  const events = comparisonEvents();
  const comparisons = await sideBySide(events.api, events.sqs);
  await jwt();
  await rateLimits();
  // What a deployed function loads: one bundled file. The empty module is the floor of any import.
  const dir = mkdtempSync(join(tmpdir(), 'guard-bench-'));
  try {
    writeFileSync(join(dir, 'empty.mjs'), 'export {};\n');
    writeFileSync(join(dir, 'core-bundle.mjs'), (await bundleSize('core-validation.js')).code);
    const imports: Array<[string, string]> = [
      ['import of an empty module (baseline)', pathToFileURL(join(dir, 'empty.mjs')).href],
      ['import of the bundled core handler (detection + validation)', pathToFileURL(join(dir, 'core-bundle.mjs')).href],
      ['import @faasguard/guard (unbundled dist, core)', '@faasguard/guard'],
      ['import @faasguard/guard/jwt (unbundled dist, with jose)', '@faasguard/guard/jwt'],
    ];
    for (const [name, specifier] of imports) {
      const t = importTime(specifier);
      rows.push({ name: `${name}, fresh process`, median: t.median, p99: t.p99, runs: 15 });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  console.log('| measurement | median (µs) | p99 (µs) | runs |');
  console.log('| --- | ---: | ---: | ---: |');
  for (const r of rows) console.log(`| ${r.name} | ${fmt(r.median)} | ${fmt(r.p99)} | ${r.runs} |`);

  console.log('\nSide by side (median µs per event, contenders interleaved in 201 rounds):');
  printComparisons(comparisons);

  console.log('\n| bundle (esbuild, minified, node20 ESM) | size | contains jose? |');
  console.log('| --- | ---: | --- |');
  for (const entry of ['core-validation.js', 'valibot-validation.js', 'zod-validation.js', 'jwt-auth.js']) {
    const { bytes, inputs } = await bundleSize(entry);
    const jose = inputs.some((i) => i.includes('node_modules/jose/'));
    console.log(`| ${entry} | ${(bytes / 1024).toFixed(1)} KB | ${jose ? 'yes' : 'no'} |`);
  }
}

await main();
