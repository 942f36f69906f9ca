// The sequencer's own promises: increasing seq and never-decreasing ts on every command, one WAL
// append per event-loop turn (more only past the batch cap), `durable` tied to the WAL commit,
// the relaxed mode, and a WAL failure that stops everything.
import test from 'ava';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { ErrorCode, GatewayError } from '../../src/errors';
import { COMMAND_RECORD_BYTES, CommandWord } from '../../src/matcher/buffer-layout';
import { NativeMatcher } from '../../src/matcher/native-matcher';
import { EventType, OrdType, Side, StpMode, TimeInForce, TradingState } from '../../src/matcher/types';
import { Durability, Sequencer, type CommandLog, type SequencedBatch } from '../../src/sequencer/sequencer';
import { WriteAheadLog } from '../../src/sequencer/write-ahead-log';

const SYMBOL = 3;

interface Seen {
  firstSeq: number;
  lastSeq: number;
  eventCount: number;
  types: EventType[];
  durable: Promise<void>;
}

function collector(): { batches: Seen[]; consumer: { onBatch(b: SequencedBatch): void } } {
  const batches: Seen[] = [];
  return {
    batches,
    consumer: {
      onBatch(b) {
        const types: EventType[] = [];
        for (let i = 0; i < b.eventCount; i++) types.push(b.events.type(i));
        batches.push({ firstSeq: b.firstSeq, lastSeq: b.lastSeq, eventCount: b.eventCount, types, durable: b.durable });
      },
    },
  };
}

function memoryLogger(): { logger: pino.Logger; lines: Array<{ level: number; msg: string }> } {
  const lines: Array<{ level: number; msg: string }> = [];
  const logger = pino({ level: 'info' }, { write: (s: string) => lines.push(JSON.parse(s) as { level: number; msg: string }) });
  return { logger, lines };
}

function tempDir(t: { teardown(f: () => void): void }): string {
  const dir = mkdtempSync(join(tmpdir(), 'fixgate-seq-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** A log that records each append and lets the test decide when (and whether) it commits. */
class ControlledLog implements CommandLog {
  lastSeq = 0;
  lastTs = 0;
  readonly appends: Array<{ firstSeq: number; count: number; records: Uint8Array; settle(err?: Error): void }> = [];
  append(firstSeq: number, count: number, records: Uint8Array): Promise<void> {
    return new Promise((resolve, reject) => {
      this.appends.push({
        firstSeq,
        count,
        records: records.slice(0, count * COMMAND_RECORD_BYTES),
        settle: (err) => (err ? reject(err) : resolve()),
      });
    });
  }
}

function buy(s: Sequencer, price: number, qty = 10): number {
  return s.newOrder(SYMBOL, Side.Buy, OrdType.Limit, TimeInForce.GTC, 0, StpMode.None, price, 0, qty, 0, 0, 0, 1, 1, 0);
}

test('every command gets the next seq and a never-decreasing ts; a NewOrder id is its seq', async (t) => {
  const log = new ControlledLog();
  const { batches, consumer } = collector();
  const times = [1_000, 2_000, 1_500, 1_500, 3_000, 500];
  const s = new Sequencer({ matcher: new NativeMatcher(), wal: log, consumer, logger: memoryLogger().logger, clock: () => times.shift()! });
  t.is(s.addSymbol(SYMBOL, 1, 1, 1, 1_000, 10, TradingState.Open), 1);
  t.is(buy(s, 100), 2);
  t.is(buy(s, 101), 3);
  t.is(s.cancel(2), 4);
  t.is(s.replace(3, 102, 0, 5), 5);
  t.is(s.timeTick(), 6);
  await nextTurn();
  t.is(log.appends.length, 1);
  const { records, count } = log.appends[0]!;
  const words = new Float64Array(records.buffer, records.byteOffset, records.byteLength / 8);
  const seqs: number[] = [];
  const stamps: number[] = [];
  for (let i = 0; i < count; i++) {
    seqs.push(words[i * 16 + CommandWord.seq]!);
    stamps.push(words[i * 16 + CommandWord.ts]!);
  }
  t.deepEqual(seqs, [1, 2, 3, 4, 5, 6]);
  t.deepEqual(stamps, [1_000, 2_000, 2_000, 2_000, 3_000, 3_000], 'a clock going back is clamped to the last ts');
  t.deepEqual(words[16 + CommandWord.orderId], 2, 'the order id written is the seq');
  t.deepEqual(batches[0]!.types, [
    EventType.SymbolAdded,
    EventType.Accepted,
    EventType.Accepted,
    EventType.Cancelled,
    EventType.Replaced,
  ], 'the matcher accepted every command: no seq or ts was refused');
});

test('one WAL append per event-loop turn, holding all of the turn; more only past the batch cap', async (t) => {
  const log = new ControlledLog();
  const { batches, consumer } = collector();
  const s = new Sequencer({ matcher: new NativeMatcher(), wal: log, consumer, logger: memoryLogger().logger, clock: () => 1, maxBatch: 100 });
  s.addSymbol(SYMBOL, 1, 1, 1, 1_000, 10, TradingState.Open);
  for (let i = 0; i < 40; i++) buy(s, 100 + (i % 5));
  t.is(log.appends.length, 0, 'nothing is written before the turn ends');
  await nextTurn();
  t.deepEqual(log.appends.map((a) => [a.firstSeq, a.count]), [[1, 41]]);
  for (let i = 0; i < 250; i++) buy(s, 100);
  t.deepEqual(log.appends.map((a) => [a.firstSeq, a.count]), [[1, 41], [42, 100], [142, 100]], 'the cap flushes within the turn');
  await nextTurn();
  t.deepEqual(log.appends.map((a) => [a.firstSeq, a.count]), [[1, 41], [42, 100], [142, 100], [242, 50]]);
  t.deepEqual(batches.map((b) => [b.firstSeq, b.lastSeq]), [[1, 41], [42, 141], [142, 241], [242, 291]]);
  await nextTurn();
  t.is(log.appends.length, 4, 'an idle turn writes nothing');
});

test('durable resolves only after the WAL commit holding the batch, and in batch order', async (t) => {
  const log = new ControlledLog();
  const { batches, consumer } = collector();
  const s = new Sequencer({ matcher: new NativeMatcher(), wal: log, consumer, logger: memoryLogger().logger, clock: () => 1 });
  s.addSymbol(SYMBOL, 1, 1, 1, 1_000, 10, TradingState.Open);
  await nextTurn();
  buy(s, 100);
  await nextTurn();
  const settled: number[] = [];
  batches.forEach((b, i) => void b.durable.then(() => settled.push(i)));
  await nextTurn();
  t.deepEqual(settled, [], 'not durable before the commit');
  log.appends[1]!.settle();
  await nextTurn();
  t.deepEqual(settled, [], 'a later batch waits for every earlier one');
  log.appends[0]!.settle();
  await Promise.all(batches.map((b) => b.durable));
  t.deepEqual(settled, [0, 1]);
});

test('with the real WAL, a batch is readable from the log once durable resolves', async (t) => {
  const dir = tempDir(t);
  const wal = WriteAheadLog.open({ dataDir: dir });
  const { batches, consumer } = collector();
  const s = new Sequencer({ matcher: new NativeMatcher(), wal, consumer, logger: memoryLogger().logger, clock: () => 5 });
  s.addSymbol(SYMBOL, 1, 1, 1, 1_000, 10, TradingState.Open);
  for (let i = 0; i < 1_000; i++) buy(s, 100 + (i % 50));
  await nextTurn();
  t.is(batches.length, 1);
  await batches[0]!.durable;
  t.deepEqual([...wal.batches(1)].map((b) => [b.firstSeq, b.count]), [[1, 1_001]]);
  await wal.close();
});

test('relaxed mode resolves durable at once and warns at start that durability is traded away', async (t) => {
  const log = new ControlledLog();
  const { logger, lines } = memoryLogger();
  const { batches, consumer } = collector();
  const s = new Sequencer({ matcher: new NativeMatcher(), wal: log, consumer, logger, clock: () => 1, durability: Durability.Relaxed });
  t.is(lines.length, 1);
  t.is(lines[0]!.level, 40, 'a warning');
  t.regex(lines[0]!.msg, /relaxed durability/);
  s.addSymbol(SYMBOL, 1, 1, 1, 1_000, 10, TradingState.Open);
  await nextTurn();
  t.is(log.appends.length, 1, 'the WAL is still written');
  // The log never commits here: only the relaxed mode lets durable resolve.
  const first = await Promise.race([batches[0]!.durable.then(() => 'durable'), nextTurn().then(() => 'pending')]);
  t.is(first, 'durable');
});

test('durable mode logs no warning', (t) => {
  const { logger, lines } = memoryLogger();
  new Sequencer({ matcher: new NativeMatcher(), wal: new ControlledLog(), consumer: collector().consumer, logger });
  t.deepEqual(lines, []);
});

test('a failed WAL write fails durable for that batch and every later one, and stops the sequencer', async (t) => {
  const log = new ControlledLog();
  const { logger, lines } = memoryLogger();
  const { batches, consumer } = collector();
  const s = new Sequencer({ matcher: new NativeMatcher(), wal: log, consumer, logger, clock: () => 1 });
  s.addSymbol(SYMBOL, 1, 1, 1, 1_000, 10, TradingState.Open);
  await nextTurn();
  buy(s, 100);
  await nextTurn();
  log.appends[1]!.settle(); // the later write commits ...
  log.appends[0]!.settle(new GatewayError(ErrorCode.WalWriteFailed, 'disk full')); // ... the earlier one failed
  const first = await t.throwsAsync(batches[0]!.durable);
  const second = await t.throwsAsync(batches[1]!.durable);
  t.is((first as GatewayError).code, ErrorCode.WalWriteFailed);
  t.is((second as GatewayError).code, ErrorCode.WalWriteFailed);
  const stopped = t.throws(() => buy(s, 101));
  t.is((stopped as GatewayError).code, ErrorCode.SequencerStopped);
  t.is(s.stoppedBy?.code, ErrorCode.WalWriteFailed);
  t.true(lines.some((l) => l.level === 50 && /WAL write failed/.test(l.msg)), 'the failure is logged as an error');
});

test('a WAL that refuses the append at once: the batch is not run, durable rejects, submits throw', async (t) => {
  const dir = tempDir(t);
  const wal = WriteAheadLog.open({ dataDir: dir });
  const { batches, consumer } = collector();
  const s = new Sequencer({ matcher: new NativeMatcher(), wal, consumer, logger: memoryLogger().logger, clock: () => 1 });
  await wal.close();
  s.addSymbol(SYMBOL, 1, 1, 1, 1_000, 10, TradingState.Open);
  await nextTurn();
  t.is(batches.length, 1);
  t.is(batches[0]!.eventCount, 0, 'the matcher never ran what was not logged');
  const err = await t.throwsAsync(batches[0]!.durable);
  t.is((err as GatewayError).code, ErrorCode.WalWriteFailed);
  t.is((t.throws(() => s.timeTick()) as GatewayError).code, ErrorCode.SequencerStopped);
});
