// Finds whole FIX messages in a stream of bytes: 8=BeginString<SOH>9=BodyLength<SOH>...10=NNN<SOH>.
// BodyLength says where "10=" must start, and CheckSum (the byte sum mod 256 of everything before
// "10=") is checked in place, in the read buffer. A frame that fails either check is garbled: the
// FIX spec says to drop it and carry on, so the framer reports a status and where to resume (the
// next "8=" that starts a field), never an exception.
import * as ascii from './ascii';
import { ChecksumCalculator } from './checksum';

// Imported bindings read once into locals: see the note in ascii.ts.
const { CHAR_1, CHAR_8, CHAR_9, EQUALS, SOH, ZERO } = ascii;

export const FrameStatus = {
  /** A whole, valid frame at [frameStart, frameEnd). */
  Complete: 0,
  /** The bytes from `start` are a consistent beginning: read more and scan again from the same start. */
  Incomplete: 1,
  /** [frameStart, frameEnd) is garbage or a damaged frame: drop it and scan again from frameEnd. */
  Garbled: 2,
} as const;
export type FrameStatus = (typeof FrameStatus)[keyof typeof FrameStatus];

export const GarbledReason = {
  None: 0,
  /** The bytes do not start with 8=, or its value never ends. */
  BadBeginString: 1,
  /** The second field is not 9=<digits>. */
  BadBodyLength: 2,
  /** BodyLength does not land on "10=NNN<SOH>" after an SOH. */
  BodyLengthMismatch: 3,
  BadCheckSum: 4,
  /** BodyLength exceeds the configured maximum. */
  TooLong: 5,
} as const;
export type GarbledReason = (typeof GarbledReason)[keyof typeof GarbledReason];

const MAX_BEGIN_STRING = 16;
const MAX_BODY_LENGTH_DIGITS = 9;
/** Where a new message may start after garbage. */
const RESYNC = Buffer.from('8=FIX', 'latin1');
/** "10=NNN<SOH>" */
const TRAILER_LENGTH = 7;

export class Framer {
  /** Complete: the frame. Garbled: the bytes to drop. */
  frameStart = 0;
  frameEnd = 0;
  /** Complete: where the body starts (just after 9=...<SOH>, at "35="). */
  bodyStart = 0;
  /** Complete: where "10=" starts. */
  checksumStart = 0;
  garbledReason: GarbledReason = GarbledReason.None;
  private readonly checksums = new ChecksumCalculator();

  constructor(
    /** Largest BodyLength accepted; a larger one is garbled rather than waited for. */
    readonly maxBodyLength = 1 << 20,
  ) {}

  /** Looks for one frame starting exactly at `start`, using bytes up to `end`. */
  scan(buf: Uint8Array, start: number, end: number): FrameStatus {
    this.garbledReason = GarbledReason.None;
    if (end - start < 2) return this.needMore(buf, start, end);
    if (buf[start] !== CHAR_8 || buf[start + 1] !== EQUALS) return this.garbled(buf, start, end, GarbledReason.BadBeginString);

    // 8=<value><SOH>
    let pos = start + 2;
    const limit = Math.min(end, pos + MAX_BEGIN_STRING + 1);
    while (pos < limit && buf[pos] !== SOH) pos++;
    if (pos === limit) return limit === end ? FrameStatus.Incomplete : this.garbled(buf, start, end, GarbledReason.BadBeginString);
    if (pos === start + 2) return this.garbled(buf, start, end, GarbledReason.BadBeginString);
    pos++;

    // 9=<digits><SOH>
    if (end - pos < 2) return FrameStatus.Incomplete;
    if (buf[pos] !== CHAR_9 || buf[pos + 1] !== EQUALS) return this.garbled(buf, start, end, GarbledReason.BadBodyLength);
    pos += 2;
    const digitsStart = pos;
    let bodyLength = 0;
    for (;;) {
      if (pos === end) return FrameStatus.Incomplete;
      const c = buf[pos] as number;
      if (c === SOH) break;
      const d = c - ZERO;
      if (d < 0 || d > 9 || pos - digitsStart >= MAX_BODY_LENGTH_DIGITS) return this.garbled(buf, start, end, GarbledReason.BadBodyLength);
      bodyLength = bodyLength * 10 + d;
      pos++;
    }
    if (pos === digitsStart) return this.garbled(buf, start, end, GarbledReason.BadBodyLength);
    if (bodyLength > this.maxBodyLength) return this.garbled(buf, start, end, GarbledReason.TooLong);
    const bodyStart = pos + 1;
    const checksumStart = bodyStart + bodyLength;
    const frameEnd = checksumStart + TRAILER_LENGTH;
    if (frameEnd > end) return FrameStatus.Incomplete;

    if (
      bodyLength === 0 ||
      buf[checksumStart - 1] !== SOH ||
      buf[checksumStart] !== CHAR_1 ||
      buf[checksumStart + 1] !== ZERO ||
      buf[checksumStart + 2] !== EQUALS ||
      buf[frameEnd - 1] !== SOH
    ) {
      return this.garbled(buf, start, end, GarbledReason.BodyLengthMismatch);
    }
    const d0 = (buf[checksumStart + 3] as number) - ZERO;
    const d1 = (buf[checksumStart + 4] as number) - ZERO;
    const d2 = (buf[checksumStart + 5] as number) - ZERO;
    if (d0 < 0 || d0 > 9 || d1 < 0 || d1 > 9 || d2 < 0 || d2 > 9) return this.garbled(buf, start, end, GarbledReason.BodyLengthMismatch);

    this.frameStart = start;
    this.frameEnd = frameEnd;
    if (this.checksums.sum(buf, start, checksumStart) !== d0 * 100 + d1 * 10 + d2) {
      // The frame's extent is known, so drop exactly it and go on with what follows.
      this.garbledReason = GarbledReason.BadCheckSum;
      return FrameStatus.Garbled;
    }
    this.bodyStart = bodyStart;
    this.checksumStart = checksumStart;
    return FrameStatus.Complete;
  }

  /** Fewer than two bytes: wait, unless they cannot begin "8=". */
  private needMore(buf: Uint8Array, start: number, end: number): FrameStatus {
    if (start === end || buf[start] === CHAR_8) return FrameStatus.Incomplete;
    return this.garbled(buf, start, end, GarbledReason.BadBeginString);
  }

  /**
   * Drops from `start` up to the next "8=FIX" (every BeginString fixgate speaks starts with FIX).
   * When none is in the buffer, keeps a tail that could be the start of one.
   */
  private garbled(buf: Uint8Array, start: number, end: number, reason: GarbledReason): FrameStatus {
    this.garbledReason = reason;
    this.frameStart = start;
    let resume = end;
    for (let i = start + 1; i < end; i++) {
      if (buf[i] !== CHAR_8) continue;
      let matched = 1;
      while (matched < RESYNC.length && i + matched < end && buf[i + matched] === RESYNC[matched]) matched++;
      if (matched === RESYNC.length || i + matched === end) {
        resume = i;
        break;
      }
    }
    this.frameEnd = resume;
    return FrameStatus.Garbled;
  }
}
