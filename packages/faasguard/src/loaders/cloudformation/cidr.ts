/**
 * Fn::Cidr: `count` subnets of `bits` host bits each, carved in order from an IPv4 block.
 * Returns undefined when the arguments are not valid.
 */
export function cidrSubnets(block: string, count: number, bits: number): string[] | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(block);
  if (!m) return undefined;
  const octets = m.slice(1, 5).map(Number);
  const prefix = Number(m[5]);
  if (octets.some((o) => o > 255) || prefix > 32) return undefined;
  const subnetPrefix = 32 - bits;
  if (!Number.isInteger(count) || count < 1 || count > 256 || bits < 0 || subnetPrefix < prefix) return undefined;
  if (count > 2 ** (subnetPrefix - prefix)) return undefined;
  const base = octets.reduce((acc, o) => acc * 256 + o, 0);
  const network = prefix === 0 ? 0 : base - (base % 2 ** (32 - prefix));
  const out: string[] = [];
  for (let i = 0; i < count; i++) out.push(`${toDotted(network + i * 2 ** bits)}/${subnetPrefix}`);
  return out;
}

function toDotted(n: number): string {
  const parts: number[] = [];
  for (let i = 0; i < 4; i++) {
    parts.unshift(n % 256);
    n = Math.floor(n / 256);
  }
  return parts.join('.');
}
