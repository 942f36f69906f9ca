// Encoding what the session layer sends: the standard header it fills on every message, and the
// bodies of the administrative messages plus the BusinessMessageReject. One HeaderWriter per
// session owns that session's FixEncoder; a frame is valid until the next begin().
import { FixEncoder, Tag, packMsgType, type FixMessage, type TimestampPrecision } from '../codec';

export const MT_HEARTBEAT = packMsgType('0');
export const MT_TEST_REQUEST = packMsgType('1');
export const MT_RESEND_REQUEST = packMsgType('2');
export const MT_REJECT = packMsgType('3');
export const MT_SEQUENCE_RESET = packMsgType('4');
export const MT_LOGOUT = packMsgType('5');
export const MT_LOGON = packMsgType('A');
export const MT_BUSINESS_MESSAGE_REJECT = packMsgType('j');

/** Session-level messages: never stored for resend, answered with a gap fill instead. */
export function isAdminMessage(msgType: number): boolean {
  return (
    msgType === MT_HEARTBEAT ||
    msgType === MT_TEST_REQUEST ||
    msgType === MT_RESEND_REQUEST ||
    msgType === MT_REJECT ||
    msgType === MT_SEQUENCE_RESET ||
    msgType === MT_LOGOUT ||
    msgType === MT_LOGON
  );
}

/** BusinessRejectReason (380) values the session layer and the interim application use. */
export const BusinessRejectReason = {
  Other: 0,
  UnknownId: 1,
  UnsupportedMessageType: 3,
  ApplicationNotAvailable: 4,
  ThrottleLimitExceeded: 8,
} as const;
export type BusinessRejectReason = (typeof BusinessRejectReason)[keyof typeof BusinessRejectReason];

const CHAR_Y = 0x59;

export class HeaderWriter {
  readonly enc: FixEncoder;
  private readonly compIds: Buffer;

  constructor(beginString: string, ourCompId: string, peerCompId: string, precision: TimestampPrecision) {
    this.enc = new FixEncoder(beginString, 4096, precision);
    this.compIds = Buffer.from(`49=${ourCompId}\u000156=${peerCompId}\u0001`, 'latin1');
  }

  /** 35, 49, 56, 34, 52: the header of a message sent for the first time. */
  begin(msgType: number, seq: number, nowMs: number): FixEncoder {
    return this.enc.begin(msgType).raw(this.compIds).int(Tag.MsgSeqNum, seq).timestamp(Tag.SendingTime, nowMs);
  }

  /** The header of a resent message: PossDupFlag=Y, a fresh SendingTime and the original one. */
  beginPossDup(msgType: number, seq: number, nowMs: number, origSendingTime: Uint8Array): FixEncoder {
    return this.begin(msgType, seq, nowMs).char(Tag.PossDupFlag, CHAR_Y).bytes(Tag.OrigSendingTime, origSendingTime);
  }

  /** Finishes the message and returns a copy of its frame the caller may keep; undefined when too long to send. */
  finishCopy(): Buffer | undefined {
    if (this.enc.finish() < 0) return undefined;
    return Buffer.from(this.enc.frame());
  }
}

export interface LogonReply {
  readonly heartBtInt: number;
  readonly resetSeqNum: boolean;
  /** NextExpectedMsgSeqNum (789), when the session carries it. */
  readonly nextExpectedMsgSeqNum?: number;
  /** DefaultApplVerID (1137) on FIXT.1.1. */
  readonly defaultApplVerId?: string;
}

export function writeLogon(enc: FixEncoder, reply: LogonReply): void {
  enc.int(Tag.EncryptMethod, 0).int(Tag.HeartBtInt, reply.heartBtInt);
  if (reply.resetSeqNum) enc.char(Tag.ResetSeqNumFlag, CHAR_Y);
  if (reply.nextExpectedMsgSeqNum !== undefined) enc.int(Tag.NextExpectedMsgSeqNum, reply.nextExpectedMsgSeqNum);
  if (reply.defaultApplVerId !== undefined) enc.str(Tag.DefaultApplVerID, reply.defaultApplVerId);
}

export function writeHeartbeat(enc: FixEncoder, testReqId: Buffer | undefined): void {
  if (testReqId !== undefined) enc.bytes(Tag.TestReqID, testReqId);
}

export function writeTestRequest(enc: FixEncoder, testReqId: string): void {
  enc.str(Tag.TestReqID, testReqId);
}

/** EndSeqNo 0 asks for everything from BeginSeqNo on. */
export function writeResendRequest(enc: FixEncoder, beginSeqNo: number, endSeqNo: number): void {
  enc.int(Tag.BeginSeqNo, beginSeqNo).int(Tag.EndSeqNo, endSeqNo);
}

export function writeGapFill(enc: FixEncoder, newSeqNo: number): void {
  enc.char(Tag.GapFillFlag, CHAR_Y).int(Tag.NewSeqNo, newSeqNo);
}

export function writeLogout(enc: FixEncoder, text: string | undefined): void {
  if (text !== undefined) enc.str(Tag.Text, text);
}

export interface SessionRejectFields {
  readonly refSeqNum: number;
  /** The rejected message's MsgType as received; omitted when it had none. */
  readonly refMsgType: string | undefined;
  /** 0 when no single tag is at fault. */
  readonly refTagId: number;
  readonly reason: number;
  readonly text: string;
}

export function writeReject(enc: FixEncoder, r: SessionRejectFields): void {
  enc.int(Tag.RefSeqNum, r.refSeqNum);
  if (r.refTagId > 0) enc.int(Tag.RefTagID, r.refTagId);
  if (r.refMsgType !== undefined) enc.str(Tag.RefMsgType, r.refMsgType);
  enc.int(Tag.SessionRejectReason, r.reason).str(Tag.Text, r.text);
}

export interface BusinessRejectFields {
  readonly refSeqNum: number;
  readonly refMsgType: string;
  readonly businessRejectRefId: string | undefined;
  readonly reason: BusinessRejectReason;
  readonly text: string;
}

export function writeBusinessMessageReject(enc: FixEncoder, r: BusinessRejectFields): void {
  enc.int(Tag.RefSeqNum, r.refSeqNum).str(Tag.RefMsgType, r.refMsgType);
  if (r.businessRejectRefId !== undefined) enc.str(Tag.BusinessRejectRefID, r.businessRejectRefId);
  enc.int(Tag.BusinessRejectReason, r.reason).str(Tag.Text, r.text);
}

/** The business-level ID a BusinessMessageReject refers back to (379), when the message has one. */
export function businessRejectRefIdOf(message: FixMessage): string | undefined {
  return message.getString(Tag.ClOrdID) ?? message.getString(Tag.MassStatusReqID) ?? message.getString(Tag.QuoteReqID);
}

/** Reject fields for a received message: RefSeqNum and RefMsgType read from it. */
export function rejectFor(message: FixMessage, reason: number, refTagId: number, text: string): SessionRejectFields {
  const seq = message.getInt(Tag.MsgSeqNum);
  return { refSeqNum: Number.isNaN(seq) ? 0 : seq, refMsgType: message.getString(Tag.MsgType), refTagId, reason, text };
}

const REJECT_TEXT: Readonly<Record<number, string>> = {
  0: 'Invalid tag number',
  1: 'Required tag missing',
  2: 'Tag not defined for this message type',
  3: 'Undefined tag',
  4: 'Tag specified without a value',
  5: 'Value is incorrect (out of range) for this tag',
  6: 'Incorrect data format for value',
  9: 'CompID problem',
  10: 'SendingTime accuracy problem',
  11: 'Invalid MsgType',
  13: 'Tag appears more than once',
  14: 'Tag specified out of required order',
  15: 'Repeating group fields out of order',
  16: 'Incorrect NumInGroup count for repeating group',
  17: 'Non-data value includes field delimiter',
  18: 'Invalid or unsupported application version',
};

export function rejectReasonText(reason: number, refTagId: number): string {
  const text = REJECT_TEXT[reason] ?? 'Other';
  return refTagId > 0 ? `${text}, field=${refTagId}` : text;
}
