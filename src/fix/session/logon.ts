// The Logon (35=A) a connection opens with: its fields copied out of the flyweight before the
// registry awaits authentication, and the checks that decide, once the peer is authenticated,
// whether the Logon is acceptable (test case 1S). A Logon that fails them is answered with a
// Logout saying why, and nothing about the session changes.
import { NO_REJECT, Tag, type FixMessage } from '../codec';
import { rejectReasonText } from './admin-messages';
import { isPossDup } from './sequence-check';
import type { AcceptorDefinition } from './session-definition';

export interface LogonRequest {
  readonly beginString: string;
  /** The peer's CompID (its 49). */
  readonly senderCompId: string;
  /** Ours, as the peer addresses us (its 56). */
  readonly targetCompId: string;
  /** NaN when absent or malformed. */
  readonly msgSeqNum: number;
  readonly heartBtInt: number;
  readonly encryptMethod: number;
  readonly resetSeqNum: boolean;
  readonly nextExpectedMsgSeqNum: number | undefined;
  readonly defaultApplVerId: string | undefined;
  readonly username: string | undefined;
  readonly password: string | undefined;
  readonly possDup: boolean;
  /** The validator's verdict on the Logon message (NO_REJECT, or a SessionRejectReason). */
  readonly rejectReason: number;
  readonly rejectRefTagId: number;
}

function optionalInt(message: FixMessage, tag: number): number | undefined {
  return message.has(tag) ? message.getInt(tag) : undefined;
}

/** Copies what the session needs from a Logon; the message may be reused after this returns. */
export function readLogon(message: FixMessage, rejectReason: number, rejectRefTagId: number): LogonRequest {
  return {
    beginString: message.getString(Tag.BeginString) ?? '',
    senderCompId: message.getString(Tag.SenderCompID) ?? '',
    targetCompId: message.getString(Tag.TargetCompID) ?? '',
    msgSeqNum: message.getInt(Tag.MsgSeqNum),
    heartBtInt: message.getInt(Tag.HeartBtInt),
    encryptMethod: message.getInt(Tag.EncryptMethod),
    resetSeqNum: message.getBool(Tag.ResetSeqNumFlag) === true,
    nextExpectedMsgSeqNum: optionalInt(message, Tag.NextExpectedMsgSeqNum),
    defaultApplVerId: message.getString(Tag.DefaultApplVerID),
    username: message.getString(Tag.Username),
    password: message.getString(Tag.Password),
    possDup: isPossDup(message),
    rejectReason,
    rejectRefTagId,
  };
}

export interface LogonContext {
  readonly definition: AcceptorDefinition;
  readonly defaultApplVerIdAccepted: (applVerId: string) => boolean;
  readonly sendingTimeAccurate: boolean;
}

/** Why an authenticated Logon cannot be accepted (the Logout's Text), or undefined when it can. */
export function logonProblem(request: LogonRequest, context: LogonContext): string | undefined {
  const { definition } = context;
  if (request.rejectReason !== NO_REJECT) return `Invalid Logon: ${rejectReasonText(request.rejectReason, request.rejectRefTagId)}`;
  if (!Number.isInteger(request.msgSeqNum) || request.msgSeqNum < 1) return 'Invalid Logon: MsgSeqNum(34) missing or invalid';
  if (request.encryptMethod !== 0) return 'Invalid Logon: EncryptMethod(98) must be 0';
  const { minSeconds, maxSeconds } = definition.heartbeat;
  if (!Number.isInteger(request.heartBtInt) || request.heartBtInt < minSeconds || request.heartBtInt > maxSeconds) {
    return `Invalid Logon: HeartBtInt(108) must be from ${minSeconds} to ${maxSeconds}`;
  }
  if (definition.beginString === 'FIXT.1.1') {
    if (request.defaultApplVerId === undefined || !context.defaultApplVerIdAccepted(request.defaultApplVerId)) {
      return 'Invalid Logon: unsupported DefaultApplVerID(1137)';
    }
  }
  if (!context.sendingTimeAccurate) return 'Invalid Logon: SendingTime accuracy problem';
  if (request.nextExpectedMsgSeqNum !== undefined && (!Number.isInteger(request.nextExpectedMsgSeqNum) || request.nextExpectedMsgSeqNum < 1)) {
    return 'Invalid Logon: NextExpectedMsgSeqNum(789) invalid';
  }
  return undefined;
}
