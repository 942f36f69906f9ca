import test, { type ExecutionContext } from 'ava';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { verifyPassword } from '../../src/config/password-hash';
import {
  ConfigInvalidError,
  CREDENTIAL_KEYS,
  FIRM_DEFAULTS,
  FIRM_KEYS,
  GATEWAY_DEFAULTS,
  GATEWAY_KEYS,
  HEARTBEAT_KEYS,
  LISTEN_KEYS,
  loadGatewayConfig,
  readGatewayConfig,
  RISK_KEYS,
  SESSION_DEFAULTS,
  SESSION_KEYS,
  THROTTLE_KEYS,
  TLS_KEYS,
  type ConfigIssue,
} from '../../src/config/session-config';

const REPO_ROOT = resolve(__dirname, '../..');
const DEMO_PASSWORD = 'fixgate-demo';
/** A well-formed hash (of no real password, cheapest allowed cost): these tests never verify it. */
const HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

type Json = Record<string, unknown>;

const minimalSession = (over: Json = {}): Json => ({
  name: 'BROKER9-OE',
  beginString: 'FIX.4.4',
  senderCompId: 'FIXGATE',
  targetCompId: 'BROKER9',
  role: 'order-entry',
  credentials: { username: 'broker9', passwordHash: HASH },
  firm: 'BROKER9',
  ...over,
});

/** Writes `content` as <tmp>/<folder>/sessions.json and returns that folder. */
function writeGateway(t: ExecutionContext, content: Json | string, folder = 'gw1'): string {
  const root = mkdtempSync(join(tmpdir(), 'fixgate-config-'));
  t.teardown(() => rmSync(root, { recursive: true, force: true }));
  const dir = join(root, folder);
  mkdirSync(dir);
  writeFileSync(join(dir, 'sessions.json'), typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return dir;
}

function issuesOf(t: ExecutionContext, content: Json | string): ConfigIssue[] {
  const result = readGatewayConfig(writeGateway(t, content));
  if (result.ok) t.fail('expected the file to be refused');
  return result.ok ? [] : [...result.issues];
}

/** The single problem a file has, as `where: "field" problem`. */
function problem(t: ExecutionContext, content: Json | string): string {
  const issues = issuesOf(t, content);
  t.is(issues.length, 1, issues.map((i) => `${i.where}: ${i.field} ${i.problem}`).join('\n'));
  const issue = issues[0]!;
  t.true(issue.file.endsWith(join('gw1', 'sessions.json')), 'each issue names the file');
  return `${issue.where}: "${issue.field}" ${issue.problem}`;
}

const oneSession = (over: Json = {}, gateway: Json = {}): Json => ({ sessions: [minimalSession(over)], ...gateway });

test('the demo file loads: listen 127.0.0.1:9878, the three sessions the README lists', async (t) => {
  const config = loadGatewayConfig(join(REPO_ROOT, 'sessions/demo'));
  t.is(config.name, 'demo');
  t.deepEqual(config.listen, { host: '127.0.0.1', port: 9878 });
  t.is(config.dataDir, join(REPO_ROOT, 'var/demo'));
  t.is(config.tls, undefined);
  const byName = new Map(config.sessions.map((s) => [s.name, s]));
  const oe44 = byName.get('BROKER1-OE')!;
  t.like(oe44, { beginString: 'FIX.4.4', role: 'order-entry', targetCompId: 'BROKER1', senderCompId: 'FIXGATE' });
  const oe50 = byName.get('BROKER2-OE')!;
  t.like(oe50, { beginString: 'FIXT.1.1', defaultApplVerID: '9', role: 'order-entry', credentials: 'none' });
  t.deepEqual(oe50.allowedIps, ['127.0.0.1', '::1']);
  t.true(oe50.allowlist.allows('127.0.0.1') && oe50.allowlist.allows('::1') && oe50.allowlist.allows('::ffff:127.0.0.1'));
  t.false(oe50.allowlist.allows('10.0.0.1'));
  const dropCopy = byName.get('BROKER1-DC')!;
  t.like(dropCopy, { beginString: 'FIX.4.4', role: 'drop-copy' });
  // The password the README publishes is the one hashed in the file.
  for (const session of [oe44, dropCopy]) {
    if (session.credentials === 'none') return t.fail(`${session.name} should have a password`);
    t.true(await verifyPassword(DEMO_PASSWORD, session.credentials.passwordHash), session.name);
  }
  t.true(readFileSync(join(REPO_ROOT, 'sessions/README.md'), 'utf8').includes(`\`${DEMO_PASSWORD}\``));
});

test('risk limits: defaults for a session without "risk", the demo limits as written, firm defaults for unlisted firms', (t) => {
  const config = loadGatewayConfig(writeGateway(t, oneSession()));
  t.deepEqual(config.sessions[0]!.risk, SESSION_DEFAULTS.risk);
  t.deepEqual(config.firms, { BROKER9: FIRM_DEFAULTS });
  const demo = loadGatewayConfig(join(REPO_ROOT, 'sessions/demo'));
  t.like(demo.sessions.find((s) => s.name === 'BROKER2-OE')!.risk, { maxOrderQty: '10000', priceCollarPercent: '5', selfTradePrevention: 'cancel-resting' });
  t.deepEqual(demo.firms, { BROKER1: { creditLimit: '50000000' }, BROKER2: { creditLimit: '5000000' } });
});

test('the demo file holds no clear-text password', (t) => {
  const text = readFileSync(join(REPO_ROOT, 'sessions/demo/sessions.json'), 'utf8');
  t.false(text.includes(DEMO_PASSWORD));
  t.false(/"password"\s*:/.test(text));
});

test('a session with only the required fields gets every documented default', (t) => {
  const config = loadGatewayConfig(writeGateway(t, oneSession()));
  const [session] = config.sessions;
  t.like(session, {
    description: '',
    allowedIps: [],
    heartbeat: SESSION_DEFAULTS.heartbeat,
    throttle: SESSION_DEFAULTS.throttle,
    timestampPrecision: 'milliseconds',
    sendNextExpectedMsgSeqNum: false,
    resetOnLogon: false,
    cancelOnDisconnect: false,
    cancelOnLogout: false,
    maxMessageSize: 8192,
    maxOutboundQueueBytes: 4 * 1024 * 1024,
  });
  t.is(session!.defaultApplVerID, undefined);
  t.true(session!.allowlist.allowsAny);
  t.deepEqual(config.listen, GATEWAY_DEFAULTS.listen);
  t.is(config.maxConnectionAttemptsPerIpPerMinute, 60);
  t.is(config.sendingTimeToleranceSeconds, 120);
  t.is(config.name, 'gw1');
  t.is(config.dataDir, resolve(config.file, '../../../var/gw1'));
});

test('the result is deeply frozen', (t) => {
  const config = loadGatewayConfig(writeGateway(t, oneSession()));
  t.true(Object.isFrozen(config) && Object.isFrozen(config.sessions) && Object.isFrozen(config.sessions[0]!.heartbeat));
  t.throws(() => {
    (config.sessions[0]!.throttle as { burst: number }).burst = 1;
  });
});

test('a path to the file and a path to its folder load the same', (t) => {
  const dir = writeGateway(t, oneSession());
  t.deepEqual(loadGatewayConfig(join(dir, 'sessions.json')).sessions[0]!.name, loadGatewayConfig(dir).sessions[0]!.name);
});

test('paths are relative to the file: dataDir and TLS files', (t) => {
  const dir = writeGateway(t, oneSession({}, { dataDir: 'data', tls: { port: 9879, certFile: 'cert.pem', keyFile: 'key.pem' } }));
  writeFileSync(join(dir, 'cert.pem'), 'x');
  writeFileSync(join(dir, 'key.pem'), 'x');
  const config = loadGatewayConfig(dir);
  t.is(config.dataDir, join(dir, 'data'));
  t.deepEqual(config.tls, { port: 9879, certFile: join(dir, 'cert.pem'), keyFile: join(dir, 'key.pem') });
});

// Each case: a file with one mistake, and the one message it must produce. The message names the
// session (or the gateway), the field, what is wrong and what is allowed.
const CASES: Array<[string, Json, string]> = [
  ['unknown session field, with a suggestion', oneSession({ hearbeat: {} }), 'session "BROKER9-OE": "hearbeat" is not a known field (did you mean "heartbeat"?); known fields: name, description, beginString'],
  ['unknown gateway field', oneSession({}, { colour: 'blue' }), 'gateway: "colour" is not a known field; known fields: name, description, listen'],
  ['unknown gateway field, shortened', oneSession({}, { sendingTimeTolerance: 5 }), 'gateway: "sendingTimeTolerance" is not a known field (did you mean "sendingTimeToleranceSeconds"?)'],
  ['unknown nested field', oneSession({ throttle: { messagesPerSec: 5 } }), 'session "BROKER9-OE": "throttle.messagesPerSec" is not a known field (did you mean "messagesPerSecond"?)'],
  ['a clear-text password', oneSession({ credentials: { username: 'u', passwordHash: HASH, password: 'x' } }), 'session "BROKER9-OE": "credentials.password" is a clear-text password, which session files must never hold; put "passwordHash" instead (make one with: npx tsx scripts/hash-password.ts)'],
  ['a missing required field', oneSession({ firm: undefined }), `session "BROKER9-OE": "firm" is required and must be 1 to 32 letters, digits, '_', '.' or '-', starting with a letter or digit (got nothing)`],
  ['an unsupported BeginString', oneSession({ beginString: 'FIX.4.2' }), 'session "BROKER9-OE": "beginString" must be one of "FIX.4.4", "FIXT.1.1" (got "FIX.4.2")'],
  ['FIXT without DefaultApplVerID', oneSession({ beginString: 'FIXT.1.1' }), 'session "BROKER9-OE": "defaultApplVerID" is required and must be one of "9" (got nothing)'],
  ['FIXT with another ApplVerID', oneSession({ beginString: 'FIXT.1.1', defaultApplVerID: '7' }), 'session "BROKER9-OE": "defaultApplVerID" must be one of "9" (got "7")'],
  ['DefaultApplVerID on FIX.4.4', oneSession({ defaultApplVerID: '9' }), 'session "BROKER9-OE": "defaultApplVerID" applies to FIXT.1.1 sessions only; remove it from this FIX.4.4 session'],
  ['an unknown role', oneSession({ role: 'trading' }), 'session "BROKER9-OE": "role" must be one of "order-entry", "drop-copy", "market-data" (got "trading")'],
  ['a CompID with a space', oneSession({ targetCompId: 'BROKER 9' }), 'session "BROKER9-OE": "targetCompId" must be 1 to 64 printable ASCII characters without spaces (got "BROKER 9")'],
  ['credentials missing', oneSession({ credentials: undefined }), 'session "BROKER9-OE": "credentials" is required and must be "none" or { "username": "...", "passwordHash": "scrypt$..." } (got nothing)'],
  ['credentials "none" without an allowlist', oneSession({ credentials: 'none' }), 'session "BROKER9-OE": "allowedIps" must list at least one address or CIDR block when "credentials" is "none"; otherwise anyone who knows the CompIDs could log on'],
  ['a malformed password hash', oneSession({ credentials: { username: 'u', passwordHash: 'secret' } }), 'session "BROKER9-OE": "credentials.passwordHash" must have the form scrypt$N$r$p$saltBase64$hashBase64 (make one with: npx tsx scripts/hash-password.ts)'],
  ['a password hash without a username', oneSession({ credentials: { passwordHash: HASH } }), 'session "BROKER9-OE": "credentials.username" is required and must be 1 to 64 printable ASCII characters without spaces (got nothing)'],
  ['a bad allowlist entry', oneSession({ allowedIps: ['127.0.0.1', '10.0.0.300'] }), 'session "BROKER9-OE": "allowedIps[1]" "10.0.0.300" is not an IPv4 or IPv6 address or CIDR block (e.g. "192.0.2.10", "10.1.0.0/16", "::1", "2001:db8::/32")'],
  ['an allowlist that is not a list', oneSession({ allowedIps: '127.0.0.1' }), 'session "BROKER9-OE": "allowedIps" must be an array of IP addresses or CIDR blocks (got "127.0.0.1")'],
  ['a heartbeat bound out of range', oneSession({ heartbeat: { minSeconds: 0 } }), 'session "BROKER9-OE": "heartbeat.minSeconds" must be an integer from 1 to 3600 (got 0)'],
  ['heartbeat bounds reversed', oneSession({ heartbeat: { minSeconds: 30, maxSeconds: 10 } }), 'session "BROKER9-OE": "heartbeat.maxSeconds" must be at least "heartbeat.minSeconds" (30), got 10'],
  ['a fractional throttle', oneSession({ throttle: { messagesPerSecond: 2.5 } }), 'session "BROKER9-OE": "throttle.messagesPerSecond" must be an integer from 1 to 1000000 (got 2.5)'],
  ['a hard limit under the rate', oneSession({ throttle: { messagesPerSecond: 100, hardLimitPerSecond: 50 } }), 'session "BROKER9-OE": "throttle.hardLimitPerSecond" must be at least "throttle.messagesPerSecond" (100), got 50'],
  ['execution-report rejects on drop copy', oneSession({ role: 'drop-copy', throttle: { rejectWith: 'execution-report' } }), 'session "BROKER9-OE": "throttle.rejectWith" "execution-report" answers orders, so it applies to order-entry sessions only; this is a drop-copy session (use "business-reject")'],
  ['cancel-on-disconnect on market data', oneSession({ role: 'market-data', cancelOnDisconnect: true }), `session "BROKER9-OE": "cancelOnDisconnect" cancels the session's orders, so it applies to order-entry sessions only; this is a market-data session`],
  ['a boolean as a string', oneSession({ resetOnLogon: 'yes' }), 'session "BROKER9-OE": "resetOnLogon" must be true or false (got "yes")'],
  ['an unknown timestamp precision', oneSession({ timestampPrecision: 'seconds' }), 'session "BROKER9-OE": "timestampPrecision" must be one of "milliseconds", "microseconds", "nanoseconds" (got "seconds")'],
  ['a message size too small', oneSession({ maxMessageSize: 100 }), 'session "BROKER9-OE": "maxMessageSize" must be an integer from 512 to 1048576 (got 100)'],
  ['an outbound queue smaller than a message', oneSession({ maxMessageSize: 1048576, maxOutboundQueueBytes: 65536 }), 'session "BROKER9-OE": "maxOutboundQueueBytes" must be at least "maxMessageSize" (1048576), got 65536'],
  ['a session without a valid name is named by its index', oneSession({ name: 'has space' }), `sessions[0]: "name" must be 1 to 64 letters, digits, '_', '.' or '-', starting with a letter or digit (got "has space")`],
  ['a port out of range', oneSession({}, { listen: { port: 70000 } }), 'gateway: "listen.port" must be an integer from 0 to 65535 (got 70000)'],
  ['a TLS port equal to the plain one', oneSession({}, { listen: { port: 9000 }, tls: { port: 9000, certFile: 'sessions.json', keyFile: 'sessions.json' } }), 'gateway: "tls.port" must differ from "listen.port" (both are 9000)'],
  ['a connection limit of zero', oneSession({}, { maxConnectionAttemptsPerIpPerMinute: 0 }), 'gateway: "maxConnectionAttemptsPerIpPerMinute" must be an integer from 1 to 100000 (got 0)'],
  ['a tolerance as a string', oneSession({}, { sendingTimeToleranceSeconds: '120' }), 'gateway: "sendingTimeToleranceSeconds" must be an integer from 1 to 86400 (got "120")'],
  ['an unknown risk field', oneSession({ risk: { maxOpenOrder: 5 } }), 'session "BROKER9-OE": "risk.maxOpenOrder" is not a known field (did you mean "maxOpenOrders"?)'],
  ['a risk quantity as a number', oneSession({ risk: { maxOrderQty: 100 } }), 'session "BROKER9-OE": "risk.maxOrderQty" must be a positive decimal string, e.g. "250000" or "1000.5" (at most 15 digits before the point and 9 after) (got 100)'],
  ['a zero notional limit', oneSession({ risk: { maxOrderNotional: '0.0' } }), 'session "BROKER9-OE": "risk.maxOrderNotional" must be a positive decimal string'],
  ['a collar above 100%', oneSession({ risk: { priceCollarPercent: '150' } }), 'session "BROKER9-OE": "risk.priceCollarPercent" must be a decimal string from "0.01" to "100" with at most 2 decimals (got "150")'],
  ['zero open orders', oneSession({ risk: { maxOpenOrders: 0 } }), 'session "BROKER9-OE": "risk.maxOpenOrders" must be an integer from 1 to 10000000 (got 0)'],
  ['an unknown STP mode', oneSession({ risk: { selfTradePrevention: 'cancel-newest' } }), 'session "BROKER9-OE": "risk.selfTradePrevention" must be one of "none", "cancel-resting", "cancel-aggressing", "cancel-both", "decrement" (got "cancel-newest")'],
  ['risk on a drop-copy session', oneSession({ role: 'drop-copy', risk: {} }), 'session "BROKER9-OE": "risk" limits orders, so it applies to order-entry sessions only; this is a drop-copy session'],
  ['limits for a firm no session trades for', oneSession({}, { firms: { BROKER8: { creditLimit: '1' } } }), 'gateway: "firms.BROKER8" is not the "firm" of any order-entry session (firms: BROKER9)'],
  ['a firm credit limit that is not a decimal', oneSession({}, { firms: { BROKER9: { creditLimit: '1e9' } } }), 'gateway: "firms.BROKER9.creditLimit" must be a positive decimal string'],
  ['an unknown firm field', oneSession({}, { firms: { BROKER9: { credit: '1' } } }), 'gateway: "firms.BROKER9.credit" is not a known field'],
  ['no sessions', { sessions: [] }, 'gateway: "sessions" is required and must be a non-empty array of sessions (got [])'],
  ['a session that is not an object', { sessions: ['BROKER9'] }, 'sessions[0]: "(session)" must be an object (got "BROKER9")'],
  ['not an object at all', [1, 2] as unknown as Json, 'gateway: "(top level)" must be a JSON object (got [1,2])'],
];

for (const [what, content, expected] of CASES) {
  test(`refused with a clear message: ${what}`, (t) => {
    const message = problem(t, content);
    t.true(message.startsWith(expected), `got:      ${message}\nexpected: ${expected}`);
  });
}

test('a missing TLS file is named with its resolved path', (t) => {
  const dir = writeGateway(t, oneSession({}, { tls: { port: 9879, certFile: 'cert.pem', keyFile: 'sessions.json' } }));
  const result = readGatewayConfig(dir);
  t.false(result.ok);
  if (!result.ok) t.is(result.issues[0]!.problem, `names a file that does not exist: ${join(dir, 'cert.pem')}`);
});

test('duplicate names are refused, ignoring case', (t) => {
  const message = problem(t, { sessions: [minimalSession(), minimalSession({ name: 'broker9-oe', targetCompId: 'OTHER' })] });
  t.is(message, 'session "broker9-oe": "name" "broker9-oe" is already used by session "BROKER9-OE" (sessions[0]) (names must be unique, ignoring case)');
});

test('a duplicate CompID pair on the same BeginString is refused; on another BeginString it is a different session', (t) => {
  const message = problem(t, { sessions: [minimalSession(), minimalSession({ name: 'TWIN' })] });
  t.is(
    message,
    'session "TWIN": "targetCompId" senderCompId "FIXGATE" with targetCompId "BROKER9" on FIX.4.4 is already used by session "BROKER9-OE" (sessions[0]); each CompID pair must identify one session',
  );
  const fixt = minimalSession({ name: 'TWIN', beginString: 'FIXT.1.1', defaultApplVerID: '9' });
  t.is(loadGatewayConfig(writeGateway(t, { sessions: [minimalSession(), fixt] })).sessions.length, 2);
});

test('every problem in a file is reported at once, and the thrown error lists them all', (t) => {
  const dir = writeGateway(t, { sessions: [minimalSession({ role: 'x', firm: '' }), { name: 'B' }], listen: { port: -1 } });
  const error = t.throws(() => loadGatewayConfig(dir), { instanceOf: ConfigInvalidError });
  const issues = error!.issues;
  t.true(issues.length >= 8, `${issues.length} issues`);
  t.true(error!.message.startsWith(`GW_ERR_CONFIG_INVALID: ${join(dir, 'sessions.json')} has ${issues.length} problems:\n`));
  for (const issue of issues) t.true(error!.message.includes(`"${issue.field}" ${issue.problem}`));
  t.true(issues.some((i) => i.where === 'session "B"' && i.field === 'beginString'));
});

test('invalid JSON is reported as GW_ERR_CONFIG_INVALID with what the parser said', (t) => {
  const dir = writeGateway(t, '{ "sessions": [ } ');
  const error = t.throws(() => loadGatewayConfig(dir), { instanceOf: ConfigInvalidError });
  t.regex(error!.message, /gateway: "\(file\)" is not valid JSON: /);
});

test('a missing file is GW_ERR_CONFIG_UNREADABLE, naming the file', (t) => {
  const dir = writeGateway(t, oneSession());
  const missing = join(dir, 'nope', 'sessions.json');
  t.throws(() => loadGatewayConfig(missing), { message: new RegExp(`^GW_ERR_CONFIG_UNREADABLE: cannot read the session file ${missing}: ENOENT`) });
});

test('a folder whose name is no valid gateway name requires "name"', (t) => {
  const dir = writeGateway(t, oneSession(), 'my gateway');
  const result = readGatewayConfig(dir);
  t.false(result.ok);
  if (!result.ok) t.regex(result.issues[0]!.problem, /^is required here, as the directory name "my gateway" is not a valid gateway name/);
  t.is(loadGatewayConfig(writeGateway(t, oneSession({}, { name: 'prod-1' }), 'my gateway')).name, 'prod-1');
});

// The README documents every field with its default: the table rows are read back and compared
// with the loader's own lists and defaults, so neither can change without the other.
test('sessions/README.md documents every field, and the defaults it states are the real ones', (t) => {
  const readme = readFileSync(join(REPO_ROOT, 'sessions/README.md'), 'utf8');
  const rows = new Map<string, string>();
  for (const line of readme.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    for (const field of (cells[1] ?? '').matchAll(/`([A-Za-z.]+)`/g)) rows.set(field[1]!, cells[2] ?? '');
  }
  const documented = (field: string) => t.true(rows.has(field), `README has no row for "${field}"`);
  for (const key of [...GATEWAY_KEYS, ...SESSION_KEYS]) documented(key);
  for (const key of LISTEN_KEYS) documented(`listen.${key}`);
  for (const key of TLS_KEYS) documented(`tls.${key}`);
  for (const key of CREDENTIAL_KEYS) documented(`credentials.${key}`);
  for (const key of HEARTBEAT_KEYS) documented(`heartbeat.${key}`);
  for (const key of THROTTLE_KEYS) documented(`throttle.${key}`);
  for (const key of RISK_KEYS) documented(`risk.${key}`);
  for (const key of FIRM_KEYS) documented(key);
  const defaults: Array<[string, unknown]> = [
    ['listen.host', GATEWAY_DEFAULTS.listen.host],
    ['listen.port', GATEWAY_DEFAULTS.listen.port],
    ['dataDir', GATEWAY_DEFAULTS.dataDir],
    ['maxConnectionAttemptsPerIpPerMinute', GATEWAY_DEFAULTS.maxConnectionAttemptsPerIpPerMinute],
    ['sendingTimeToleranceSeconds', GATEWAY_DEFAULTS.sendingTimeToleranceSeconds],
    ['heartbeat.minSeconds', SESSION_DEFAULTS.heartbeat.minSeconds],
    ['heartbeat.maxSeconds', SESSION_DEFAULTS.heartbeat.maxSeconds],
    ...Object.entries(SESSION_DEFAULTS.throttle).map(([k, v]): [string, unknown] => [`throttle.${k}`, v]),
    ...Object.entries(SESSION_DEFAULTS.risk).map(([k, v]): [string, unknown] => [`risk.${k}`, v]),
    ['creditLimit', FIRM_DEFAULTS.creditLimit],
    ['timestampPrecision', SESSION_DEFAULTS.timestampPrecision],
    ['sendNextExpectedMsgSeqNum', SESSION_DEFAULTS.sendNextExpectedMsgSeqNum],
    ['resetOnLogon', SESSION_DEFAULTS.resetOnLogon],
    ['cancelOnDisconnect', SESSION_DEFAULTS.cancelOnDisconnect],
    ['cancelOnLogout', SESSION_DEFAULTS.cancelOnLogout],
    ['maxMessageSize', SESSION_DEFAULTS.maxMessageSize],
    ['maxOutboundQueueBytes', SESSION_DEFAULTS.maxOutboundQueueBytes],
  ];
  for (const [field, value] of defaults) {
    t.true((rows.get(field) ?? '').includes(`\`${JSON.stringify(value)}\``), `README default of "${field}" should be ${JSON.stringify(value)}`);
  }
});
