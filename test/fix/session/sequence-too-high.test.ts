import test from 'ava';
import { SessionHarness, fixTime, order } from '../../support/session-harness';

test('2b: MsgSeqNum too high → ResendRequest from the expected number to infinity (EndSeqNo 0)', async (t) => {
  const h = await SessionHarness.create(t);
  const peer = await h.loggedOn();
  await peer.sendMessage('0', '', { seq: 5 });
  peer.next(t, '2', { 34: '2', 7: '2', 16: '0' });
  peer.nothingMore(t);
  t.is(h.registry.session('BROKER1')?.nextTargetSeq, 2, 'the too-high message is not consumed');
});

test('2b: while the gap is being filled, further too-high messages do not ask again', async (t) => {
  const h = await SessionHarness.create(t);
  const peer = await h.loggedOn();
  await peer.sendMessage('0', '', { seq: 5 });
  await peer.sendMessage('0', '', { seq: 6 });
  peer.next(t, '2', { 7: '2', 16: '0' });
  peer.nothingMore(t);
});

test('2b, 10a: the peer fills the gap (PossDup resends and GapFill) and the session carries on in sequence', async (t) => {
  const h = await SessionHarness.create(t);
  const peer = await h.loggedOn();
  await peer.sendMessage('D', order('C5'), { seq: 5 });
  peer.next(t, '2', { 7: '2', 16: '0' });
  const orig = fixTime(h.clock.now() - 1000);
  await peer.sendMessage('4', '123=Y|36=4|', { seq: 2, possDup: true, origSendingTime: orig });
  await peer.sendMessage('D', order('C4'), { seq: 4, possDup: true, origSendingTime: orig });
  await peer.sendMessage('D', order('C5'), { seq: 5, possDup: true, origSendingTime: orig });
  await peer.sendMessage('D', order('C6'), { seq: 6 });
  peer.nothingMore(t);
  t.deepEqual(h.app.messages.map((m) => m.seq), [4, 5, 6]);
  t.is(h.registry.session('BROKER1')?.nextTargetSeq, 7);
});

test('10b: SequenceReset-GapFill with MsgSeqNum too high → ResendRequest', async (t) => {
  const h = await SessionHarness.create(t);
  const peer = await h.loggedOn();
  await peer.sendMessage('4', '123=Y|36=20|', { seq: 9 });
  peer.next(t, '2', { 7: '2', 16: '0' });
  t.is(h.registry.session('BROKER1')?.nextTargetSeq, 2);
});
