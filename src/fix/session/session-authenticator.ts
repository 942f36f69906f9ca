// Who may log on: the remote address against the definition's allowlist, and Username/Password
// against the definition's scrypt hash. scrypt runs on libuv's thread pool (the async API), so a
// burst of logons never blocks the event loop that serves the logged-on sessions; the final
// comparison is constant-time.
//
// Hash format (one string, no secret in clear): scrypt$<N>$<r>$<p>$<salt, base64>$<key, base64>
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { isIPv4 } from 'node:net';
import type { AcceptorDefinition } from './session-definition';

export interface SessionAuthenticator {
  addressAllowed(definition: AcceptorDefinition, remoteAddress: string): boolean;
  /** Resolves false (never rejects) when the credentials do not match or the hash is unreadable. */
  verifyPassword(definition: AcceptorDefinition, username: string, password: string): Promise<boolean>;
}

function scryptAsync(password: string, salt: Buffer, keyLength: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password, salt, keyLength, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

interface ParsedHash {
  readonly options: ScryptOptions;
  readonly salt: Buffer;
  readonly key: Buffer;
}

function parseHash(hash: string): ParsedHash | undefined {
  const parts = hash.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return undefined;
  const [N, r, p] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  if (!Number.isInteger(N) || !Number.isInteger(r) || !Number.isInteger(p)) return undefined;
  const salt = Buffer.from(parts[4] as string, 'base64');
  const key = Buffer.from(parts[5] as string, 'base64');
  if (salt.length === 0 || key.length === 0) return undefined;
  // maxmem must cover 128 * N * r bytes, or scrypt refuses the parameters.
  return { options: { N, r, p, maxmem: 256 * N * r + (1 << 20) }, salt, key };
}

/** Makes a hash in the format above (for the CLI and tests). */
export async function hashPassword(password: string, cost = 16384): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(password, salt, 32, { N: cost, r: 8, p: 1, maxmem: 256 * cost * 8 + (1 << 20) });
  return `scrypt$${cost}$8$1$${salt.toString('base64')}$${key.toString('base64')}`;
}

function ipv4ToInt(address: string): number {
  const [a, b, c, d] = address.split('.').map(Number) as [number, number, number, number];
  return ((a << 24) | (b << 16) | (c << 8) | d) >>> 0;
}

/** Exact address, or an IPv4 CIDR block "a.b.c.d/n". IPv4-mapped IPv6 addresses match as IPv4. */
export function addressMatches(entry: string, remoteAddress: string): boolean {
  const address = remoteAddress.startsWith('::ffff:') && isIPv4(remoteAddress.slice(7)) ? remoteAddress.slice(7) : remoteAddress;
  const slash = entry.indexOf('/');
  if (slash < 0) return entry === address;
  const base = entry.slice(0, slash);
  const bits = Number(entry.slice(slash + 1));
  if (!isIPv4(base) || !isIPv4(address) || !Number.isInteger(bits) || bits < 0 || bits > 32) return false;
  const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
  return ((ipv4ToInt(base) & mask) >>> 0) === ((ipv4ToInt(address) & mask) >>> 0);
}

export class ScryptAuthenticator implements SessionAuthenticator {
  addressAllowed(definition: AcceptorDefinition, remoteAddress: string): boolean {
    return definition.allowedAddresses.some((entry) => addressMatches(entry, remoteAddress));
  }

  async verifyPassword(definition: AcceptorDefinition, username: string, password: string): Promise<boolean> {
    const parsed = parseHash(definition.passwordHash);
    if (parsed === undefined) return false;
    let key: Buffer;
    try {
      key = await scryptAsync(password, parsed.salt, parsed.key.length, parsed.options);
    } catch {
      return false;
    }
    // Both checks always run, so the time taken does not tell which one failed.
    const passwordOk = timingSafeEqual(key, parsed.key);
    return username === definition.username && passwordOk;
  }
}
