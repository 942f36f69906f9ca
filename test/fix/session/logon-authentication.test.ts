// Who may log on, read from the definition with src/config's meanings: the parsed allowlist (IPv4,
// IPv6, ::ffff: peers as IPv4, no entries = any address) and the optional credential.
import test from 'ava';
import { IpAllowlist } from '../../../src/config/ip-allowlist';
import { LogonRefusal } from '../../../src/fix/session/session-ports';
import { LOGON_REFUSED_TEXT } from '../../../src/fix/session/session-registry';
import { PASSWORD, SessionHarness, allowlist, testDefinition } from '../../support/session-harness';

for (const [title, entries, remote] of [
  ['an IPv4 peer reported as ::ffff: matches an IPv4 block', ['10.0.0.0/24'], '::ffff:10.0.0.5'],
  ['an IPv6 peer matches an IPv6 block', ['2001:db8::/32'], '2001:db8::7'],
  ['an exact IPv6 address matches', ['::1'], '::1'],
] as const) {
  test(`allowlist: ${title}`, async (t) => {
    const h = await SessionHarness.create(t, { definitions: [await testDefinition({ allowlist: allowlist(...entries) })] });
    const peer = h.connect(remote);
    await peer.logon();
    peer.next(t, 'A');
    t.deepEqual(h.refusals, []);
  });
}

test('allowlist: an IPv6 peer outside the block is refused like any other address', async (t) => {
  const h = await SessionHarness.create(t, { definitions: [await testDefinition({ allowlist: allowlist('2001:db8::/32') })] });
  const peer = h.connect('2001:db9::7');
  await peer.logon();
  peer.next(t, '5', { 58: LOGON_REFUSED_TEXT });
  t.deepEqual(h.refusals.map((r) => r.refusal), [LogonRefusal.AddressNotAllowed]);
});

test('an allowlist with no entries lets a session with credentials log on from any address', async (t) => {
  const h = await SessionHarness.create(t, { definitions: [await testDefinition({ allowlist: IpAllowlist.empty() })] });
  const peer = h.connect('198.51.100.20');
  await peer.logon();
  peer.next(t, 'A');
});

test('no credentials: the CompID pair and the allowlist are the only check', async (t) => {
  const h = await SessionHarness.create(t, { definitions: [await testDefinition({ credentials: undefined })] });
  const inside = h.connect();
  await inside.sendMessage('A', '98=0|108=30|');
  inside.next(t, 'A');
  inside.disconnect();
  const outside = h.connect('192.168.1.9');
  await outside.sendMessage('A', '98=0|108=30|');
  outside.next(t, '5', { 58: LOGON_REFUSED_TEXT });
  t.deepEqual(h.refusals.map((r) => r.refusal), [LogonRefusal.AddressNotAllowed]);
});

test('the right password with the wrong username is refused', async (t) => {
  const h = await SessionHarness.create(t);
  const peer = h.connect();
  await peer.sendMessage('A', `98=0|108=30|553=broker2|554=${PASSWORD}|`);
  peer.next(t, '5', { 58: LOGON_REFUSED_TEXT });
  t.deepEqual(h.refusals.map((r) => r.refusal), [LogonRefusal.BadCredentials]);
});

for (const [title, overrides] of [
  ['no credentials and an allowlist with no entries (anyone could log on)', { credentials: undefined, allowlist: IpAllowlist.empty() }],
  ['a password hash that is not in the validated format', { credentials: { username: 'broker1', passwordHash: 'scrypt$1024$8$1$c2FsdA==$a2V5' } }],
] as const) {
  test(`a definition with ${title} is not served`, async (t) => {
    const h = await SessionHarness.create(t, { definitions: [await testDefinition(overrides)] });
    t.is(h.registry.session('BROKER1'), undefined);
    const peer = h.connect();
    await peer.logon();
    t.true(peer.closed);
    t.deepEqual(h.refusals.map((r) => r.refusal), [LogonRefusal.UnknownSession]);
  });
}
