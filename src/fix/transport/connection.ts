// One accepted socket, from its first byte to its close. Inbound: bytes are copied into a
// FrameReader, whole frames are decoded into one reused FixMessage and handed on in arrival
// order: the first valid message to the registry (which authenticates the Logon and binds the
// connection to a session, asynchronously), every later one to that binding. Outbound: frames
// sent within one event-loop turn are copied into one buffer and written with a single
// socket.write when the turn ends; what the socket has not yet taken is bounded, and a consumer
// that stops reading is disconnected rather than buffered for.
//
// Nothing a peer sends throws out of here: garbled frames are reported to the registry as a
// status (the session answers them per spec, usually by ignoring them), an oversized frame ends
// the connection with a log line, and socket errors close the connection.
import type { Socket } from 'node:net';
import { DecodeStatus, FixDecoder, FixMessage, FrameReader, FrameStatus, GarbledReason, Tag, dictionaryFor, fix44Dictionary } from '../codec';
import type { Logger } from '../../log';
import type { ConnectionBinding, SessionAcceptor, SessionLink } from '../session/session-ports';

/** Limits that may differ per session; applied once the connection is bound to one. */
export interface SessionLimits {
  /** Largest BodyLength accepted; a larger frame ends the connection. */
  maxMessageSize: number;
  /** Bytes written but not yet taken by the peer beyond which the peer is a slow consumer. */
  maxOutboundQueueBytes: number;
}

/** A session's limits by how its Logon names it; undefined when no session has that name. */
export type SessionLimitsLookup = (beginString: string, senderCompId: string, targetCompId: string) => SessionLimits | undefined;

/**
 * The limits here apply before logon. maxMessageSize also sizes the framer, so it should be the
 * largest of any session's: a bound session's own, smaller limit is then checked per frame.
 */
export interface ConnectionOptions extends SessionLimits {
  /** A connection that has not sent a valid first message by then is closed. */
  firstMessageTimeoutMs: number;
  /** How long a graceful close (flush, FIN) may take before the socket is destroyed. */
  closeGraceMs: number;
  limitsFor?: SessionLimitsLookup;
}

const READ_BUFFER_BYTES = 64 * 1024;
const OUT_BUFFER_BYTES = 16 * 1024;
const BEGIN_STRING_OFFSET = 2; // after "8="

const State = {
  /** No valid message yet. */
  AwaitingFirst: 0,
  /** The registry is deciding on the first message; reading is paused meanwhile. */
  Binding: 1,
  Bound: 2,
  Closed: 3,
} as const;
type State = (typeof State)[keyof typeof State];

const GARBLED_NAMES: Record<GarbledReason, string> = {
  [GarbledReason.None]: 'none',
  [GarbledReason.BadBeginString]: 'bad BeginString',
  [GarbledReason.BadBodyLength]: 'bad BodyLength',
  [GarbledReason.BodyLengthMismatch]: 'BodyLength does not reach the CheckSum',
  [GarbledReason.BadCheckSum]: 'bad CheckSum',
  [GarbledReason.TooLong]: 'BodyLength above maxMessageSize',
};

export class Connection implements SessionLink {
  readonly remoteAddress: string;
  private state: State = State.AwaitingFirst;
  private readonly reader: FrameReader;
  private readonly decoder = new FixDecoder();
  /** Decoded into again and again; its dictionary follows the first frame's BeginString. */
  private message: FixMessage | undefined;
  private binding: ConnectionBinding | undefined;
  private processing = false;
  /** Reads that arrive while the registry decides (the socket is paused, so at most a chunk or two). */
  private backlog: Buffer[] = [];

  private out: Buffer | undefined;
  private outLength = 0;
  private flushScheduled = false;
  private readonly flushNow = (): void => this.flush();

  private firstMessageTimer: NodeJS.Timeout | undefined;
  private closeTimer: NodeJS.Timeout | undefined;
  private closeReason: string | undefined;
  private readonly log: Logger;
  private limits: SessionLimits;
  /** The limits of the session the first message names, applied if the registry binds it. */
  private boundLimits: SessionLimits | undefined;

  /** Resolves once the socket is closed and the binding told. */
  readonly closed: Promise<void>;
  private resolveClosed!: () => void;

  constructor(
    private readonly socket: Socket,
    private readonly registry: SessionAcceptor,
    private readonly options: ConnectionOptions,
    log: Logger,
  ) {
    // The IP alone: sessions match it against their allowlists; the port goes to the logs.
    this.remoteAddress = socket.remoteAddress ?? '';
    this.log = log.child({ remote: `${this.remoteAddress}:${socket.remotePort ?? '?'}` });
    this.limits = { maxMessageSize: options.maxMessageSize, maxOutboundQueueBytes: options.maxOutboundQueueBytes };
    this.reader = new FrameReader(READ_BUFFER_BYTES, options.maxMessageSize);
    this.closed = new Promise((resolve) => (this.resolveClosed = resolve));
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('error', (err: NodeJS.ErrnoException) => this.onSocketError(err));
    socket.on('close', () => this.onSocketClosed());
    // A peer's FIN: answer with ours once what is queued has gone out.
    socket.on('end', () => this.close('peer closed the connection'));
    this.firstMessageTimer = setTimeout(() => this.close('no valid first message in time'), options.firstMessageTimeoutMs);
    this.firstMessageTimer.unref();
  }

  /** Bytes queued towards the peer: in this turn's buffer plus what the socket still holds. */
  get outboundQueueBytes(): number {
    return this.outLength + this.socket.writableLength;
  }

  // ------------------------------------------------------------------ SessionLink

  /** Queues a frame for this turn's write. `frame` is copied, so the caller may reuse its buffer. */
  send(frame: Buffer): void {
    if (this.state === State.Closed || this.closeReason !== undefined) return;
    if (this.outboundQueueBytes + frame.length > this.limits.maxOutboundQueueBytes) {
      this.log.warn(
        { queuedBytes: this.outboundQueueBytes, frameBytes: frame.length, maxOutboundQueueBytes: this.limits.maxOutboundQueueBytes },
        'slow consumer: outbound queue full, disconnecting',
      );
      this.destroy('slow consumer');
      return;
    }
    const needed = this.outLength + frame.length;
    if (this.out === undefined || needed > this.out.length) {
      const bigger = Buffer.allocUnsafe(Math.max(OUT_BUFFER_BYTES, needed, (this.out?.length ?? 0) * 2));
      if (this.out !== undefined) this.out.copy(bigger, 0, 0, this.outLength);
      this.out = bigger;
    }
    this.out.set(frame, this.outLength);
    this.outLength = needed;
    if (!this.flushScheduled) {
      this.flushScheduled = true;
      setImmediate(this.flushNow);
    }
  }

  /** Sends what is queued, then closes gracefully; destroys the socket if that takes too long. */
  close(reason: string): void {
    if (this.state === State.Closed || this.closeReason !== undefined) return;
    this.closeReason = reason;
    this.log.info({ reason }, 'closing connection');
    this.clearFirstMessageTimer();
    this.flush();
    this.socket.end();
    this.closeTimer = setTimeout(() => this.socket.destroy(), this.options.closeGraceMs);
    this.closeTimer.unref();
  }

  // ------------------------------------------------------------------ outbound

  private flush(): void {
    this.flushScheduled = false;
    if (this.outLength === 0 || this.out === undefined || this.socket.destroyed) return;
    // The socket keeps the buffer until the kernel took it, so the next turn starts a new one.
    const bytes = this.out.subarray(0, this.outLength);
    this.out = undefined;
    this.outLength = 0;
    this.socket.write(bytes);
  }

  // ------------------------------------------------------------------ inbound

  private onData(chunk: Buffer): void {
    if (this.state === State.Closed || this.closeReason !== undefined) return;
    if (this.state === State.Binding) {
      // The first message is a view into the read buffer: pushing now could move it under the registry.
      this.backlog.push(chunk);
      return;
    }
    this.reader.push(chunk);
    this.drainFrames();
  }

  /** Hands out every whole frame in the read buffer, stopping while the registry decides. */
  private drainFrames(): void {
    if (this.processing) return;
    this.processing = true;
    try {
      while (this.state !== State.Binding && this.state !== State.Closed && this.closeReason === undefined) {
        const status = this.reader.next();
        if (status === FrameStatus.Incomplete) break;
        if (status === FrameStatus.Garbled) {
          this.onGarbled();
          continue;
        }
        this.onFrame(this.reader.framer.frameStart, this.reader.framer.frameEnd);
      }
    } finally {
      this.processing = false;
    }
  }

  private onGarbled(): void {
    const reason = this.reader.framer.garbledReason;
    if (reason === GarbledReason.TooLong) {
      this.rejectOversized(this.options.maxMessageSize);
      return;
    }
    this.reportGarbled(GARBLED_NAMES[reason]);
  }

  private rejectOversized(maxMessageSize: number): void {
    this.log.warn({ maxMessageSize }, 'frame larger than maxMessageSize, disconnecting');
    this.destroy('frame larger than maxMessageSize');
  }

  private reportGarbled(reason: string): void {
    this.log.debug({ reason }, 'garbled frame dropped');
    this.guard(() => this.registry.onGarbled(this, reason));
  }

  private onFrame(start: number, end: number): void {
    const framer = this.reader.framer;
    if (framer.checksumStart - framer.bodyStart > this.limits.maxMessageSize) {
      this.rejectOversized(this.limits.maxMessageSize);
      return;
    }
    const buffer = this.reader.buffer;
    const message = this.messageFor(buffer, start);
    if (this.decoder.decode(buffer, start, end, message) !== DecodeStatus.Ok) {
      this.reportGarbled('not tag=value fields');
      return;
    }
    if (this.state === State.Bound) {
      const binding = this.binding as ConnectionBinding;
      this.guard(() => binding.onMessage(message));
      return;
    }
    this.bind(message);
  }

  /** The first valid message: reading pauses until the registry has decided, so nothing overtakes it. */
  private bind(message: FixMessage): void {
    this.clearFirstMessageTimer();
    this.state = State.Binding;
    this.socket.pause();
    this.boundLimits = this.options.limitsFor?.(message.getString(Tag.BeginString) ?? '', message.getString(Tag.SenderCompID) ?? '', message.getString(Tag.TargetCompID) ?? '');
    let decided: Promise<ConnectionBinding | undefined>;
    try {
      decided = this.registry.onFirstMessage(message, this);
    } catch (err) {
      decided = Promise.reject(err);
    }
    decided.then(
      (binding) => this.onBound(binding),
      (err: unknown) => {
        this.log.error({ err }, 'session registry failed on the first message');
        this.onBound(undefined);
      },
    );
  }

  private onBound(binding: ConnectionBinding | undefined): void {
    if (this.state === State.Closed) {
      // The socket closed while the registry decided: the session must still hear of it.
      if (binding !== undefined) this.guard(() => binding.onDisconnect());
      return;
    }
    if (binding === undefined) {
      this.close('first message refused');
      return;
    }
    this.binding = binding;
    this.state = State.Bound;
    if (this.boundLimits !== undefined) this.limits = this.boundLimits;
    this.drainFrames();
    const backlog = this.backlog;
    this.backlog = [];
    for (const chunk of backlog) this.onData(chunk);
    this.socket.resume();
  }

  /** The FixMessage for this connection, made on the first frame with the dictionary its BeginString names. */
  private messageFor(buffer: Buffer, start: number): FixMessage {
    if (this.message !== undefined) return this.message;
    const valueStart = start + BEGIN_STRING_OFFSET;
    const beginString = buffer.toString('latin1', valueStart, buffer.indexOf(1, valueStart));
    // An unknown BeginString still decodes (the standard header is the same), so the registry can refuse it.
    this.message = new FixMessage(dictionaryFor(beginString) ?? fix44Dictionary());
    return this.message;
  }

  // ------------------------------------------------------------------ lifecycle

  /** Runs a session-layer callback; a bug there closes this connection instead of the process. */
  private guard(callback: () => unknown): void {
    try {
      const result = callback();
      if (result instanceof Promise) result.catch((err: unknown) => this.onCallbackError(err));
    } catch (err) {
      this.onCallbackError(err);
    }
  }

  private onCallbackError(err: unknown): void {
    this.log.error({ err }, 'session layer failed on a message from this connection');
    this.destroy('session layer error');
  }

  private destroy(reason: string): void {
    if (this.state === State.Closed) return;
    this.closeReason ??= reason;
    this.out = undefined;
    this.outLength = 0;
    this.socket.destroy();
  }

  private onSocketError(err: NodeJS.ErrnoException): void {
    // ECONNRESET and EPIPE are peers going away, routine for a gateway.
    const routine = err.code === 'ECONNRESET' || err.code === 'EPIPE';
    this.log[routine ? 'info' : 'warn']({ code: err.code, message: err.message }, 'socket error');
    this.closeReason ??= `socket error ${err.code ?? err.message}`;
  }

  private onSocketClosed(): void {
    if (this.state === State.Closed) return;
    const wasBound = this.state === State.Bound;
    this.state = State.Closed;
    this.clearFirstMessageTimer();
    if (this.closeTimer !== undefined) clearTimeout(this.closeTimer);
    this.out = undefined;
    this.outLength = 0;
    this.log.info({ reason: this.closeReason ?? 'closed' }, 'connection closed');
    if (wasBound) {
      const binding = this.binding as ConnectionBinding;
      this.guard(() => binding.onDisconnect());
    }
    this.resolveClosed();
  }

  private clearFirstMessageTimer(): void {
    if (this.firstMessageTimer !== undefined) clearTimeout(this.firstMessageTimer);
    this.firstMessageTimer = undefined;
  }
}
