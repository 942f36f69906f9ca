// The FIX session store: how fast outbound messages become durable, through LmdbSessionStore
// (asynchronous lmdb-js batches per event-loop turn, durable on `flushed`) against the baseline
// of one synchronous LMDB transaction per turn (`transactionSync`, synced before it returns),
// same messages, same disk, same run.
//
//   batch     1,000 appends per turn, each turn's commit awaited before the next turn
//   pipelined 1,000 appends per turn, up to 4 turns in flight (how a busy gateway runs: it keeps
//             reading sockets while the previous turn syncs); the baseline cannot overlap
//   single    one append + commit, awaited: the latency a lone order's ExecutionReport waits
//   main_thread_us_per_turn: event-loop time spent in the store per 1,000-append turn (what the
//             sessions cannot use), the sync's cost included for the baseline
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { open } from 'lmdb';
import { LmdbSessionStore } from '../src/fix/session/store/lmdb-session-store';
import type { BenchOptions, BenchResult } from './run';

const MESSAGE = Buffer.from(
  '8=FIX.4.4\x019=196\x0135=8\x0134=1000\x0149=FIXGATE\x0152=20260102-10:00:00.000\x0156=BROKER1\x01' +
    '6=101.25\x0111=ORD-0000001\x0114=100\x0117=EXEC-000000001\x0131=101.25\x0132=100\x0137=ORD-1\x01' +
    '39=2\x0154=1\x0155=DEMO\x01150=F\x01151=0\x0110=123\x01',
);
const PER_TURN = 1_000;
const IN_FLIGHT = 4;

/** The two ways of making a turn durable, behind one shape. */
interface Subject {
  appendTurn(count: number): void;
  commit(): Promise<void>;
  close(): Promise<void>;
}

function ours(dir: string): Subject {
  const store = LmdbSessionStore.open({ path: join(dir, 'ours') });
  let seq = 1;
  return {
    appendTurn(count) {
      for (let i = 0; i < count; i++) store.append('BENCH', seq++, MESSAGE);
    },
    commit: () => store.commit(),
    close: () => store.close(),
  };
}

function baseline(dir: string): Subject {
  const root = open({ path: join(dir, 'baseline'), noSubdir: false, maxDbs: 2 });
  const messages = root.openDB<Buffer, [string, number, number]>({ name: 'messages', encoding: 'binary' });
  let seq = 1;
  return {
    appendTurn(count) {
      root.transactionSync(() => {
        for (let i = 0; i < count; i++) messages.putSync(['BENCH', 0, seq++], MESSAGE);
      });
    },
    commit: () => Promise.resolve(),
    close: () => root.close(),
  };
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));
const nowUs = () => Number(process.hrtime.bigint()) / 1_000;

async function batch(subject: Subject, turns: number): Promise<{ perS: number; busyUs: number }> {
  let busy = 0;
  const start = nowUs();
  for (let i = 0; i < turns; i++) {
    const t0 = nowUs();
    subject.appendTurn(PER_TURN);
    const commit = subject.commit();
    busy += nowUs() - t0;
    await commit;
    await nextTurn();
  }
  return { perS: (turns * PER_TURN) / ((nowUs() - start) / 1e6), busyUs: busy / turns };
}

async function pipelined(subject: Subject, turns: number): Promise<number> {
  const inFlight = new Set<Promise<void>>();
  const start = nowUs();
  for (let i = 0; i < turns; i++) {
    subject.appendTurn(PER_TURN);
    const commit = subject.commit().then(() => void inFlight.delete(commit));
    inFlight.add(commit);
    await nextTurn();
    while (inFlight.size >= IN_FLIGHT) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
  return (turns * PER_TURN) / ((nowUs() - start) / 1e6);
}

async function single(subject: Subject, samples: number): Promise<number[]> {
  const latencies: number[] = [];
  for (let i = 0; i < samples; i++) {
    const t0 = nowUs();
    subject.appendTurn(1);
    await subject.commit();
    latencies.push(nowUs() - t0);
    await nextTurn();
  }
  return latencies.sort((a, b) => a - b);
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;

async function measure(name: string, make: (dir: string) => Subject, dir: string, options: BenchOptions) {
  const turns = options.quick ? 200 : 2_000;
  const samples = options.quick ? 1_000 : 10_000;
  const subject = make(dir);
  await batch(subject, 20);
  const b = await batch(subject, turns);
  const p = await pipelined(subject, turns);
  const s = await single(subject, samples);
  await subject.close();
  const result = {
    batch_records_per_s: Math.round(b.perS),
    pipelined_records_per_s: Math.round(p),
    main_thread_us_per_turn: Math.round(b.busyUs),
    single_commit_p50_us: Math.round(percentile(s, 0.5)),
    single_commit_p99_us: Math.round(percentile(s, 0.99)),
    single_commit_p999_us: Math.round(percentile(s, 0.999)),
  };
  process.stdout.write(`${name.padEnd(9)} ${JSON.stringify(result)}\n`);
  return result;
}

export async function run(options: BenchOptions): Promise<BenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'fixgate-bench-store-'));
  try {
    process.stdout.write(`session store, ${MESSAGE.length}-byte messages, ${PER_TURN} per turn, durable commits\n`);
    const mine = await measure('ours', ours, dir, options);
    const base = await measure('baseline', baseline, dir, options);
    return {
      bench: 'session-store',
      append_records_per_s: mine.pipelined_records_per_s,
      ...mine,
      ...Object.fromEntries(Object.entries(base).map(([k, v]) => [`baseline_${k}`, v])),
      ratio: Math.round((mine.pipelined_records_per_s / base.pipelined_records_per_s) * 100) / 100,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
