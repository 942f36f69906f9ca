import test from 'ava';
import { SessionHarness } from '../../support/session-harness';

test('13a: Logout from the peer → Logout reply, then disconnect', async (t) => {
  const h = await SessionHarness.create(t);
  const peer = await h.loggedOn();
  await peer.sendMessage('5', '58=end of day|');
  peer.next(t, '5', { 34: '2' });
  peer.nothingMore(t);
  t.true(peer.closed);
  t.deepEqual(h.app.closed.map((c) => c.session), ['BROKER1']);
  t.is(h.registry.session('BROKER1')?.nextTargetSeq, 3);
});

test('13b: we log out, the peer confirms → disconnect without a second Logout', async (t) => {
  const h = await SessionHarness.create(t);
  const peer = await h.loggedOn();
  h.registry.session('BROKER1')?.logout('maintenance');
  await h.settle();
  peer.next(t, '5', { 34: '2', 58: 'maintenance' });
  t.false(peer.closed);
  await peer.sendMessage('5');
  peer.nothingMore(t);
  t.is(peer.closedWith, 'logout complete');
});

test('13b: we log out, no reply within the timeout → disconnect', async (t) => {
  const h = await SessionHarness.create(t);
  const peer = await h.loggedOn();
  h.registry.session('BROKER1')?.logout('maintenance');
  await h.settle();
  peer.next(t, '5');
  await h.advance(9_999);
  t.false(peer.closed);
  await h.advance(1);
  t.is(peer.closedWith, 'logout timeout');
});

test('13: after a logout the session accepts a new Logon and continues the sequence', async (t) => {
  const h = await SessionHarness.create(t);
  const peer = await h.loggedOn();
  await peer.sendMessage('5');
  const again = h.connect();
  again.nextSeq = 3;
  await again.logon();
  again.next(t, 'A', { 34: '3' });
  t.is(h.clock.pendingTimers, 1, 'only the new connection\'s heartbeat timer is armed');
});
