import test from 'ava';
import { SessionHarness, fixTime } from '../../support/session-harness';

test('2c: MsgSeqNum too low without PossDupFlag → Logout "MsgSeqNum too low, expecting X but received Y", disconnect', async (t) => {
  const h = await SessionHarness.create(t);
  const peer = await h.loggedOn();
  await peer.sendMessage('0');
  await peer.sendMessage('0', '', { seq: 2 });
  peer.next(t, '5', { 58: 'MsgSeqNum too low, expecting 3 but received 2' });
  peer.nothingMore(t);
  t.true(peer.closed);
});

test('2e: MsgSeqNum too low with PossDupFlag=Y (already received) → ignored, number not consumed', async (t) => {
  const h = await SessionHarness.create(t);
  const peer = await h.loggedOn();
  await peer.sendMessage('0');
  await peer.sendMessage('0', '', { seq: 2, possDup: true, origSendingTime: fixTime(h.clock.now() - 1000) });
  peer.nothingMore(t);
  t.false(peer.closed);
  t.is(h.registry.session('BROKER1')?.nextTargetSeq, 3);
});

test('10c: SequenceReset-GapFill too low with PossDupFlag=Y → ignored', async (t) => {
  const h = await SessionHarness.create(t);
  const peer = await h.loggedOn();
  await peer.sendMessage('0');
  await peer.sendMessage('4', '123=Y|36=3|', { seq: 2, possDup: true, origSendingTime: fixTime(h.clock.now() - 1000) });
  peer.nothingMore(t);
  t.is(h.registry.session('BROKER1')?.nextTargetSeq, 3);
});

test('10d: SequenceReset-GapFill too low without PossDupFlag → Logout too low, disconnect', async (t) => {
  const h = await SessionHarness.create(t);
  const peer = await h.loggedOn();
  await peer.sendMessage('0');
  await peer.sendMessage('4', '123=Y|36=5|', { seq: 2 });
  peer.next(t, '5', { 58: 'MsgSeqNum too low, expecting 3 but received 2' });
  t.true(peer.closed);
});

test('2f: PossDupFlag=Y with OrigSendingTime later than SendingTime → Reject 373=10 (371=122), number consumed', async (t) => {
  const h = await SessionHarness.create(t);
  const peer = await h.loggedOn();
  await peer.sendMessage('0', '', { possDup: true, origSendingTime: fixTime(h.clock.now() + 5000) });
  peer.next(t, '3', { 45: '2', 373: '10', 371: '122', 372: '0' });
  await peer.sendMessage('0');
  peer.nothingMore(t);
  t.is(h.registry.session('BROKER1')?.nextTargetSeq, 4);
});

test('2g: PossDupFlag=Y without OrigSendingTime → Reject 373=1 (371=122), number consumed', async (t) => {
  const h = await SessionHarness.create(t);
  const peer = await h.loggedOn();
  await peer.sendMessage('0', '', { possDup: true });
  peer.next(t, '3', { 45: '2', 373: '1', 371: '122' });
  await peer.sendMessage('0');
  peer.nothingMore(t);
  t.is(h.registry.session('BROKER1')?.nextTargetSeq, 4);
});
