// "Never lose a command reported durable", against a real crash: a child process
// (test/support/wal-crash-child.ts) sequences orders at full speed and prints the last seq of each
// batch whose `durable` resolved; it is killed with SIGKILL at a random moment; the WAL is
// reopened and must hold every reported seq, with no gap, and replay deterministically. Each
// round continues the same WAL, so restart-after-crash is tested too.
// WAL_CRASH_ROUNDS raises the number of rounds for a longer soak (CI runs 3).
import test from 'ava';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NativeMatcher } from '../../src/matcher/native-matcher';
import { bookHash } from '../../src/sequencer/book-hash';
import { replay } from '../../src/sequencer/replay';
import { WriteAheadLog } from '../../src/sequencer/write-ahead-log';
import { CRASH_SYMBOL } from '../support/wal-crash-child';

const REPO_ROOT = join(__dirname, '../..');
const CHILD = join(REPO_ROOT, 'test/support/wal-crash-child.ts');
const ROUNDS = Number(process.env.WAL_CRASH_ROUNDS ?? 3);

interface RoundResult {
  readySeq: number;
  lastDurableSeq: number;
  reports: number;
}

/** Runs the child until a few batches are durable, then kills it after a random extra delay. */
function crashRound(dataDir: string, perTurn: number): Promise<RoundResult> {
  return new Promise((resolve, reject) => {
    // node itself with tsx's loader, not the tsx command: SIGKILL on a wrapper would not reach node.
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dataDir, String(perTurn)], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const result: RoundResult = { readySeq: -1, lastDurableSeq: 0, reports: 0 };
    let pending = '';
    let stderr = '';
    let problem = '';
    let killScheduled = false;
    const watchdog = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        const [word, value] = line.split(' ');
        if (word === 'ready') result.readySeq = Number(value);
        else if (word === 'durable') {
          const seq = Number(value);
          if (seq <= result.lastDurableSeq) problem ||= `durable reports out of order: ${seq} after ${result.lastDurableSeq}`;
          result.lastDurableSeq = seq;
          result.reports++;
        } else problem ||= `unexpected line: ${line}`;
      }
      if (result.reports >= 5 && !killScheduled) {
        killScheduled = true;
        setTimeout(() => child.kill('SIGKILL'), Math.floor(Math.random() * 60));
      }
    });
    child.once('error', reject);
    // 'close' comes after the pipes are drained, so lines written just before the kill are counted.
    child.once('close', (code, signal) => {
      clearTimeout(watchdog);
      if (problem) reject(new Error(problem));
      else if (signal !== 'SIGKILL' || !killScheduled) reject(new Error(`child ended with code ${code}, signal ${signal}: ${stderr}`));
      else resolve(result);
    });
  });
}

/** A full replay into a fresh matcher: its last seq, command count and book hash. */
function replayHash(wal: WriteAheadLog): { lastSeq: number; commandCount: number; hash: string } {
  const matcher = new NativeMatcher();
  const result = replay(wal, matcher, 1);
  return { lastSeq: result.lastSeq, commandCount: result.commandCount, hash: bookHash(matcher, [CRASH_SYMBOL]) };
}

test('every seq reported durable survives SIGKILL; the WAL has no gap and replays deterministically', async (t) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'fixgate-wal-crash-'));
  t.teardown(() => rmSync(dataDir, { recursive: true, force: true }));
  let expectedReady = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const perTurn = [1, 100, 1_000][round % 3]!;
    const result = await crashRound(dataDir, perTurn);
    t.is(result.readySeq, expectedReady, `round ${round} resumes where the log ended`);
    t.true(result.lastDurableSeq > result.readySeq, `round ${round} made something durable`);

    const wal = WriteAheadLog.open({ dataDir });
    t.true(wal.lastSeq >= result.lastDurableSeq, `round ${round}: the log reaches the last durable seq ${result.lastDurableSeq} (has ${wal.lastSeq})`);
    // batches() throws GW_ERR_WAL_GAP on a hole; check the numbering from 1 as well.
    let next = 1;
    for (const batch of wal.batches(1)) {
      t.is(batch.firstSeq, next, `round ${round}: batch at ${batch.firstSeq}`);
      next = batch.lastSeq + 1;
    }
    t.is(next - 1, wal.lastSeq);
    const first = replayHash(wal);
    const second = replayHash(wal);
    t.is(first.commandCount, wal.lastSeq, `round ${round}: every command from 1 replays`);
    t.is(first.lastSeq, wal.lastSeq);
    t.is(first.hash, second.hash, `round ${round}: replay is deterministic`);
    expectedReady = wal.lastSeq;
    await wal.close();
  }
});
