// A deterministic fingerprint of the books, so recovery can prove it rebuilt the state it lost:
// sha256 over the L3 snapshot of each symbol (state, last trade price, every resting order in
// book order, every untriggered stop), the symbols taken in ascending id order. Every number is
// hashed as its float64 bytes, so any difference in any field changes the hash.
import { createHash } from 'node:crypto';
import type { Matcher } from '../matcher/types';

/** Hex sha256 of the L3 state of `symbolIds` (unknown symbols hash as a marker, not skipped). */
export function bookHash(matcher: Pick<Matcher, 'l3'>, symbolIds: readonly number[]): string {
  const hash = createHash('sha256');
  const numbers: number[] = [];
  for (const symbolId of [...symbolIds].sort((a, b) => a - b)) {
    const book = matcher.l3(symbolId);
    if (book === undefined) {
      numbers.push(symbolId, -1);
      continue;
    }
    numbers.push(symbolId, book.state, book.lastTradePrice, book.bids.length, book.asks.length, book.stops.length);
    for (const o of book.bids) numbers.push(o.orderId, o.side, o.price, o.leaves, o.displayed);
    for (const o of book.asks) numbers.push(o.orderId, o.side, o.price, o.leaves, o.displayed);
    for (const s of book.stops) numbers.push(s.orderId, s.side, s.ordType, s.stopPx, s.price, s.leaves);
  }
  hash.update(new Uint8Array(Float64Array.from(numbers).buffer));
  return hash.digest('hex');
}
