// The listener with TLS: a self-signed certificate made at test time with the openssl CLI (no key
// is ever committed), a logon and an answer over it, and a plain-TCP client that gets nothing.
import test from 'ava';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FixTestClient } from '../../support/fix-test-client';
import { LogLines, StubAcceptor, eventually, startListener } from './transport-harness';
import { FixEncoder, packMsgType } from '../../../src/fix/codec';

function selfSignedCertificate(dir: string): { certPath: string; keyPath: string } {
  const certPath = join(dir, 'cert.pem');
  const keyPath = join(dir, 'key.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', keyPath, '-out', certPath, '-days', '1', '-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1'], { stdio: 'ignore' });
  return { certPath, keyPath };
}

test('a client logs on over TLS with a certificate made at test time and gets an answer', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'fixgate-tls-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const tls = selfSignedCertificate(dir);
  const acceptor = new StubAcceptor({
    onMessage: (m, link) => {
      const e = new FixEncoder('FIX.4.4').begin(packMsgType('0'));
      e.str(49, 'FIXGATE').str(56, 'BROKER').int(34, 1).timestamp(52, Date.now()).str(112, m.getString(112) ?? '');
      e.finish();
      link.send(e.frame());
    },
  });
  const logs = new LogLines();
  const { listener, port } = await startListener(acceptor, logs, { tls });
  t.teardown(() => listener.close(100));
  t.like(logs.withMessage('listening')[0], { port, tls: true });

  const client = await FixTestClient.connect({ port, tls: { ca: readFileSync(tls.certPath) } });
  t.teardown(() => client.destroy());
  client.logon();
  client.send('1', [[112, 'over-tls']]);
  const reply = await client.next('0');
  t.is(reply.get(112), 'over-tls');
  t.deepEqual(acceptor.firsts, [{ msgType: 'A', seq: 1 }]);

  const plain = await FixTestClient.connect({ port });
  t.teardown(() => plain.destroy());
  plain.logon();
  t.true(await plain.closedWithin(5_000));
  await eventually(() => logs.withMessage('TLS handshake failed').length === 1);
  t.is(acceptor.firsts.length, 1);
});
