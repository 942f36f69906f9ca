// Damaged and hostile frames thrown at the live gateway process. The short run (CI) lasts about 20
// seconds; FIXGATE_FUZZ_SECONDS makes it longer (`make soak`). Afterwards the process must still
// be there, still answer a fresh Logon, and its resident memory must not have run away.
// FIXGATE_FUZZ_SEED replays a run (every run logs its seed).
import test from 'ava';
import { readFileSync } from 'node:fs';
import { FixTestClient, type FieldList } from '../support/fix-test-client';
import { startGateway, type GatewayUnderTest, type TestSession } from '../support/gateway-fixture';
import { MUTATIONS, MUTATION_NAMES, SeededRandom, bodyOf, reframe } from './fuzz-mutations';

const FUZZ_SECONDS = Number(process.env.FIXGATE_FUZZ_SECONDS ?? 20);
// Fixed by default so a CI failure replays; `make soak` passes a fresh seed each run.
const SEED = Number(process.env.FIXGATE_FUZZ_SEED ?? 0x0f17a7e);
/** Resident memory may grow by this much over a run: caches, JIT, LMDB pages. A leak per frame or connection exceeds it quickly. */
const RSS_GROWTH_LIMIT_KB = 200 * 1024;

function rssKb(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (match === null) throw new Error(`no VmRSS for ${pid}`);
  return Number(match[1]);
}

function order(n: number): FieldList {
  return [
    [11, `FZ-${n}`],
    [55, 'ACME'],
    [54, '1'],
    [60, '20240102-03:04:05.678'],
    [38, '10'],
    [40, '2'],
    [44, '100.25'],
  ];
}

/** Connects and logs on with 141=Y (so every connection starts at seq 1); retries while the previous connection of the same session is still closing. */
async function loggedOn(gateway: GatewayUnderTest, session: TestSession): Promise<FixTestClient> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const client = await FixTestClient.connect({ port: gateway.port, beginString: session.beginString, senderCompId: session.peerCompId, targetCompId: session.ourCompId });
    client.logon([
      [98, 0],
      [108, session.minHeartBtInt],
      [141, 'Y'],
      [553, session.username],
      [554, session.password],
      ...(session.beginString === 'FIXT.1.1' ? ([[1137, '9']] as const) : []),
    ]);
    const reply = await Promise.race([client.next('A', 5_000).catch(() => undefined), client.closed.then(() => undefined)]);
    if (reply !== undefined) return client;
    client.destroy();
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`could not log on to ${session.name}`);
}

test('the gateway answers damaged input per the FIX spec', async (t) => {
  const gateway = await startGateway();
  t.teardown(() => gateway.stop());
  const session = gateway.sessions.find((s) => s.beginString === 'FIX.4.4') as TestSession;

  const client = await loggedOn(gateway, session);
  t.teardown(() => client.destroy());
  // Garbled (bad CheckSum): ignored, and it does not use up a sequence number.
  client.sendRaw(client.garbledFrame('1', [[112, 'GARBLED']]));
  client.send('1', [[112, 'AFTER-GARBLED']]);
  const heartbeat = await client.next('0');
  t.is(heartbeat.get(112), 'AFTER-GARBLED');

  // Framed correctly but invalid: a repeated tag gets a session Reject naming it.
  const seq = client.nextSeq++;
  const repeated = client.frame('D', [...order(1), [55, 'ACME']], seq);
  client.sendRaw(repeated);
  const reject = await client.next('3');
  t.is(reject.getInt(45), seq);
  t.is(reject.getInt(373), 13, 'TagAppearsMoreThanOnce');

  // A group count that does not match its instances.
  const seq2 = client.nextSeq++;
  client.sendRaw(reframe('FIX.4.4', `${bodyOf(client.frame('D', order(2), seq2))}453=999999999\x01448=P1\x01447=D\x01452=3\x01`));
  const groupReject = await client.next('3');
  t.is(groupReject.getInt(45), seq2);
  t.is(groupReject.getInt(373), 16, 'IncorrectNumInGroupCount');

  // Still in session: a TestRequest with the next number is answered.
  client.send('1', [[112, 'STILL-HERE']]);
  t.is((await client.next('0')).get(112), 'STILL-HERE');

  // A MsgSeqNum lower than expected without PossDupFlag: Logout and disconnect.
  client.send('0', [], 1);
  await client.next('5');
  t.true(await client.closedWithin(10_000));

  // A first message that is not a Logon: the connection is dropped without a session.
  const stranger = await FixTestClient.connect({ port: gateway.port, senderCompId: session.peerCompId, targetCompId: session.ourCompId });
  t.teardown(() => stranger.destroy());
  stranger.send('D', order(3));
  t.true(await stranger.closedWithin(10_000));
});

test(`random and mutated frames for ${FUZZ_SECONDS} s: the process survives, answers a fresh logon, and its memory stays bounded`, async (t) => {
  t.timeout((FUZZ_SECONDS + 120) * 1000);
  const gateway = await startGateway();
  t.teardown(() => gateway.stop());
  const random = new SeededRandom(SEED);
  t.log(`seed ${SEED} (FIXGATE_FUZZ_SEED=${SEED} replays this run)`);

  // Warm up (JIT, LMDB, one full session) before taking the baseline.
  for (const session of gateway.sessions) (await loggedOn(gateway, session)).destroy();
  const rssBefore = rssKb(gateway.pid);

  const deadline = Date.now() + FUZZ_SECONDS * 1000;
  const counts: Record<string, number> = {};
  let connections = 0;
  while (Date.now() < deadline) {
    const session = random.pick(gateway.sessions);
    // Half the connections damage a live session, the other half start with damage (no Logon first).
    const client =
      random.below(2) === 0
        ? await loggedOn(gateway, session)
        : await FixTestClient.connect({ port: gateway.port, beginString: session.beginString, senderCompId: session.peerCompId, targetCompId: session.ourCompId });
    connections++;
    const frames = 1 + random.below(40);
    for (let i = 0; i < frames && !client.isClosed; i++) {
      const name = random.pick(MUTATION_NAMES);
      counts[name] = (counts[name] ?? 0) + 1;
      const valid = random.below(3) === 0 ? client.frame('1', [[112, `TR-${i}`]]) : client.frame('D', order(i));
      client.sendRaw((MUTATIONS[name] as (typeof MUTATIONS)[string])(valid, random));
      if (random.below(4) === 0) client.send('0');
      if (random.below(8) === 0) await new Promise((r) => setImmediate(r));
    }
    await new Promise((r) => setTimeout(r, random.below(20)));
    client.destroy();
  }
  t.log(`${connections} connections; mutations: ${JSON.stringify(counts)}`);

  t.is(gateway.run.child.exitCode, null, 'the gateway process is still running');
  const fresh = await loggedOn(gateway, gateway.sessions[0] as TestSession);
  fresh.send('1', [[112, 'AFTER-FUZZ']]);
  t.is((await fresh.next('0')).get(112), 'AFTER-FUZZ');
  fresh.destroy();
  const rssAfter = rssKb(gateway.pid);
  t.log(`RSS ${rssBefore} kB before, ${rssAfter} kB after`);
  t.true(rssAfter - rssBefore < RSS_GROWTH_LIMIT_KB, `RSS grew by ${rssAfter - rssBefore} kB`);
  t.notRegex(gateway.run.stderr(), /uncaught|unhandled/i);
});
