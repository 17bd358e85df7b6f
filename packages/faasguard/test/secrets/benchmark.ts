/**
 * Throughput of secrets detection on synthetic input (no assertions; not a test).
 * Run: FAASGUARD_BENCH=1 node dist/test/secrets/benchmark.js [megabytes]
 * Prints the median of 5 runs over one large text and over 2,000 small files.
 */
import { detectSecretsInText } from '../../src/secrets/index.js';
import { fake } from './fakes.js';

const ORDINARY_LINES = [
  'const handler = async (event) => { return { statusCode: 200, body: JSON.stringify(event) }; };',
  '  Environment:\n    Variables:\n      TABLE_NAME: !Ref OrdersTable',
  "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
  'LOG_LEVEL=debug',
  '// compute the checksum of the payload before persisting it to the bucket',
  '    Runtime: nodejs20.x\n    Handler: index.handler\n    MemorySize: 512',
  "const url = 'https://example.com/api/v1/orders?limit=50&offset=' + offset;",
  'const token = event.headers.authorization; const key = `${prefix}/${id}`;',
];

/** About `bytes` characters of ordinary lines with a secret every 997 lines. */
function synthetic(bytes: number): string {
  const secrets = [`AWS_ACCESS_KEY_ID=${fake.awsKeyId()}`, `const token = '${fake.github()}';`, `DATABASE_URL=postgres://app:${fake.dbPassword()}@db.internal:5432/app`];
  const out: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const line = i % 997 === 0 ? (secrets[(i / 997) % secrets.length] as string) : (ORDINARY_LINES[i % ORDINARY_LINES.length] as string);
    out.push(line);
    size += line.length + 1;
  }
  return out.join('\n');
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

function timeRuns(runs: number, work: () => number): { ms: number; count: number } {
  const times: number[] = [];
  let count = 0;
  for (let r = 0; r < runs; r++) {
    const start = performance.now();
    count = work();
    times.push(performance.now() - start);
  }
  return { ms: median(times), count };
}

function main(): void {
  const megabytes = Number(process.argv[2] ?? 10);
  const text = synthetic(megabytes * 1024 * 1024);
  const large = timeRuns(5, () => detectSecretsInText(text, { maxChars: text.length }).length);
  const files = Array.from({ length: 2000 }, (_, i) => synthetic(4096 + (i % 7) * 512));
  const small = timeRuns(5, () => files.reduce((n, f) => n + detectSecretsInText(f, { fileName: 'app.js' }).length, 0));
  console.log(JSON.stringify({
    largeInputMB: megabytes,
    largeMatches: large.count,
    largeMedianMs: Math.round(large.ms),
    mbPerSecond: Number((megabytes / (large.ms / 1000)).toFixed(1)),
    smallFiles: files.length,
    smallMatches: small.count,
    smallMedianMs: Math.round(small.ms),
    filesPerSecond: Math.round(files.length / (small.ms / 1000)),
  }));
}

if (process.env.FAASGUARD_BENCH === '1') main();
