import test from 'ava';
import { SessionHarness, order, testDefinition } from '../../support/session-harness';

const throttle = { messagesPerSecond: 2, burst: 2, hardLimitPerSecond: 4 };

test('throttle: over the rate → BusinessMessageReject 380=8 "Throttle limit exceeded"; nothing reaches the application', async (t) => {
  const h = await SessionHarness.create(t, { definitions: [await testDefinition({ throttle })] });
  const peer = await h.loggedOn();
  await peer.sendMessage('D', order('C1'));
  await peer.sendMessage('D', order('C2'));
  await peer.sendMessage('D', order('C3'));
  peer.next(t, 'j', { 45: '4', 372: 'D', 379: 'C3', 380: '8', 58: 'Throttle limit exceeded' });
  peer.nothingMore(t);
  t.deepEqual(h.app.messages.map((m) => m.seq), [2, 3]);
  await h.advance(500);
  await peer.sendMessage('D', order('C4'));
  t.deepEqual(h.app.messages.map((m) => m.seq), [2, 3, 5]);
  t.false(peer.closed);
});

test('throttle: admin messages are not counted', async (t) => {
  const h = await SessionHarness.create(t, { definitions: [await testDefinition({ throttle })] });
  const peer = await h.loggedOn();
  for (let i = 0; i < 10; i++) await peer.sendMessage('0');
  await peer.sendMessage('D', order('C1'));
  peer.nothingMore(t);
  t.is(h.app.messages.length, 1);
});

test('throttle: above the hard limit → Logout with the reason, then disconnect', async (t) => {
  const h = await SessionHarness.create(t, { definitions: [await testDefinition({ throttle })] });
  const peer = await h.loggedOn();
  for (let i = 1; i <= 5; i++) await peer.sendMessage('D', order(`C${i}`));
  peer.next(t, 'j', { 380: '8' });
  peer.next(t, 'j', { 380: '8' });
  peer.next(t, '5', { 58: 'Throttle hard limit exceeded' });
  t.true(peer.closed);
  t.is(h.app.messages.length, 2);
});
