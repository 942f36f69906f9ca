// QuickFIX C++ (Debian's libquickfix-dev) as a broker's initiator against the real gateway process.
// The client (test/interop/quickfix-client.cpp, built here through the Makefile rule) validates
// every message it receives against QuickFIX XML dictionaries. Debian's package installs none, so
// the runs use ours, which are in QuickFIX's form: FIX.4.4 with fix-dictionaries/FIX44.xml
// (QuickFIX's own file as jspurefix ships it), and FIXT.1.1 with fix-dictionaries/FIXT11.xml for the
// session messages and fix-dictionaries/FIX50SP2.xml for the application messages. A validation
// failure shows as a Reject the client sends and as a line in QuickFIX's event log.
import test, { type ExecutionContext } from 'ava';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../support/cli-process';
import { startGateway, type TestSession } from '../support/gateway-fixture';

const CLIENT = join(REPO_ROOT, 'dist/interop/quickfix-client');

interface QuickfixSummary {
  logon: boolean;
  testRequestAnswered: boolean;
  appReply: string;
  appReplyExecType: string;
  appReplyClOrdId: string;
  appReplyRefSeqNum: number;
  appMsgSeqNum: number;
  rejectsReceived: number;
  rejectsSent: number;
  logout: boolean;
  error: string;
}

/** Fills the ${...} placeholders of a settings template under test/interop/. */
function settings(template: string, values: Record<string, string>): string {
  const text = readFileSync(join(REPO_ROOT, 'test/interop', template), 'utf8');
  return text.replace(/\$\{(\w+)\}/g, (_, name: string) => {
    const value = values[name];
    // A placeholder left empty would make QuickFIX run without a dictionary and validate nothing.
    if (value === undefined) throw new Error(`${template}: no value for \${${name}}`);
    return value;
  });
}

function runClient(settingsFile: string, username: string, password: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(CLIENT, [settingsFile, username, password], { stdio: ['ignore', 'pipe', 'pipe'] });
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

function logFiles(workDir: string, suffix: string): string[] {
  const dir = join(workDir, 'log');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith(suffix))
    .map((f) => join(dir, f));
}

/** QuickFIX's own message and event logs of the run, for the test's output when something is off. */
function fixLog(workDir: string): string {
  return [...logFiles(workDir, '.messages.current.log'), ...logFiles(workDir, '.event.current.log')]
    .map((f) => `--- ${f}\n${readFileSync(f, 'latin1').replace(/\x01/g, '|')}`)
    .join('\n');
}

/**
 * Event-log lines in which QuickFIX reports a message it refused: "Message N Rejected: ..." (a
 * dictionary failure it answers with a Reject), "Invalid message: ..." (one it drops), and the
 * BeginString/CompID/SendingTime problems it answers with a Logout.
 */
function validationErrors(workDir: string): string[] {
  return logFiles(workDir, '.event.current.log')
    .flatMap((f) => readFileSync(f, 'latin1').split('\n'))
    .filter((line) => /Rejected|Invalid message|Incorrect|Unsupported|Reject sent|problem/i.test(line));
}

test.before(() => {
  execFileSync('make', ['-s', 'dist/interop/quickfix-client'], { cwd: REPO_ROOT, stdio: 'inherit' });
});

interface InteropRun {
  session: TestSession;
  template: string;
  dictionaries: Record<string, string>;
  username: string;
  password: string;
}

async function expectCleanRun(t: ExecutionContext, workDir: string, run: InteropRun, port: number): Promise<void> {
  const settingsFile = join(workDir, 'client.cfg');
  const dictionaries = Object.fromEntries(Object.entries(run.dictionaries).map(([k, v]) => [k, join(REPO_ROOT, v)]));
  writeFileSync(
    settingsFile,
    settings(run.template, { PORT: String(port), WORK_DIR: workDir, SENDER: run.session.peerCompId, TARGET: run.session.ourCompId, ...dictionaries }),
  );

  const { code, stdout, stderr } = await runClient(settingsFile, run.username, run.password);
  const line = stdout.split('\n').find((l) => l.startsWith('QFSUMMARY '));
  if (line === undefined) throw new Error(`no summary (exit ${code}); stdout:\n${stdout}\nstderr:\n${stderr}`);
  const summary = JSON.parse(line.slice('QFSUMMARY '.length)) as QuickfixSummary;
  const errors = validationErrors(workDir);
  if (summary.error !== '' || summary.rejectsSent > 0 || summary.rejectsReceived > 0 || !summary.logout || errors.length > 0) t.log(fixLog(workDir));

  t.is(code, 0);
  t.is(summary.error, '', 'QuickFIX loaded the settings and dictionaries and ran to the end');
  t.true(summary.logon);
  t.true(summary.testRequestAnswered);
  t.is(summary.appReply, '8', 'the order is answered with an ExecutionReport');
  t.is(summary.appReplyExecType, '0', 'ExecType New: the limit buy rests');
  t.is(summary.appReplyClOrdId, 'QF-ORD-1', 'ClOrdID (11) names our order');
  t.is(summary.rejectsSent, 0, 'QuickFIX found nothing to reject in what the gateway sent');
  t.deepEqual(errors, [], 'QuickFIX logged no validation error');
  t.is(summary.rejectsReceived, 0);
  t.true(summary.logout);
}

function tempWorkDir(t: ExecutionContext): string {
  const workDir = mkdtempSync(join(tmpdir(), 'fixgate-quickfix-'));
  t.teardown(() => rmSync(workDir, { recursive: true, force: true }));
  return workDir;
}

test('a QuickFIX C++ FIX.4.4 initiator logs on, gets its TestRequest and order answered, validates every reply, and logs out', async (t) => {
  const gateway = await startGateway();
  t.teardown(() => gateway.stop());
  const session = gateway.sessions.find((s) => s.beginString === 'FIX.4.4' && s.name.endsWith('-OE'));
  if (session === undefined) throw new Error('the demo configuration has no FIX.4.4 order-entry session');
  await expectCleanRun(
    t,
    tempWorkDir(t),
    {
      session,
      template: 'quickfix-client.cfg.template',
      dictionaries: { DICTIONARY: 'fix-dictionaries/FIX44.xml' },
      username: session.username,
      password: session.password,
    },
    gateway.port,
  );
});

test('a QuickFIX C++ FIXT.1.1 initiator (DefaultApplVerID FIX.5.0SP2) logs on without credentials, gets its TestRequest and order answered, validates every reply, and logs out', async (t) => {
  // The fixture gives every session a test password; BROKER2-OE goes back to the demo's
  // credentials "none" (the fixture already limits it to 127.0.0.1), so the Logon carries no
  // Username or Password, as on the demo's private line.
  const gateway = await startGateway({
    edit(config) {
      const sessions = config.sessions as { name: string; credentials: unknown }[];
      const broker2 = sessions.find((s) => s.name === 'BROKER2-OE');
      if (broker2 === undefined) throw new Error('the demo configuration has no BROKER2-OE');
      broker2.credentials = 'none';
    },
  });
  t.teardown(() => gateway.stop());
  const session = gateway.sessions.find((s) => s.name === 'BROKER2-OE');
  if (session === undefined || session.beginString !== 'FIXT.1.1') throw new Error('BROKER2-OE is not the FIXT.1.1 session');
  await expectCleanRun(
    t,
    tempWorkDir(t),
    {
      session,
      template: 'quickfix-client-fixt.cfg.template',
      dictionaries: { TRANSPORT_DICTIONARY: 'fix-dictionaries/FIXT11.xml', APP_DICTIONARY: 'fix-dictionaries/FIX50SP2.xml' },
      username: '',
      password: '',
    },
    gateway.port,
  );
});
