// The gateway's FIX port: one TCP (or TLS) server for every session, FIX.4.4 and FIXT.1.1 alike.
// It does not know sessions: each accepted socket becomes a Connection, and the registry routes it
// by BeginString and CompIDs on its first message. Attempts are counted per IP before a socket
// gets any buffers or a TLS handshake.
import { readFileSync } from 'node:fs';
import { createServer as createTcpServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { createServer as createTlsServer } from 'node:tls';
import type { Logger } from '../../log';
import { Connection, type ConnectionOptions } from './connection';
import { AttemptVerdict, ConnectionLimits } from './connection-limits';
import type { SessionAcceptor } from '../session/session-ports';

export interface ListenerTlsOptions {
  /** PEM files. */
  certPath: string;
  keyPath: string;
  /** When set, clients must present a certificate signed by this CA. */
  caPath?: string;
}

export interface FixListenerOptions extends Partial<ConnectionOptions> {
  host: string;
  /** 0 picks a free port (tests); `address()` tells which. */
  port: number;
  tls?: ListenerTlsOptions;
  maxMessageSize: number;
  maxOutboundQueueBytes: number;
  /** 0 means no limit. */
  maxConnectionAttemptsPerIpPerMinute: number;
  /** Shared with the session registry, which reports refused logons to it; made here when absent. */
  limits?: ConnectionLimits;
  /** A TLS client that has not finished its handshake by then is dropped. */
  tlsHandshakeTimeoutMs?: number;
}

const DEFAULT_FIRST_MESSAGE_TIMEOUT_MS = 10_000;
const DEFAULT_CLOSE_GRACE_MS = 2_000;
const DEFAULT_TLS_HANDSHAKE_TIMEOUT_MS = 10_000;
const LIMITS_SWEEP_MS = 60_000;

export class FixListener {
  private readonly server: Server;
  private readonly connections = new Set<Connection>();
  private readonly limits: ConnectionLimits;
  private readonly connectionOptions: ConnectionOptions;
  private sweepTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly options: FixListenerOptions,
    private readonly registry: SessionAcceptor,
    private readonly log: Logger,
  ) {
    this.limits = options.limits ?? new ConnectionLimits({ maxAttemptsPerIpPerMinute: options.maxConnectionAttemptsPerIpPerMinute, log });
    this.connectionOptions = {
      maxMessageSize: options.maxMessageSize,
      maxOutboundQueueBytes: options.maxOutboundQueueBytes,
      firstMessageTimeoutMs: options.firstMessageTimeoutMs ?? DEFAULT_FIRST_MESSAGE_TIMEOUT_MS,
      closeGraceMs: options.closeGraceMs ?? DEFAULT_CLOSE_GRACE_MS,
      ...(options.limitsFor === undefined ? {} : { limitsFor: options.limitsFor }),
    };
    this.server = options.tls === undefined ? createTcpServer() : this.createTls(options.tls);
    // Counted on the raw socket, before TLS: a refused client costs no handshake.
    this.server.on('connection', (socket: Socket) => this.onAttempt(socket));
    this.server.on(options.tls === undefined ? 'connection' : 'secureConnection', (socket: Socket) => this.accept(socket));
    this.server.on('error', (err) => this.log.error({ err }, 'listener error'));
  }

  private createTls(tls: ListenerTlsOptions): Server {
    const server = createTlsServer({
      cert: readFileSync(tls.certPath),
      key: readFileSync(tls.keyPath),
      ...(tls.caPath === undefined ? {} : { ca: readFileSync(tls.caPath), requestCert: true, rejectUnauthorized: true }),
      handshakeTimeout: this.options.tlsHandshakeTimeoutMs ?? DEFAULT_TLS_HANDSHAKE_TIMEOUT_MS,
    });
    server.on('tlsClientError', (err, socket) => this.log.info({ remote: `${socket.remoteAddress}:${socket.remotePort}`, message: err.message }, 'TLS handshake failed'));
    return server;
  }

  /** Starts listening; resolves with the bound address. */
  listen(): Promise<{ host: string; port: number }> {
    return new Promise((resolve, reject) => {
      const onError = (err: Error): void => reject(err);
      this.server.once('error', onError);
      this.server.listen(this.options.port, this.options.host, () => {
        this.server.off('error', onError);
        this.sweepTimer = setInterval(() => this.limits.sweep(), LIMITS_SWEEP_MS);
        this.sweepTimer.unref();
        const address = this.address();
        this.log.info({ ...address, tls: this.options.tls !== undefined }, 'listening');
        resolve(address);
      });
    });
  }

  address(): { host: string; port: number } {
    const info = this.server.address() as AddressInfo;
    return { host: info.address, port: info.port };
  }

  get connectionCount(): number {
    return this.connections.size;
  }

  /** Stops accepting, then waits for open connections (which the sessions log out) to close. */
  async close(graceMs = DEFAULT_CLOSE_GRACE_MS): Promise<void> {
    if (this.sweepTimer !== undefined) clearInterval(this.sweepTimer);
    const stopped = new Promise<void>((resolve) => this.server.close(() => resolve()));
    const pending = [...this.connections].map((c) => c.closed);
    const deadline = new Promise<void>((resolve) => setTimeout(resolve, graceMs).unref());
    await Promise.race([Promise.all(pending), deadline]);
    for (const connection of this.connections) connection.close('listener closing');
    await Promise.race([Promise.all([...this.connections].map((c) => c.closed)), new Promise<void>((resolve) => setTimeout(resolve, graceMs).unref())]);
    await stopped;
  }

  private onAttempt(socket: Socket): void {
    if (this.limits.attempt(socket.remoteAddress ?? '') === AttemptVerdict.Allowed) return;
    socket.destroy();
  }

  private accept(socket: Socket): void {
    if (socket.destroyed) return;
    const connection = new Connection(socket, this.registry, this.connectionOptions, this.log);
    this.connections.add(connection);
    connection.closed.then(() => this.connections.delete(connection));
    this.log.info({ remote: connection.remoteAddress, connections: this.connections.size }, 'connection accepted');
  }
}
