// Turns the parsed JSON of a session file into a typed GatewayConfig, or into the complete list of
// what is wrong with it. Rules beyond single fields live here too: no duplicate session names or
// CompID pairs, "credentials": "none" only with an IP allowlist, limits that agree with each other.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { FieldReader, describe, isPlainObject, type ConfigIssue } from './config-fields';
import { IpAllowlist } from './ip-allowlist';
import { parsePasswordHash } from './password-hash';
import {
  APPL_VER_IDS,
  BEGIN_STRINGS,
  CREDENTIAL_KEYS,
  FIRM_DEFAULTS,
  FIRM_KEYS,
  GATEWAY_DEFAULTS,
  GATEWAY_KEYS,
  HEARTBEAT_KEYS,
  LIMITS,
  LISTEN_KEYS,
  RISK_KEYS,
  RULES,
  SELF_TRADE_PREVENTIONS,
  SESSION_DEFAULTS,
  SESSION_KEYS,
  SESSION_ROLES,
  THROTTLE_KEYS,
  THROTTLE_REJECTS,
  TIMESTAMP_PRECISIONS,
  TLS_KEYS,
  type Credentials,
  type FirmLimits,
  type GatewayConfig,
  type HeartbeatBounds,
  type SessionConfig,
  type SessionRiskLimits,
  type SessionRole,
  type ThrottleLimits,
  type TlsListener,
} from './session-config-schema';

export type GatewayConfigResult =
  | { readonly ok: true; readonly config: GatewayConfig }
  | { readonly ok: false; readonly issues: readonly ConfigIssue[] };

export interface ValidationContext {
  /** The file as named to the operator, used in every message. */
  readonly file: string;
  /** Absolute path of the file, and the directory relative paths start from. */
  readonly absoluteFile: string;
  readonly baseDir: string;
  /** The gateway's name when the file gives none (the directory's name). */
  readonly defaultName: string;
}

const CLEAR_TEXT =
  'is a clear-text password, which session files must never hold; put "passwordHash" instead ' +
  '(make one with: npx tsx scripts/hash-password.ts)';

export function validateGatewayConfig(raw: unknown, context: ValidationContext): GatewayConfigResult {
  const issues: ConfigIssue[] = [];
  if (!isPlainObject(raw)) {
    issues.push({ file: context.file, where: 'gateway', field: '(top level)', problem: `must be a JSON object (got ${describe(raw)})` });
    return { ok: false, issues };
  }
  const gateway = new FieldReader(issues, context.file, 'gateway', raw);
  gateway.rejectUnknownKeys(GATEWAY_KEYS);
  const name = gateway.has('name') ? gateway.string('name', RULES.name) : defaultName(gateway, context.defaultName);
  const listenFields = gateway.object('listen', false);
  const listen = {
    host: listenFields?.string('host', RULES.host, GATEWAY_DEFAULTS.listen.host) ?? GATEWAY_DEFAULTS.listen.host,
    port: listenFields?.integer('port', ...LIMITS.port, GATEWAY_DEFAULTS.listen.port) ?? GATEWAY_DEFAULTS.listen.port,
  };
  listenFields?.rejectUnknownKeys(LISTEN_KEYS);
  const tls = readTls(gateway, context.baseDir, listen.port);
  const dataDir = gateway.string('dataDir', RULES.path, GATEWAY_DEFAULTS.dataDir.replace('<name>', name));
  const sessions = readSessions(gateway, issues, context.file);
  const config: GatewayConfig = {
    file: context.absoluteFile,
    name,
    description: gateway.string('description', RULES.description, ''),
    listen,
    ...(tls ? { tls } : {}),
    dataDir: resolve(context.baseDir, dataDir),
    maxConnectionAttemptsPerIpPerMinute: gateway.integer(
      'maxConnectionAttemptsPerIpPerMinute',
      ...LIMITS.maxConnectionAttemptsPerIpPerMinute,
      GATEWAY_DEFAULTS.maxConnectionAttemptsPerIpPerMinute,
    ),
    sendingTimeToleranceSeconds: gateway.integer(
      'sendingTimeToleranceSeconds',
      ...LIMITS.sendingTimeToleranceSeconds,
      GATEWAY_DEFAULTS.sendingTimeToleranceSeconds,
    ),
    sessions,
    firms: readFirms(gateway, sessions),
  };
  return issues.length > 0 ? { ok: false, issues } : { ok: true, config };
}

function defaultName(gateway: FieldReader, fallback: string): string {
  if (RULES.name.pattern.test(fallback)) return fallback;
  gateway.report('name', `is required here, as the directory name "${fallback}" is not a valid gateway name; it must be ${RULES.name.explain}`);
  return 'gateway';
}

function readTls(gateway: FieldReader, baseDir: string, listenPort: number): TlsListener | undefined {
  const tls = gateway.object('tls', false);
  if (!tls) return undefined;
  tls.rejectUnknownKeys(TLS_KEYS);
  const port = tls.integer('port', ...LIMITS.port);
  if (tls.has('port') && port !== 0 && port === listenPort) tls.report('port', `must differ from "listen.port" (both are ${port})`);
  const file = (key: 'certFile' | 'keyFile'): string => {
    const absolute = resolve(baseDir, tls.string(key, RULES.path));
    if (tls.has(key) && !existsSync(absolute)) tls.report(key, `names a file that does not exist: ${absolute}`);
    return absolute;
  };
  return { port, certFile: file('certFile'), keyFile: file('keyFile') };
}

function readSessions(gateway: FieldReader, issues: ConfigIssue[], file: string): SessionConfig[] {
  const list = gateway.value('sessions');
  if (!Array.isArray(list) || list.length === 0) {
    gateway.report('sessions', `is required and must be a non-empty array of sessions (got ${describe(list)})`);
    return [];
  }
  const sessions: SessionConfig[] = [];
  const names = new Map<string, string>();
  const compIdPairs = new Map<string, string>();
  list.forEach((entry, index) => {
    const label = `sessions[${index}]`;
    if (!isPlainObject(entry)) {
      issues.push({ file, where: label, field: '(session)', problem: `must be an object (got ${describe(entry)})` });
      return;
    }
    const named = typeof entry.name === 'string' && RULES.name.pattern.test(entry.name);
    const fields = new FieldReader(issues, file, named ? `session "${entry.name as string}"` : label, entry);
    const session = readSession(fields);
    const who = named ? `${fields.where} (${label})` : label;
    if (named) {
      const first = names.get(session.name.toLowerCase());
      if (first) fields.report('name', `"${session.name}" is already used by ${first} (names must be unique, ignoring case)`);
      else names.set(session.name.toLowerCase(), who);
    }
    // Only pairs valid as written count: a fallback after an error would make false duplicates.
    const written = (['beginString', 'senderCompId', 'targetCompId'] as const).every((key) => fields.value(key) === session[key]);
    const pair = `${session.beginString}\u0000${session.senderCompId}\u0000${session.targetCompId}`;
    const owner = written ? compIdPairs.get(pair) : undefined;
    if (owner) {
      fields.report(
        'targetCompId',
        `senderCompId "${session.senderCompId}" with targetCompId "${session.targetCompId}" on ${session.beginString} is already used by ${owner}; each CompID pair must identify one session`,
      );
    } else if (written) {
      compIdPairs.set(pair, who);
    }
    sessions.push(session);
  });
  return sessions;
}

function readSession(fields: FieldReader): SessionConfig {
  fields.rejectUnknownKeys(SESSION_KEYS, { password: CLEAR_TEXT });
  const name = fields.string('name', RULES.name);
  const description = fields.string('description', RULES.description, '');
  const beginString = fields.oneOf('beginString', BEGIN_STRINGS);
  const defaultApplVerID = beginString === 'FIXT.1.1' ? fields.oneOf('defaultApplVerID', APPL_VER_IDS) : undefined;
  if (beginString === 'FIX.4.4' && fields.has('defaultApplVerID')) {
    fields.report('defaultApplVerID', 'applies to FIXT.1.1 sessions only; remove it from this FIX.4.4 session');
  }
  const senderCompId = fields.string('senderCompId', RULES.compId);
  const targetCompId = fields.string('targetCompId', RULES.compId);
  const role = fields.oneOf('role', SESSION_ROLES);
  const credentials = readCredentials(fields);
  const allowlist = readAllowlist(fields, credentials);
  const heartbeat = readHeartbeat(fields);
  const throttle = readThrottle(fields, role);
  const timestampPrecision = fields.oneOf('timestampPrecision', TIMESTAMP_PRECISIONS, SESSION_DEFAULTS.timestampPrecision);
  const sendNextExpectedMsgSeqNum = fields.boolean('sendNextExpectedMsgSeqNum', SESSION_DEFAULTS.sendNextExpectedMsgSeqNum);
  const resetOnLogon = fields.boolean('resetOnLogon', SESSION_DEFAULTS.resetOnLogon);
  const cancelOnDisconnect = orderEntryOnly(fields, 'cancelOnDisconnect', role);
  const cancelOnLogout = orderEntryOnly(fields, 'cancelOnLogout', role);
  const firm = fields.string('firm', RULES.firm);
  const maxMessageSize = fields.integer('maxMessageSize', ...LIMITS.maxMessageSize, SESSION_DEFAULTS.maxMessageSize);
  const maxOutboundQueueBytes = fields.integer(
    'maxOutboundQueueBytes',
    ...LIMITS.maxOutboundQueueBytes,
    SESSION_DEFAULTS.maxOutboundQueueBytes,
  );
  if (maxOutboundQueueBytes < maxMessageSize) {
    fields.report('maxOutboundQueueBytes', `must be at least "maxMessageSize" (${maxMessageSize}), got ${maxOutboundQueueBytes}`);
  }
  return {
    name,
    description,
    beginString,
    ...(defaultApplVerID ? { defaultApplVerID } : {}),
    senderCompId,
    targetCompId,
    role,
    credentials,
    allowedIps: allowlist.entries,
    allowlist,
    heartbeat,
    throttle,
    timestampPrecision,
    sendNextExpectedMsgSeqNum,
    resetOnLogon,
    cancelOnDisconnect,
    cancelOnLogout,
    firm,
    maxMessageSize,
    maxOutboundQueueBytes,
    risk: readRisk(fields, role),
  };
}

function readRisk(fields: FieldReader, role: SessionRole): SessionRiskLimits {
  const risk = fields.object('risk', false);
  if (!risk) return SESSION_DEFAULTS.risk;
  if (role !== 'order-entry') fields.report('risk', `limits orders, so it applies to order-entry sessions only; this is a ${role} session`);
  risk.rejectUnknownKeys(RISK_KEYS);
  const d = SESSION_DEFAULTS.risk;
  return {
    maxOrderQty: risk.string('maxOrderQty', RULES.amount, d.maxOrderQty),
    maxOrderNotional: risk.string('maxOrderNotional', RULES.amount, d.maxOrderNotional),
    priceCollarPercent: risk.string('priceCollarPercent', RULES.percent, d.priceCollarPercent),
    maxOpenOrders: risk.integer('maxOpenOrders', ...LIMITS.maxOpenOrders, d.maxOpenOrders),
    maxDailyOrders: risk.integer('maxDailyOrders', ...LIMITS.maxDailyOrders, d.maxDailyOrders),
    selfTradePrevention: risk.oneOf('selfTradePrevention', SELF_TRADE_PREVENTIONS, d.selfTradePrevention),
  };
}

/** "firms": { "<firm>": { "creditLimit": "..." } }; each name must be the firm of an order-entry session. */
function readFirms(gateway: FieldReader, sessions: readonly SessionConfig[]): Record<string, FirmLimits> {
  const firms = gateway.object('firms', false);
  const out: Record<string, FirmLimits> = {};
  const trading = new Set(sessions.filter((s) => s.role === 'order-entry').map((s) => s.firm));
  for (const firm of trading) out[firm] = FIRM_DEFAULTS;
  if (!firms) return out;
  const raw = gateway.value('firms') as Record<string, unknown>;
  for (const name of Object.keys(raw)) {
    if (!trading.has(name)) {
      firms.report(name, `is not the "firm" of any order-entry session (firms: ${[...trading].join(', ') || 'none'})`);
      continue;
    }
    const entry = firms.object(name, true);
    if (!entry) continue;
    entry.rejectUnknownKeys(FIRM_KEYS);
    out[name] = { creditLimit: entry.string('creditLimit', RULES.amount, FIRM_DEFAULTS.creditLimit) };
  }
  return out;
}

function readCredentials(fields: FieldReader): Credentials {
  const raw = fields.value('credentials');
  if (raw === 'none') return 'none';
  const credentials = isPlainObject(raw) ? fields.object('credentials', true) : undefined;
  if (!credentials) {
    fields.report(
      'credentials',
      `is required and must be "none" or { "username": "...", "passwordHash": "scrypt$..." } (got ${describe(raw)})`,
    );
    return 'none';
  }
  credentials.rejectUnknownKeys(CREDENTIAL_KEYS, { password: CLEAR_TEXT });
  const username = credentials.string('username', RULES.username);
  const passwordHash = credentials.value('passwordHash');
  if (passwordHash === undefined) {
    credentials.report('passwordHash', 'is required (make one with: npx tsx scripts/hash-password.ts)');
  } else {
    const parsed = parsePasswordHash(passwordHash as string);
    if (!parsed.ok) credentials.report('passwordHash', parsed.problem);
  }
  return { username, passwordHash: typeof passwordHash === 'string' ? passwordHash : '' };
}

function readAllowlist(fields: FieldReader, credentials: Credentials): IpAllowlist {
  const raw = fields.value('allowedIps') ?? SESSION_DEFAULTS.allowedIps;
  const entries = Array.isArray(raw) ? raw : [];
  if (!Array.isArray(raw)) fields.report('allowedIps', `must be an array of IP addresses or CIDR blocks (got ${describe(raw)})`);
  const parsed = IpAllowlist.parse(entries);
  if (!parsed.ok) {
    for (const { index, problem } of parsed.problems) fields.report(`allowedIps[${index}]`, problem);
    return IpAllowlist.empty();
  }
  if (credentials === 'none' && entries.length === 0 && fields.value('credentials') === 'none') {
    fields.report(
      'allowedIps',
      'must list at least one address or CIDR block when "credentials" is "none"; otherwise anyone who knows the CompIDs could log on',
    );
  }
  return parsed.allowlist;
}

function readHeartbeat(fields: FieldReader): HeartbeatBounds {
  const heartbeat = fields.object('heartbeat', false);
  if (!heartbeat) return SESSION_DEFAULTS.heartbeat;
  heartbeat.rejectUnknownKeys(HEARTBEAT_KEYS);
  const minSeconds = heartbeat.integer('minSeconds', ...LIMITS.heartbeatSeconds, SESSION_DEFAULTS.heartbeat.minSeconds);
  const maxSeconds = heartbeat.integer('maxSeconds', ...LIMITS.heartbeatSeconds, SESSION_DEFAULTS.heartbeat.maxSeconds);
  if (minSeconds > maxSeconds) {
    heartbeat.report('maxSeconds', `must be at least "heartbeat.minSeconds" (${minSeconds}), got ${maxSeconds}`);
  }
  return { minSeconds, maxSeconds };
}

function readThrottle(fields: FieldReader, role: SessionRole): ThrottleLimits {
  const throttle = fields.object('throttle', false);
  if (!throttle) return SESSION_DEFAULTS.throttle;
  throttle.rejectUnknownKeys(THROTTLE_KEYS);
  const defaults = SESSION_DEFAULTS.throttle;
  const limits: ThrottleLimits = {
    messagesPerSecond: throttle.integer('messagesPerSecond', ...LIMITS.messagesPerSecond, defaults.messagesPerSecond),
    burst: throttle.integer('burst', ...LIMITS.burst, defaults.burst),
    hardLimitPerSecond: throttle.integer('hardLimitPerSecond', ...LIMITS.hardLimitPerSecond, defaults.hardLimitPerSecond),
    rejectWith: throttle.oneOf('rejectWith', THROTTLE_REJECTS, defaults.rejectWith),
  };
  if (limits.hardLimitPerSecond < limits.messagesPerSecond) {
    throttle.report(
      'hardLimitPerSecond',
      `must be at least "throttle.messagesPerSecond" (${limits.messagesPerSecond}), got ${limits.hardLimitPerSecond}`,
    );
  }
  if (limits.rejectWith === 'execution-report' && role !== 'order-entry') {
    throttle.report('rejectWith', `"execution-report" answers orders, so it applies to order-entry sessions only; this is a ${role} session (use "business-reject")`);
  }
  return limits;
}

function orderEntryOnly(fields: FieldReader, key: 'cancelOnDisconnect' | 'cancelOnLogout', role: SessionRole): boolean {
  const value = fields.boolean(key, SESSION_DEFAULTS[key]);
  if (value && role !== 'order-entry') {
    fields.report(key, `cancels the session's orders, so it applies to order-entry sessions only; this is a ${role} session`);
  }
  return value;
}
