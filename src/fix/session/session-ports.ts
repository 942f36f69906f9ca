// The session layer's edges: what the transport gives it per connection (SessionLink), what it
// gives the transport back (SessionAcceptor, ConnectionBinding), and what the gateway sees of a
// session (SessionHandle, ApplicationHandler). These are the only types the transport and the
// gateway compile against; keep them small and stable.
//
// Message lifetime: a FixMessage is a flyweight over the transport's read buffer, valid only during
// the call that receives it. Nothing on this side keeps one past the call: what must outlive it is
// copied first (the registry copies the Logon's fields before its first await).
import type { FixEncoder, FixMessage } from '../codec';

/** Implemented by the transport, one per connection. */
export interface SessionLink {
  readonly remoteAddress: string;
  /** Bytes already committed to the store when required; the transport queues and writes them. */
  send(frame: Buffer): void;
  /** Flush what is queued, then end the socket. Idempotent on the transport's side. */
  close(reason: string): void;
}

/** Implemented by the gateway; receives only validated, in-sequence application messages. */
export interface ApplicationHandler {
  onApplicationMessage(session: SessionHandle, message: FixMessage): void;
  onSessionActive?(session: SessionHandle): void;
  onSessionClosed?(session: SessionHandle, reason: string): void;
}

/** What the application may do with a session. */
export interface SessionHandle {
  readonly name: string;
  readonly role: string;
  readonly firm: string;
  /** Encodes an application message (header filled by the session), stores it, commits, then sends. */
  sendApplication(msgType: string, writeBody: (enc: FixEncoder) => void): void;
}

/** What the transport drives once a connection is bound to a logged-on (or logging-on) session. */
export interface ConnectionBinding {
  /** Every later checksum-valid message of the connection, in order. */
  onMessage(message: FixMessage): void;
  /** The socket ended (by either side); the session stops its timers and detaches. */
  onDisconnect(): void;
}

/**
 * The acceptor's entry for the transport (implemented by SessionRegistry).
 *
 * onFirstMessage gets the first checksum-valid message of a connection. It resolves with the
 * binding to feed the connection's next messages to, or undefined when the connection was refused
 * (the registry has then already answered and called link.close()). While the promise is pending
 * the transport delivers nothing else for that connection: it keeps the frames read meanwhile (or
 * pauses the socket) and hands them to binding.onMessage in order once it resolves.
 */
export interface SessionAcceptor {
  onFirstMessage(message: FixMessage, link: SessionLink): Promise<ConnectionBinding | undefined>;
  /** A frame that failed BodyLength/CheckSum: dropped without consuming a MsgSeqNum, only logged. */
  onGarbled(link: SessionLink, reason: string): void;
}

/** Why a connection was refused at logon; logged in detail, never told to the peer. */
export const LogonRefusal = {
  /** The first message is not a Logon, or its header is not 8, 9, 35. */
  NotALogon: 'not-a-logon',
  /** No definition for this BeginString + SenderCompID/TargetCompID. */
  UnknownSession: 'unknown-session',
  /** The remote address is not in the definition's allowlist. */
  AddressNotAllowed: 'address-not-allowed',
  /** Username/password missing or wrong. */
  BadCredentials: 'bad-credentials',
  /** The identity is already logged on over another connection. */
  AlreadyLoggedOn: 'already-logged-on',
  /** The Logon itself is invalid (HeartBtInt out of bounds, MsgSeqNum too low, ...). */
  InvalidLogon: 'invalid-logon',
} as const;
export type LogonRefusal = (typeof LogonRefusal)[keyof typeof LogonRefusal];

/**
 * Implemented by the transport to enforce its connection-attempt limits: every refused logon is
 * reported with the remote address, so failed authentications count like any other attempt.
 */
export interface LogonRefusalListener {
  onLogonRefused(remoteAddress: string, refusal: LogonRefusal): void;
}
