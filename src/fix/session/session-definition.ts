// The part of a session definition (sessions/, src/config) that the session layer reads, with its
// defaults in one place. The config module's richer type is adapted to this one where the gateway
// wires the two together, so the session layer does not depend on how definitions are stored.
import type { TimestampPrecision } from '../codec';

export interface HeartbeatBounds {
  /** Smallest HeartBtInt (108) a Logon may ask for, in seconds. */
  readonly minSeconds: number;
  readonly maxSeconds: number;
}

export interface ThrottleLimits {
  /** Application messages per second refilled into the bucket. */
  readonly messagesPerSecond: number;
  /** Bucket size: how many may arrive back to back. */
  readonly burst: number;
  /** Rate (per second, with the same burst window) above which the session is logged out; 0 = never. */
  readonly hardLimitPerSecond: number;
  /** Text (58) of the BusinessMessageReject for a throttled message. */
  readonly rejectText?: string;
}

export interface AcceptorDefinition {
  /** Unique name; also the session's key in the message store. */
  readonly name: string;
  readonly role: string;
  readonly firm: string;
  /** FIX.4.4 or FIXT.1.1. */
  readonly beginString: string;
  /** The broker's CompID: SenderCompID (49) on what it sends. */
  readonly peerCompId: string;
  /** Ours: TargetCompID (56) on what the broker sends, SenderCompID on what we send. */
  readonly ourCompId: string;
  /** Username (553) the Logon must carry. */
  readonly username: string;
  /** The password's scrypt hash (never the password); see session-authenticator.ts. */
  readonly passwordHash: string;
  /** Addresses or IPv4 CIDR blocks allowed to log on; empty allows none. */
  readonly allowedAddresses: readonly string[];
  readonly heartbeat: HeartbeatBounds;
  readonly throttle?: ThrottleLimits;
  readonly timestampPrecision: TimestampPrecision;
  /** Carry NextExpectedMsgSeqNum (789) on the Logon reply and honour it on the Logon. */
  readonly nextExpectedMsgSeqNum: boolean;
  /** Reset both sequence numbers on every Logon, as if it carried 141=Y. */
  readonly resetOnLogon: boolean;
  readonly cancelOnDisconnect: boolean;
  /** Largest |SendingTime - now| accepted, in milliseconds. */
  readonly sendingTimeToleranceMs?: number;
  /** How long to wait for the peer's Logout reply, in milliseconds. */
  readonly logoutTimeoutMs?: number;
}

export const DEFAULT_SENDING_TIME_TOLERANCE_MS = 120_000;
export const DEFAULT_LOGOUT_TIMEOUT_MS = 10_000;
export const DEFAULT_THROTTLE_REJECT_TEXT = 'Throttle limit exceeded';

/** The lookup key of a definition: how a Logon names its session. */
export function identityKey(beginString: string, peerCompId: string, ourCompId: string): string {
  return `${beginString}\u0001${peerCompId}\u0001${ourCompId}`;
}
