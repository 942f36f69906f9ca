// The shape of a gateway's session file (sessions/<gateway>/sessions.json): the typed result the
// loader returns, every default, every allowed value and every field name. sessions/README.md
// documents the same fields; test/config/session-config.test.ts keeps the two in step.
import type { IpAllowlist } from './ip-allowlist';

export const BEGIN_STRINGS = ['FIX.4.4', 'FIXT.1.1'] as const;
export type BeginString = (typeof BEGIN_STRINGS)[number];

/** DefaultApplVerID (1137) values a FIXT.1.1 session may use: 9 = FIX.5.0SP2, the only one we serve. */
export const APPL_VER_IDS = ['9'] as const;
export type ApplVerId = (typeof APPL_VER_IDS)[number];

export const SESSION_ROLES = ['order-entry', 'drop-copy', 'market-data'] as const;
export type SessionRole = (typeof SESSION_ROLES)[number];

export const TIMESTAMP_PRECISIONS = ['milliseconds', 'microseconds', 'nanoseconds'] as const;
export type TimestampPrecision = (typeof TIMESTAMP_PRECISIONS)[number];

/** How a message over the throttle is answered: BusinessMessageReject (j) or ExecutionReport 150=8. */
export const THROTTLE_REJECTS = ['business-reject', 'execution-report'] as const;
export type ThrottleReject = (typeof THROTTLE_REJECTS)[number];

export interface PasswordCredentials {
  readonly username: string;
  /** scrypt$N$r$p$salt$hash, see src/config/password-hash.ts. */
  readonly passwordHash: string;
}

/** "none": the CompID pair and the IP allowlist are the only check (private lines). */
export type Credentials = PasswordCredentials | 'none';

export interface HeartbeatBounds {
  readonly minSeconds: number;
  readonly maxSeconds: number;
}

export interface ThrottleLimits {
  /** Sustained rate of inbound application messages. */
  readonly messagesPerSecond: number;
  /** Messages that may arrive at once above the sustained rate (the bucket size). */
  readonly burst: number;
  /** Above this many messages in one second the session is logged out. */
  readonly hardLimitPerSecond: number;
  readonly rejectWith: ThrottleReject;
}

export interface SessionConfig {
  readonly name: string;
  readonly description: string;
  readonly beginString: BeginString;
  /** Present for FIXT.1.1 sessions only. */
  readonly defaultApplVerID?: ApplVerId;
  /** The venue's CompID as the broker addresses it (the broker's TargetCompID, 56). */
  readonly senderCompId: string;
  /** The broker's CompID (its SenderCompID, 49). */
  readonly targetCompId: string;
  readonly role: SessionRole;
  readonly credentials: Credentials;
  /** As written in the file. */
  readonly allowedIps: readonly string[];
  /** The same list, parsed; allows any address when the list is empty. */
  readonly allowlist: IpAllowlist;
  readonly heartbeat: HeartbeatBounds;
  readonly throttle: ThrottleLimits;
  readonly timestampPrecision: TimestampPrecision;
  readonly sendNextExpectedMsgSeqNum: boolean;
  readonly resetOnLogon: boolean;
  readonly cancelOnDisconnect: boolean;
  readonly cancelOnLogout: boolean;
  readonly firm: string;
  readonly maxMessageSize: number;
  readonly maxOutboundQueueBytes: number;
}

export interface ListenAddress {
  readonly host: string;
  /** 0 picks a free port (tests). */
  readonly port: number;
}

export interface TlsListener {
  readonly port: number;
  /** Absolute paths (the file gives them relative to itself). */
  readonly certFile: string;
  readonly keyFile: string;
}

export interface GatewayConfig {
  /** Absolute path of the file this was loaded from. */
  readonly file: string;
  readonly name: string;
  readonly description: string;
  readonly listen: ListenAddress;
  readonly tls?: TlsListener;
  /** Absolute path of the directory for LMDB files. */
  readonly dataDir: string;
  readonly maxConnectionAttemptsPerIpPerMinute: number;
  readonly sendingTimeToleranceSeconds: number;
  readonly sessions: readonly SessionConfig[];
}

export const GATEWAY_DEFAULTS = Object.freeze({
  listen: Object.freeze({ host: '0.0.0.0', port: 9878 }),
  /** Relative to the session file; <name> is the gateway's name. */
  dataDir: '../../var/<name>',
  maxConnectionAttemptsPerIpPerMinute: 60,
  sendingTimeToleranceSeconds: 120,
});

export const SESSION_DEFAULTS = Object.freeze({
  allowedIps: Object.freeze([] as string[]),
  heartbeat: Object.freeze({ minSeconds: 5, maxSeconds: 60 }),
  throttle: Object.freeze({
    messagesPerSecond: 500,
    burst: 1_000,
    hardLimitPerSecond: 2_000,
    rejectWith: 'business-reject' as ThrottleReject,
  }),
  timestampPrecision: 'milliseconds' as TimestampPrecision,
  sendNextExpectedMsgSeqNum: false,
  resetOnLogon: false,
  cancelOnDisconnect: false,
  cancelOnLogout: false,
  maxMessageSize: 8_192,
  maxOutboundQueueBytes: 4 * 1024 * 1024,
});

/** Inclusive bounds of every numeric field. */
export const LIMITS = Object.freeze({
  port: [0, 65_535],
  maxConnectionAttemptsPerIpPerMinute: [1, 100_000],
  sendingTimeToleranceSeconds: [1, 86_400],
  heartbeatSeconds: [1, 3_600],
  messagesPerSecond: [1, 1_000_000],
  burst: [1, 1_000_000],
  hardLimitPerSecond: [1, 1_000_000],
  maxMessageSize: [512, 1024 * 1024],
  maxOutboundQueueBytes: [64 * 1024, 1024 * 1024 * 1024],
} as const satisfies Record<string, readonly [number, number]>);

export const GATEWAY_KEYS = [
  'name',
  'description',
  'listen',
  'tls',
  'dataDir',
  'maxConnectionAttemptsPerIpPerMinute',
  'sendingTimeToleranceSeconds',
  'sessions',
] as const;
export const LISTEN_KEYS = ['host', 'port'] as const;
export const TLS_KEYS = ['port', 'certFile', 'keyFile'] as const;
export const SESSION_KEYS = [
  'name',
  'description',
  'beginString',
  'defaultApplVerID',
  'senderCompId',
  'targetCompId',
  'role',
  'credentials',
  'allowedIps',
  'heartbeat',
  'throttle',
  'timestampPrecision',
  'sendNextExpectedMsgSeqNum',
  'resetOnLogon',
  'cancelOnDisconnect',
  'cancelOnLogout',
  'firm',
  'maxMessageSize',
  'maxOutboundQueueBytes',
] as const;
export const CREDENTIAL_KEYS = ['username', 'passwordHash'] as const;
export const HEARTBEAT_KEYS = ['minSeconds', 'maxSeconds'] as const;
export const THROTTLE_KEYS = ['messagesPerSecond', 'burst', 'hardLimitPerSecond', 'rejectWith'] as const;

/** Text rules: a pattern and the words that explain it in an error message. */
export const RULES = Object.freeze({
  name: { pattern: /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, explain: "1 to 64 letters, digits, '_', '.' or '-', starting with a letter or digit" },
  compId: { pattern: /^[!-~]{1,64}$/, explain: '1 to 64 printable ASCII characters without spaces' },
  username: { pattern: /^[!-~]{1,64}$/, explain: '1 to 64 printable ASCII characters without spaces' },
  firm: { pattern: /^[A-Za-z0-9][A-Za-z0-9_.-]{0,31}$/, explain: "1 to 32 letters, digits, '_', '.' or '-', starting with a letter or digit" },
  description: { pattern: /^[^\x00-\x1f]{0,200}$/, explain: 'one line of at most 200 characters' },
  host: { pattern: /^(?:[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63})*|[0-9A-Fa-f:.]{2,45})$/, explain: 'an IP address or a host name, e.g. "127.0.0.1", "0.0.0.0", "::"' },
  path: { pattern: /^[^\x00]+$/, explain: 'a non-empty path (relative to the session file)' },
});
