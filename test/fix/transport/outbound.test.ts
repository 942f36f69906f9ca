// Outbound: frames sent in one event-loop turn leave in one socket write; a peer that stops reading
// is disconnected once the queue towards it passes maxOutboundQueueBytes, and the queue never grows
// past that bound.
import test from 'ava';
import { createServer, type Socket } from 'node:net';
import { FixEncoder, packMsgType } from '../../../src/fix/codec';
import { Connection } from '../../../src/fix/transport/connection';
import { FixTestClient } from '../../support/fix-test-client';
import { LogLines, StubAcceptor, eventually, startListener } from './transport-harness';

function heartbeat(seq: number, padding = 0): Buffer {
  const e = new FixEncoder('FIX.4.4', 1024 + padding).begin(packMsgType('0'));
  e.str(49, 'FIXGATE').str(56, 'BROKER').int(34, seq).timestamp(52, Date.now());
  if (padding > 0) e.str(58, 'x'.repeat(padding));
  e.finish();
  return e.frame();
}

test('frames sent within one turn go out in one socket write, in order', async (t) => {
  const logs = new LogLines();
  const acceptor = new StubAcceptor({
    onMessage: (_m, link) => {
      for (let seq = 1; seq <= 3; seq++) link.send(heartbeat(seq));
    },
  });
  let writes = 0;
  const server = createServer((socket: Socket) => {
    const write = socket.write.bind(socket) as (chunk: Uint8Array) => boolean;
    socket.write = ((chunk: Uint8Array) => {
      writes++;
      return write(chunk);
    }) as typeof socket.write;
    new Connection(socket, acceptor, { maxMessageSize: 4096, maxOutboundQueueBytes: 1 << 20, firstMessageTimeoutMs: 5_000, closeGraceMs: 100 }, logs.logger);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  t.teardown(() => server.close());
  const client = await FixTestClient.connect({ port: (server.address() as { port: number }).port });
  t.teardown(() => client.destroy());
  client.logon();
  client.send('1', [[112, 'T']]);
  const replies = [await client.next('0'), await client.next('0'), await client.next('0')];
  t.deepEqual(
    replies.map((m) => m.getInt(34)),
    [1, 2, 3],
  );
  t.is(writes, 1);
});

test('a client that never reads is disconnected as a slow consumer and the queue stays bounded', async (t) => {
  const maxOutboundQueueBytes = 512 * 1024;
  let largestQueue = 0;
  let seq = 0;
  const acceptor = new StubAcceptor({
    onMessage: (_m, link) => {
      // Every inbound message is answered with about 32 KB, so the answers outrun a reader that never reads.
      link.send(heartbeat(++seq, 32 * 1024));
      largestQueue = Math.max(largestQueue, (link as Connection).outboundQueueBytes);
    },
  });
  const logs = new LogLines();
  const { listener, port } = await startListener(acceptor, logs, { maxOutboundQueueBytes });
  t.teardown(() => listener.close(100));
  const client = await FixTestClient.connect({ port });
  t.teardown(() => client.destroy());
  client.socket.pause();
  client.logon();
  for (let i = 0; i < 2_000 && acceptor.disconnects === 0; i++) {
    client.send('0');
    if (i % 50 === 0) await new Promise((r) => setTimeout(r, 5));
  }
  await eventually(() => acceptor.disconnects === 1, 10_000, 'slow consumer disconnect');
  t.is(logs.withMessage('slow consumer: outbound queue full, disconnecting').length, 1);
  t.true(largestQueue <= maxOutboundQueueBytes, `queue reached ${largestQueue}`);
  t.true(seq * 32 * 1024 > maxOutboundQueueBytes, 'the answers did outrun the bound');
  await eventually(() => listener.connectionCount === 0);
});
