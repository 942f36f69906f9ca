// A raw FIX client for tests, built on fixgate's own codec: it sends messages with whatever fields
// and sequence numbers a test asks for (including wrong ones), raw bytes and garbled frames, and
// decodes everything it receives into plain records that outlive the read buffer.
import { connect as connectTcp, type Socket } from 'node:net';
import { connect as connectTls } from 'node:tls';
import { DecodeStatus, FixDecoder, FixEncoder, FixMessage, FrameReader, FrameStatus, dictionaryFor, fix44Dictionary, packMsgType } from '../../src/fix/codec';

export type FieldList = ReadonlyArray<readonly [number, string | number]>;

export class ReceivedMessage {
  constructor(
    /** Every field in wire order, values as latin1 text. */
    readonly fields: Array<[number, string]>,
    readonly bytes: Buffer,
  ) {}

  get msgType(): string {
    return this.get(35) ?? '';
  }

  /** The first value of `tag`. */
  get(tag: number): string | undefined {
    return this.fields.find(([t]) => t === tag)?.[1];
  }

  getInt(tag: number): number {
    return Number(this.get(tag));
  }

  /** The frame with '|' for SOH, for assertion messages. */
  get text(): string {
    return this.bytes.toString('latin1').replace(/\x01/g, '|');
  }
}

export interface FixTestClientOptions {
  port: number;
  host?: string;
  beginString?: string;
  senderCompId?: string;
  targetCompId?: string;
  /** Connect with TLS; `ca` is the PEM the server's certificate must chain to. */
  tls?: { ca: Buffer | string; servername?: string };
}

export class FixTestClient {
  readonly received: ReceivedMessage[] = [];
  /** Received but not yet taken by next(). */
  private readonly unread: ReceivedMessage[] = [];
  private readonly waiters: Array<{ match(m: ReceivedMessage): boolean; resolve(m: ReceivedMessage): void }> = [];
  private readonly reader = new FrameReader(64 * 1024, 64 * 1024 * 1024);
  private readonly decoder = new FixDecoder();
  private message: FixMessage | undefined;
  private readonly encoder: FixEncoder;
  /** MsgSeqNum of the next send() that does not name one. */
  nextSeq = 1;
  garbledReceived = 0;
  readonly beginString: string;
  readonly senderCompId: string;
  readonly targetCompId: string;
  readonly closed: Promise<void>;
  isClosed = false;

  private constructor(
    readonly socket: Socket,
    options: FixTestClientOptions,
  ) {
    this.beginString = options.beginString ?? 'FIX.4.4';
    this.senderCompId = options.senderCompId ?? 'BROKER';
    this.targetCompId = options.targetCompId ?? 'FIXGATE';
    this.encoder = new FixEncoder(this.beginString);
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('error', () => undefined);
    this.closed = new Promise((resolve) =>
      socket.once('close', () => {
        this.isClosed = true;
        resolve();
      }),
    );
  }

  static connect(options: FixTestClientOptions): Promise<FixTestClient> {
    const host = options.host ?? '127.0.0.1';
    return new Promise((resolve, reject) => {
      const socket =
        options.tls === undefined
          ? connectTcp({ host, port: options.port })
          : connectTls({ host, port: options.port, ca: options.tls.ca, servername: options.tls.servername ?? 'localhost' });
      const ready = options.tls === undefined ? 'connect' : 'secureConnect';
      socket.once(ready, () => {
        socket.off('error', reject);
        resolve(new FixTestClient(socket, options));
      });
      socket.once('error', reject);
    });
  }

  /** A whole frame: standard header (49, 56, 34, 52) then `fields`. `seq` defaults to the next one. */
  frame(msgType: string, fields: FieldList = [], seq?: number): Buffer {
    const e = this.encoder.begin(packMsgType(msgType));
    e.str(49, this.senderCompId).str(56, this.targetCompId).int(34, seq ?? this.nextSeq++);
    e.timestamp(52, Date.now());
    for (const [tag, value] of fields) {
      if (typeof value === 'number') e.int(tag, value);
      else e.str(tag, value);
    }
    e.finish();
    return Buffer.from(e.frame());
  }

  send(msgType: string, fields: FieldList = [], seq?: number): Buffer {
    const bytes = this.frame(msgType, fields, seq);
    this.socket.write(bytes);
    return bytes;
  }

  sendRaw(bytes: Uint8Array | string): void {
    this.socket.write(typeof bytes === 'string' ? Buffer.from(bytes, 'latin1') : bytes);
  }

  /** A frame whose CheckSum is off by one: garbled, and it does not consume a sequence number. */
  garbledFrame(msgType: string, fields: FieldList = [], seq?: number): Buffer {
    const bytes = this.frame(msgType, fields, seq ?? this.nextSeq);
    const digits = bytes.length - 4;
    const sum = (Number(bytes.toString('latin1', digits, digits + 3)) + 1) % 256;
    bytes.write(String(sum).padStart(3, '0'), digits, 'latin1');
    return bytes;
  }

  logon(fields: FieldList = [[98, 0], [108, 30]], seq?: number): Buffer {
    return this.send('A', fields, seq);
  }

  /** Resolves with the next unread message of `msgType` (any type when omitted); earlier ones of other types stay unread. */
  next(msgType?: string, timeoutMs = 10_000): Promise<ReceivedMessage> {
    const match = (m: ReceivedMessage): boolean => msgType === undefined || m.msgType === msgType;
    const index = this.unread.findIndex(match);
    if (index >= 0) return Promise.resolve(this.unread.splice(index, 1)[0] as ReceivedMessage);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        const i = this.waiters.indexOf(waiter);
        if (i >= 0) this.waiters.splice(i, 1);
        reject(new Error(`no ${msgType ?? 'message'} within ${timeoutMs} ms; received: ${this.received.map((m) => m.text).join('\n')}`));
      }, timeoutMs);
      const waiter = {
        match,
        resolve: (m: ReceivedMessage) => {
          clearTimeout(timer);
          resolve(m);
        },
      };
      this.waiters.push(waiter);
    });
  }

  /** Resolves true when the server closes the connection within `timeoutMs`. */
  async closedWithin(timeoutMs: number): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
    const result = await Promise.race([this.closed.then(() => true), timeout]);
    clearTimeout(timer);
    return result;
  }

  destroy(): void {
    this.socket.destroy();
  }

  private onData(chunk: Buffer): void {
    this.reader.push(chunk);
    for (;;) {
      const status = this.reader.next();
      if (status === FrameStatus.Incomplete) return;
      if (status === FrameStatus.Garbled) {
        this.garbledReceived++;
        continue;
      }
      const { frameStart, frameEnd } = this.reader.framer;
      this.onFrame(this.reader.buffer.subarray(frameStart, frameEnd));
    }
  }

  private onFrame(frame: Buffer): void {
    const bytes = Buffer.from(frame);
    this.message ??= new FixMessage(dictionaryFor(this.beginString) ?? fix44Dictionary());
    const fields: Array<[number, string]> = [];
    if (this.decoder.decode(bytes, 0, bytes.length, this.message) === DecodeStatus.Ok) {
      for (let i = 0; i < this.message.fieldCount; i++) fields.push([this.message.tagAt(i), this.message.stringAt(i)]);
    }
    const received = new ReceivedMessage(fields, bytes);
    this.received.push(received);
    const waiter = this.waiters.findIndex((w) => w.match(received));
    if (waiter >= 0) this.waiters.splice(waiter, 1)[0]!.resolve(received);
    else this.unread.push(received);
  }
}
