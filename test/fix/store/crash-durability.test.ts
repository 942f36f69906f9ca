// "Never lose a message the caller was told is committed", tested against a real crash: a child
// process appends and commits in a loop and reports each commit on stdout; it is killed with
// SIGKILL at a random moment; the store is reopened and every reported seq must be there, bytes
// and sequence numbers included. Each round continues the same store, so recovery is tested too.
// STORE_CRASH_ROUNDS raises the number of rounds for a longer soak (CI runs a few).
import test from 'ava';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LmdbSessionStore } from '../../../src/fix/session/store/lmdb-session-store';
import { crashMessage } from '../../support/store-crash-child';

const REPO_ROOT = join(__dirname, '../../..');
const CHILD = join(REPO_ROOT, 'test/support/store-crash-child.ts');
const ROUNDS = Number(process.env.STORE_CRASH_ROUNDS ?? 3);
const SESSION = 'CRASH-1';

interface RoundResult {
  startSeq: number;
  lastCommittedSeq: number;
  lastTargetSeq: number;
  signal: NodeJS.Signals | null;
}

/** Runs the child until it has committed a few turns, then kills it after a random extra delay. */
function crashRound(dir: string, perTurn: number): Promise<RoundResult> {
  return new Promise((resolve, reject) => {
    // node itself with tsx's loader, not the tsx command: that one runs node as a grandchild,
    // which SIGKILL on the wrapper would not reach.
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dir, SESSION, String(perTurn)], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const result: RoundResult = { startSeq: 0, lastCommittedSeq: 0, lastTargetSeq: 0, signal: null };
    let pending = '';
    let stderr = '';
    let commits = 0;
    let killScheduled = false;
    const watchdog = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        const [word, a, b] = line.split(' ');
        if (word === 'ready') result.startSeq = Number(a);
        if (word === 'committed') {
          result.lastCommittedSeq = Number(a);
          result.lastTargetSeq = Number(b);
          commits++;
        }
      }
      if (commits >= 5 && !killScheduled) {
        killScheduled = true;
        setTimeout(() => child.kill('SIGKILL'), Math.floor(Math.random() * 40));
      }
    });
    child.once('error', reject);
    // 'close' comes after the pipes are drained, so lines written just before the kill are counted.
    child.once('close', (code, signal) => {
      clearTimeout(watchdog);
      result.signal = signal;
      if (signal !== 'SIGKILL' || !killScheduled) reject(new Error(`child ended with code ${code}, signal ${signal}: ${stderr}`));
      else resolve(result);
    });
  });
}

test('every seq reported committed survives SIGKILL, with its bytes and sequence numbers', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'fixgate-store-crash-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  let expectedStart = 1;
  for (let round = 0; round < ROUNDS; round++) {
    const perTurn = [1, 50, 1000][round % 3]!;
    const result = await crashRound(dir, perTurn);
    t.is(result.startSeq, expectedStart, `round ${round} resumes after the last durable message`);
    t.true(result.lastCommittedSeq >= result.startSeq, `round ${round} committed something`);

    const store = LmdbSessionStore.open({ path: dir });
    const numbers = store.loadSequenceNumbers(SESSION);
    const stored = store.getRange(SESSION, 1, Infinity);
    await store.close();

    t.true(numbers.nextSenderSeq > result.lastCommittedSeq, `round ${round}: next sender seq`);
    t.true(numbers.nextTargetSeq >= result.lastTargetSeq, `round ${round}: next target seq`);
    // Every seq up to the last one reported is there, in order, with the bytes it was given.
    const missing: number[] = [];
    const wrong: number[] = [];
    for (let seq = 1; seq <= result.lastCommittedSeq; seq++) {
      const message = stored[seq - 1];
      if (!message || message.seq !== seq) missing.push(seq);
      else if (!message.bytes.equals(crashMessage(seq))) wrong.push(seq);
    }
    t.deepEqual(missing, [], `round ${round}: missing seqs`);
    t.deepEqual(wrong, [], `round ${round}: seqs with other bytes`);
    // Whatever the store has beyond that was committed but not yet reported: it must be whole.
    t.true(stored.every((m, i) => m.seq === i + 1 && m.bytes.equals(crashMessage(m.seq))));
    t.is(numbers.nextSenderSeq, stored.length + 1, `round ${round}: sequence record matches the messages`);
    expectedStart = numbers.nextSenderSeq;
  }
});
