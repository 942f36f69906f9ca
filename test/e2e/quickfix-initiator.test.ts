// QuickFIX C++ (Debian's libquickfix-dev) as a broker's initiator against the real gateway process.
// The client (test/interop/quickfix-client.cpp, built here through the Makefile rule) validates
// every message it receives against QuickFIX's FIX 4.4 dictionary, which is QuickFIX's own file as
// jspurefix ships it (fix-dictionaries/FIX44.xml). A validation failure would show as a Reject it
// sends. Debian's package installs no dictionaries, so the FIXT.1.1 session is not covered here.
import test from 'ava';
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../support/cli-process';
import { startGateway, type TestSession } from '../support/gateway-fixture';

const CLIENT = join(REPO_ROOT, 'dist/interop/quickfix-client');

interface QuickfixSummary {
  logon: boolean;
  testRequestAnswered: boolean;
  appReply: string;
  appReplyRefSeqNum: number;
  appMsgSeqNum: number;
  rejectsReceived: number;
  rejectsSent: number;
  logout: boolean;
  error: string;
}

function settings(workDir: string, port: number, session: TestSession): string {
  const values: Record<string, string> = {
    PORT: String(port),
    WORK_DIR: workDir,
    DICTIONARY: join(REPO_ROOT, 'fix-dictionaries/FIX44.xml'),
    SENDER: session.peerCompId,
    TARGET: session.ourCompId,
  };
  const template = readFileSync(join(REPO_ROOT, 'test/interop/quickfix-client.cfg.template'), 'utf8');
  return template.replace(/\$\{(\w+)\}/g, (_, name: string) => values[name] ?? '');
}

function runClient(settingsFile: string, session: TestSession): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(CLIENT, [settingsFile, session.username, session.password], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    const timer = setTimeout(() => child.kill('SIGKILL'), 90_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** QuickFIX's own message log of the run, for the test's output when something is off. */
function fixLog(workDir: string): string {
  const dir = join(workDir, 'log');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.messages.current.log') || f.endsWith('.event.current.log'))
    .map((f) => `--- ${f}\n${readFileSync(join(dir, f), 'latin1').replace(/\x01/g, '|')}`)
    .join('\n');
}

test.before(() => {
  execFileSync('make', ['-s', 'dist/interop/quickfix-client'], { cwd: REPO_ROOT, stdio: 'inherit' });
});

test('a QuickFIX C++ FIX.4.4 initiator logs on, gets its TestRequest and order answered, validates every reply, and logs out', async (t) => {
  const gateway = await startGateway();
  t.teardown(() => gateway.stop());
  const session = gateway.sessions.find((s) => s.beginString === 'FIX.4.4' && s.name.endsWith('-OE')) ?? gateway.sessions[0];
  if (session === undefined) throw new Error('the test configuration has no session');
  const workDir = mkdtempSync(join(tmpdir(), 'fixgate-quickfix-'));
  t.teardown(() => rmSync(workDir, { recursive: true, force: true }));
  const settingsFile = join(workDir, 'client.cfg');
  writeFileSync(settingsFile, settings(workDir, gateway.port, session));

  const { code, stdout, stderr } = await runClient(settingsFile, session);
  const line = stdout.split('\n').find((l) => l.startsWith('QFSUMMARY '));
  if (line === undefined) throw new Error(`no summary (exit ${code}); stdout:\n${stdout}\nstderr:\n${stderr}`);
  const summary = JSON.parse(line.slice('QFSUMMARY '.length)) as QuickfixSummary;
  if (summary.error !== '' || summary.rejectsSent > 0 || summary.rejectsReceived > 0 || !summary.logout) t.log(fixLog(workDir));

  t.is(code, 0);
  t.is(summary.error, '');
  t.true(summary.logon);
  t.true(summary.testRequestAnswered);
  t.is(summary.appReply, 'j', 'BusinessMessageReject until the order path lands');
  t.is(summary.appReplyRefSeqNum, summary.appMsgSeqNum, 'RefSeqNum (45) names our order');
  t.is(summary.rejectsSent, 0, 'QuickFIX found nothing to reject in what the gateway sent');
  t.is(summary.rejectsReceived, 0);
  t.true(summary.logout);
});
