import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { SecretKind } from '../../src/secrets/index.js';
import { assertClean, assertDetected } from './assertions.js';
import { ALNUM, HEX, fake, fakeChars } from './fakes.js';
import { TOKEN_FORMATS } from '../../src/secrets/detectors/token-formats.js';

interface FormatCase {
  kind: SecretKind;
  value: () => string;
  confidence: 'high' | 'medium';
  /** Same shape but not a credential: wrong prefix, too short, a placeholder. */
  lookAlikes: () => string[];
}

const CASES: FormatCase[] = [
  {
    kind: 'aws-access-key-id',
    value: fake.awsKeyId,
    confidence: 'high',
    lookAlikes: () => ['AK' + 'IA' + fakeChars('ABCDEFGHJK', 15, 40), 'AK' + 'IA' + 'X'.repeat(16), 'X' + fake.awsKeyId(), 'AK' + 'IAIOSFODNN7EXAMPLE'],
  },
  { kind: 'aws-access-key-id', value: fake.awsTempKeyId, confidence: 'high', lookAlikes: () => ['AS' + 'IB' + fakeChars('ABCDEFGH2345', 16, 41)] },
  {
    kind: 'github-token',
    value: fake.github,
    confidence: 'high',
    lookAlikes: () => ['gh' + 'p_' + fakeChars(ALNUM, 20, 42), 'gh' + 'x_' + fakeChars(ALNUM, 36, 43), 'gh' + 'p_' + 'x'.repeat(36)],
  },
  { kind: 'github-token', value: fake.githubFineGrained, confidence: 'high', lookAlikes: () => ['github' + '_pat_' + fakeChars(ALNUM, 22, 44)] },
  { kind: 'gitlab-token', value: fake.gitlab, confidence: 'high', lookAlikes: () => ['gl' + 'pat-' + fakeChars(ALNUM, 12, 45), 'gl' + 'pat-<your-token>'] },
  {
    kind: 'slack-token',
    value: fake.slack,
    confidence: 'high',
    lookAlikes: () => ['xo' + 'xb-your-bot-token-here', 'xo' + 'xz-' + fakeChars('0123456789', 12, 46) + '-' + fakeChars(ALNUM, 24, 47)],
  },
  {
    kind: 'slack-webhook',
    value: fake.slackWebhook,
    confidence: 'high',
    lookAlikes: () => ['https://hooks.' + 'slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX', 'https://hooks.' + 'slack.com/services/'],
  },
  {
    kind: 'stripe-key',
    value: fake.stripeLive,
    confidence: 'high',
    lookAlikes: () => ['pk' + '_live_' + fakeChars(ALNUM, 24, 48), 'sk' + '_live_' + fakeChars(ALNUM, 8, 49)],
  },
  { kind: 'stripe-key', value: fake.stripeTest, confidence: 'medium', lookAlikes: () => ['sk' + '_test_' + 'x'.repeat(24)] },
  { kind: 'twilio-key', value: fake.twilioKeySid, confidence: 'medium', lookAlikes: () => ['S' + 'K' + fakeChars(HEX, 20, 50), 'S' + 'K' + fakeChars('ghijklmnop', 32, 51)] },
  {
    kind: 'sendgrid-key',
    value: fake.sendgrid,
    confidence: 'high',
    lookAlikes: () => ['S' + 'G.' + fakeChars(ALNUM, 10, 52) + '.' + fakeChars(ALNUM, 43, 53), 'S' + 'G.your-sendgrid-api-key'],
  },
  { kind: 'npm-token', value: fake.npm, confidence: 'high', lookAlikes: () => ['npm_config_registry_url_for_private_packages', 'np' + 'm_' + fakeChars(ALNUM, 20, 54)] },
  { kind: 'google-api-key', value: fake.google, confidence: 'high', lookAlikes: () => ['AI' + 'za' + fakeChars(ALNUM, 20, 55), 'AI' + 'zaSy-your-google-api-key-goes-here-now'] },
];

/** Surroundings the value is placed in: code, YAML, .env, JSON. */
const CONTAINERS: Array<{ fileName: string; wrap: (value: string) => string }> = [
  { fileName: 'handler.js', wrap: (v) => `import x from 'y';\n\nconst client = new Client({ auth: '${v}' });\n` },
  { fileName: 'serverless.yml', wrap: (v) => `provider:\n  environment:\n    SETTING: ${v}\n` },
  { fileName: '.env', wrap: (v) => `# settings\nVALUE=${v}\n` },
  { fileName: 'config.json', wrap: (v) => `{\n  "integration": {\n    "value": "${v}"\n  }\n}\n` },
];

describe('vendor token formats', () => {
  for (const c of CASES) {
    describe(`${c.kind} (${c.value().slice(0, 4)}…)`, () => {
      for (const container of CONTAINERS) {
        it(`is found in ${container.fileName} with its line and column`, () => {
          const value = c.value();
          const match = assertDetected(container.wrap(value), c.kind, value, container.fileName);
          assert.equal(match.confidence, c.confidence);
        });
      }
      it('ignores look-alikes', () => {
        for (const lookAlike of c.lookAlikes()) assertClean(`key_id = "${lookAlike}"\nother: ${lookAlike}\n`, 'app.py');
      });
    });
  }

  it('does not report a token embedded in a longer word', () => {
    assertClean(`id = "x${fake.github()}"\n`, 'a.py');
    assertClean(`id = "${fake.npm()}abc"\n`, 'a.py');
  });

  it('finds Azure storage account keys in connection strings', () => {
    const key = fake.azureKey();
    const text = `{"Values": {"Storage": "DefaultEndpointsProtocol=https;AccountName=acct1;AccountKey=${key};EndpointSuffix=core.windows.net"}}`;
    assertDetected(text, 'azure-storage-key', key, 'local.settings.json');
  });

  it('ignores Azure connection strings with a placeholder or a short key', () => {
    assertClean('Storage=DefaultEndpointsProtocol=https;AccountName=a;AccountKey=<your-key>;EndpointSuffix=core.windows.net');
    assertClean('Storage=DefaultEndpointsProtocol=https;AccountName=a;AccountKey=${STORAGE_KEY};EndpointSuffix=core.windows.net');
    assertClean(`AccountKey=${fakeChars(ALNUM, 40, 56)}==`);
  });

  it('gives every format the same flags, so that the one pass telling whether any may match tests what each one does', () => {
    assert.deepEqual([...new Set(TOKEN_FORMATS.map((f) => f.pattern.flags))], ['g']);
  });

  it('finds a token among many, after text that holds none', () => {
    const key = fake.awsKeyId();
    assertDetected(`${'plain words '.repeat(200)}\nid = "${key}"\n`, 'aws-access-key-id', key, 'a.env');
  });
});
