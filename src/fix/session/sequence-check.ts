// MsgSeqNum (34) against the expected inbound number, and the PossDupFlag (43) rules that go with
// it: the decisions of test cases 2b–2g and 10b–10d, as values for the state machine to act on.
import { FixTimestamp, Tag, TimestampStatus, type FixMessage } from '../codec';

export const SeqVerdict = {
  /** MsgSeqNum = expected: process, then expect one more. */
  InSequence: 0,
  /** Higher than expected: messages were lost; ask for them (ResendRequest). */
  TooHigh: 1,
  /** Lower than expected with PossDupFlag=Y: already seen, ignore without consuming a number. */
  DuplicateIgnored: 2,
  /** Lower than expected without PossDupFlag=Y: unrecoverable, Logout and disconnect. */
  TooLow: 3,
} as const;
export type SeqVerdict = (typeof SeqVerdict)[keyof typeof SeqVerdict];

export function checkSequence(seq: number, expected: number, possDup: boolean): SeqVerdict {
  if (seq === expected) return SeqVerdict.InSequence;
  if (seq > expected) return SeqVerdict.TooHigh;
  return possDup ? SeqVerdict.DuplicateIgnored : SeqVerdict.TooLow;
}

export function tooLowText(expected: number, received: number): string {
  return `MsgSeqNum too low, expecting ${expected} but received ${received}`;
}

export const PossDupVerdict = {
  Ok: 0,
  /** PossDupFlag=Y without OrigSendingTime (122): Reject 373=1, RefTagID 122. */
  OrigSendingTimeMissing: 1,
  /** OrigSendingTime later than SendingTime: Reject 373=10. */
  OrigSendingTimeAfterSendingTime: 2,
} as const;
export type PossDupVerdict = (typeof PossDupVerdict)[keyof typeof PossDupVerdict];

const orig = new FixTimestamp();
const sending = new FixTimestamp();

/**
 * The OrigSendingTime rules of a PossDupFlag=Y message. A malformed 122 is left to the validator
 * (it answers 373=6 with the field); only presence and order are judged here.
 */
export function checkPossDup(message: FixMessage): PossDupVerdict {
  const origStatus = message.getTimestamp(Tag.OrigSendingTime, orig);
  if (origStatus === TimestampStatus.Absent) return PossDupVerdict.OrigSendingTimeMissing;
  if (origStatus !== TimestampStatus.Ok || message.getTimestamp(Tag.SendingTime, sending) !== TimestampStatus.Ok) {
    return PossDupVerdict.Ok;
  }
  const later = orig.epochMs > sending.epochMs || (orig.epochMs === sending.epochMs && orig.nanosOfMs > sending.nanosOfMs);
  return later ? PossDupVerdict.OrigSendingTimeAfterSendingTime : PossDupVerdict.Ok;
}

/** True when PossDupFlag (43) is Y. */
export function isPossDup(message: FixMessage): boolean {
  return message.getBool(Tag.PossDupFlag) === true;
}

const sendingTime = new FixTimestamp();

/** Whether SendingTime (52) lies within `toleranceMs` of `nowMs`; false when absent or malformed. */
export function sendingTimeAccurate(message: FixMessage, nowMs: number, toleranceMs: number): boolean {
  if (message.getTimestamp(Tag.SendingTime, sendingTime) !== TimestampStatus.Ok) return false;
  return Math.abs(sendingTime.epochMs - nowMs) <= toleranceMs;
}
