// The session file's meanings reach the session layer through the definition alone: an empty
// allowlist (any address, with a password), credentials "none", DefaultApplVerID, and what the
// order path reads (throttle.rejectWith, cancelOnLogout).
import test, { type ExecutionContext } from 'ava';
import { hashPassword } from '../../src/config/password-hash';
import { validateGatewayConfig, type GatewayConfig } from '../../src/config/session-config';
import { acceptorDefinition } from '../../src/app/session-definitions';
import { LogonRefusal } from '../../src/fix/session/session-ports';
import { SessionHarness } from '../support/session-harness';

const PASSWORD = 'correct horse';
const passwordHash = hashPassword(PASSWORD, { N: 2 ** 14, r: 1, p: 1 });

async function gateway(): Promise<GatewayConfig> {
  const raw = {
    sessions: [
      {
        name: 'OE50',
        beginString: 'FIXT.1.1',
        defaultApplVerID: '9',
        senderCompId: 'FIXGATE',
        targetCompId: 'BROKER2',
        role: 'order-entry',
        credentials: 'none',
        allowedIps: ['127.0.0.1', '::1'],
        firm: 'BROKER2',
        cancelOnLogout: true,
        throttle: { rejectWith: 'execution-report' },
      },
      {
        name: 'OE44',
        beginString: 'FIX.4.4',
        senderCompId: 'FIXGATE',
        targetCompId: 'BROKER1',
        role: 'order-entry',
        credentials: { username: 'broker1', passwordHash: await passwordHash },
        firm: 'BROKER1',
      },
    ],
  };
  const result = validateGatewayConfig(raw, { file: 'sessions.json', absoluteFile: '/tmp/gw/sessions.json', baseDir: '/tmp/gw', defaultName: 'gw' });
  if (!result.ok) throw new Error(result.issues.map((i) => `${i.where}: ${i.field} ${i.problem}`).join('\n'));
  return result.config;
}

async function harness(t: ExecutionContext) {
  const config = await gateway();
  const definitions = config.sessions.map((s) => acceptorDefinition(config, s));
  return { h: await SessionHarness.create(t, { definitions }), definitions };
}

test('the definition carries DefaultApplVerID, the credential, and what the order path reads', async (t) => {
  const config = await gateway();
  const [oe50, oe44] = config.sessions.map((s) => acceptorDefinition(config, s));
  t.like(oe50, { defaultApplVerId: '9', credentials: undefined, cancelOnLogout: true, throttle: { rejectWith: 'execution-report' } });
  t.like(oe44, { defaultApplVerId: undefined, credentials: { username: 'broker1' }, cancelOnLogout: false, throttle: { rejectWith: 'business-reject' } });
  t.deepEqual(oe50?.allowlist.toJSON(), ['127.0.0.1', '::1']);
  t.true(oe44?.allowlist.allowsAny);
});

test('credentials "none": a FIXT.1.1 Logon from a listed address, without Username/Password, gets a reply with 1137=9', async (t) => {
  const { h, definitions } = await harness(t);
  const peer = h.connect('::ffff:127.0.0.1', definitions[0]);
  await peer.sendMessage('A', '98=0|108=30|1137=9|');
  peer.next(t, 'A', { 8: 'FIXT.1.1', 1137: '9' });
  t.false(peer.closed);
});

test('credentials "none": an address not listed is refused', async (t) => {
  const { h, definitions } = await harness(t);
  const peer = h.connect('10.9.9.9', definitions[0]);
  await peer.sendMessage('A', '98=0|108=30|1137=9|');
  t.true(peer.closed);
  t.deepEqual(h.refusals.map((r) => r.refusal), [LogonRefusal.AddressNotAllowed]);
});

test('no allowedIps with a password: any address, but the password is checked', async (t) => {
  const { h, definitions } = await harness(t);
  const good = h.connect('203.0.113.7', definitions[1]);
  await good.sendMessage('A', `98=0|108=30|553=broker1|554=${PASSWORD}|`);
  good.next(t, 'A');
  good.disconnect();
  const bad = h.connect('203.0.113.8', definitions[1]);
  await bad.sendMessage('A', '98=0|108=30|553=broker1|554=guess|', { seq: 2 });
  t.true(bad.closed);
  t.deepEqual(h.refusals.map((r) => r.refusal), [LogonRefusal.BadCredentials]);
});
