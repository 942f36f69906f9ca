// The part of a session definition (sessions/, src/config) that the session layer reads, with its
// defaults in one place. The config module's richer type is adapted to this one where the gateway
// wires the two together, so the session layer does not depend on how definitions are stored.
// What decides who may log on (the parsed allowlist, the optional credential) is carried here
// with the config module's meanings, so there is one reading of it: see session-authenticator.ts.
import { parsePasswordHash } from '../../config/password-hash';
import type { IpAllowlist } from '../../config/ip-allowlist';
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
  /**
   * How a throttled order is to be answered. The session layer answers every throttled message
   * with a BusinessMessageReject 380=8 whatever this says; "execution-report" (an ExecutionReport
   * 150=8 for orders) is for the order path, which reads it here. Absent: "business-reject".
   */
  readonly rejectWith?: ThrottleRejectWith;
}

export type ThrottleRejectWith = 'business-reject' | 'execution-report';

/** What a Logon's Username (553) and Password (554) must match. */
export interface LogonCredentials {
  readonly username: string;
  /** The password's scrypt hash (never the password), in src/config/password-hash.ts's format. */
  readonly passwordHash: string;
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
  /** FIXT.1.1 only: the ApplVerID this session serves; the Logon must name it, the reply carries it. */
  readonly defaultApplVerId?: string;
  /** Absent: the CompID pair and the allowlist are the only check (a private line). */
  readonly credentials?: LogonCredentials;
  /** Addresses and CIDR blocks (IPv4, IPv6) allowed to log on; a list with no entries allows any. */
  readonly allowlist: IpAllowlist;
  readonly heartbeat: HeartbeatBounds;
  readonly throttle?: ThrottleLimits;
  readonly timestampPrecision: TimestampPrecision;
  /** Carry NextExpectedMsgSeqNum (789) on the Logon reply and honour it on the Logon. */
  readonly nextExpectedMsgSeqNum: boolean;
  /** Reset both sequence numbers on every Logon, as if it carried 141=Y. */
  readonly resetOnLogon: boolean;
  readonly cancelOnDisconnect: boolean;
  /**
   * Cancel the session's orders when it logs out. Read by the order path, as cancelOnDisconnect
   * is; the session layer itself cancels nothing.
   */
  readonly cancelOnLogout: boolean;
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

/**
 * Why the session layer will not serve `definition`, or undefined when it will. These are
 * mistakes the config loader already reports for a session file; a definition made another way
 * is held to the same rules, since each would leave a session no one (or anyone) could log on to.
 */
export function definitionProblem(definition: AcceptorDefinition, acceptsDefaultApplVerId: (applVerId: string) => boolean): string | undefined {
  if (definition.beginString === 'FIXT.1.1') {
    const applVerId = definition.defaultApplVerId;
    if (applVerId === undefined || !acceptsDefaultApplVerId(applVerId)) return 'FIXT.1.1 session without a DefaultApplVerID the venue serves';
  }
  if (definition.credentials === undefined) {
    if (definition.allowlist.allowsAny) return 'no credentials and no IP allowlist: anyone who knows the CompIDs could log on';
  } else {
    const parsed = parsePasswordHash(definition.credentials.passwordHash);
    if (!parsed.ok) return `password hash ${parsed.problem}`;
  }
  return undefined;
}
