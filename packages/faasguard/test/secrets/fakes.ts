/**
 * Fake credentials built at run time from a seeded generator, so that the
 * repository holds no string that looks like a leaked key. None of them is
 * valid anywhere.
 */

const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const DIGITS = '0123456789';
export const ALNUM = UPPER + LOWER + DIGITS;
export const UPPER_DIGITS = UPPER + DIGITS;
export const HEX = '0123456789abcdef';
export const BASE64 = ALNUM + '+/';
export const BASE64URL = ALNUM + '-_';

/** Deterministic pseudo-random string over `alphabet` (mulberry32). */
export function fakeChars(alphabet: string, length: number, seed: number): string {
  let state = seed >>> 0;
  let out = '';
  for (let i = 0; i < length; i++) {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    const r = ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    out += alphabet[Math.floor(r * alphabet.length)];
  }
  return out;
}

const b64url = (value: string): string => Buffer.from(value).toString('base64url');

/** One fake per format; prefixes are split so no literal token appears in source. */
export const fake = {
  awsKeyId: (): string => 'AK' + 'IA' + fakeChars(UPPER_DIGITS, 16, 1),
  awsTempKeyId: (): string => 'AS' + 'IA' + fakeChars(UPPER_DIGITS, 16, 2),
  awsSecret: (): string => fakeChars(BASE64, 40, 3),
  github: (): string => 'gh' + 'p_' + fakeChars(ALNUM, 36, 4),
  githubFineGrained: (): string => 'github' + '_pat_' + fakeChars(ALNUM, 22, 5) + '_' + fakeChars(ALNUM, 59, 6),
  gitlab: (): string => 'gl' + 'pat-' + fakeChars(ALNUM, 20, 7),
  slack: (): string => 'xo' + 'xb-' + fakeChars(DIGITS, 12, 8) + '-' + fakeChars(DIGITS, 13, 9) + '-' + fakeChars(ALNUM, 24, 10),
  slackWebhook: (): string =>
    'https://hooks.' + 'slack.com/services/T' + fakeChars(UPPER_DIGITS, 8, 11) + '/B' + fakeChars(UPPER_DIGITS, 8, 12) + '/' + fakeChars(ALNUM, 24, 13),
  stripeLive: (): string => 'sk' + '_live_' + fakeChars(ALNUM, 24, 14),
  stripeTest: (): string => 'sk' + '_test_' + fakeChars(ALNUM, 24, 15),
  twilioKeySid: (): string => 'S' + 'K' + fakeChars(HEX, 32, 16),
  twilioAccountSid: (): string => 'A' + 'C' + fakeChars(HEX, 32, 17),
  twilioAuthToken: (): string => fakeChars(HEX, 32, 18),
  sendgrid: (): string => 'S' + 'G.' + fakeChars(BASE64URL, 22, 19) + '.' + fakeChars(BASE64URL, 43, 20),
  npm: (): string => 'np' + 'm_' + fakeChars(ALNUM, 36, 21),
  google: (): string => 'AI' + 'za' + fakeChars(BASE64URL, 35, 22),
  azureKey: (): string => fakeChars(BASE64, 86, 23) + '==',
  gcpKeyId: (): string => fakeChars(HEX, 40, 24),
  pemBody: (): string => fakeChars(BASE64, 64, 25) + '\n' + fakeChars(BASE64, 64, 26) + '\n' + fakeChars(BASE64, 20, 27) + '==',
  jwt: (): string =>
    b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' })) + '.' + b64url(JSON.stringify({ sub: 'u-1', iat: 1700000000 })) + '.' + fakeChars(BASE64URL, 43, 28),
  bearer: (): string => fakeChars(ALNUM, 32, 29),
  dbPassword: (): string => fakeChars(ALNUM, 14, 30),
  generic: (): string => fakeChars(ALNUM, 32, 31),
  password: (): string => fakeChars(ALNUM + '!#%&', 14, 32),
};

/** PEM block with a fake body. */
export function fakePem(label = 'RSA PRIVATE KEY'): string {
  return `-----BEGIN ${label}-----\n${fake.pemBody()}\n-----END ${label}-----`;
}
