// What happens to each message a logged-on peer sends, in the order the FIX Session Layer Test
// Cases imply (2a–2t, 10, 11, 14): header shape, BeginString, MsgSeqNum presence, CompIDs,
// SequenceReset-Reset (which ignores MsgSeqNum), SendingTime accuracy, MsgSeqNum against the
// expected number, PossDup rules, dictionary validation; then the message is consumed and
// dispatched. Every problem becomes an answer (ignore, Reject, Logout), never an exception.
import { NO_REJECT, RejectDetail, SessionRejectReason, Tag, type FixMessage } from '../codec';
import {
  BusinessRejectReason,
  MT_HEARTBEAT,
  MT_LOGON,
  MT_LOGOUT,
  MT_REJECT,
  MT_RESEND_REQUEST,
  MT_SEQUENCE_RESET,
  MT_TEST_REQUEST,
  businessRejectRefIdOf,
  isAdminMessage,
  rejectFor,
  rejectReasonText,
  writeBusinessMessageReject,
} from './admin-messages';
import type { AcceptorSession } from './acceptor-session';
import { PossDupVerdict, SeqVerdict, checkPossDup, checkSequence, isPossDup, sendingTimeAccurate, tooLowText } from './sequence-check';
import { SessionState } from './session-state';
import { DEFAULT_SENDING_TIME_TOLERANCE_MS, DEFAULT_THROTTLE_REJECT_TEXT } from './session-definition';
import { ThrottleVerdict } from './throttle';

const TAG_TOO_EARLY = SessionRejectReason.TagSpecifiedOutOfRequiredOrder;

export class InboundPipeline {
  private readonly detail = new RejectDetail();

  constructor(private readonly session: AcceptorSession) {}

  process(msg: FixMessage): void {
    const s = this.session;
    if (s.state === SessionState.Closing) return;
    const definition = s.definition;
    // 2t: BeginString, BodyLength, MsgType not the first three fields: garbled, ignored.
    if (msg.issue === TAG_TOO_EARLY && msg.issueField < 3) {
      s.log.warn({ tag: msg.issueTag }, 'garbled message (header order): ignored');
      return;
    }
    // 2m: BeginString other than the session's.
    if (!msg.valueIs(Tag.BeginString, definition.beginString)) {
      s.logoutAndClose(`Incorrect BeginString, expected ${definition.beginString}`);
      return;
    }
    const seq = msg.getInt(Tag.MsgSeqNum);
    if (!Number.isInteger(seq) || seq < 1) {
      s.logoutAndClose('MsgSeqNum(34) missing or invalid');
      return;
    }
    const msgType = msg.msgType;
    // 2i: CompIDs other than the session's: Reject 373=9, then Logout.
    const badCompId = !msg.valueIs(Tag.SenderCompID, definition.peerCompId)
      ? Tag.SenderCompID
      : !msg.valueIs(Tag.TargetCompID, definition.ourCompId)
        ? Tag.TargetCompID
        : 0;
    if (badCompId !== 0) {
      this.rejectAndConsume(msg, seq, SessionRejectReason.CompIdProblem, badCompId);
      s.logoutAndClose('CompID problem');
      return;
    }
    // 11: SequenceReset-Reset is processed whatever its MsgSeqNum.
    if (msgType === MT_SEQUENCE_RESET && msg.getBool(Tag.GapFillFlag) !== true) {
      this.sequenceReset(msg);
      return;
    }
    // 2k: SendingTime too far from our clock: Reject 373=10, then Logout. Absent is left to validation (373=1).
    const tolerance = definition.sendingTimeToleranceMs ?? DEFAULT_SENDING_TIME_TOLERANCE_MS;
    if (msg.has(Tag.SendingTime) && !sendingTimeAccurate(msg, s.deps.clock.now(), tolerance)) {
      this.rejectAndConsume(msg, seq, SessionRejectReason.SendingTimeAccuracyProblem, Tag.SendingTime);
      s.logoutAndClose('SendingTime accuracy problem');
      return;
    }
    const possDup = isPossDup(msg);
    switch (checkSequence(seq, s.nextTargetSeq, possDup)) {
      case SeqVerdict.TooLow:
        s.logoutAndClose(tooLowText(s.nextTargetSeq, seq));
        return;
      case SeqVerdict.DuplicateIgnored:
        s.log.debug({ seq, expected: s.nextTargetSeq }, 'possible duplicate already received: ignored');
        return;
      case SeqVerdict.TooHigh:
        this.tooHigh(msg, seq);
        return;
      default:
        break;
    }
    // 2f, 2g: PossDupFlag=Y needs an OrigSendingTime no later than SendingTime.
    if (possDup) {
      const verdict = checkPossDup(msg);
      if (verdict === PossDupVerdict.OrigSendingTimeMissing) {
        this.rejectAndConsume(msg, seq, SessionRejectReason.RequiredTagMissing, Tag.OrigSendingTime);
        return;
      }
      if (verdict === PossDupVerdict.OrigSendingTimeAfterSendingTime) {
        this.rejectAndConsume(msg, seq, SessionRejectReason.SendingTimeAccuracyProblem, Tag.OrigSendingTime);
        return;
      }
    }
    // 2l, 14a–14n: anything the dictionary finds wrong: Reject with 373/371, the number consumed.
    const reason = s.deps.validator.validate(msg, this.detail);
    if (reason !== NO_REJECT) {
      this.rejectAndConsume(msg, seq, reason, this.detail.refTagId);
      return;
    }
    s.consumeTarget(seq);
    this.dispatch(msg, seq, msgType);
  }

  private rejectAndConsume(msg: FixMessage, seq: number, reason: number, refTagId: number): void {
    const s = this.session;
    s.sendReject(rejectFor(msg, reason, refTagId, rejectReasonText(reason, refTagId)));
    if (seq === s.nextTargetSeq) s.consumeTarget(seq);
  }

  /** 2b, 10b: a gap. The message itself is dropped: the ResendRequest asks for it too. */
  private tooHigh(msg: FixMessage, seq: number): void {
    const s = this.session;
    if (msg.msgType === MT_RESEND_REQUEST && s.deps.validator.validate(msg, this.detail) === NO_REJECT) {
      // Their request is answered even though we miss messages (test case 20): both sides recover.
      s.answerResendRequest(msg.getInt(Tag.BeginSeqNo), msg.getInt(Tag.EndSeqNo));
    }
    if (msg.msgType === MT_LOGOUT) {
      s.onPeerLogout(msg.getString(Tag.Text));
      return;
    }
    s.requestResend(seq);
  }

  private dispatch(msg: FixMessage, seq: number, msgType: number): void {
    const s = this.session;
    switch (msgType) {
      case MT_HEARTBEAT:
        return;
      case MT_TEST_REQUEST:
        s.answerTestRequest(msg);
        return;
      case MT_RESEND_REQUEST:
        s.answerResendRequest(msg.getInt(Tag.BeginSeqNo), msg.getInt(Tag.EndSeqNo));
        return;
      case MT_REJECT:
        s.log.warn({ refSeqNum: msg.getInt(Tag.RefSeqNum), reason: msg.getInt(Tag.SessionRejectReason), text: msg.getString(Tag.Text) }, 'Reject received');
        return;
      case MT_SEQUENCE_RESET:
        this.gapFill(msg, seq);
        return;
      case MT_LOGOUT:
        s.onPeerLogout(msg.getString(Tag.Text));
        return;
      case MT_LOGON:
        s.logoutAndClose('Logon received on a logged-on session');
        return;
      default:
        this.application(msg, seq, msgType);
    }
  }

  /** 10a, 10e: GapFill moves the expected number forward, never back. */
  private gapFill(msg: FixMessage, seq: number): void {
    const s = this.session;
    const newSeqNo = msg.getInt(Tag.NewSeqNo);
    if (newSeqNo > seq) {
      s.setNextTargetSeq(newSeqNo);
      return;
    }
    s.sendReject(rejectFor(msg, SessionRejectReason.ValueIsIncorrect, Tag.NewSeqNo, `Attempt to lower sequence number, invalid value NewSeqNo(36)=${newSeqNo}`));
  }

  /** 11a–11c: Reset sets the expected number forward; equal is a warning; lower is rejected. */
  private sequenceReset(msg: FixMessage): void {
    const s = this.session;
    const newSeqNo = msg.getInt(Tag.NewSeqNo);
    if (!Number.isInteger(newSeqNo) || newSeqNo < 1) {
      s.sendReject(rejectFor(msg, SessionRejectReason.RequiredTagMissing, Tag.NewSeqNo, rejectReasonText(SessionRejectReason.RequiredTagMissing, Tag.NewSeqNo)));
      return;
    }
    if (newSeqNo > s.nextTargetSeq) {
      s.log.info({ from: s.nextTargetSeq, to: newSeqNo }, 'SequenceReset-Reset');
      s.setNextTargetSeq(newSeqNo);
    } else if (newSeqNo === s.nextTargetSeq) {
      s.log.warn({ newSeqNo }, 'SequenceReset-Reset to the expected number: nothing to do');
    } else {
      s.sendReject(rejectFor(msg, SessionRejectReason.ValueIsIncorrect, Tag.NewSeqNo, `Attempt to lower sequence number, invalid value NewSeqNo(36)=${newSeqNo}`));
    }
  }

  /** Application messages: throttle, then the venue's supported types, then the application. */
  private application(msg: FixMessage, seq: number, msgType: number): void {
    const s = this.session;
    const throttle = s.throttle;
    if (throttle !== undefined) {
      const verdict = throttle.onApplicationMessage();
      if (verdict === ThrottleVerdict.Disconnect) {
        s.logoutAndClose('Throttle hard limit exceeded');
        return;
      }
      if (verdict === ThrottleVerdict.Reject) {
        this.businessReject(msg, seq, BusinessRejectReason.ThrottleLimitExceeded, s.definition.throttle?.rejectText ?? DEFAULT_THROTTLE_REJECT_TEXT);
        return;
      }
    }
    if (isAdminMessage(msgType) || s.deps.venue.rulesFor(msgType) === undefined) {
      this.businessReject(msg, seq, BusinessRejectReason.UnsupportedMessageType, 'Unsupported message type');
      return;
    }
    s.deps.application.onApplicationMessage(s, msg);
  }

  private businessReject(msg: FixMessage, seq: number, reason: BusinessRejectReason, text: string): void {
    const refMsgType = msg.getString(Tag.MsgType) ?? '';
    const businessRejectRefId = businessRejectRefIdOf(msg);
    this.session.sendApplication('j', (enc) => writeBusinessMessageReject(enc, { refSeqNum: seq, refMsgType, businessRejectRefId, reason, text }));
  }
}
