import test from 'ava';
import { rmSync } from 'node:fs';
import { SessionHarness } from '../../support/session-harness';

test('restart: a new registry over the same store resumes at N+1 and answers a ResendRequest from the stored messages', async (t) => {
  const first = await SessionHarness.create(t, {}, true);
  t.teardown(() => rmSync(first.dataDir, { recursive: true, force: true }));
  const peer = await first.loggedOn();
  const session = first.registry.session('BROKER1');
  for (const id of ['1', '2', '3']) session?.sendApplication('8', (enc) => enc.str(37, `O-${id}`).str(17, `E-${id}`));
  await peer.sendMessage('0');
  await first.settle();
  const sentBefore = peer.received.filter((s) => s.msgType === '8');
  t.deepEqual(sentBefore.map((s) => s.int(34)), [2, 3, 4]);
  await first.store.close();

  const second = await SessionHarness.create(t, { dataDir: first.dataDir });
  const resumed = second.registry.session('BROKER1');
  t.is(resumed?.nextSenderSeq, 5);
  t.is(resumed?.nextTargetSeq, 3);
  const again = second.connect();
  again.nextSeq = 3;
  await again.logon();
  again.next(t, 'A', { 34: '5' });
  await again.sendMessage('2', '7=2|16=4|');
  const resent = [again.next(t, '8', { 34: '2', 43: 'Y' }), again.next(t, '8', { 34: '3', 43: 'Y' }), again.next(t, '8', { 34: '4', 43: 'Y' })];
  t.deepEqual(resent.map((s) => s.get(37)), ['O-1', 'O-2', 'O-3']);
  t.deepEqual(resent.map((s) => s.get(122)), sentBefore.map((s) => s.get(52)));
  again.nothingMore(t);
});

test('restart: messages sent while disconnected are stored and delivered by resend after the next Logon', async (t) => {
  const h = await SessionHarness.create(t);
  const peer = await h.loggedOn();
  peer.disconnect();
  h.registry.session('BROKER1')?.sendApplication('8', (enc) => enc.str(37, 'O-offline'));
  await h.settle();
  const again = h.connect();
  again.nextSeq = 2;
  await again.logon();
  again.next(t, 'A', { 34: '3' });
  await again.sendMessage('2', '7=2|16=0|');
  again.next(t, '8', { 34: '2', 43: 'Y', 37: 'O-offline' });
  // 3 was our Logon reply: an admin message, so a GapFill
  again.next(t, '4', { 34: '3', 123: 'Y', 36: '4' });
  again.nothingMore(t);
});
