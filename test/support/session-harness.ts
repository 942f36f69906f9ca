// Drives a SessionRegistry and its sessions the way the transport would, through an in-memory
// SessionLink, on a virtual clock, over a real LMDB session store in a temp dir. Tests read like
// the FIX Session Layer Test Cases: the peer sends a message with some fields, then the test
// expects the session to send a MsgType with some fields. What the session sends is decoded with
// our codec; frames the peer sends are built by hand (fix-text.ts), so they can be as wrong as a
// test needs.
import type { ExecutionContext } from 'ava';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DecodeStatus, FixDecoder, FixMessage, Framer, FrameStatus, TimestampPrecision, dictionaryFor, type VenueRules } from '../../src/fix/codec';
import { IpAllowlist } from '../../src/config/ip-allowlist';
import { hashPassword, type ScryptCost } from '../../src/config/password-hash';
import { createLogger, type Logger } from '../../src/log';
import { VirtualClock } from '../../src/fix/session/clock';
import type { AcceptorDefinition } from '../../src/fix/session/session-definition';
import type { ApplicationHandler, ConnectionBinding, LogonRefusal, SessionHandle, SessionLink } from '../../src/fix/session/session-ports';
import { SessionRegistry } from '../../src/fix/session/session-registry';
import { LmdbSessionStore, sessionStorePath } from '../../src/fix/session/store/lmdb-session-store';
import { frame } from '../fix/fix-text';

export const PASSWORD = 'correct horse';
/** Tuesday 2 January 2024, 09:00:00 UTC: where virtual time starts. */
export const START_MS = Date.UTC(2024, 0, 2, 9, 0, 0);
export const PEER_ADDRESS = '10.0.0.5';

/** The lowest cost password-hash.ts accepts, with r = 1: the suite stays fast on the production code path. */
const CHEAP_SCRYPT: ScryptCost = { N: 2 ** 14, r: 1, p: 1 };
let passwordHash: Promise<string> | undefined;

/** A parsed allowlist; throws on an entry the config loader would refuse. */
export function allowlist(...entries: string[]): IpAllowlist {
  const parsed = IpAllowlist.parse(entries);
  if (!parsed.ok) throw new Error(`bad allowlist: ${parsed.problems.map((p) => p.problem).join('; ')}`);
  return parsed.allowlist;
}

export async function testDefinition(overrides: Partial<AcceptorDefinition> = {}): Promise<AcceptorDefinition> {
  passwordHash ??= hashPassword(PASSWORD, CHEAP_SCRYPT);
  return {
    name: 'BROKER1',
    role: 'broker',
    firm: 'FIRM1',
    beginString: 'FIX.4.4',
    peerCompId: 'BROKER1',
    ourCompId: 'FIXGATE',
    credentials: { username: 'broker1', passwordHash: await passwordHash },
    allowlist: allowlist('10.0.0.0/24'),
    heartbeat: { minSeconds: 5, maxSeconds: 60 },
    timestampPrecision: TimestampPrecision.Millis,
    nextExpectedMsgSeqNum: false,
    resetOnLogon: false,
    cancelOnDisconnect: false,
    cancelOnLogout: false,
    ...overrides,
  };
}

/** The body of a valid NewOrderSingle (D) with ClOrdID `clOrdId`. */
export function order(clOrdId: string): string {
  return `11=${clOrdId}|21=1|55=ABC|54=1|60=20240102-09:00:00.000|38=100|40=2|44=10.5|`;
}

/** A message the session sent, decoded. */
export class Sent {
  constructor(
    readonly msgType: string,
    readonly fields: ReadonlyArray<readonly [number, string]>,
    readonly raw: string,
  ) {}
  get(tag: number): string | undefined {
    return this.fields.find(([t]) => t === tag)?.[1];
  }
  int(tag: number): number {
    return Number(this.get(tag));
  }
}

function decodeSent(bytes: Buffer): Sent[] {
  const out: Sent[] = [];
  const framer = new Framer();
  const decoder = new FixDecoder();
  let pos = 0;
  while (pos < bytes.length) {
    const status = framer.scan(bytes, pos, bytes.length);
    if (status !== FrameStatus.Complete) throw new Error(`session sent a bad frame: ${bytes.toString('latin1')}`);
    const begin = bytes.toString('latin1', pos + 2, bytes.indexOf(1, pos));
    const dictionary = dictionaryFor(begin);
    if (dictionary === undefined) throw new Error(`session sent BeginString ${begin}`);
    const msg = new FixMessage(dictionary);
    if (decoder.decode(bytes, framer.frameStart, framer.frameEnd, msg) !== DecodeStatus.Ok) throw new Error('undecodable');
    const fields: [number, string][] = [];
    for (let i = 0; i < msg.fieldCount; i++) fields.push([msg.tagAt(i), msg.stringAt(i)]);
    out.push(new Sent(msg.getString(35) ?? '', fields, bytes.toString('latin1', framer.frameStart, framer.frameEnd).replace(/\x01/g, '|')));
    pos = framer.frameEnd;
  }
  return out;
}

/** Formats epoch ms as a FIX UTCTimestamp with milliseconds. */
export function fixTime(ms: number): string {
  const d = new Date(ms);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${d.getUTCFullYear()}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}-${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}.${p(d.getUTCMilliseconds(), 3)}`;
}

export interface SendOptions {
  /** MsgSeqNum; default: the peer's next number (which then advances). */
  readonly seq?: number;
  readonly possDup?: boolean;
  readonly origSendingTime?: string;
  readonly sendingTime?: string;
  readonly senderCompId?: string;
  readonly targetCompId?: string;
  readonly beginString?: string;
  /** The whole frame after 9= as written, instead of a standard header plus `body`. */
  readonly rawBody?: string;
  /** Header tags to leave out (e.g. 52). */
  readonly omit?: readonly number[];
}

export class Peer implements SessionLink {
  readonly remoteAddress: string;
  readonly received: Sent[] = [];
  private cursor = 0;
  closedWith: string | undefined;
  binding: ConnectionBinding | undefined;
  refusedBinding = false;
  /** The peer's next outbound MsgSeqNum. */
  nextSeq = 1;

  constructor(
    private readonly harness: SessionHarness,
    remoteAddress: string,
    readonly definition: AcceptorDefinition,
  ) {
    this.remoteAddress = remoteAddress;
  }

  send(bytes: Buffer): void {
    this.received.push(...decodeSent(Buffer.from(bytes)));
  }

  close(reason: string): void {
    this.closedWith ??= reason;
  }

  get closed(): boolean {
    return this.closedWith !== undefined;
  }

  /** Builds the frame: standard header (35, 49, 56, 34, 52 and PossDup fields) then `body` ("tag=value|..."). */
  frameFor(msgType: string, body: string, options: SendOptions = {}): Buffer {
    const begin = options.beginString ?? this.definition.beginString;
    if (options.rawBody !== undefined) return frame(options.rawBody, begin);
    const seq = options.seq ?? this.nextSeq++;
    const omit = new Set(options.omit ?? []);
    const parts: [number, string][] = [
      [35, msgType],
      [49, options.senderCompId ?? this.definition.peerCompId],
      [56, options.targetCompId ?? this.definition.ourCompId],
      [34, String(seq)],
      [52, options.sendingTime ?? fixTime(this.harness.clock.now())],
    ];
    if (options.possDup) parts.push([43, 'Y']);
    if (options.origSendingTime !== undefined) parts.push([122, options.origSendingTime]);
    const head = parts.filter(([tag]) => !omit.has(tag)).map(([tag, value]) => `${tag}=${value}|`).join('');
    return frame(head + body, begin);
  }

  /** The peer sends a message; resolves once the session has answered (all its frames written). */
  async sendMessage(msgType: string, body = '', options: SendOptions = {}): Promise<void> {
    await this.deliver(this.frameFor(msgType, body, options));
  }

  async deliver(bytes: Buffer): Promise<void> {
    const framer = new Framer();
    if (framer.scan(bytes, 0, bytes.length) !== FrameStatus.Complete) {
      this.harness.registry.onGarbled(this, 'garbled');
      return;
    }
    const begin = bytes.toString('latin1', 2, bytes.indexOf(1));
    const dictionary = dictionaryFor(begin) ?? dictionaryFor(this.definition.beginString);
    const msg = new FixMessage(dictionary as NonNullable<typeof dictionary>);
    if (new FixDecoder().decode(bytes, 0, bytes.length, msg) !== DecodeStatus.Ok) throw new Error('test frame undecodable');
    if (this.binding === undefined) {
      if (this.refusedBinding) throw new Error('connection was refused');
      this.binding = await this.harness.registry.onFirstMessage(msg, this);
      if (this.binding === undefined) this.refusedBinding = true;
    } else {
      this.binding.onMessage(msg);
    }
    await this.harness.settle();
  }

  /** A valid Logon with the right credentials; `extra` adds fields ("141=Y|"). */
  async logon(extra = '', options: SendOptions = {}): Promise<void> {
    const applVerId = this.definition.beginString === 'FIXT.1.1' ? this.definition.defaultApplVerId : undefined;
    const applVer = applVerId !== undefined ? `1137=${applVerId}|` : '';
    const username = this.definition.credentials?.username ?? '';
    await this.sendMessage('A', `98=0|108=30|553=${username}|554=${PASSWORD}|${applVer}${extra}`, options);
  }

  /** The next message the session sent that the test has not looked at yet. */
  next(t: ExecutionContext, msgType: string, fields: Record<number, string> = {}): Sent {
    const sent = this.received[this.cursor];
    if (sent === undefined) {
      t.fail(`expected the session to send 35=${msgType}, it sent nothing more`);
      throw new Error('nothing sent');
    }
    this.cursor++;
    t.is(sent.msgType, msgType, `expected 35=${msgType}, got ${sent.raw}`);
    for (const [tag, value] of Object.entries(fields)) t.is(sent.get(Number(tag)), value, `tag ${tag} of ${sent.raw}`);
    return sent;
  }

  /** Nothing more was sent. */
  nothingMore(t: ExecutionContext): void {
    t.deepEqual(this.received.slice(this.cursor).map((s) => s.raw), [], 'the session sent more than expected');
  }

  /** Skips what was sent so far (e.g. after a logon the test is not about). */
  skipSent(): void {
    this.cursor = this.received.length;
  }

  disconnect(): void {
    this.binding?.onDisconnect();
  }
}

/** Records what reaches the application; answers nothing unless told to. */
export class RecordingApplication implements ApplicationHandler {
  readonly messages: { session: string; msgType: string; seq: number; raw: string }[] = [];
  readonly active: string[] = [];
  readonly closed: { session: string; reason: string }[] = [];
  onMessage: ((session: SessionHandle, message: FixMessage) => void) | undefined;

  onApplicationMessage(session: SessionHandle, message: FixMessage): void {
    this.messages.push({
      session: session.name,
      msgType: message.getString(35) ?? '',
      seq: message.getInt(34),
      raw: message.buffer.toString('latin1', message.start, message.end).replace(/\x01/g, '|'),
    });
    this.onMessage?.(session, message);
  }
  onSessionActive(session: SessionHandle): void {
    this.active.push(session.name);
  }
  onSessionClosed(session: SessionHandle, reason: string): void {
    this.closed.push({ session: session.name, reason });
  }
}

export interface HarnessOptions {
  readonly definitions?: readonly AcceptorDefinition[];
  /** Reuse the store directory of an earlier harness (restart tests). */
  readonly dataDir?: string;
  readonly application?: ApplicationHandler;
  readonly startMs?: number;
  /** Where the registry logs; default: nowhere. */
  readonly log?: Logger;
  /** Default: the generated venue rules. */
  readonly venue?: VenueRules;
}

export class SessionHarness {
  readonly clock: VirtualClock;
  readonly refusals: { remote: string; refusal: LogonRefusal }[] = [];
  readonly application: ApplicationHandler;
  readonly recorder: RecordingApplication | undefined;
  readonly registry: SessionRegistry;

  private constructor(
    readonly dataDir: string,
    readonly store: LmdbSessionStore,
    readonly definitions: readonly AcceptorDefinition[],
    application: ApplicationHandler | undefined,
    startMs: number,
    log: Logger,
    venue: VenueRules | undefined,
  ) {
    this.clock = new VirtualClock(startMs);
    this.recorder = application === undefined ? new RecordingApplication() : undefined;
    this.application = application ?? (this.recorder as RecordingApplication);
    this.registry = new SessionRegistry({
      definitions,
      store,
      application: this.application,
      log,
      clock: this.clock,
      ...(venue !== undefined ? { venue } : {}),
      refusals: { onLogonRefused: (remote, refusal) => this.refusals.push({ remote, refusal }) },
    });
  }

  /** A harness whose store is closed and removed when the test ends (unless `keep` for a restart). */
  static async create(t: ExecutionContext, options: HarnessOptions = {}, keep = false): Promise<SessionHarness> {
    const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'fixgate-session-'));
    const store = LmdbSessionStore.open({ path: sessionStorePath(dataDir), now: () => options.startMs ?? START_MS });
    const definitions = options.definitions ?? [await testDefinition()];
    const harness = new SessionHarness(dataDir, store, definitions, options.application, options.startMs ?? START_MS, options.log ?? createLogger('silent'), options.venue);
    t.teardown(async () => {
      await store.close();
      if (!keep && options.dataDir === undefined) rmSync(dataDir, { recursive: true, force: true });
    });
    return harness;
  }

  get app(): RecordingApplication {
    if (this.recorder === undefined) throw new Error('harness made with a custom application');
    return this.recorder;
  }

  connect(remoteAddress = PEER_ADDRESS, definition = this.definitions[0] as AcceptorDefinition): Peer {
    return new Peer(this, remoteAddress, definition);
  }

  /** A peer that has logged on (Logon answered); what was sent so far is skipped. */
  async loggedOn(extra = ''): Promise<Peer> {
    const peer = this.connect();
    await peer.logon(extra);
    if (peer.binding === undefined) throw new Error(`logon failed: ${peer.received.map((s) => s.raw).join(' / ')}`);
    peer.skipSent();
    return peer;
  }

  /** Waits until every session has written all it means to write. */
  async settle(): Promise<void> {
    for (let round = 0; round < 3; round++) {
      for (const session of this.registry.sessions) await session.whenIdle();
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }

  /** Moves virtual time forward, then lets the sessions write what the timers made. */
  async advance(ms: number): Promise<void> {
    this.clock.advance(ms);
    await this.settle();
  }
}
