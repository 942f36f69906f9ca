// One FIX session as the acceptor runs it: its sequence numbers (mirrored in the store), the
// connection it is attached to, and the state machine of the FIX Session Layer Test Cases.
//
//   AwaitingLogon ──acceptLogon──▶ Active ──we send Logout──▶ LogoutSent ──peer's Logout / timeout──┐
//        ▲                           │ peer's Logout: reply, close                                   │
//        └──────── onDisconnect ◀── Closing ◀──────── fatal problem: Logout with reason, close ◀────┘
//
// The object outlives connections: it is created once per definition and attached to each
// connection that logs on. Inbound messages go through InboundPipeline (inbound-pipeline.ts);
// this file holds what the pipeline acts on: sending, logon, logout, resend and detaching.
import {
  MessageValidator,
  Tag,
  VenueRules,
  packMsgType,
  type FixDictionary,
  type FixEncoder,
  type FixMessage,
} from '../codec';
import type { Logger } from '../../log';
import {
  HeaderWriter,
  MT_HEARTBEAT,
  MT_LOGON,
  MT_LOGOUT,
  MT_REJECT,
  MT_RESEND_REQUEST,
  MT_TEST_REQUEST,
  writeHeartbeat,
  writeLogon,
  writeLogout,
  writeReject,
  writeResendRequest,
  writeTestRequest,
  type SessionRejectFields,
} from './admin-messages';
import type { Clock, TimerHandle } from './clock';
import { HeartbeatTimers } from './heartbeat-timers';
import { InboundPipeline } from './inbound-pipeline';
import { logonProblem, type LogonRequest } from './logon';
import { Outbox } from './outbox';
import { ResendResponder } from './resend';
import { SeqVerdict, checkSequence, tooLowText } from './sequence-check';
import { DEFAULT_LOGOUT_TIMEOUT_MS, type AcceptorDefinition } from './session-definition';
import type { ApplicationHandler, ConnectionBinding, SessionHandle, SessionLink } from './session-ports';
import { SessionState } from './session-state';
import { Throttle } from './throttle';
import type { SessionStore } from './store/session-store';

export interface AcceptorSessionDeps {
  readonly definition: AcceptorDefinition;
  readonly dictionary: FixDictionary;
  readonly validator: MessageValidator;
  readonly venue: VenueRules;
  readonly store: SessionStore;
  readonly clock: Clock;
  readonly application: ApplicationHandler;
  readonly log: Logger;
}

/** What one attached connection owns; dropped as a whole on disconnect. */
interface Connection {
  readonly link: SessionLink;
  readonly outbox: Outbox;
  readonly heartbeats: HeartbeatTimers;
  readonly resend: ResendResponder;
  readonly throttle: Throttle | undefined;
  logoutTimer: TimerHandle | undefined;
}

class Binding implements ConnectionBinding {
  constructor(
    private readonly session: AcceptorSession,
    private readonly link: SessionLink,
  ) {}
  onMessage(message: FixMessage): void {
    this.session.receive(this.link, message);
  }
  onDisconnect(): void {
    this.session.detach(this.link, 'disconnected');
  }
}

export class AcceptorSession implements SessionHandle {
  readonly name: string;
  readonly role: string;
  readonly firm: string;
  readonly log: Logger;
  state: SessionState = SessionState.AwaitingLogon;
  nextSenderSeq: number;
  nextTargetSeq: number;
  /** MsgSeqNum of the too-high message that made us send a ResendRequest; -1 when none is outstanding. */
  resendRequestedThrough = -1;
  private connection: Connection | undefined;
  /** The attached connection got past its Logon (so the application heard onSessionActive). */
  private loggedOn = false;
  private readonly header: HeaderWriter;
  private readonly pipeline: InboundPipeline;

  constructor(readonly deps: AcceptorSessionDeps) {
    const { definition } = deps;
    this.name = definition.name;
    this.role = definition.role;
    this.firm = definition.firm;
    this.log = deps.log.child({ session: definition.name });
    const numbers = deps.store.loadSequenceNumbers(definition.name);
    this.nextSenderSeq = numbers.nextSenderSeq;
    this.nextTargetSeq = numbers.nextTargetSeq;
    this.header = new HeaderWriter(definition.beginString, definition.ourCompId, definition.peerCompId, definition.timestampPrecision);
    this.pipeline = new InboundPipeline(this);
  }

  get definition(): AcceptorDefinition {
    return this.deps.definition;
  }

  get connected(): boolean {
    return this.connection !== undefined;
  }

  /** Resolves when nothing is left to send: resends answered, every queued frame handed to the link. */
  async whenIdle(): Promise<void> {
    for (;;) {
      const c = this.connection;
      if (c === undefined) return this.deps.store.commit();
      await c.outbox.whenIdle();
      if (this.connection !== c || !c.resend.busy) {
        if (this.connection === c) await c.outbox.whenIdle();
        return;
      }
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }

  // ------------------------------------------------------------------ logon

  /**
   * Handles an authenticated peer's Logon on `link` (test case 1S): resets on 141=Y or the
   * definition's resetOnLogon, checks the Logon and its MsgSeqNum, answers with a Logon and, when
   * the Logon's MsgSeqNum is too high, a ResendRequest. Undefined when the Logon was refused.
   */
  acceptLogon(request: LogonRequest, sendingTimeAccurate: boolean, link: SessionLink): ConnectionBinding | undefined {
    const { definition, store } = this.deps;
    const connection = this.attach(link, request.heartBtInt);
    const problem = logonProblem(request, {
      definition,
      // A FIXT.1.1 session serves its own DefaultApplVerID (one the venue serves: definitionProblem).
      defaultApplVerIdAccepted: (id) => id === definition.defaultApplVerId,
      sendingTimeAccurate,
    });
    if (problem !== undefined) {
      this.log.warn({ problem }, 'logon refused');
      this.logoutAndClose(problem);
      return undefined;
    }
    if (request.resetSeqNum || definition.resetOnLogon) {
      store.reset(this.name);
      this.nextSenderSeq = 1;
      this.nextTargetSeq = 1;
      this.resendRequestedThrough = -1;
      this.log.info({ requested: request.resetSeqNum }, 'sequence numbers reset at logon');
    }
    const verdict = checkSequence(request.msgSeqNum, this.nextTargetSeq, false);
    if (verdict === SeqVerdict.TooLow) {
      this.logoutAndClose(tooLowText(this.nextTargetSeq, request.msgSeqNum));
      return undefined;
    }
    const lastSentBeforeLogon = this.nextSenderSeq - 1;
    if (request.nextExpectedMsgSeqNum !== undefined && definition.nextExpectedMsgSeqNum && request.nextExpectedMsgSeqNum > this.nextSenderSeq) {
      this.logoutAndClose(`NextExpectedMsgSeqNum(789) too high, expecting at most ${this.nextSenderSeq} but received ${request.nextExpectedMsgSeqNum}`);
      return undefined;
    }
    if (verdict === SeqVerdict.InSequence) this.consumeTarget(request.msgSeqNum);
    this.state = SessionState.Active;
    this.loggedOn = true;
    this.sendAdmin(MT_LOGON, (enc) =>
      writeLogon(enc, {
        heartBtInt: request.heartBtInt,
        resetSeqNum: request.resetSeqNum || definition.resetOnLogon,
        nextExpectedMsgSeqNum: definition.nextExpectedMsgSeqNum ? this.nextTargetSeq : undefined,
        defaultApplVerId: definition.beginString === 'FIXT.1.1' ? definition.defaultApplVerId : undefined,
      }),
    );
    if (verdict === SeqVerdict.TooHigh) this.requestResend(request.msgSeqNum);
    // 789 below what we sent: the peer missed our messages; resend them after the Logon reply.
    if (request.nextExpectedMsgSeqNum !== undefined && definition.nextExpectedMsgSeqNum && request.nextExpectedMsgSeqNum <= lastSentBeforeLogon) {
      this.answerResendRequest(request.nextExpectedMsgSeqNum, lastSentBeforeLogon);
    }
    connection.heartbeats.start();
    this.log.info({ remote: link.remoteAddress, heartBtInt: request.heartBtInt, nextSenderSeq: this.nextSenderSeq, nextTargetSeq: this.nextTargetSeq }, 'session active');
    this.deps.application.onSessionActive?.(this);
    return new Binding(this, link);
  }

  private attach(link: SessionLink, heartBtIntSeconds: number): Connection {
    const { definition, store, clock, dictionary, log } = this.deps;
    const outbox = new Outbox(store, {
      send: (frame) => link.send(frame),
      onCommitFailed: (error) => {
        this.log.error({ err: error }, 'session store commit failed: closing without sending');
        this.detach(link, 'store commit failed');
        link.close('store commit failed');
      },
    });
    const intervalMs = Number.isInteger(heartBtIntSeconds) && heartBtIntSeconds > 0 ? heartBtIntSeconds * 1000 : 0;
    const heartbeats = new HeartbeatTimers(clock, intervalMs, {
      sendHeartbeat: () => this.sendAdmin(MT_HEARTBEAT, (enc) => writeHeartbeat(enc, undefined)),
      sendTestRequest: (id) => this.sendAdmin(MT_TEST_REQUEST, (enc) => writeTestRequest(enc, id)),
      timedOut: () => {
        this.log.warn('no message received after a TestRequest: disconnecting');
        this.closeNow('heartbeat timeout');
      },
    });
    const resend = new ResendResponder(this.name, store, this.header, dictionary, clock, {
      sendResent: (frame) => {
        heartbeats.onSent();
        outbox.sendResent(frame);
      },
      onIdle: () => outbox.release(),
    }, log);
    const throttle = definition.throttle === undefined ? undefined : new Throttle(clock, definition.throttle);
    this.connection = { link, outbox, heartbeats, resend, throttle, logoutTimer: undefined };
    return this.connection;
  }

  // ------------------------------------------------------------------ inbound

  receive(link: SessionLink, message: FixMessage): void {
    const c = this.connection;
    if (c === undefined || c.link !== link) return;
    c.heartbeats.onReceived();
    this.pipeline.process(message);
  }

  get throttle(): Throttle | undefined {
    return this.connection?.throttle;
  }

  /** The message with MsgSeqNum `seq` was processed: expect the next one. */
  consumeTarget(seq: number): void {
    this.setNextTargetSeq(seq + 1);
  }

  setNextTargetSeq(next: number): void {
    this.nextTargetSeq = next;
    this.deps.store.setNextTargetSeq(this.name, next);
    if (this.resendRequestedThrough >= 0 && next > this.resendRequestedThrough) this.resendRequestedThrough = -1;
  }

  /** Asks for everything from the expected number on (EndSeqNo 0), once per gap (test case 2b). */
  requestResend(receivedSeq: number): void {
    if (this.resendRequestedThrough >= 0) {
      this.log.debug({ receivedSeq, expected: this.nextTargetSeq }, 'gap already being filled: no second ResendRequest');
      return;
    }
    this.resendRequestedThrough = receivedSeq;
    const begin = this.nextTargetSeq;
    this.log.info({ begin, receivedSeq }, 'MsgSeqNum too high: sending ResendRequest');
    this.sendAdmin(MT_RESEND_REQUEST, (enc) => writeResendRequest(enc, begin, 0));
  }

  /** Resends [begin, end] (end 0 = all), capped at what was sent so far; newer messages wait for it. */
  answerResendRequest(begin: number, end: number): void {
    const c = this.connection;
    if (c === undefined) return;
    c.outbox.hold();
    c.resend.request(begin, end, this.nextSenderSeq - 1);
    if (!c.resend.busy) c.outbox.release();
  }

  // ------------------------------------------------------------------ outbound

  /** Sends a session-level message: not stored (gap-filled on resend), its number still durable first. */
  sendAdmin(msgType: number, writeBody: (enc: FixEncoder) => void): void {
    const c = this.connection;
    if (c === undefined) return;
    const seq = this.nextSenderSeq;
    const enc = this.header.begin(msgType, seq, this.deps.clock.now());
    writeBody(enc);
    const frame = this.finish();
    if (frame === undefined) return;
    this.nextSenderSeq = seq + 1;
    this.deps.store.setNextSenderSeq(this.name, this.nextSenderSeq);
    c.heartbeats.onSent();
    c.outbox.send(frame);
  }

  sendApplication(msgType: string, writeBody: (enc: FixEncoder) => void): void {
    const seq = this.nextSenderSeq;
    const enc = this.header.begin(packMsgType(msgType), seq, this.deps.clock.now());
    writeBody(enc);
    const frame = this.finish();
    if (frame === undefined) return;
    this.nextSenderSeq = seq + 1;
    // Stored even while disconnected: the peer gets it by ResendRequest after its next Logon.
    this.deps.store.append(this.name, seq, frame);
    const c = this.connection;
    if (c !== undefined) {
      c.heartbeats.onSent();
      c.outbox.send(frame);
    } else {
      this.deps.store.commit().catch((error: unknown) => this.log.error({ err: error }, 'session store commit failed'));
    }
  }

  private finish(): Buffer | undefined {
    const frame = this.header.finishCopy();
    if (frame === undefined) this.log.error('outbound message longer than BodyLength allows: not sent');
    return frame;
  }

  sendReject(fields: SessionRejectFields): void {
    this.log.warn({ refSeqNum: fields.refSeqNum, refMsgType: fields.refMsgType, reason: fields.reason, refTagId: fields.refTagId }, 'session Reject sent');
    this.sendAdmin(MT_REJECT, (enc) => writeReject(enc, fields));
  }

  // ------------------------------------------------------------------ logout and closing

  /** We start the logout (test case 13b): wait for the peer's Logout, or give up after the timeout. */
  logout(text: string | undefined): void {
    const c = this.connection;
    if (c === undefined || this.state !== SessionState.Active) return;
    this.sendAdmin(MT_LOGOUT, (enc) => writeLogout(enc, text));
    this.state = SessionState.LogoutSent;
    const timeout = this.definition.logoutTimeoutMs ?? DEFAULT_LOGOUT_TIMEOUT_MS;
    c.logoutTimer = this.deps.clock.setTimer(timeout, () => {
      this.log.warn({ timeoutMs: timeout }, 'no Logout reply: disconnecting');
      this.closeNow('logout timeout');
    });
  }

  /** The peer's Logout (test case 13): confirm ours, or answer theirs; then close. */
  onPeerLogout(text: string | undefined): void {
    this.log.info({ text }, 'Logout received');
    if (this.state === SessionState.LogoutSent) {
      this.closeNow('logout complete');
      return;
    }
    this.logoutAndClose(undefined);
  }

  /** Sends a Logout (with the reason) and closes once it is written. */
  logoutAndClose(text: string | undefined): void {
    const c = this.connection;
    if (c === undefined || this.state === SessionState.Closing) return;
    if (text !== undefined) this.log.warn({ text }, 'logging out');
    this.sendAdmin(MT_LOGOUT, (enc) => writeLogout(enc, text));
    this.state = SessionState.Closing;
    c.heartbeats.stop();
    c.resend.stop();
    c.outbox.release();
    const reason = text ?? 'logout';
    void c.outbox.whenIdle().then(() => this.closeLink(c, reason));
  }

  /** Closes without a Logout (after our Logout, or when the peer is gone). */
  closeNow(reason: string): void {
    const c = this.connection;
    if (c === undefined) return;
    this.state = SessionState.Closing;
    c.heartbeats.stop();
    c.resend.stop();
    void c.outbox.whenIdle().then(() => this.closeLink(c, reason));
  }

  private closeLink(c: Connection, reason: string): void {
    if (this.connection !== c) return;
    this.detach(c.link, reason);
    c.link.close(reason);
  }

  /** The connection is gone: stop its timers and wait for the next Logon. Idempotent per link. */
  detach(link: SessionLink, reason: string): void {
    const c = this.connection;
    if (c === undefined || c.link !== link) return;
    c.heartbeats.stop();
    c.resend.stop();
    c.logoutTimer?.cancel();
    this.connection = undefined;
    const wasLoggedOn = this.loggedOn;
    this.loggedOn = false;
    this.state = SessionState.AwaitingLogon;
    this.log.info({ reason }, 'session disconnected');
    if (wasLoggedOn) this.deps.application.onSessionClosed?.(this, reason);
  }

  /** The BeginString, CompIDs and tolerance the pipeline checks against. */
  get beginString(): string {
    return this.definition.beginString;
  }

  /** TestReqID (112) echo for a Heartbeat answering a TestRequest (test case 6). */
  answerTestRequest(message: FixMessage): void {
    const at = message.indexOf(Tag.TestReqID);
    const id = at >= 0 ? message.bytesAt(at) : undefined;
    this.sendAdmin(MT_HEARTBEAT, (enc) => writeHeartbeat(enc, id));
  }
}
