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

/** Self-trade prevention mode of a session's orders (the STP key is the firm). */
export const SELF_TRADE_PREVENTIONS = ['none', 'cancel-resting', 'cancel-aggressing', 'cancel-both', 'decrement'] as const;
export type SelfTradePrevention = (typeof SELF_TRADE_PREVENTIONS)[number];

/**
 * Pre-trade limits of one order-entry session (src/gateway/risk/). Quantities and amounts are
 * decimal strings, read exactly: quantities in the instrument's units (shares, coins), notional
 * as price × quantity in the instruments' quote currency.
 */
export interface SessionRiskLimits {
  /** Largest OrderQty (38) of one order. */
  readonly maxOrderQty: string;
  /** Largest price × quantity of one order. */
  readonly maxOrderNotional: string;
  /** Limit and stop prices must lie within this percentage of the last trade (or reference) price. */
  readonly priceCollarPercent: string;
  /** Working orders the session may have at once. */
  readonly maxOpenOrders: number;
  /** New orders (D) the session may send in one trading day. */
  readonly maxDailyOrders: number;
  /** Default self-trade prevention of the session's orders; an order may override it with tag 8000. */
  readonly selfTradePrevention: SelfTradePrevention;
}

/** Limits that apply to all sessions of one firm together. */
export interface FirmLimits {
  /** Largest gross open notional (sum of price × leaves over the firm's working orders). */
  readonly creditLimit: string;
}

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
  readonly risk: SessionRiskLimits;
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
  /** Per-firm limits by firm name; a firm not listed gets FIRM_DEFAULTS. */
  readonly firms: Readonly<Record<string, FirmLimits>>;
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
  risk: Object.freeze({
    maxOrderQty: '1000000',
    maxOrderNotional: '10000000',
    priceCollarPercent: '10',
    maxOpenOrders: 10_000,
    maxDailyOrders: 1_000_000,
    selfTradePrevention: 'cancel-aggressing' as SelfTradePrevention,
  }),
});

export const FIRM_DEFAULTS = Object.freeze({
  creditLimit: '100000000',
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
  maxOpenOrders: [1, 10_000_000],
  maxDailyOrders: [1, 1_000_000_000],
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
  'firms',
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
  'risk',
] as const;
export const CREDENTIAL_KEYS = ['username', 'passwordHash'] as const;
export const HEARTBEAT_KEYS = ['minSeconds', 'maxSeconds'] as const;
export const THROTTLE_KEYS = ['messagesPerSecond', 'burst', 'hardLimitPerSecond', 'rejectWith'] as const;
export const RISK_KEYS = ['maxOrderQty', 'maxOrderNotional', 'priceCollarPercent', 'maxOpenOrders', 'maxDailyOrders', 'selfTradePrevention'] as const;
export const FIRM_KEYS = ['creditLimit'] as const;

/** Text rules: a pattern and the words that explain it in an error message. */
export const RULES = Object.freeze({
  name: { pattern: /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, explain: "1 to 64 letters, digits, '_', '.' or '-', starting with a letter or digit" },
  compId: { pattern: /^[!-~]{1,64}$/, explain: '1 to 64 printable ASCII characters without spaces' },
  username: { pattern: /^[!-~]{1,64}$/, explain: '1 to 64 printable ASCII characters without spaces' },
  firm: { pattern: /^[A-Za-z0-9][A-Za-z0-9_.-]{0,31}$/, explain: "1 to 32 letters, digits, '_', '.' or '-', starting with a letter or digit" },
  description: { pattern: /^[^\x00-\x1f]{0,200}$/, explain: 'one line of at most 200 characters' },
  host: { pattern: /^(?:[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63})*|[0-9A-Fa-f:.]{2,45})$/, explain: 'an IP address or a host name, e.g. "127.0.0.1", "0.0.0.0", "::"' },
  amount: { pattern: /^(?=.*[1-9])\d{1,15}(?:\.\d{1,9})?$/, explain: 'a positive decimal string, e.g. "250000" or "1000.5" (at most 15 digits before the point and 9 after)' },
  percent: { pattern: /^(?:100(?:\.0{1,2})?|(?=.*[1-9])\d{1,2}(?:\.\d{1,2})?)$/, explain: 'a decimal string from "0.01" to "100" with at most 2 decimals' },
  path: { pattern: /^[^\x00]+$/, explain: 'a non-empty path (relative to the session file)' },
});
