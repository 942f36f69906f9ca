// Accumulates socket reads and hands out whole frames: a message split across reads waits for its
// tail, and a read holding several messages yields them one by one. Bytes are copied once into a
// reusable buffer (compacted, grown only when a frame is larger than the buffer), so frames are
// views into `buffer` that stay valid until the next push.
import { FrameStatus, Framer } from './framer';

export class FrameReader {
  buffer: Buffer;
  readonly framer: Framer;
  private readPos = 0;
  private writePos = 0;

  constructor(capacity = 64 * 1024, maxBodyLength = 1 << 20) {
    this.buffer = Buffer.allocUnsafe(capacity);
    this.framer = new Framer(maxBodyLength);
  }

  /** Bytes received but not yet handed out as a frame or dropped as garbled. */
  get pending(): number {
    return this.writePos - this.readPos;
  }

  /** Appends received bytes. Frames returned earlier may move: use them before pushing more. */
  push(chunk: Uint8Array): void {
    const needed = chunk.length;
    if (this.writePos + needed > this.buffer.length) {
      const unread = this.writePos - this.readPos;
      if (unread + needed > this.buffer.length) {
        const bigger = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, unread + needed));
        this.buffer.copy(bigger, 0, this.readPos, this.writePos);
        this.buffer = bigger;
      } else {
        this.buffer.copyWithin(0, this.readPos, this.writePos);
      }
      this.readPos = 0;
      this.writePos = unread;
    }
    this.buffer.set(chunk, this.writePos);
    this.writePos += needed;
  }

  /**
   * The next frame. Complete: framer.frameStart/frameEnd delimit it in `buffer`. Garbled: those
   * bytes were dropped (framer.garbledReason says why). Incomplete: push more bytes first.
   */
  next(): FrameStatus {
    if (this.readPos === this.writePos) {
      this.readPos = this.writePos = 0;
      return FrameStatus.Incomplete;
    }
    const status = this.framer.scan(this.buffer, this.readPos, this.writePos);
    if (status !== FrameStatus.Incomplete) this.readPos = this.framer.frameEnd;
    return status;
  }
}
