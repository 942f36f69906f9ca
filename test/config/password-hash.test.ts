import test from 'ava';
import { hashPassword, parsePasswordHash, verifyPassword, type ScryptCost } from '../../src/config/password-hash';

/** The cheapest cost the format allows, so the suite stays fast; the default cost is tested once. */
const CHEAP: ScryptCost = { N: 2 ** 14, r: 8, p: 1 };

test('a hash verifies its own password and no other', async (t) => {
  const encoded = await hashPassword('correct horse', CHEAP);
  t.true(await verifyPassword('correct horse', encoded));
  t.false(await verifyPassword('correct hors', encoded));
  t.false(await verifyPassword('Correct horse', encoded));
  t.false(await verifyPassword('', encoded));
});

test('the default cost produces the documented format and verifies', async (t) => {
  const encoded = await hashPassword('s3cret');
  t.regex(encoded, /^scrypt\$32768\$8\$1\$[A-Za-z0-9+/]{22}==\$[A-Za-z0-9+/]{43}=$/);
  t.true(await verifyPassword('s3cret', encoded));
});

test('each hash has its own salt', async (t) => {
  const [a, b] = await Promise.all([hashPassword('same', CHEAP), hashPassword('same', CHEAP)]);
  t.not(a, b);
});

test('non-ASCII passwords are hashed as UTF-8', async (t) => {
  const encoded = await hashPassword('pässwörd', CHEAP);
  t.true(await verifyPassword('pässwörd', encoded));
  t.false(await verifyPassword('passwords', encoded));
});

test('an empty password is refused', async (t) => {
  await t.throwsAsync(hashPassword(''), { instanceOf: RangeError, message: 'the password must not be empty' });
});

/** Replaces part `index` (0 = "scrypt") of an encoding. */
function withPart(encoded: string, index: number, value: (old: string) => string): string {
  const parts = encoded.split('$');
  parts[index] = value(parts[index]!);
  return parts.join('$');
}

const flipFirstChar = (text: string) => (text[0] === 'A' ? 'B' : 'A') + text.slice(1);

test('a tampered encoding never verifies', async (t) => {
  const encoded = await hashPassword('pw', CHEAP);
  const tampered = {
    'hash bytes': withPart(encoded, 5, flipFirstChar),
    'salt bytes': withPart(encoded, 4, flipFirstChar),
    'N doubled': withPart(encoded, 1, (n) => String(Number(n) * 2)),
    'r changed': withPart(encoded, 2, () => '9'),
    'p changed': withPart(encoded, 3, () => '2'),
    'hash truncated to 16 bytes': withPart(encoded, 5, (h) => Buffer.from(h, 'base64').subarray(0, 16).toString('base64')),
    'hash emptied': withPart(encoded, 5, () => ''),
    'another algorithm': withPart(encoded, 0, () => 'bcrypt'),
    'a part missing': encoded.split('$').slice(0, 5).join('$'),
    'a part added': `${encoded}$x`,
    'non-canonical base64 (junk appended)': withPart(encoded, 5, (h) => `${h}!!`),
    'whitespace around': ` ${encoded}`,
    'not a string': 42 as unknown as string,
  };
  for (const [what, value] of Object.entries(tampered)) {
    t.false(await verifyPassword('pw', value), what);
  }
});

test('parse problems say what is wrong in operator words', (t) => {
  const problem = (encoded: string) => {
    const parsed = parsePasswordHash(encoded);
    return parsed.ok ? 'ok' : parsed.problem;
  };
  const salt = Buffer.alloc(16, 1).toString('base64');
  const hash = Buffer.alloc(32, 2).toString('base64');
  t.is(problem('hunter2'), 'must have the form scrypt$N$r$p$saltBase64$hashBase64 (make one with: npx tsx scripts/hash-password.ts)');
  t.is(problem(`scrypt$1000$8$1$${salt}$${hash}`), 'has N = 1000; N must be a power of two from 16384 to 1048576');
  t.is(problem(`scrypt$16384$0$1$${salt}$${hash}`), 'has r = 0; r must be from 1 to 32');
  t.is(problem(`scrypt$16384$8$99$${salt}$${hash}`), 'has p = 99; p must be from 1 to 16');
  t.is(problem(`scrypt$1048576$32$1$${salt}$${hash}`), 'needs 4096 MiB per logon (N * r too large); at most 256 MiB');
  t.is(problem(`scrypt$16384$8$1$${Buffer.alloc(8).toString('base64')}$${hash}`), 'has a salt that is not canonical base64 of at least 16 bytes');
  t.is(problem(`scrypt$16384$8$1$${salt}$${Buffer.alloc(31).toString('base64')}`), 'has a hash that is not canonical base64 of exactly 32 bytes');
  t.is(problem(`scrypt$16384$8$1$${salt}$${hash}`), 'ok');
});

test('a cost outside the bounds is refused when hashing', async (t) => {
  await t.throwsAsync(hashPassword('pw', { N: 2 ** 10, r: 8, p: 1 }), { instanceOf: RangeError, message: /N must be a power of two/ });
});
