// FIX CheckSum (10): the sum of every byte before "10=", mod 256. Every frame in and out is summed,
// so the hot version reads four bytes at a time through a Uint32Array over the same memory and
// adds the byte lanes in parallel (bytes 0 and 2 in one pass of masks, 1 and 3 in the other).
// Measured on this project's 2-core box: ~60 ns instead of ~170 ns for a 300-byte message.

/** The plain definition: byte sum mod 256 of [start, end). */
export function checksum(buf: Uint8Array, start: number, end: number): number {
  let sum = 0;
  for (let i = start; i < end; i++) sum += buf[i] as number;
  return sum & 0xff;
}

/** Each 16-bit lane gains at most 2 × 255 per word, so 128 words fit before a lane could carry. */
const WORDS_PER_FOLD = 128;

export class ChecksumCalculator {
  private memory: ArrayBufferLike | undefined;
  private words: Uint32Array<ArrayBufferLike> = new Uint32Array(0);

  /** Same result as checksum(); keeps a word view of the last buffer's memory for the next call. */
  sum(buf: Uint8Array, start: number, end: number): number {
    if (buf.buffer !== this.memory) {
      this.memory = buf.buffer;
      this.words = new Uint32Array(buf.buffer, 0, buf.buffer.byteLength >>> 2);
    }
    const words = this.words;
    const base = buf.byteOffset;
    const absEnd = base + end;
    let i = base + start;
    let sum = 0;
    // bytes before the first word boundary
    while (i < absEnd && (i & 3) !== 0) sum += buf[i++ - base] as number;
    const lastWord = absEnd >>> 2;
    let w = i >>> 2;
    while (w < lastWord) {
      const stop = Math.min(lastWord, w + WORDS_PER_FOLD);
      let lanes = 0;
      for (; w < stop; w++) {
        const v = words[w] as number;
        lanes += (v & 0x00ff00ff) + ((v >>> 8) & 0x00ff00ff);
      }
      sum += (lanes & 0xffff) + (lanes >>> 16);
    }
    // bytes after the last whole word
    for (i = Math.max(i, lastWord << 2); i < absEnd; i++) sum += buf[i - base] as number;
    return sum & 0xff;
  }
}
