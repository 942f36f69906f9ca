// Answering a ResendRequest (test cases 3, 5, 8, 15, 20) from the message store. Stored business
// messages go out again with PossDupFlag=Y, OrigSendingTime = their original SendingTime and a
// fresh SendingTime; admin messages (never stored) and anything else missing from the store are
// collapsed into SequenceReset-GapFill (123=Y) messages, one per run of missing numbers.
//
// The range is read in chunks of CHUNK_SEQS numbers, one chunk per event-loop turn, so resending a
// day of traffic neither blocks the loop nor holds the day in memory. Requests that arrive while
// one is being answered are answered after it, in order (simultaneous requests, test case 20).
import { FixDecoder, DecodeStatus, FixMessage, Tag, type FixDictionary, type FixEncoder } from '../codec';
import type { Logger } from '../../log';
import { MT_SEQUENCE_RESET, isAdminMessage, writeGapFill, type HeaderWriter } from './admin-messages';
import type { Clock } from './clock';
import type { SessionStore } from './store/session-store';

/** Sequence numbers read from the store per turn. */
export const CHUNK_SEQS = 500;

const CHAR_Y = 0x59;
const TAG_BEGIN_STRING = Tag.BeginString;
const TAG_BODY_LENGTH = Tag.BodyLength;
const TAG_CHECKSUM = Tag.CheckSum;
/** Header fields the resend writes itself. */
const REWRITTEN = new Set<number>([
  Tag.BeginString,
  Tag.BodyLength,
  Tag.MsgType,
  Tag.SenderCompID,
  Tag.TargetCompID,
  Tag.MsgSeqNum,
  Tag.SendingTime,
  Tag.PossDupFlag,
  Tag.OrigSendingTime,
  Tag.CheckSum,
]);

export interface ResendOutput {
  /** A resent frame (bypasses frames held back while the resend runs). */
  sendResent(frame: Buffer): void;
  /** Every queued request has been answered. */
  onIdle(): void;
}

function copyField(enc: FixEncoder, message: FixMessage, i: number): void {
  const start = message.offsets[i] as number;
  enc.bytes(message.tags[i] as number, message.buffer, start, start + (message.lengths[i] as number));
}

interface Range {
  readonly begin: number;
  /** Inclusive; already capped at the last number sent when the request arrived. */
  readonly end: number;
}

export class ResendResponder {
  private readonly pending: Range[] = [];
  private running = false;
  private stopped = false;
  private readonly stored: FixMessage;
  private readonly decoder = new FixDecoder();

  constructor(
    private readonly sessionName: string,
    private readonly store: SessionStore,
    private readonly header: HeaderWriter,
    dictionary: FixDictionary,
    private readonly clock: Clock,
    private readonly output: ResendOutput,
    private readonly log: Logger,
  ) {
    this.stored = new FixMessage(dictionary);
  }

  get busy(): boolean {
    return this.running;
  }

  /**
   * Queues [beginSeqNo, endSeqNo] (endSeqNo 0 = everything sent so far), capped at `lastSentSeq`,
   * the last number sent when the request arrived: what is sent after it follows the resend.
   */
  request(beginSeqNo: number, endSeqNo: number, lastSentSeq: number): void {
    const end = endSeqNo === 0 ? lastSentSeq : Math.min(endSeqNo, lastSentSeq);
    if (beginSeqNo > end) {
      this.log.info({ beginSeqNo, endSeqNo, lastSentSeq }, 'ResendRequest for numbers not sent yet: nothing to resend');
      return;
    }
    this.pending.push({ begin: beginSeqNo, end });
    if (!this.running) {
      this.running = true;
      this.runNext();
    }
  }

  stop(): void {
    this.stopped = true;
    this.pending.length = 0;
  }

  private runNext(): void {
    const range = this.pending.shift();
    if (range === undefined || this.stopped) {
      this.running = false;
      if (!this.stopped) this.output.onIdle();
      return;
    }
    this.chunk(range, range.begin, -1);
  }

  /** Sends [from, chunk end]; `gapStart` is the first number of a gap still open, -1 when none. */
  private chunk(range: Range, from: number, gapStart: number): void {
    if (this.stopped) return;
    const chunkEnd = Math.min(range.end, from + CHUNK_SEQS - 1);
    let cursor = from;
    let gap = gapStart;
    for (const message of this.store.getRange(this.sessionName, from, chunkEnd)) {
      if (!this.resendable(message.bytes)) continue;
      if (message.seq > cursor && gap < 0) gap = cursor;
      if (gap >= 0) this.gapFill(gap, message.seq);
      gap = -1;
      this.resend(message.seq);
      cursor = message.seq + 1;
    }
    if (cursor <= chunkEnd && gap < 0) gap = cursor;
    if (chunkEnd < range.end) {
      setImmediate(() => this.chunk(range, chunkEnd + 1, gap));
      return;
    }
    if (gap >= 0) this.gapFill(gap, range.end + 1);
    setImmediate(() => this.runNext());
  }

  /** Decodes a stored frame into `stored`; false (gap-filled instead) for admin or unreadable ones. */
  private resendable(bytes: Buffer): boolean {
    const stored = this.stored;
    if (this.decoder.decode(bytes, 0, bytes.length, stored) !== DecodeStatus.Ok) {
      this.log.error({ session: this.sessionName }, 'stored message cannot be decoded; gap-filled');
      return false;
    }
    return !isAdminMessage(stored.msgType);
  }

  /** Re-encodes the message in `stored` as a possible duplicate with the same MsgSeqNum. */
  private resend(seq: number): void {
    const stored = this.stored;
    const origAt = stored.indexOf(Tag.SendingTime);
    const orig = origAt >= 0 ? stored.bytesAt(origAt) : Buffer.alloc(0);
    const enc = this.header.beginPossDup(stored.msgType, seq, this.clock.now(), orig);
    const header = stored.dictionary.header.has;
    const trailer = stored.dictionary.trailer.has;
    const count = stored.fieldCount;
    // Header fields first, then the body in its original order (groups included), never the trailer.
    for (let i = 0; i < count; i++) {
      const tag = stored.tags[i] as number;
      if (stored.owners[i] === -1 && header.has(tag) && !REWRITTEN.has(tag)) copyField(enc, stored, i);
    }
    for (let i = 0; i < count; i++) {
      const tag = stored.tags[i] as number;
      if (tag === TAG_BEGIN_STRING || tag === TAG_BODY_LENGTH || tag === TAG_CHECKSUM) continue;
      if (stored.owners[i] === -1 && (header.has(tag) || trailer.has(tag))) continue;
      copyField(enc, stored, i);
    }
    this.emit();
  }

  private emit(): void {
    const frame = this.header.finishCopy();
    if (frame === undefined) {
      this.log.error({ session: this.sessionName }, 'resent message longer than BodyLength allows: skipped');
      return;
    }
    this.output.sendResent(frame);
  }

  /** SequenceReset-GapFill sent as MsgSeqNum `seq`, telling the peer to expect `newSeqNo` next. */
  private gapFill(seq: number, newSeqNo: number): void {
    const now = this.clock.now();
    const enc = this.header.begin(MT_SEQUENCE_RESET, seq, now).char(Tag.PossDupFlag, CHAR_Y).timestamp(Tag.OrigSendingTime, now);
    writeGapFill(enc, newSeqNo);
    this.emit();
  }
}
