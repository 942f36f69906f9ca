// Inbound framing over a real socket: frames split across reads, several per read, garbled frames
// in between, messages arriving while the registry is still deciding on the Logon, oversized frames.
import test from 'ava';
import { FixTestClient } from '../../support/fix-test-client';
import { LogLines, StubAcceptor, eventually, startListener } from './transport-harness';

const pause = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

test('a logon and messages written one byte per read arrive whole and in order', async (t) => {
  const acceptor = new StubAcceptor();
  const logs = new LogLines();
  const { listener, port } = await startListener(acceptor, logs);
  t.teardown(() => listener.close(100));
  const client = await FixTestClient.connect({ port });
  t.teardown(() => client.destroy());
  client.socket.setNoDelay(true);
  const bytes = Buffer.concat([client.frame('A', [[98, 0], [108, 30]]), client.frame('1', [[112, 'T1']]), client.frame('D', [[11, 'X']])]);
  for (const byte of bytes) {
    client.sendRaw(Buffer.from([byte]));
    await pause(0);
  }
  await eventually(() => acceptor.delivered.length === 2);
  t.deepEqual(acceptor.firsts, [{ msgType: 'A', seq: 1 }]);
  t.deepEqual(acceptor.delivered, [
    { msgType: '1', seq: 2 },
    { msgType: 'D', seq: 3 },
  ]);
  t.deepEqual(acceptor.garbled, []);
});

test('several frames in one read, garbled ones among them, are delivered in order and the garbled reported', async (t) => {
  const acceptor = new StubAcceptor();
  const logs = new LogLines();
  const { listener, port } = await startListener(acceptor, logs);
  t.teardown(() => listener.close(100));
  const client = await FixTestClient.connect({ port });
  t.teardown(() => client.destroy());
  client.sendRaw(
    Buffer.concat([
      client.frame('A', [[98, 0], [108, 30]]),
      client.frame('0'),
      client.garbledFrame('0'),
      Buffer.from('junk before a frame', 'latin1'),
      client.frame('1', [[112, 'T']]),
      client.frame('0'),
    ]),
  );
  await eventually(() => acceptor.delivered.length === 3);
  t.deepEqual(
    acceptor.delivered.map((d) => d.seq),
    [2, 3, 4],
  );
  t.deepEqual(acceptor.garbled, ['bad CheckSum', 'bad BeginString']);
  t.is(listener.connectionCount, 1);
});

test('frames that arrive while the registry decides on the logon wait for it, none lost or reordered', async (t) => {
  const acceptor = new StubAcceptor({ logonDelayMs: 200 });
  const logs = new LogLines();
  const { listener, port } = await startListener(acceptor, logs);
  t.teardown(() => listener.close(100));
  const client = await FixTestClient.connect({ port });
  t.teardown(() => client.destroy());
  client.logon();
  for (let i = 0; i < 50; i++) {
    client.send('0');
    if (i % 10 === 0) await pause(20);
  }
  await eventually(() => acceptor.delivered.length === 50);
  t.deepEqual(
    acceptor.delivered.map((d) => d.seq),
    Array.from({ length: 50 }, (_, i) => i + 2),
  );
});

test('a frame whose BodyLength exceeds maxMessageSize ends the connection with a log line', async (t) => {
  const acceptor = new StubAcceptor();
  const logs = new LogLines();
  const { listener, port } = await startListener(acceptor, logs, { maxMessageSize: 1024 });
  t.teardown(() => listener.close(100));
  const client = await FixTestClient.connect({ port });
  t.teardown(() => client.destroy());
  client.logon();
  client.send('0');
  client.sendRaw('8=FIX.4.4\x019=5000\x0135=D\x01');
  t.true(await client.closedWithin(5_000));
  t.deepEqual(acceptor.delivered, [{ msgType: '0', seq: 2 }]);
  t.is(logs.withMessage('frame larger than maxMessageSize, disconnecting').length, 1);
  await eventually(() => acceptor.disconnects === 1);
});

test('field syntax errors inside a checksum-valid frame are reported as garbled, and the connection goes on', async (t) => {
  const acceptor = new StubAcceptor();
  const logs = new LogLines();
  const { listener, port } = await startListener(acceptor, logs);
  t.teardown(() => listener.close(100));
  const client = await FixTestClient.connect({ port });
  t.teardown(() => client.destroy());
  client.logon();
  // "abc=1": a non-numeric tag, framed with a correct BodyLength and CheckSum.
  client.sendRaw(client.frame('0', [[0, '']]).toString('latin1').replace('0=\x01', 'abc=1\x01').replace(/9=(\d+)/, (_, n: string) => `9=${Number(n) + 3}`));
  client.send('1', [[112, 'after']]);
  await eventually(() => acceptor.delivered.length === 1 && acceptor.garbled.length >= 1);
  t.deepEqual(acceptor.delivered, [{ msgType: '1', seq: 3 }]);
});

test('a connection that sends nothing valid is closed after the first-message timeout', async (t) => {
  const acceptor = new StubAcceptor();
  const logs = new LogLines();
  const { listener, port } = await startListener(acceptor, logs, { firstMessageTimeoutMs: 200 });
  t.teardown(() => listener.close(100));
  const client = await FixTestClient.connect({ port });
  t.teardown(() => client.destroy());
  client.sendRaw('GET / HTTP/1.1\r\n\r\n');
  t.true(await client.closedWithin(3_000));
  t.deepEqual(acceptor.firsts, []);
  t.true(acceptor.garbled.length >= 1);
});

test('a refused first message closes the connection and nothing else is delivered', async (t) => {
  const acceptor = new StubAcceptor({ refuse: true });
  const logs = new LogLines();
  const { listener, port } = await startListener(acceptor, logs);
  t.teardown(() => listener.close(100));
  const client = await FixTestClient.connect({ port });
  t.teardown(() => client.destroy());
  client.logon();
  client.send('0');
  t.true(await client.closedWithin(3_000));
  t.deepEqual(acceptor.delivered, []);
  await eventually(() => listener.connectionCount === 0);
});

test('a peer that resets mid-frame detaches its session and leaves the listener serving', async (t) => {
  const acceptor = new StubAcceptor();
  const logs = new LogLines();
  const { listener, port } = await startListener(acceptor, logs);
  t.teardown(() => listener.close(100));
  const client = await FixTestClient.connect({ port });
  client.logon();
  client.sendRaw(client.frame('0').subarray(0, 20));
  await eventually(() => acceptor.firsts.length === 1);
  client.socket.resetAndDestroy();
  await eventually(() => acceptor.disconnects === 1);
  const second = await FixTestClient.connect({ port });
  t.teardown(() => second.destroy());
  second.logon();
  second.send('0');
  await eventually(() => acceptor.delivered.length === 1);
  t.is(acceptor.firsts.length, 2);
});

test("once bound, the session's own smaller maxMessageSize applies to each frame", async (t) => {
  const acceptor = new StubAcceptor();
  const logs = new LogLines();
  const { listener, port } = await startListener(acceptor, logs, {
    maxMessageSize: 64 * 1024,
    limitsFor: (beginString, sender, target) => (beginString === 'FIX.4.4' && sender === 'BROKER' && target === 'FIXGATE' ? { maxMessageSize: 600, maxOutboundQueueBytes: 1 << 20 } : undefined),
  });
  t.teardown(() => listener.close(100));
  const client = await FixTestClient.connect({ port });
  t.teardown(() => client.destroy());
  client.logon([[98, 0], [108, 30], [58, 'x'.repeat(700)]]);
  client.send('1', [[112, 'small']]);
  client.send('1', [[112, 'y'.repeat(700)]]);
  t.true(await client.closedWithin(5_000));
  t.deepEqual(acceptor.firsts, [{ msgType: 'A', seq: 1 }], 'the Logon itself was under the listener limit');
  t.deepEqual(acceptor.delivered, [{ msgType: '1', seq: 2 }]);
  t.like(logs.withMessage('frame larger than maxMessageSize, disconnecting')[0], { maxMessageSize: 600 });
});
