// `fixgate wal verify`: replays the whole log from empty into a fresh native matcher and compares
// the books' hash with one the caller holds (e.g. from the live gateway or a snapshot). The
// checksum of every value and the contiguity of seqs are checked on the way (wal-record.ts,
// write-ahead-log.ts); a damaged log throws GW_ERR_WAL_CORRUPT or GW_ERR_WAL_GAP.
import { NativeMatcher } from '../matcher/native-matcher';
import { bookHash } from './book-hash';
import { replay } from './replay';
import type { WriteAheadLog } from './write-ahead-log';

export interface VerifyResult {
  /** True when the rebuilt books hash to `expectedHash` (always true when none was given). */
  readonly ok: boolean;
  readonly hash: string;
  readonly lastSeq: number;
  readonly commandCount: number;
  readonly eventCount: number;
  readonly symbolIds: number[];
}

/** Replays all of `wal` into a fresh matcher; `symbolIds` defaults to every symbol the log added. */
export function verify(wal: WriteAheadLog, expectedHash?: string, symbolIds?: readonly number[]): VerifyResult {
  const matcher = new NativeMatcher({ commandCapacity: 16_384 });
  const result = replay(wal, matcher, 1);
  const ids = symbolIds ? [...symbolIds] : result.symbolIds;
  const hash = bookHash(matcher, ids);
  return { ok: expectedHash === undefined || expectedHash === hash, hash, ...result, symbolIds: ids };
}
