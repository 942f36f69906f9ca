import test from 'ava';
import { SessionHarness } from '../../support/session-harness';

test('6: TestRequest → Heartbeat echoing TestReqID', async (t) => {
  const h = await SessionHarness.create(t);
  const peer = await h.loggedOn();
  await peer.sendMessage('1', '112=PING-1|');
  peer.next(t, '0', { 34: '2', 112: 'PING-1' });
  peer.nothingMore(t);
});

test('4a: nothing sent for HeartBtInt → Heartbeat (no TestReqID)', async (t) => {
  const h = await SessionHarness.create(t);
  const peer = await h.loggedOn();
  await h.advance(29_999);
  peer.nothingMore(t);
  await h.advance(1);
  const hb = peer.next(t, '0', { 34: '2' });
  t.is(hb.get(112), undefined);
  peer.nothingMore(t);
});

test('4b: nothing received for HeartBtInt + grace → TestRequest; still nothing after another interval → disconnect', async (t) => {
  const h = await SessionHarness.create(t);
  const peer = await h.loggedOn();
  await h.advance(30_000);
  peer.next(t, '0');
  // grace: 20% of 30 s = 6 s
  await h.advance(5_999);
  peer.nothingMore(t);
  await h.advance(1);
  const testRequest = peer.next(t, '1');
  t.truthy(testRequest.get(112));
  t.false(peer.closed);
  await h.advance(30_000);
  t.is(peer.closedWith, 'heartbeat timeout');
  t.deepEqual(h.app.closed, [{ session: 'BROKER1', reason: 'heartbeat timeout' }]);
});

test('4b: a Heartbeat answering our TestRequest keeps the session up', async (t) => {
  const h = await SessionHarness.create(t);
  const peer = await h.loggedOn();
  await h.advance(36_000);
  peer.next(t, '0');
  const testRequest = peer.next(t, '1');
  await peer.sendMessage('0', `112=${testRequest.get(112)}|`);
  await h.advance(29_000);
  t.false(peer.closed);
});

test('4: inbound messages keep the session alive without TestRequests', async (t) => {
  const h = await SessionHarness.create(t);
  const peer = await h.loggedOn();
  for (let i = 0; i < 5; i++) {
    await h.advance(20_000);
    await peer.sendMessage('0');
  }
  t.false(peer.closed);
  t.false(peer.received.some((s) => s.msgType === '1'));
});
