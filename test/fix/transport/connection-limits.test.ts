// Connection attempts per IP in a sliding one-minute window, unit-level with a pinned clock and
// end to end through the listener.
import test from 'ava';
import { AttemptVerdict, ConnectionLimits } from '../../../src/fix/transport/connection-limits';
import { FixTestClient } from '../../support/fix-test-client';
import { LogLines, StubAcceptor, eventually, startListener } from './transport-harness';

const { Allowed, Refused } = AttemptVerdict;

test('the window slides: an attempt is allowed again once the oldest counted one is a minute old', (t) => {
  let now = 1_000_000;
  const logs = new LogLines();
  const limits = new ConnectionLimits({ maxAttemptsPerIpPerMinute: 3, log: logs.logger, now: () => now });
  const verdicts: AttemptVerdict[] = [];
  for (const at of [0, 10_000, 20_000, 30_000]) {
    now = 1_000_000 + at;
    verdicts.push(limits.attempt('10.0.0.1'));
  }
  t.deepEqual(verdicts, [Allowed, Allowed, Allowed, Refused]);
  t.is(limits.attempt('10.0.0.2'), Allowed, 'other IPs have their own window');
  // Refused attempts count too: the last three (at 20 s, 30 s, 30 s) must age out.
  now = 1_000_000 + 30_000;
  t.is(limits.attempt('10.0.0.1'), Refused);
  now = 1_000_000 + 79_999;
  t.is(limits.attempt('10.0.0.1'), Refused);
  now = 1_000_000 + 150_000;
  t.is(limits.attempt('10.0.0.1'), Allowed);
  t.is(logs.withMessage('connection attempt refused: too many attempts from this IP').length, 2, 'first refusal, then powers of two');
});

test('a refused logon counts as an attempt, and idle IPs are forgotten', (t) => {
  let now = 0;
  const logs = new LogLines();
  const limits = new ConnectionLimits({ maxAttemptsPerIpPerMinute: 2, log: logs.logger, now: () => now });
  t.is(limits.attempt('10.0.0.1'), Allowed);
  limits.onLogonRefused('10.0.0.1', 'bad-credentials');
  t.is(limits.attempt('10.0.0.1'), Refused);
  t.is(limits.trackedIps, 1);
  now = 61_000;
  limits.sweep();
  t.is(limits.trackedIps, 0);
});

test('no limit when the configured maximum is 0', (t) => {
  const limits = new ConnectionLimits({ maxAttemptsPerIpPerMinute: 0, log: new LogLines().logger });
  for (let i = 0; i < 1_000; i++) t.is(limits.attempt('10.0.0.1'), Allowed);
  t.is(limits.trackedIps, 0);
});

test('the listener closes connections beyond the per-IP limit at once and logs the refusal', async (t) => {
  const acceptor = new StubAcceptor();
  const logs = new LogLines();
  const { listener, port } = await startListener(acceptor, logs, { maxConnectionAttemptsPerIpPerMinute: 3 });
  t.teardown(() => listener.close(100));
  const clients: FixTestClient[] = [];
  for (let i = 0; i < 3; i++) clients.push(await FixTestClient.connect({ port }));
  t.teardown(() => clients.forEach((c) => c.destroy()));
  await eventually(() => listener.connectionCount === 3);
  const refused = await FixTestClient.connect({ port });
  clients.push(refused);
  t.true(await refused.closedWithin(3_000));
  t.is(listener.connectionCount, 3);
  t.like(logs.withMessage('connection attempt refused: too many attempts from this IP')[0], { ip: '127.0.0.1', limitPerMinute: 3 });
  for (const client of clients.slice(0, 3)) t.false(client.isClosed);
});
