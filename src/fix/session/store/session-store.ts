// What the FIX session layer needs from its message store, independent of how it is kept. The
// session owns its sequence numbers; the store only makes them (and every outbound message that
// can be resent) durable, so a restart resumes where the session was.
//
// The one rule: an outbound message is committed before it is written to the socket. Callers
// append and set sequence numbers freely within an event-loop turn and then await `commit()` once;
// everything called before that `commit()` is durable when its promise resolves.

/** The largest MsgSeqNum (34) the store accepts: FIX SeqNum is a positive int, and engines use int32. */
export const MAX_SEQ_NUM = 2_147_483_647;

export interface SequenceNumbers {
  /** MsgSeqNum of the next message the gateway sends on this session. */
  readonly nextSenderSeq: number;
  /** MsgSeqNum the gateway expects on the next message it receives. */
  readonly nextTargetSeq: number;
  /**
   * When this sequence began (epoch milliseconds): the session's first use, or its last reset.
   * The session layer compares it with the start of the trading day to decide on a daily reset.
   */
  readonly createdAtMs: number;
}

export interface StoredMessage {
  readonly seq: number;
  /** The message exactly as it was sent (a copy owned by the caller). */
  readonly bytes: Buffer;
}

export interface SessionStore {
  /**
   * Stores an outbound message for resend and moves the next sender seq past it. `bytes` is
   * copied, so the caller may reuse its encode buffer at once. Throws RangeError for a seq below
   * the session's next sender seq: reusing a seq would corrupt resends, and is a bug in the caller.
   */
  append(session: string, seq: number, bytes: Uint8Array): void;
  /** For messages that are sent but not stored (admin messages, gap-filled on resend). */
  setNextSenderSeq(session: string, next: number): void;
  setNextTargetSeq(session: string, next: number): void;
  /**
   * Resolves once everything appended, set, reset or pruned before this call is durable (synced
   * to disk). Rejects with GW_ERR_STORE_COMMIT_FAILED if a write failed; after such a failure
   * every later commit rejects too, since "everything so far" can no longer be true.
   */
  commit(): Promise<void>;
  /** The session's current numbers: as last set in this process, else as stored, else a new sequence (1, 1). */
  loadSequenceNumbers(session: string): SequenceNumbers;
  /**
   * Committed messages with fromSeq <= seq <= toSeq (toSeq may be Infinity), in seq order. A seq
   * with no stored message was an admin message: the caller answers it with a gap fill.
   */
  getRange(session: string, fromSeq: number, toSeq: number): StoredMessage[];
  /** Starts a new sequence (141=Y, or an operator's reset): drops the messages, numbers back to 1. */
  reset(session: string): void;
  /** Bounded retention: drops the stored messages with seq < belowSeq. */
  prune(session: string, belowSeq: number): void;
  /** Commits what is pending, then closes. */
  close(): Promise<void>;
}
