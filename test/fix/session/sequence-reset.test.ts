import test from 'ava';
import { SessionHarness } from '../../support/session-harness';

test('10a: SequenceReset-GapFill in sequence with NewSeqNo > MsgSeqNum → expect NewSeqNo next', async (t) => {
  const h = await SessionHarness.create(t);
  const peer = await h.loggedOn();
  await peer.sendMessage('4', '123=Y|36=10|');
  peer.nextSeq = 10;
  await peer.sendMessage('0');
  peer.nothingMore(t);
  t.is(h.registry.session('BROKER1')?.nextTargetSeq, 11);
});

test('10e: SequenceReset-GapFill with NewSeqNo not above MsgSeqNum → Reject 373=5 on NewSeqNo (36)', async (t) => {
  const h = await SessionHarness.create(t);
  const peer = await h.loggedOn();
  await peer.sendMessage('4', '123=Y|36=1|');
  peer.next(t, '3', { 45: '2', 371: '36', 372: '4', 373: '5' });
  peer.nothingMore(t);
});

test('11a: SequenceReset-Reset with NewSeqNo > expected → expect NewSeqNo, whatever its MsgSeqNum', async (t) => {
  const h = await SessionHarness.create(t);
  const peer = await h.loggedOn();
  await peer.sendMessage('4', '36=20|', { seq: 1 });
  peer.nothingMore(t);
  t.false(peer.closed);
  t.is(h.registry.session('BROKER1')?.nextTargetSeq, 20);
  peer.nextSeq = 20;
  await peer.sendMessage('0');
  peer.nothingMore(t);
});

test('11b: SequenceReset-Reset with NewSeqNo = expected → nothing changes (warning only)', async (t) => {
  const h = await SessionHarness.create(t);
  const peer = await h.loggedOn();
  await peer.sendMessage('4', '36=2|', { seq: 2 });
  peer.nothingMore(t);
  t.is(h.registry.session('BROKER1')?.nextTargetSeq, 2);
});

test('11c: SequenceReset-Reset with NewSeqNo < expected → Reject 373=5 on NewSeqNo; expected unchanged', async (t) => {
  const h = await SessionHarness.create(t);
  const peer = await h.loggedOn();
  await peer.sendMessage('0');
  await peer.sendMessage('0');
  await peer.sendMessage('4', '36=2|', { seq: 4 });
  peer.next(t, '3', { 45: '4', 371: '36', 373: '5' });
  t.is(h.registry.session('BROKER1')?.nextTargetSeq, 4);
});
