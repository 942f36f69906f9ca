import test from 'ava';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCli } from '../support/cli-process';
import { FixTestClient } from '../support/fix-test-client';
import { startGateway, type TestSession } from '../support/gateway-fixture';

test('fixgate start lists the demo instruments in the native matcher, listens, logs with pino, and stops on SIGTERM', async (t) => {
  const gateway = await startGateway();
  t.teardown(() => gateway.stop());
  const started = JSON.parse(await gateway.waitForLog(/"msg":"fixgate started"/)) as Record<string, unknown>;
  t.is(started.instruments, 3);
  t.is(started.name, 'fixgate');
  const listed = gateway.run
    .stdout()
    .split('\n')
    .filter((l) => l.includes('"instrument listed"'))
    .map((l) => (JSON.parse(l) as { symbol: string }).symbol);
  t.deepEqual(listed, ['ACME', 'GLOBX', 'BTC-USD']);
  t.is(await gateway.stop(), 0);
  t.regex(gateway.run.stdout(), /"reason":"SIGTERM".*"msg":"fixgate stopped"/);
});

test('a bad configuration exits with the config exit code and names the field', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'fixgate-cfg-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(
    join(dir, 'instruments.json'),
    JSON.stringify({ instruments: [{ symbol: 'BAD', id: 1, priceDecimals: 2, tickSize: '0.001', lotSize: '1', minPrice: '1', maxPrice: '2', referencePrice: '1', marketBand: '0' }] }),
  );
  for (const command of ['start', 'check-config']) {
    const run = startCli([command, '--config', dir]);
    const { code } = await run.exited;
    t.is(code, 3, command);
    t.regex(run.stderr(), /GW_ERR_CONFIG_INVALID: .*instrument BAD: "tickSize"/, command);
  }
});

test('an unknown command is a usage error', async (t) => {
  const run = startCli(['launch']);
  const { code } = await run.exited;
  t.is(code, 2);
  t.regex(run.stderr(), /unknown command 'launch'/);
});

test('on SIGTERM, fixgate logs out a logged-on session, waits for its Logout, closes the store and exits 0', async (t) => {
  const gateway = await startGateway();
  t.teardown(() => gateway.stop());
  const session = gateway.sessions.find((s) => s.beginString === 'FIX.4.4') as TestSession;
  const client = await FixTestClient.connect({ port: gateway.port, senderCompId: session.peerCompId, targetCompId: session.ourCompId });
  t.teardown(() => client.destroy());
  client.logon([[98, 0], [108, 30], [553, session.username], [554, session.password]]);
  await client.next('A');
  // One SIGTERM (stop() sends it once); a second signal during shutdown means "exit now" (code 1).
  const stopped = gateway.stop();
  const logout = await client.next('5');
  t.is(logout.get(58), 'gateway shutting down');
  client.send('5');
  t.true(await client.closedWithin(10_000));
  t.is(await stopped, 0);
  t.regex(gateway.run.stdout(), /"reason":"SIGTERM".*"msg":"fixgate stopped"/);
});
