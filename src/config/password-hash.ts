// Password hashes for session credentials: scrypt (node:crypto), stored as one string
//
//   scrypt$N$r$p$<salt, base64>$<hash, base64>      e.g. scrypt$32768$8$1$qL...==$Zk...=
//
// so a session file never holds a clear-text password and the cost parameters travel with each
// hash (raising them later does not invalidate existing ones). Verification derives the key with
// the stored parameters and compares in constant time. A malformed or tampered encoding never
// verifies; the config loader reports it with parsePasswordHash() before any logon is tried.
//
// N = 2^15, r = 8, p = 1 (32 MiB, about 60 ms per hash on the dev VM) is the default: costly
// enough against offline guessing, and run on libuv's thread pool, not the event loop. The
// bounds below stop a hand-edited file from turning every logon into a memory or CPU bomb.
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

export interface ScryptCost {
  /** CPU/memory cost, a power of two. */
  readonly N: number;
  /** Block size. */
  readonly r: number;
  /** Parallelism. */
  readonly p: number;
}

export const DEFAULT_SCRYPT_COST: ScryptCost = Object.freeze({ N: 2 ** 15, r: 8, p: 1 });
const SALT_BYTES = 16;
const HASH_BYTES = 32;
const MIN_N = 2 ** 14;
const MAX_N = 2 ** 20;
const MAX_R = 32;
const MAX_P = 16;
/** scrypt needs about 128 * N * r bytes. */
const MAX_MEMORY_BYTES = 256 * 1024 * 1024;

export interface PasswordHash extends ScryptCost {
  readonly salt: Buffer;
  readonly hash: Buffer;
}

export type PasswordHashParse = { readonly ok: true; readonly value: PasswordHash } | { readonly ok: false; readonly problem: string };

export const PASSWORD_HASH_FORMAT = 'scrypt$N$r$p$saltBase64$hashBase64';

/** Splits and checks an encoded hash; `problem` says what is wrong in words fit for an operator. */
export function parsePasswordHash(encoded: string): PasswordHashParse {
  const fail = (problem: string): PasswordHashParse => ({ ok: false, problem });
  if (typeof encoded !== 'string') return fail(`must be a string of the form ${PASSWORD_HASH_FORMAT}`);
  const parts = encoded.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') {
    return fail(`must have the form ${PASSWORD_HASH_FORMAT} (make one with: npx tsx scripts/hash-password.ts)`);
  }
  const [, nText, rText, pText, saltText, hashText] = parts as [string, string, string, string, string, string];
  const N = decimal(nText);
  const r = decimal(rText);
  const p = decimal(pText);
  if (N === undefined || N < MIN_N || N > MAX_N || (N & (N - 1)) !== 0) {
    return fail(`has N = ${nText}; N must be a power of two from ${MIN_N} to ${MAX_N}`);
  }
  if (r === undefined || r < 1 || r > MAX_R) return fail(`has r = ${rText}; r must be from 1 to ${MAX_R}`);
  if (p === undefined || p < 1 || p > MAX_P) return fail(`has p = ${pText}; p must be from 1 to ${MAX_P}`);
  if (128 * N * r > MAX_MEMORY_BYTES) {
    return fail(`needs ${(128 * N * r) / 2 ** 20} MiB per logon (N * r too large); at most ${MAX_MEMORY_BYTES / 2 ** 20} MiB`);
  }
  const salt = base64(saltText);
  if (!salt || salt.length < SALT_BYTES) return fail(`has a salt that is not canonical base64 of at least ${SALT_BYTES} bytes`);
  const hash = base64(hashText);
  if (!hash || hash.length !== HASH_BYTES) return fail(`has a hash that is not canonical base64 of exactly ${HASH_BYTES} bytes`);
  return { ok: true, value: { N, r, p, salt, hash } };
}

/** Hashes a password with a fresh random salt. Refuses an empty password. */
export async function hashPassword(plain: string, cost: ScryptCost = DEFAULT_SCRYPT_COST): Promise<string> {
  if (typeof plain !== 'string' || plain.length === 0) throw new RangeError('the password must not be empty');
  const salt = randomBytes(SALT_BYTES);
  const hash = await derive(plain, salt, cost, HASH_BYTES);
  const encoded = `scrypt$${cost.N}$${cost.r}$${cost.p}$${salt.toString('base64')}$${hash.toString('base64')}`;
  const check = parsePasswordHash(encoded);
  if (!check.ok) throw new RangeError(`scrypt cost out of bounds: the hash ${check.problem}`);
  return encoded;
}

/** True only if `plain` is the password `encoded` was made from; false for any malformed encoding. */
export async function verifyPassword(plain: string, encoded: string): Promise<boolean> {
  const parsed = parsePasswordHash(encoded);
  if (!parsed.ok || typeof plain !== 'string') return false;
  const { value } = parsed;
  const derived = await derive(plain, value.salt, value, value.hash.length);
  return timingSafeEqual(derived, value.hash);
}

function derive(plain: string, salt: Buffer, cost: ScryptCost, length: number): Promise<Buffer> {
  const options: ScryptOptions = { N: cost.N, r: cost.r, p: cost.p, maxmem: 2 * 128 * cost.N * cost.r + 2 ** 20 };
  return new Promise((resolve, reject) => {
    scrypt(Buffer.from(plain, 'utf8'), salt, length, options, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

function decimal(text: string): number | undefined {
  return /^[1-9][0-9]{0,9}$/.test(text) ? Number(text) : undefined;
}

/** Decodes only canonical, padded base64: Buffer.from alone would accept (and silently drop) junk. */
function base64(text: string): Buffer | undefined {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(text)) return undefined;
  const bytes = Buffer.from(text, 'base64');
  return bytes.toString('base64') === text ? bytes : undefined;
}
