// The damage the fuzz test does to FIX frames: each mutation takes a valid frame and a seeded
// random source and returns bytes a broken or hostile peer might send. Seeded, so a failing run
// can be replayed from the seed it prints.

/** xorshift32: small, fast, and the same sequence for the same seed everywhere. */
export class SeededRandom {
  private state: number;

  constructor(readonly seed: number) {
    this.state = seed >>> 0 || 0x9e3779b9;
  }

  next(): number {
    let x = this.state;
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    this.state = x;
    return x;
  }

  /** 0 <= n < bound */
  below(bound: number): number {
    return this.next() % bound;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.below(items.length)] as T;
  }
}

const SOH = 0x01;

function withTrailer(beginAndBody: string): Buffer {
  const bytes = Buffer.from(beginAndBody, 'latin1');
  let sum = 0;
  for (const b of bytes) sum += b;
  return Buffer.concat([bytes, Buffer.from(`10=${String(sum % 256).padStart(3, '0')}\x01`, 'latin1')]);
}

/** Re-frames a body ("35=...|" with SOH) with a correct BodyLength and CheckSum: valid framing, hostile content. */
export function reframe(beginString: string, body: string): Buffer {
  return withTrailer(`8=${beginString}\x019=${Buffer.byteLength(body, 'latin1')}\x01${body}`);
}

/** The body of a frame (from 35= to the SOH before 10=) as latin1 text. */
export function bodyOf(frame: Buffer): string {
  const text = frame.toString('latin1');
  const start = text.indexOf('\x0135=') + 1;
  const end = text.lastIndexOf('\x0110=') + 1;
  return text.slice(start, end);
}

function beginStringOf(frame: Buffer): string {
  const text = frame.toString('latin1');
  return text.slice(2, text.indexOf('\x01'));
}

export type Mutation = (frame: Buffer, random: SeededRandom) => Buffer;

export const MUTATIONS: Record<string, Mutation> = {
  flippedBytes(frame, random) {
    const out = Buffer.from(frame);
    const flips = 1 + random.below(4);
    for (let i = 0; i < flips; i++) out[random.below(out.length)] ^= 1 << random.below(8);
    return out;
  },
  truncated(frame, random) {
    return frame.subarray(0, 1 + random.below(frame.length - 1));
  },
  wrongBodyLength(frame, random) {
    const text = frame.toString('latin1');
    return Buffer.from(text.replace(/\x019=(\d+)\x01/, (_, n: string) => `\x019=${Math.max(0, Number(n) + random.pick([-7, -1, 1, 3, 40]))}\x01`), 'latin1');
  },
  wrongCheckSum(frame, random) {
    const out = Buffer.from(frame);
    const at = out.length - 4;
    const sum = (Number(out.toString('latin1', at, at + 3)) + 1 + random.below(254)) % 256;
    out.write(String(sum).padStart(3, '0'), at, 'latin1');
    return out;
  },
  hugeTagNumbers(frame, random) {
    const tag = random.pick(['2147483648', '99999999999', '4294967296', '9999', '0', '-5']);
    return reframe(beginStringOf(frame), `${bodyOf(frame)}${tag}=x\x01`);
  },
  missingSoh(frame, random) {
    const positions: number[] = [];
    for (let i = 0; i < frame.length; i++) if (frame[i] === SOH) positions.push(i);
    const drop = random.pick(positions);
    return Buffer.concat([frame.subarray(0, drop), frame.subarray(drop + 1)]);
  },
  binaryJunk(_frame, random) {
    const out = Buffer.allocUnsafe(1 + random.below(4096));
    for (let i = 0; i < out.length; i++) out[i] = random.below(256);
    return out;
  },
  repeatedTags(frame, random) {
    const body = bodyOf(frame);
    const fields = body.split('\x01').filter((f) => f !== '');
    const repeated = random.pick(fields.slice(1));
    return reframe(beginStringOf(frame), `${body}${`${repeated}\x01`.repeat(1 + random.below(3))}`);
  },
  hugeGroupCounts(frame, random) {
    const count = random.pick(['999999999', '2147483647', '100000', '-1', 'x']);
    return reframe(beginStringOf(frame), `${bodyOf(frame)}453=${count}\x01448=P1\x01447=D\x01452=3\x01`);
  },
  manyFields(frame, random) {
    const n = 500 + random.below(4000);
    let extra = '';
    for (let i = 0; i < n; i++) extra += `58=${i}\x01`;
    return reframe(beginStringOf(frame), `${bodyOf(frame)}${extra}`);
  },
  emptyValues(frame, random) {
    const body = bodyOf(frame);
    const fields = body.split('\x01').filter((f) => f !== '');
    const i = 1 + random.below(fields.length - 1);
    fields[i] = `${(fields[i] as string).split('=')[0]}=`;
    return reframe(beginStringOf(frame), `${fields.join('\x01')}\x01`);
  },
  unknownMsgType(frame, random) {
    return reframe(beginStringOf(frame), bodyOf(frame).replace(/^35=[^\x01]*/, `35=${random.pick(['ZZ', '', 'Q', '\x7f', 'AAAAAAAA'])}`));
  },
};

export const MUTATION_NAMES = Object.keys(MUTATIONS);
