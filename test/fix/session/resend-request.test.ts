import test from 'ava';
import { SessionHarness } from '../../support/session-harness';
import { CHUNK_SEQS } from '../../../src/fix/session/resend';

function execution(h: SessionHarness, id: string): void {
  h.registry.session('BROKER1')?.sendApplication('8', (enc) => enc.str(37, `O-${id}`).str(17, `E-${id}`).char(150, 0x30));
}

test('3, 5, 8: ResendRequest → admin messages gap-filled (123=Y), business messages resent with 43=Y, 122 = original 52, fresh 52', async (t) => {
  const h = await SessionHarness.create(t);
  const peer = await h.loggedOn();
  execution(h, '1'); // seq 2
  await h.settle();
  const original = peer.next(t, '8', { 34: '2' });
  await h.advance(30_000); // Heartbeat, seq 3
  peer.next(t, '0', { 34: '3' });
  execution(h, '2'); // seq 4
  await h.settle();
  peer.skipSent();
  await h.advance(1_000);
  await peer.sendMessage('2', '7=1|16=0|');
  peer.next(t, '4', { 34: '1', 123: 'Y', 36: '2', 43: 'Y' });
  const resent = peer.next(t, '8', { 34: '2', 43: 'Y', 37: 'O-1', 17: 'E-1' });
  t.is(resent.get(122), original.get(52));
  t.not(resent.get(52), original.get(52));
  peer.next(t, '4', { 34: '3', 123: 'Y', 36: '4' });
  peer.next(t, '8', { 34: '4', 43: 'Y', 37: 'O-2' });
  peer.nothingMore(t);
  execution(h, '3');
  await h.settle();
  peer.next(t, '8', { 34: '5', 37: 'O-3' });
  t.is(peer.received.filter((s) => s.msgType === '8' && s.get(34) === '5').length, 1);
});

test('3: ResendRequest with an EndSeqNo resends only that range', async (t) => {
  const h = await SessionHarness.create(t);
  const peer = await h.loggedOn();
  for (const id of ['1', '2', '3']) execution(h, id); // seqs 2, 3, 4
  await h.settle();
  peer.skipSent();
  await peer.sendMessage('2', '7=3|16=3|');
  peer.next(t, '8', { 34: '3', 43: 'Y', 37: 'O-2' });
  peer.nothingMore(t);
});

test('3: a ResendRequest for a range larger than one chunk is answered completely and in order', async (t) => {
  const h = await SessionHarness.create(t);
  const peer = await h.loggedOn();
  const count = CHUNK_SEQS * 2 + 17;
  for (let i = 0; i < count; i++) execution(h, String(i));
  await h.settle();
  peer.skipSent();
  await peer.sendMessage('2', '7=1|16=0|');
  const answer = peer.received.slice(-(count + 1));
  t.is(answer[0]?.msgType, '4');
  t.deepEqual(answer.map((s) => s.int(34)), Array.from({ length: count + 1 }, (_, i) => i + 1));
  t.true(answer.slice(1).every((s) => s.msgType === '8' && s.get(43) === 'Y'));
});

test('15: a message the application sends while a resend is under way follows the resent range', async (t) => {
  const h = await SessionHarness.create(t);
  const peer = await h.loggedOn();
  execution(h, '1'); // seq 2
  await h.settle();
  peer.skipSent();
  const request = peer.sendMessage('2', '7=2|16=0|');
  execution(h, 'new'); // seq 3, made while the resend runs
  await request;
  peer.next(t, '8', { 34: '2', 43: 'Y', 37: 'O-1' });
  const fresh = peer.next(t, '8', { 34: '3', 37: 'O-new' });
  t.is(fresh.get(43), undefined);
  peer.nothingMore(t);
});

test('20: simultaneous resend requests: a too-high ResendRequest is answered, and ours follows it', async (t) => {
  const h = await SessionHarness.create(t);
  const peer = await h.loggedOn();
  execution(h, '1'); // seq 2
  await h.settle();
  peer.skipSent();
  await peer.sendMessage('2', '7=2|16=0|', { seq: 7 });
  peer.next(t, '8', { 34: '2', 43: 'Y' });
  peer.next(t, '2', { 34: '3', 7: '2', 16: '0' });
  peer.nothingMore(t);
});

test('8: ResendRequest covering only admin messages → one GapFill to the next number', async (t) => {
  const h = await SessionHarness.create(t);
  const peer = await h.loggedOn();
  await peer.sendMessage('1', '112=A|');
  await peer.sendMessage('1', '112=B|');
  peer.skipSent();
  await peer.sendMessage('2', '7=1|16=0|');
  peer.next(t, '4', { 34: '1', 123: 'Y', 36: '4', 43: 'Y' });
  peer.nothingMore(t);
});
