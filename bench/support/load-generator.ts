// The e2e bench's load generator: N FIX 4.4 initiator sessions over 127.0.0.1, built on fixgate's
// own codec (FixEncoder, FrameReader, FixDecoder) so the client side costs little of the CPU it
// shares with the target. Each session logs on with its CompIDs and credentials, then sends a
// crossing mix of NewOrderSingle (D), OrderCancelRequest (F) and OrderCancelReplaceRequest (G):
// buys and sells priced a few ticks either side of a mid so a good share trade, and cancels and
// replaces aimed at orders the session believes are still open (acknowledged, not filled or
// cancelled, not already targeted).
//
// Two ways to offer load (runPhase):
// - a fixed schedule (`rate`): request i is due at start + i / rate, whatever happened before it,
//   and its latency is measured from that due time, not from when it was actually written. A stall
//   of the target (or of this process) therefore shows up in the latency of every request that
//   fell due during it: no coordinated omission.
// - flat out (`window`): each session keeps `window` requests unanswered and sends the next as soon
//   as one is answered; what it measures is completed requests per second (a closed loop, so its
//   latencies are not the headline figures).
//
// A request is complete when its reply arrives: for D the first ExecutionReport (35=8) carrying its
// ClOrdID (the ack, or a fill if the ack is skipped); for F and G their ExecutionReport or an
// OrderCancelReject (35=9, e.g. the order filled first). Anything else in answer to a request fails
// the phase with what the target said: a BusinessMessageReject (35=j), a session Reject (35=3), a
// Logout, a closed connection, or more than a few percent of orders rejected (150=8), since a
// benchmark of rejections is not a benchmark of the order path.
import { connect, type Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import { DecodeStatus, FixDecoder, FixEncoder, FixMessage, FrameReader, FrameStatus, fix44Dictionary, packMsgType } from '../../src/fix/codec';
import { LatencyHistogram } from './latency-histogram';

export interface SessionLogin {
  /** The broker's CompID: SenderCompID (49) on what we send. */
  senderCompId: string;
  /** The acceptor's CompID: TargetCompID (56) on what we send. */
  targetCompId: string;
  username?: string;
  password?: string;
}

export interface LoadTarget {
  /** How failures name the target, e.g. "the gateway". */
  label: string;
  port: number;
  sessions: readonly SessionLogin[];
  symbol: string;
  /** Mid price in ticks of `priceScale` decimals (10000 at scale 2 is 100.00). */
  midTicks: number;
  priceScale: number;
  heartBtIntS?: number;
}

export interface PhaseOptions {
  /** Requests per second over all sessions on a fixed schedule; omit for flat out. */
  rate?: number;
  /** Flat out: unanswered requests each session keeps in flight. */
  window?: number;
  warmupS: number;
  measureS: number;
  /** After the last send, how long to wait for replies to measured requests. */
  drainS?: number;
}

export interface PhaseResult {
  /** Requests offered per second (fixed schedule), or null (flat out). */
  offeredPerS: number | null;
  /** Requests completed per second of wall time in the measured window (counted at reply time). */
  completedPerS: number;
  /** New orders (D) completed per second in the measured window. */
  newOrdersPerS: number;
  /** First-reply latency (ns) of every request due in the measured window; unanswered ones at the drain deadline. */
  latency: LatencyHistogram;
  sent: number;
  measuredRequests: number;
  unanswered: number;
  fills: number;
  orderRejects: number;
  cancelRejects: number;
  /** Text (58) and CxlRejReason (102) of the first OrderCancelReject, for the report. */
  firstCancelRejectText: string | undefined;
  /** Worst lateness (ms) of a send against its due time: how far this process fell behind. */
  maxSendLagMs: number;
}

const MSG_LOGON = packMsgType('A');
const MSG_LOGOUT = packMsgType('5');
const MSG_HEARTBEAT = packMsgType('0');
const MSG_TEST_REQUEST = packMsgType('1');
const MSG_RESEND_REQUEST = packMsgType('2');
const MSG_REJECT = packMsgType('3');
const MSG_EXECUTION_REPORT = packMsgType('8');
const MSG_CANCEL_REJECT = packMsgType('9');
const MSG_BUSINESS_REJECT = packMsgType('j');
const MSG_NEW_ORDER = packMsgType('D');
const MSG_CANCEL = packMsgType('F');
const MSG_REPLACE = packMsgType('G');

const TAG_CLORDID = 11;
const TAG_ORIGCLORDID = 41;
const TAG_ORDSTATUS = 39;
const TAG_EXECTYPE = 150;
const TAG_TEXT = 58;
const CHAR_FILLED = 0x32; // '2'
const CHAR_CANCELED = 0x34; // '4'
const CHAR_REJECTED = 0x38; // '8'
const CHAR_EXPIRED = 0x43; // 'C'
const CHAR_TRADE = 0x46; // 'F' (ExecType trade)

const KIND_NEW = 0;
const KIND_CANCEL = 1;
const KIND_REPLACE = 2;
/** The mix: shares of new orders and cancels; the rest are replaces. */
const SHARE_NEW = 0.5;
const SHARE_CANCEL = 0.3;
/** Above this share of new orders rejected (150=8) the phase fails: the setup is wrong. */
const MAX_REJECT_SHARE = 0.02;

/** mulberry32: a tiny deterministic PRNG, so every run offers the same mix. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Per-request facts indexed by ClOrdID (ClOrdIDs are consecutive integers from 1), grown by doubling. */
class RequestTable {
  due = new Float64Array(1 << 16);
  kind = new Uint8Array(1 << 16);
  answered = new Uint8Array(1 << 16);
  /** 1 for a buy: a cancel or replace keeps the side of the order it targets. */
  buy = new Uint8Array(1 << 16);

  ensure(id: number): void {
    if (id < this.due.length) return;
    let size = this.due.length;
    while (size <= id) size *= 2;
    const grow = <T extends Float64Array | Uint8Array>(a: T, make: (n: number) => T): T => {
      const b = make(size);
      b.set(a);
      return b;
    };
    this.due = grow(this.due, (n) => new Float64Array(n));
    this.kind = grow(this.kind, (n) => new Uint8Array(n));
    this.answered = grow(this.answered, (n) => new Uint8Array(n));
    this.buy = grow(this.buy, (n) => new Uint8Array(n));
  }
}

/** The counters of the phase under way. */
interface PhaseState {
  measureStart: number;
  measureEnd: number;
  firstId: number;
  latency: LatencyHistogram;
  completed: number;
  newCompleted: number;
  fills: number;
  orderRejects: number;
  newAnswered: number;
  cancelRejects: number;
  firstRejectText: string | undefined;
  firstCancelRejectText: string | undefined;
  /** Flat out: called when a session has room for more requests. */
  onRoom: ((s: FixInitiator) => void) | undefined;
}

/** One initiator session: its socket, its codec objects and the orders it believes open. */
class FixInitiator {
  readonly encoder = new FixEncoder('FIX.4.4', 8192);
  private readonly reader = new FrameReader(256 * 1024);
  private readonly decoder = new FixDecoder();
  private readonly message = new FixMessage(fix44Dictionary());
  private readonly header: Buffer;
  private nextSeq = 1;
  /** Frames written this turn, flushed in one socket write. */
  private out = Buffer.allocUnsafe(64 * 1024);
  private outPos = 0;
  /** Open orders (ClOrdIDs) and each one's position in `open`, for O(1) removal. */
  private readonly open: number[] = [];
  private readonly openAt = new Map<number, number>();
  inFlight = 0;
  loggedOn = false;
  private logonWaiter: { resolve(): void; reject(e: Error): void } | undefined;
  private logoutWaiter: (() => void) | undefined;

  constructor(
    readonly index: number,
    readonly socket: Socket,
    readonly login: SessionLogin,
    private readonly owner: LoadGenerator,
  ) {
    this.header = Buffer.from(`49=${login.senderCompId}\x0156=${login.targetCompId}\x01`, 'latin1');
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      this.loggedOn = false;
      this.logonWaiter?.reject(new Error(`${owner.target.label} closed session ${login.senderCompId}'s connection during logon`));
      this.logoutWaiter?.();
      owner.sessionClosed(this);
    });
  }

  /** Starts a message with the standard header; the caller adds the body and calls end(). */
  begin(msgType: number, epochMs: number): FixEncoder {
    return this.encoder.begin(msgType).raw(this.header).int(34, this.nextSeq++).timestamp(52, epochMs);
  }

  /** Finishes the message begun and queues its bytes for the next flush. */
  end(): void {
    const e = this.encoder;
    e.finish();
    const len = e.frameEnd - e.frameStart;
    if (this.outPos + len > this.out.length) {
      const bigger = Buffer.allocUnsafe(Math.max(this.out.length * 2, this.outPos + len));
      this.out.copy(bigger, 0, 0, this.outPos);
      this.out = bigger;
    }
    e.buffer.copy(this.out, this.outPos, e.frameStart, e.frameEnd);
    this.outPos += len;
  }

  flush(): void {
    if (this.outPos === 0) return;
    this.socket.write(Buffer.from(this.out.subarray(0, this.outPos)));
    this.outPos = 0;
  }

  logon(heartBtIntS: number): Promise<void> {
    const e = this.begin(MSG_LOGON, Date.now()).int(98, 0).int(108, heartBtIntS);
    if (this.login.username !== undefined) e.str(553, this.login.username);
    if (this.login.password !== undefined) e.str(554, this.login.password);
    this.end();
    this.flush();
    return new Promise((resolve, reject) => (this.logonWaiter = { resolve, reject }));
  }

  logout(timeoutMs: number): Promise<void> {
    if (this.socket.destroyed) return Promise.resolve();
    this.begin(MSG_LOGOUT, Date.now());
    this.end();
    this.flush();
    return new Promise<void>((resolve) => {
      const timer = setTimeout(() => resolve(), timeoutMs);
      this.logoutWaiter = () => {
        clearTimeout(timer);
        resolve();
      };
    }).then(() => void this.socket.destroy());
  }

  heartbeat(): void {
    if (!this.loggedOn) return;
    this.begin(MSG_HEARTBEAT, Date.now());
    this.end();
    this.flush();
  }

  addOpen(id: number): void {
    if (this.openAt.has(id)) return;
    this.openAt.set(id, this.open.length);
    this.open.push(id);
  }

  removeOpen(id: number): void {
    const at = this.openAt.get(id);
    if (at === undefined) return;
    const last = this.open.pop() as number;
    if (at < this.open.length) {
      this.open[at] = last;
      this.openAt.set(last, at);
    }
    this.openAt.delete(id);
  }

  /** An open order chosen by `u` in [0, 1), taken out of the open set (it is about to be targeted); 0 when none. */
  takeOpen(u: number): number {
    if (this.open.length === 0) return 0;
    const id = this.open[Math.floor(u * this.open.length)] as number;
    this.removeOpen(id);
    return id;
  }

  private onData(chunk: Buffer): void {
    // One clock read per read from the socket: every frame in it arrived at the same moment as
    // far as this event loop can tell.
    const now = performance.now();
    this.reader.push(chunk);
    for (;;) {
      const status = this.reader.next();
      if (status === FrameStatus.Incomplete) break;
      if (status === FrameStatus.Garbled) {
        this.owner.fail(new Error(`${this.owner.target.label} sent a garbled frame (${this.reader.framer.garbledReason}) on session ${this.login.senderCompId}`));
        return;
      }
      const { frameStart, frameEnd } = this.reader.framer;
      if (this.decoder.decode(this.reader.buffer, frameStart, frameEnd, this.message) !== DecodeStatus.Ok) {
        this.owner.fail(new Error(`${this.owner.target.label} sent an undecodable frame on session ${this.login.senderCompId}`));
        return;
      }
      this.onMessage(this.message, now);
    }
    this.owner.afterRead(this);
  }

  private onMessage(m: FixMessage, now: number): void {
    const type = m.msgType;
    if (type === MSG_EXECUTION_REPORT) this.owner.onExecutionReport(this, m, now);
    else if (type === MSG_CANCEL_REJECT) this.owner.onCancelReject(this, m, now);
    else if (type === MSG_HEARTBEAT) return;
    else if (type === MSG_TEST_REQUEST) {
      const id = m.getString(112) ?? '';
      this.begin(MSG_HEARTBEAT, Date.now()).str(112, id);
      this.end();
      this.flush();
    } else if (type === MSG_LOGON) {
      this.loggedOn = true;
      this.logonWaiter?.resolve();
      this.logonWaiter = undefined;
    } else if (type === MSG_LOGOUT) {
      const text = m.getString(TAG_TEXT) ?? '';
      if (this.logoutWaiter !== undefined) this.logoutWaiter();
      else if (this.logonWaiter !== undefined) this.logonWaiter.reject(new Error(`${this.owner.target.label} refused the logon of ${this.login.senderCompId}: ${text}`));
      else this.owner.fail(new Error(`${this.owner.target.label} logged session ${this.login.senderCompId} out: ${text}`));
    } else if (type === MSG_BUSINESS_REJECT) {
      const reason = m.getInt(380);
      const why = reason === 4 ? ' (order path not wired)' : '';
      this.owner.fail(new Error(`${this.owner.target.label} answered BusinessMessageReject 380=${reason}${why}: ${m.getString(TAG_TEXT) ?? ''}`));
    } else if (type === MSG_REJECT) {
      this.owner.fail(new Error(`${this.owner.target.label} answered a session Reject (35=3) 373=${m.getString(373) ?? '?'} 371=${m.getString(371) ?? '?'}: ${m.getString(TAG_TEXT) ?? ''}`));
    } else if (type === MSG_RESEND_REQUEST) {
      this.owner.fail(new Error(`${this.owner.target.label} asked for a resend (35=2 7=${m.getString(7)}): the generator keeps no message store, so a gap is a failure`));
    }
  }
}

export class LoadGenerator {
  private readonly sessions: FixInitiator[] = [];
  private readonly requests = new RequestTable();
  private readonly random = prng(0xf1c5);
  private nextId = 1;
  private phase: PhaseState | undefined;
  private failure: Error | undefined;
  private failPhase: ((e: Error) => void) | undefined;
  private heartbeats: NodeJS.Timeout | undefined;
  private closing = false;

  private constructor(readonly target: LoadTarget) {}

  /** Connects and logs on every session of `target`. */
  static async connect(target: LoadTarget): Promise<LoadGenerator> {
    const gen = new LoadGenerator(target);
    const heartBtIntS = target.heartBtIntS ?? 30;
    try {
      for (let i = 0; i < target.sessions.length; i++) {
        const login = target.sessions[i] as SessionLogin;
        const socket = await new Promise<Socket>((resolve, reject) => {
          const s = connect({ host: '127.0.0.1', port: target.port });
          s.once('connect', () => {
            s.off('error', reject);
            resolve(s);
          });
          s.once('error', reject);
        });
        gen.sessions.push(new FixInitiator(i, socket, login, gen));
      }
      await Promise.all(gen.sessions.map((s) => s.logon(heartBtIntS)));
    } catch (err) {
      await gen.close();
      throw err;
    }
    // Our side of the heartbeat contract, at half the interval: the target must hear from every
    // session between phases, when no orders flow.
    gen.heartbeats = setInterval(() => gen.sessions.forEach((s) => s.heartbeat()), (heartBtIntS * 1000) / 2);
    gen.heartbeats.unref();
    return gen;
  }

  /** Logs every session out and closes the connections. */
  async close(): Promise<void> {
    this.closing = true;
    if (this.heartbeats !== undefined) clearInterval(this.heartbeats);
    await Promise.all(this.sessions.map((s) => s.logout(2000)));
  }

  fail(err: Error): void {
    if (this.failure !== undefined) return;
    this.failure = err;
    this.failPhase?.(err);
  }

  sessionClosed(s: FixInitiator): void {
    if (!this.closing) this.fail(new Error(`${this.target.label} closed session ${s.login.senderCompId}'s connection`));
  }

  /** Offers one phase of load and reports what was completed in its measured window. */
  async runPhase(options: PhaseOptions): Promise<PhaseResult> {
    if (this.failure !== undefined) throw this.failure;
    const start = performance.now() + 5;
    const measureStart = start + options.warmupS * 1000;
    const measureEnd = measureStart + options.measureS * 1000;
    const state: PhaseState = {
      measureStart,
      measureEnd,
      firstId: this.nextId,
      latency: new LatencyHistogram(2),
      completed: 0,
      newCompleted: 0,
      fills: 0,
      orderRejects: 0,
      newAnswered: 0,
      cancelRejects: 0,
      firstRejectText: undefined,
      firstCancelRejectText: undefined,
      onRoom: undefined,
    };
    this.phase = state;
    const failed = new Promise<never>((_, reject) => (this.failPhase = reject));
    failed.catch(() => undefined);
    let maxSendLagMs = 0;
    let sent = 0;

    const sending = new Promise<void>((resolve) => {
      if (options.rate !== undefined) {
        // Fixed schedule: at each timer tick, send every request whose due time has passed.
        const rate = options.rate;
        const total = Math.floor(((measureEnd - start) / 1000) * rate);
        let i = 0;
        const tick = (): void => {
          if (this.failure !== undefined) return resolve();
          const now = performance.now();
          const epochMs = Date.now();
          const dueNow = Math.min(total, Math.floor(((now - start) / 1000) * rate) + 1);
          while (i < dueNow) {
            const due = start + (i * 1000) / rate;
            if (now - due > maxSendLagMs) maxSendLagMs = now - due;
            this.sendNext(this.sessions[i % this.sessions.length] as FixInitiator, due, epochMs);
            i++;
          }
          for (const s of this.sessions) s.flush();
          if (i >= total) resolve();
          else setTimeout(tick, 1);
        };
        setTimeout(tick, Math.max(0, start - performance.now()));
      } else {
        // Flat out: top every session up to `window` in flight whenever replies free room.
        const window = options.window ?? 100;
        const topUp = (s: FixInitiator): void => {
          if (performance.now() >= measureEnd) return;
          const now = performance.now();
          const epochMs = Date.now();
          while (s.inFlight < window) this.sendNext(s, now, epochMs);
          s.flush();
        };
        state.onRoom = topUp;
        setTimeout(() => this.sessions.forEach(topUp), Math.max(0, start - performance.now()));
        const stop = setTimeout(() => resolve(), measureEnd - performance.now());
        stop.unref();
      }
    });
    await Promise.race([sending, failed]);
    state.onRoom = undefined;
    sent = this.nextId - state.firstId;

    // Let replies to the measured requests arrive; each one still missing at the deadline is
    // recorded as having taken at least that long.
    const drainEnd = performance.now() + (options.drainS ?? 3) * 1000;
    const lastId = this.nextId;
    const req = this.requests;
    const measuredPending = (): number => {
      let n = 0;
      for (let id = state.firstId; id < lastId; id++) if (req.answered[id] === 0 && req.due[id]! >= measureStart && req.due[id]! < measureEnd) n++;
      return n;
    };
    while (measuredPending() > 0 && performance.now() < drainEnd && this.failure === undefined) {
      await Promise.race([new Promise((r) => setTimeout(r, 20)), failed]);
    }
    if (this.failure !== undefined) throw this.failure;
    let unanswered = 0;
    let measuredRequests = 0;
    const deadline = performance.now();
    for (let id = state.firstId; id < lastId; id++) {
      const due = req.due[id]!;
      if (due < measureStart || due >= measureEnd) continue;
      measuredRequests++;
      if (req.answered[id] === 0) {
        unanswered++;
        state.latency.record((deadline - due) * 1e6);
      }
    }
    this.phase = undefined;
    this.failPhase = undefined;
    if (state.newAnswered > 0 && state.orderRejects / state.newAnswered > MAX_REJECT_SHARE) {
      throw new Error(
        `${this.target.label} rejected ${state.orderRejects} of ${state.newAnswered} new orders (150=8); first: ${state.firstRejectText ?? '(no text)'}`,
      );
    }
    const seconds = options.measureS;
    return {
      offeredPerS: options.rate ?? null,
      completedPerS: state.completed / seconds,
      newOrdersPerS: state.newCompleted / seconds,
      latency: state.latency,
      sent,
      measuredRequests,
      unanswered,
      fills: state.fills,
      orderRejects: state.orderRejects,
      cancelRejects: state.cancelRejects,
      firstCancelRejectText: state.firstCancelRejectText,
      maxSendLagMs,
    };
  }

  /** Writes the next request of the mix for session `s`, due at `due` (performance.now() time). */
  private sendNext(s: FixInitiator, due: number, epochMs: number): void {
    const t = this.target;
    const r = this.random;
    const u = r();
    let kind = u < SHARE_NEW ? KIND_NEW : u < SHARE_NEW + SHARE_CANCEL ? KIND_CANCEL : KIND_REPLACE;
    const orig = kind === KIND_NEW ? 0 : s.takeOpen(r());
    if (orig === 0) kind = KIND_NEW;
    const id = this.nextId++;
    const req = this.requests;
    req.ensure(id);
    req.due[id] = due;
    req.kind[id] = kind;
    s.inFlight++;
    // Buys from mid-3 to mid+2 ticks, sells from mid-2 to mid+3, so about a third of them cross.
    const buy = kind === KIND_NEW ? r() < 0.5 : req.buy[orig] === 1;
    req.buy[id] = buy ? 1 : 0;
    const offset = Math.floor(r() * 6);
    const price = buy ? t.midTicks - 3 + offset : t.midTicks + 3 - offset;
    const qty = 1 + Math.floor(r() * 10);
    const msgType = kind === KIND_NEW ? MSG_NEW_ORDER : kind === KIND_CANCEL ? MSG_CANCEL : MSG_REPLACE;
    const e = s.begin(msgType, epochMs);
    if (kind !== KIND_NEW) e.int(TAG_ORIGCLORDID, orig);
    e.int(TAG_CLORDID, id).str(55, t.symbol).char(54, buy ? 0x31 : 0x32).timestamp(60, epochMs).int(38, qty);
    if (kind !== KIND_CANCEL) e.char(40, 0x32).decimal(44, price, t.priceScale).char(59, 0x30);
    s.end();
  }

  /** A reply to request `id` arrived at `now`: the first one completes it. */
  private answer(s: FixInitiator, id: number, now: number): boolean {
    const req = this.requests;
    if (!(id >= 1 && id < this.nextId) || req.answered[id] !== 0) return false;
    req.answered[id] = 1;
    s.inFlight--;
    const p = this.phase;
    if (p === undefined || id < p.firstId) return true;
    const due = req.due[id]!;
    if (due >= p.measureStart && due < p.measureEnd) p.latency.record((now - due) * 1e6);
    if (now >= p.measureStart && now < p.measureEnd) {
      p.completed++;
      if (req.kind[id] === KIND_NEW) p.newCompleted++;
    }
    return true;
  }

  onExecutionReport(s: FixInitiator, m: FixMessage, now: number): void {
    const id = m.getInt(TAG_CLORDID);
    const status = m.getChar(TAG_ORDSTATUS);
    const execType = m.getChar(TAG_EXECTYPE);
    const first = this.answer(s, id, now);
    const p = this.phase;
    if (execType === CHAR_TRADE && p !== undefined) p.fills++;
    if (first && this.requests.kind[id] === KIND_NEW && p !== undefined) {
      p.newAnswered++;
      if (execType === CHAR_REJECTED) {
        p.orderRejects++;
        p.firstRejectText ??= m.getString(TAG_TEXT) ?? '';
      }
    }
    if (status === CHAR_FILLED || status === CHAR_CANCELED || status === CHAR_REJECTED || status === CHAR_EXPIRED) {
      s.removeOpen(id);
      const orig = m.getInt(TAG_ORIGCLORDID);
      if (!Number.isNaN(orig)) s.removeOpen(orig);
    } else if (first && this.requests.kind[id] !== KIND_CANCEL) {
      // an acknowledged new order or replacement that is still working: a target for later requests
      s.addOpen(id);
    }
  }

  onCancelReject(s: FixInitiator, m: FixMessage, now: number): void {
    const p = this.phase;
    if (this.answer(s, m.getInt(TAG_CLORDID), now) && p !== undefined) {
      p.cancelRejects++;
      p.firstCancelRejectText ??= `102=${m.getString(102) ?? '?'} 39=${m.getString(TAG_ORDSTATUS) ?? '?'} ${m.getString(TAG_TEXT) ?? ''}`;
    }
  }

  /** After a socket read: flat out, the session may have room for more requests. */
  afterRead(s: FixInitiator): void {
    this.phase?.onRoom?.(s);
  }
}
