// The write-ahead log: how fast durable appends go, and how fast a snapshot-less recovery is.
// (a) append_records_per_s: WriteAheadLog.append of 1,000-record batches, one per event-loop turn,
//     commits overlapping as the sequencer runs them, until every append is durable; median of
//     several timed windows. (While a sync runs, lmdb-js may put the appends of several turns into
//     one commit; that is what the sequencer gets, so that is what is measured.) Baseline in the same run: one durable commit per record, awaited one
//     by one (what a log without group commit pays).
// (a') append_annotated_records_per_s: the same, each record carrying an annotation of the size the
//     order path logs for a NewOrder (src/app/order-annotation.ts, about 80 bytes of JSON).
// (b) recovery: the exchange mix (bench/support/exchange-mix.ts) sequenced live through the
//     Sequencer into a fresh WAL (durable, 1,000 commands per turn), then the time to open the WAL
//     and replay all of it into a fresh native matcher, checked against the live run's event count
//     and book hash. recovery_1m_s is reported from a full run only (1M commands); --quick runs
//     200k and reports recovery_200k_s instead.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { CommandEncoder } from '../src/matcher/command-buffer';
import { NativeMatcher } from '../src/matcher/native-matcher';
import { bookHash } from '../src/sequencer/book-hash';
import { replay } from '../src/sequencer/replay';
import { Sequencer, type SequencedBatch } from '../src/sequencer/sequencer';
import { ANNOTATION_HEADER_BYTES } from '../src/sequencer/wal-record';
import { WriteAheadLog } from '../src/sequencer/write-ahead-log';
import { newOrderAnnotation } from '../src/app/order-annotation';
import { ReferenceMatcher } from '../test/support/reference-book';
import { feedCommand } from '../test/support/wal-crash-child';
import type { BenchOptions, BenchResult } from './run';
import { DEFAULT_MIX, generateExchangeMix } from './support/exchange-mix';
import { median, say } from './support/report';

const BATCH_RECORDS = 1_000;

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

function tempDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'fixgate-wal-bench-'));
}

/** A batch of `count` NewOrder-shaped records (content does not matter to the log). */
function recordBatch(count: number): Uint8Array {
  const encoder = new CommandEncoder(count);
  for (let i = 0; i < count; i++) {
    encoder.newOrder(i + 1, (i + 1) * 1_000, i + 1, 1, 1 + (i % 2), 1, 1, 0, 0, 100_000 + (i % 50), 0, 10, 0, 0, 0, 1, 1, 0);
  }
  return encoder.pendingBytes().slice();
}

/** One annotation entry per record (seq, length, a NewOrder-sized JSON), laid out as the sequencer does. */
function annotationEntries(count: number): Buffer {
  const text = Buffer.from(newOrderAnnotation({
    orderId: 1, session: 'BROKER1-OE', firm: 'BROKER1', clOrdId: 'ORD-000123456', symbolId: 1, side: 1, ordType: 2, tif: 0,
    price: 100_000, stopPx: 0, qty: 10, account: 'ACC-1',
  }));
  const entry = ANNOTATION_HEADER_BYTES + text.length;
  const out = Buffer.alloc(count * entry);
  for (let i = 0; i < count; i++) {
    out.writeDoubleLE(i + 1, i * entry);
    out.writeUInt32LE(text.length, i * entry + 8);
    out.set(text, i * entry + ANNOTATION_HEADER_BYTES);
  }
  return out;
}

/** Records per second of 1,000-record batches, one append per turn, for `windowMs` then until durable. */
async function batchedAppends(wal: WriteAheadLog, records: Uint8Array, windowMs: number, annotations?: Buffer): Promise<number> {
  const start = process.hrtime.bigint();
  const end = start + BigInt(windowMs) * 1_000_000n;
  let appended = 0;
  let last: Promise<void> = Promise.resolve();
  while (process.hrtime.bigint() < end) {
    last = annotations === undefined ? wal.append(wal.lastSeq + 1, BATCH_RECORDS, records) : wal.append(wal.lastSeq + 1, BATCH_RECORDS, records, BATCH_RECORDS, annotations);
    appended += BATCH_RECORDS;
    await nextTurn();
  }
  await last;
  return appended / (Number(process.hrtime.bigint() - start) / 1e9);
}

/** Records per second when every record is its own durable commit, awaited before the next. */
async function perRecordCommits(wal: WriteAheadLog, records: Uint8Array, windowMs: number): Promise<number> {
  const start = process.hrtime.bigint();
  const end = start + BigInt(windowMs) * 1_000_000n;
  let appended = 0;
  while (process.hrtime.bigint() < end) {
    await wal.append(wal.lastSeq + 1, 1, records);
    appended += 1;
  }
  return appended / (Number(process.hrtime.bigint() - start) / 1e9);
}

interface LiveRun {
  commands: number;
  events: number;
  hash: string;
  seconds: number;
}

/** Sequences the stream live through a WAL in `dataDir`, BATCH_RECORDS commands per turn, durably. */
async function sequenceLive(dataDir: string, stream: ReturnType<typeof generateExchangeMix>): Promise<LiveRun> {
  const wal = WriteAheadLog.open({ dataDir });
  const matcher = new NativeMatcher({ commandCapacity: BATCH_RECORDS });
  let events = 0;
  let ts = 0;
  const consumer = {
    onBatch(b: SequencedBatch): void {
      events += b.eventCount;
    },
  };
  const sequencer = new Sequencer({ matcher, wal, consumer, logger: pino({ level: 'silent' }), clock: () => ts });
  const orderIds = new Map<number, number>();
  const start = process.hrtime.bigint();
  for (let i = 0; i < stream.length; i++) {
    const c = stream[i]!;
    ts = c.ts;
    feedCommand(sequencer, c, orderIds);
    if ((i + 1) % BATCH_RECORDS === 0) await nextTurn();
  }
  await sequencer.drain();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const hash = bookHash(matcher, [1]);
  await wal.close();
  return { commands: stream.length, events, hash, seconds };
}

/** Opens the WAL and replays all of it into a fresh matcher; seconds, events, hash. */
async function recover(dataDir: string, batchSize?: number): Promise<{ seconds: number; events: number; hash: string; commands: number }> {
  const start = process.hrtime.bigint();
  const wal = WriteAheadLog.open({ dataDir });
  const matcher = new NativeMatcher({ commandCapacity: 16_384 });
  const result = replay(wal, matcher, 1, batchSize === undefined ? {} : { batchSize });
  const hash = bookHash(matcher, result.symbolIds);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  await wal.close();
  return { seconds, events: result.eventCount, hash, commands: result.commandCount };
}

export async function run(options: BenchOptions): Promise<BenchResult> {
  const quick = options.quick;
  const rounds = quick ? 3 : 5;
  const windowMs = quick ? 1_000 : 3_000;
  const dirs: string[] = [];
  try {
    // (a) appends.
    const appendDir = tempDataDir();
    dirs.push(appendDir);
    const wal = WriteAheadLog.open({ dataDir: appendDir });
    const records = recordBatch(BATCH_RECORDS);
    await batchedAppends(wal, records, 300); // warm-up: file growth, page cache
    const annotations = annotationEntries(BATCH_RECORDS);
    const batched: number[] = [];
    const annotated: number[] = [];
    const single: number[] = [];
    for (let r = 0; r < rounds; r++) {
      batched.push(await batchedAppends(wal, records, windowMs));
      annotated.push(await batchedAppends(wal, records, windowMs, annotations));
      single.push(await perRecordCommits(wal, records, Math.min(windowMs, 1_000)));
    }
    await wal.close();
    const appendRate = median(batched);
    const baselineRate = median(single);
    const annotatedRate = median(annotated);
    say(`durable appends, ${BATCH_RECORDS}-record batches: ${(appendRate / 1e6).toFixed(2)} M records/s (median of ${rounds} × ${windowMs} ms)`);
    say(`durable appends, ${BATCH_RECORDS}-record batches, each record annotated (${annotations.length / BATCH_RECORDS} bytes): ${(annotatedRate / 1e6).toFixed(2)} M records/s`);
    say(`baseline, one durable commit per record: ${(baselineRate / 1e3).toFixed(1)} k records/s; ratio ${(appendRate / baselineRate).toFixed(0)}x`);

    // (b) recovery.
    const mix = { ...DEFAULT_MIX, commands: quick ? 200_000 : DEFAULT_MIX.commands };
    say(`generating ${mix.commands} commands of the exchange mix (seed ${mix.seed})`);
    const stream = generateExchangeMix(new ReferenceMatcher(), mix);
    const liveDir = tempDataDir();
    dirs.push(liveDir);
    const live = await sequenceLive(liveDir, stream);
    const sequencedRate = live.commands / live.seconds;
    say(`sequenced live (durable, ${BATCH_RECORDS} per turn): ${live.commands} commands, ${live.events} events, ${(sequencedRate / 1e6).toFixed(2)} M cmds/s`);
    await recover(liveDir); // warm-up: page cache, JIT
    const recoveries: number[] = [];
    for (let r = 0; r < rounds; r++) {
      const rec = await recover(liveDir);
      if (rec.commands !== live.commands || rec.events !== live.events || rec.hash !== live.hash) {
        throw new Error(`replay differs from the live run: ${rec.commands}/${rec.events}/${rec.hash} vs ${live.commands}/${live.events}/${live.hash}`);
      }
      recoveries.push(rec.seconds);
    }
    const recoverySeconds = median(recoveries);
    say(`recovery of ${live.commands} commands (open + replay + hash): ${recoverySeconds.toFixed(3)} s (median of ${rounds}); events and hash match the live run`);
    const bySize: Record<string, number> = {};
    for (const size of [1_024, 8_192, 65_536]) {
      const times: number[] = [];
      for (let r = 0; r < 3; r++) times.push((await recover(liveDir, size)).seconds);
      bySize[String(size)] = Number(median(times).toFixed(3));
    }
    say(`recovery by replay batch size (s): ${JSON.stringify(bySize)}`);

    const recoveryKey = quick ? 'recovery_200k_s' : 'recovery_1m_s';
    return {
      bench: 'wal',
      append_records_per_s: Math.round(appendRate),
      append_batch_records: BATCH_RECORDS,
      append_annotated_records_per_s: Math.round(annotatedRate),
      baseline_records_per_s: Math.round(baselineRate),
      baseline: 'one durable commit per record, awaited',
      ratio: Number((appendRate / baselineRate).toFixed(1)),
      recovery_1m_s: quick ? null : Number(recoverySeconds.toFixed(3)),
      [recoveryKey]: Number(recoverySeconds.toFixed(3)),
      recovery_commands: live.commands,
      recovery_events: live.events,
      recovery_by_batch_s: bySize,
      sequenced_durable_cmds_per_s: Math.round(sequencedRate),
    };
  } finally {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  }
}
