import test from 'ava';
import { VenueRules } from '../../../src/fix/codec';
import { VENUE_RULES } from '../../../src/fix/dictionary/generated';
import { LOGON_REFUSED_TEXT } from '../../../src/fix/session/session-registry';
import { LogonRefusal } from '../../../src/fix/session/session-ports';
import { PASSWORD, SessionHarness, fixTime, testDefinition } from '../../support/session-harness';

test('1S a: a valid Logon is answered with a Logon echoing HeartBtInt; the session becomes active', async (t) => {
  const h = await SessionHarness.create(t);
  const peer = h.connect();
  await peer.logon();
  const reply = peer.next(t, 'A', { 34: '1', 49: 'FIXGATE', 56: 'BROKER1', 98: '0', 108: '30' });
  t.is(reply.get(141), undefined);
  peer.nothingMore(t);
  t.false(peer.closed);
  t.deepEqual(h.app.active, ['BROKER1']);
  t.is(h.registry.session('BROKER1')?.nextTargetSeq, 2);
});

test('1S a: Logon MsgSeqNum too high → Logon reply, then ResendRequest from the expected number', async (t) => {
  const h = await SessionHarness.create(t);
  const peer = h.connect();
  await peer.logon('', { seq: 5 });
  peer.next(t, 'A', { 34: '1' });
  peer.next(t, '2', { 34: '2', 7: '1', 16: '0' });
  peer.nothingMore(t);
});

test('1S a: Logon MsgSeqNum too low → Logout "MsgSeqNum too low" and disconnect', async (t) => {
  const h = await SessionHarness.create(t);
  const first = await h.loggedOn();
  await first.sendMessage('5');
  first.skipSent();
  const peer = h.connect();
  await peer.logon('', { seq: 1 });
  peer.next(t, '5', { 58: 'MsgSeqNum too low, expecting 3 but received 1' });
  t.true(peer.closed);
});

test('1S: Logon with 141=Y from an authenticated peer resets both numbers to 1 before the reply', async (t) => {
  const h = await SessionHarness.create(t);
  const first = await h.loggedOn();
  await first.sendMessage('0');
  await first.sendMessage('5');
  first.skipSent();
  const session = h.registry.session('BROKER1');
  t.is(session?.nextTargetSeq, 4);
  const peer = h.connect();
  await peer.logon('141=Y|', { seq: 1 });
  peer.next(t, 'A', { 34: '1', 141: 'Y' });
  t.is(session?.nextTargetSeq, 2);
  t.is(session?.nextSenderSeq, 2);
  t.deepEqual(h.store.loadSequenceNumbers('BROKER1'), { ...h.store.loadSequenceNumbers('BROKER1'), nextSenderSeq: 2, nextTargetSeq: 2 });
});

test('1S: resetOnLogon in the definition resets at every Logon and the reply carries 141=Y', async (t) => {
  const h = await SessionHarness.create(t, { definitions: [await testDefinition({ resetOnLogon: true })] });
  const first = await h.loggedOn();
  await first.sendMessage('5');
  const peer = h.connect();
  await peer.logon('', { seq: 1 });
  peer.next(t, 'A', { 34: '1', 141: 'Y' });
});

test('1S: 141=Y with a wrong password resets nothing and writes nothing', async (t) => {
  const h = await SessionHarness.create(t);
  const first = await h.loggedOn();
  await first.sendMessage('0');
  await first.sendMessage('5');
  const before = h.store.loadSequenceNumbers('BROKER1');
  const stranger = h.connect();
  await stranger.sendMessage('A', '98=0|108=30|141=Y|553=broker1|554=guess|', { seq: 1 });
  stranger.next(t, '5', { 58: LOGON_REFUSED_TEXT, 34: String(before.nextSenderSeq) });
  t.true(stranger.closed);
  t.deepEqual(h.store.loadSequenceNumbers('BROKER1'), before);
  t.is(h.registry.session('BROKER1')?.nextSenderSeq, before.nextSenderSeq);
  t.deepEqual(h.refusals, [{ remote: '10.0.0.5', refusal: LogonRefusal.BadCredentials }]);
});

test('1S: wrong IP gets the same generic Logout as a wrong password, and is counted', async (t) => {
  const h = await SessionHarness.create(t);
  const peer = h.connect('192.168.1.9');
  await peer.logon();
  peer.next(t, '5', { 58: LOGON_REFUSED_TEXT });
  peer.nothingMore(t);
  t.true(peer.closed);
  t.deepEqual(h.refusals.map((r) => r.refusal), [LogonRefusal.AddressNotAllowed]);
});

test('1S: unknown CompID pair → disconnect without a message', async (t) => {
  const h = await SessionHarness.create(t);
  const peer = h.connect();
  await peer.sendMessage('A', `98=0|108=30|553=broker1|554=${PASSWORD}|`, { senderCompId: 'NOBODY' });
  peer.nothingMore(t);
  t.true(peer.closed);
  t.deepEqual(h.refusals.map((r) => r.refusal), [LogonRefusal.UnknownSession]);
});

test('1S: first message not a Logon → disconnect without a message', async (t) => {
  const h = await SessionHarness.create(t);
  const peer = h.connect();
  await peer.sendMessage('0');
  peer.nothingMore(t);
  t.true(peer.closed);
  t.deepEqual(h.refusals.map((r) => r.refusal), [LogonRefusal.NotALogon]);
});

test('1S b: Logon with a duplicate identity → disconnect without a message; the live session is untouched', async (t) => {
  const h = await SessionHarness.create(t);
  const live = await h.loggedOn();
  const before = h.store.loadSequenceNumbers('BROKER1');
  const dup = h.connect();
  await dup.logon('', { seq: 2 });
  dup.nothingMore(t);
  t.true(dup.closed);
  t.false(live.closed);
  t.deepEqual(h.store.loadSequenceNumbers('BROKER1'), before);
  t.deepEqual(h.refusals.map((r) => r.refusal), [LogonRefusal.AlreadyLoggedOn]);
});

test('1S: HeartBtInt outside the definition bounds → Logout naming the bounds, disconnect', async (t) => {
  const h = await SessionHarness.create(t);
  const peer = h.connect();
  await peer.sendMessage('A', `98=0|108=1|553=broker1|554=${PASSWORD}|`);
  peer.next(t, '5', { 58: 'Invalid Logon: HeartBtInt(108) must be from 5 to 60' });
  t.true(peer.closed);
  t.deepEqual(h.app.active, []);
});

test('1S: 789 configured → the Logon reply carries NextExpectedMsgSeqNum', async (t) => {
  const h = await SessionHarness.create(t, { definitions: [await testDefinition({ nextExpectedMsgSeqNum: true })] });
  const peer = h.connect();
  await peer.logon();
  peer.next(t, 'A', { 789: '2' });
});

test('1S: 789 on the Logon below our next number → the missed messages are resent after the reply', async (t) => {
  const h = await SessionHarness.create(t, { definitions: [await testDefinition({ nextExpectedMsgSeqNum: true })] });
  const first = await h.loggedOn();
  h.registry.session('BROKER1')?.sendApplication('8', (enc) => enc.str(37, 'O1').str(17, 'E1'));
  await h.settle();
  first.disconnect();
  const peer = h.connect();
  peer.nextSeq = 2;
  await peer.logon('789=2|');
  peer.next(t, 'A', { 34: '3', 789: '3' });
  peer.next(t, '8', { 34: '2', 43: 'Y', 37: 'O1' });
  peer.nothingMore(t);
});

test('1S: FIXT.1.1 Logon reply carries the session\'s DefaultApplVerID', async (t) => {
  const h = await SessionHarness.create(t, { definitions: [await testDefinition({ beginString: 'FIXT.1.1', defaultApplVerId: '9' })] });
  const peer = h.connect();
  await peer.logon();
  peer.next(t, 'A', { 8: 'FIXT.1.1', 1137: '9' });
  t.deepEqual(h.app.active, ['BROKER1']);
});

test('1S: FIXT.1.1 Logon without DefaultApplVerID → Logout, disconnect, no Logon reply', async (t) => {
  const h = await SessionHarness.create(t, { definitions: [await testDefinition({ beginString: 'FIXT.1.1', defaultApplVerId: '9' })] });
  const peer = h.connect();
  await peer.sendMessage('A', `98=0|108=30|553=broker1|554=${PASSWORD}|`);
  peer.next(t, '5', { 58: 'Invalid Logon: Required tag missing, field=1137' });
  peer.nothingMore(t);
  t.true(peer.closed);
  t.deepEqual(h.app.active, []);
});

test('1S: FIXT.1.1 Logon naming an ApplVerID the venue serves but this session does not → Logout, no Logon reply', async (t) => {
  // Only 9 is served anywhere today; a venue serving 7 as well shows the session's own value decides.
  const venue = new VenueRules({ ...VENUE_RULES, defaultApplVerIds: ['7', '9'] });
  const h = await SessionHarness.create(t, { venue, definitions: [await testDefinition({ beginString: 'FIXT.1.1', defaultApplVerId: '9' })] });
  const peer = h.connect();
  await peer.sendMessage('A', `98=0|108=30|553=broker1|554=${PASSWORD}|1137=7|`);
  peer.next(t, '5', { 58: 'Invalid Logon: unsupported DefaultApplVerID(1137)' });
  peer.nothingMore(t);
  t.true(peer.closed);
  t.deepEqual(h.refusals.map((r) => r.refusal), [LogonRefusal.InvalidLogon]);
});

test('a FIXT.1.1 definition without DefaultApplVerID is not served', async (t) => {
  const h = await SessionHarness.create(t, { definitions: [await testDefinition({ beginString: 'FIXT.1.1' })] });
  t.is(h.registry.session('BROKER1'), undefined);
  const peer = h.connect();
  await peer.sendMessage('A', `98=0|108=30|553=broker1|554=${PASSWORD}|1137=9|`);
  t.true(peer.closed);
  t.deepEqual(h.refusals.map((r) => r.refusal), [LogonRefusal.UnknownSession]);
});

test('1S: Logon SendingTime far from our clock → Logout, disconnect', async (t) => {
  const h = await SessionHarness.create(t);
  const peer = h.connect();
  await peer.logon('', { sendingTime: fixTime(h.clock.now() - 10 * 60_000) });
  peer.next(t, '5', { 58: 'Invalid Logon: SendingTime accuracy problem' });
  t.true(peer.closed);
});
