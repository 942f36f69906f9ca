import test from 'ava';
import { SessionHarness, fixTime, testDefinition, type Peer } from '../../support/session-harness';
import { UnavailableApplication } from '../../../src/fix/session/unavailable-application';

const T = '20240102-09:00:00.000';

/** Sends `body` as 35=`msgType` with MsgSeqNum 2 and expects a Reject with these fields; then checks 2 was consumed. */
async function expectReject(t: import('ava').ExecutionContext, h: SessionHarness, peer: Peer, msgType: string, body: string, fields: Record<number, string>) {
  await peer.sendMessage(msgType, body);
  peer.next(t, '3', { 45: '2', ...fields });
  await peer.sendMessage('0');
  peer.nothingMore(t);
  t.false(peer.closed);
  t.is(h.registry.session('BROKER1')?.nextTargetSeq, 4, 'the rejected message consumed its number');
  t.deepEqual(h.app.messages, []);
}

const rejectCases: [string, string, string, Record<number, string>][] = [
  ['14a: tag number not in the dictionary → 373=0', 'D', `11=C1|21=1|55=ABC|54=1|60=${T}|38=100|40=2|4000=x|`, { 373: '0', 371: '4000', 372: 'D' }],
  ['14b: required tag missing → 373=1', 'D', `21=1|55=ABC|54=1|60=${T}|38=100|40=2|`, { 373: '1', 371: '11', 372: 'D' }],
  ['14c: tag not defined for this message type → 373=2', 'D', `11=C1|21=1|55=ABC|54=1|60=${T}|38=100|40=2|7=1|`, { 373: '2', 371: '7' }],
  ['14d: tag specified without a value → 373=4', 'D', `11=C1|21=1|55=ABC|54=1|60=${T}|38=100|40=2|44=|`, { 373: '4', 371: '44' }],
  ['14e: value out of range for the tag → 373=5', 'D', `11=C1|21=1|55=ABC|54=Z|60=${T}|38=100|40=2|`, { 373: '5', 371: '54' }],
  ['14f: incorrect data format → 373=6', 'D', `11=C1|21=1|55=ABC|54=1|60=${T}|38=abc|40=2|`, { 373: '6', 371: '38' }],
  ['14h: tag appears more than once → 373=13', 'D', `11=C1|21=1|55=ABC|55=ABC|54=1|60=${T}|38=100|40=2|`, { 373: '13', 371: '55' }],
  ['14j: NumInGroup count wrong → 373=16', 'D', `11=C1|21=1|453=2|448=P1|447=D|452=1|55=ABC|54=1|60=${T}|38=100|40=2|`, { 373: '16', 371: '453' }],
  ['2l: MsgType not valid → 373=11', 'ZZ', '', { 373: '11', 372: 'ZZ' }],
];

for (const [title, msgType, body, fields] of rejectCases) {
  test(title, async (t) => {
    const h = await SessionHarness.create(t);
    const peer = await h.loggedOn();
    await expectReject(t, h, peer, msgType, body, fields);
  });
}

// 14i: each repeating group instance must begin with the group's first field (its delimiter), here
// PartyID (448) of NoPartyIDs (453); PartyIDSource (447) ahead of it is a field out of order.
const OUT_OF_ORDER_PARTIES = `11=C1|21=1|453=1|447=D|448=P1|452=3|55=ABC|54=1|60=${T}|38=100|40=2|`;

test('14i: repeating group fields out of order (instance not led by its delimiter) → Reject 373=15 with RefTagID, number consumed', async (t) => {
  const h = await SessionHarness.create(t);
  const peer = await h.loggedOn();
  await expectReject(t, h, peer, 'D', OUT_OF_ORDER_PARTIES, { 373: '15', 371: '447', 372: 'D' });
});

test('14i over FIXT.1.1: the same group out of order in a FIX 5.0SP2 NewOrderSingle → Reject 373=15 with RefTagID', async (t) => {
  // The FIX 5.0SP2 dictionary defines the Parties group on its own; the rule must hold there too.
  const h = await SessionHarness.create(t, { definitions: [await testDefinition({ beginString: 'FIXT.1.1', defaultApplVerId: '9' })] });
  const peer = await h.loggedOn();
  await expectReject(t, h, peer, 'D', OUT_OF_ORDER_PARTIES, { 8: 'FIXT.1.1', 373: '15', 371: '447', 372: 'D' });
});

test('14i: a later instance led by a member instead of the delimiter → Reject 373=15 with RefTagID', async (t) => {
  const h = await SessionHarness.create(t);
  const peer = await h.loggedOn();
  const body = `11=C2|21=1|453=2|448=P1|447=D|452=1|447=D|448=P2|452=3|55=ABC|54=1|60=${T}|38=100|40=2|`;
  await expectReject(t, h, peer, 'D', body, { 373: '15', 371: '447', 372: 'D' });
});

// Not covered here: members out of definition order inside one instance led by its delimiter
// (accepted, as QuickFIX does by default), and SessionRejectReason 17, which the codec never
// produces (an SOH inside a non-DATA value splits it into another field, or makes the frame
// undecodable and so garbled).

test('14g: header field after a body field → Reject 373=14', async (t) => {
  const h = await SessionHarness.create(t);
  const peer = await h.loggedOn();
  await peer.sendMessage('D', '', { rawBody: `35=D|49=BROKER1|56=FIXGATE|34=2|11=C1|52=${fixTime(h.clock.now())}|21=1|55=ABC|54=1|60=${T}|38=100|40=2|` });
  peer.next(t, '3', { 45: '2', 373: '14', 371: '52' });
  t.is(h.registry.session('BROKER1')?.nextTargetSeq, 3);
});

test('2t: BeginString, BodyLength, MsgType not the first three fields → ignored as garbled, number not consumed', async (t) => {
  const h = await SessionHarness.create(t);
  const peer = await h.loggedOn();
  await peer.sendMessage('0', '', { rawBody: `49=BROKER1|35=0|56=FIXGATE|34=2|52=${fixTime(h.clock.now())}|` });
  peer.nothingMore(t);
  t.false(peer.closed);
  await peer.sendMessage('0', '', { seq: 2 });
  peer.nothingMore(t);
  t.is(h.registry.session('BROKER1')?.nextTargetSeq, 3);
});

test('2m: unsupported application message type → BusinessMessageReject 380=3 with 45 and 372, number consumed', async (t) => {
  const h = await SessionHarness.create(t);
  const peer = await h.loggedOn();
  await peer.sendMessage('B', '148=hello|33=1|58=line|');
  peer.next(t, 'j', { 34: '2', 45: '2', 372: 'B', 380: '3' });
  await peer.sendMessage('0');
  peer.nothingMore(t);
  t.deepEqual(h.app.messages, []);
});

test('2h: BeginString not the session\'s → Logout and disconnect, no Reject', async (t) => {
  const h = await SessionHarness.create(t);
  const peer = await h.loggedOn();
  await peer.sendMessage('0', '', { beginString: 'FIX.4.2' });
  peer.next(t, '5', { 58: 'Incorrect BeginString, expected FIX.4.4' });
  peer.nothingMore(t);
  t.true(peer.closed);
});

test('2i: CompID not the session\'s → Reject 373=9, then Logout and disconnect', async (t) => {
  const h = await SessionHarness.create(t);
  const peer = await h.loggedOn();
  await peer.sendMessage('0', '', { senderCompId: 'INTRUDER' });
  peer.next(t, '3', { 45: '2', 373: '9', 371: '49' });
  peer.next(t, '5', { 58: 'CompID problem' });
  t.true(peer.closed);
});

test('2k: SendingTime outside the tolerance → Reject 373=10, then Logout and disconnect', async (t) => {
  const h = await SessionHarness.create(t);
  const peer = await h.loggedOn();
  await peer.sendMessage('0', '', { sendingTime: fixTime(h.clock.now() - 5 * 60_000) });
  peer.next(t, '3', { 45: '2', 373: '10', 371: '52' });
  peer.next(t, '5', { 58: 'SendingTime accuracy problem' });
  t.true(peer.closed);
});

test('2: MsgSeqNum missing → Logout and disconnect', async (t) => {
  const h = await SessionHarness.create(t);
  const peer = await h.loggedOn();
  await peer.sendMessage('0', '', { omit: [34] });
  peer.next(t, '5', { 58: 'MsgSeqNum(34) missing or invalid' });
  t.true(peer.closed);
});

test('2d: garbled frame (bad CheckSum) → ignored without consuming a number', async (t) => {
  const h = await SessionHarness.create(t);
  const peer = await h.loggedOn();
  const bytes = peer.frameFor('0', '', { seq: 2 });
  bytes[bytes.length - 2] = bytes[bytes.length - 2] === 0x30 ? 0x31 : 0x30;
  await peer.deliver(bytes);
  await peer.sendMessage('0', '', { seq: 2 });
  peer.nothingMore(t);
  t.is(h.registry.session('BROKER1')?.nextTargetSeq, 3);
});

test('7: Reject received → logged, number consumed, nothing sent', async (t) => {
  const h = await SessionHarness.create(t);
  const peer = await h.loggedOn();
  await peer.sendMessage('3', '45=1|373=5|58=bad|');
  peer.nothingMore(t);
  t.is(h.registry.session('BROKER1')?.nextTargetSeq, 3);
});

test('19: PossResend=Y application message reaches the application (the application judges duplicates)', async (t) => {
  const h = await SessionHarness.create(t);
  const peer = await h.loggedOn();
  await peer.sendMessage('D', `97=Y|11=C1|21=1|55=ABC|54=1|60=${T}|38=100|40=2|`);
  t.deepEqual(h.app.messages.map((m) => [m.msgType, m.seq]), [['D', 2]]);
  peer.nothingMore(t);
});

test('interim application: a supported message gets BusinessMessageReject 380=4 "Application not available" with 379', async (t) => {
  const h = await SessionHarness.create(t, { application: new UnavailableApplication() });
  const peer = await h.loggedOn();
  await peer.sendMessage('D', `11=C1|21=1|55=ABC|54=1|60=${T}|38=100|40=2|`);
  peer.next(t, 'j', { 45: '2', 372: 'D', 379: 'C1', 380: '4', 58: 'Application not available' });
});
