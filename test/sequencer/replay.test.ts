// Recovery rebuilds what the live gateway had: commands sequenced live (through the WAL) and then
// replayed into a fresh native matcher give the same events, event for event, and the same book
// hash. Two streams: the exchange mix of the benchmark, and a generated stream with every command
// kind over several symbols (test/support/command-gen.ts).
import test from 'ava';
import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { generateExchangeMix } from '../../bench/support/exchange-mix';
import { NativeMatcher } from '../../src/matcher/native-matcher';
import { EventType, type Command, type MatcherEvent } from '../../src/matcher/types';
import { bookHash } from '../../src/sequencer/book-hash';
import { replay } from '../../src/sequencer/replay';
import { Sequencer, type SequencedBatch } from '../../src/sequencer/sequencer';
import { verify } from '../../src/sequencer/verify';
import { WriteAheadLog } from '../../src/sequencer/write-ahead-log';
import { commandStream } from '../support/command-gen';
import { ReferenceMatcher } from '../support/reference-book';
import { feedCommand } from '../support/wal-crash-child';

interface LiveRun {
  events: MatcherEvent[];
  hash: string;
  symbolIds: number[];
  lastSeq: number;
  batches: number;
}

/** Sequences `stream` live, `perTurn` commands per event-loop turn, through a WAL in `dir`. */
async function runLive(dir: string, stream: readonly Command[], perTurn: number): Promise<LiveRun> {
  const wal = WriteAheadLog.open({ dataDir: dir });
  const matcher = new NativeMatcher();
  const events: MatcherEvent[] = [];
  let batches = 0;
  let current = 0;
  const consumer = {
    onBatch(b: SequencedBatch): void {
      batches++;
      for (let i = 0; i < b.eventCount; i++) events.push(b.events.decode(i));
    },
  };
  // The generated streams' own timestamps, so their GTD expiry times mean what they were drawn for.
  const sequencer = new Sequencer({ matcher, wal, consumer, logger: pino({ level: 'silent' }), clock: () => current });
  const orderIds = new Map<number, number>();
  const symbolIds = new Set<number>();
  for (let i = 0; i < stream.length; i++) {
    const c = stream[i]!;
    current = c.ts;
    if (c.type === 1) symbolIds.add(c.symbolId);
    feedCommand(sequencer, c, orderIds);
    if ((i + 1) % perTurn === 0) await new Promise<void>((resolve) => setImmediate(resolve));
  }
  await sequencer.drain();
  const ids = [...symbolIds].sort((a, b) => a - b);
  const result = { events, hash: bookHash(matcher, ids), symbolIds: ids, lastSeq: sequencer.lastSeq, batches };
  await wal.close();
  return result;
}

function replayed(dir: string): { events: MatcherEvent[]; hash: string; lastSeq: number; eventCount: number; symbolIds: number[] } {
  const wal = WriteAheadLog.open({ dataDir: dir });
  const matcher = new NativeMatcher();
  const events: MatcherEvent[] = [];
  const result = replay(wal, matcher, 1, {
    onEvents: (reader, count) => {
      for (let i = 0; i < count; i++) events.push(reader.decode(i));
    },
  });
  void wal.close();
  return { events, hash: bookHash(matcher, result.symbolIds), lastSeq: result.lastSeq, eventCount: result.eventCount, symbolIds: result.symbolIds };
}

function tempDir(t: { teardown(f: () => void): void }): string {
  const dir = mkdtempSync(join(tmpdir(), 'fixgate-replay-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

test('the exchange mix: a replay gives the live events and the live book hash', async (t) => {
  const dir = tempDir(t);
  const stream = generateExchangeMix(new ReferenceMatcher(), { commands: 4_000, seed: 0xbeef, restingTarget: 300, levels: 200 });
  const live = await runLive(dir, stream, 97);
  t.true(live.batches > 40, 'many turns, so many WAL values');
  t.is(live.lastSeq, stream.length);
  t.true(live.events.filter((e) => e.type === EventType.Trade).length > 100, 'the live run really traded');
  t.true(live.events.filter((e) => e.type === EventType.Rejected).length < stream.length / 100, 'and refused almost nothing');
  const again = replayed(dir);
  t.is(again.lastSeq, live.lastSeq);
  t.is(again.eventCount, live.events.length);
  t.deepEqual(again.events, live.events);
  t.deepEqual(again.symbolIds, live.symbolIds);
  t.is(again.hash, live.hash);
  t.regex(live.hash, /^[0-9a-f]{64}$/);
});

test('a generated stream with every command kind over several symbols: same events, same hash; verify agrees', async (t) => {
  const dir = tempDir(t);
  const [stream] = fc.sample(commandStream({ minCommands: 3_000, maxCommands: 3_000 }), { seed: 42, numRuns: 1 });
  const live = await runLive(dir, stream!, 250);
  const again = replayed(dir);
  t.deepEqual(again.events, live.events);
  t.is(again.hash, live.hash);

  const wal = WriteAheadLog.open({ dataDir: dir });
  const good = verify(wal, live.hash);
  t.true(good.ok);
  t.is(good.lastSeq, live.lastSeq);
  t.is(good.eventCount, live.events.length);
  const bad = verify(wal, '0'.repeat(64));
  t.false(bad.ok);
  t.is(bad.hash, live.hash);
  await wal.close();
});

test('bookHash differs when one order differs', (t) => {
  const a = new NativeMatcher();
  const b = new NativeMatcher();
  const setup: Command[] = [
    { type: 1, seq: 1, ts: 1, symbolId: 1, tickSize: 1, lotSize: 1, minPrice: 1, maxPrice: 1_000, marketBand: 0, state: 0 },
  ];
  a.process(setup);
  b.process(setup);
  t.is(bookHash(a, [1]), bookHash(b, [1]));
  const order = (qty: number): Command => ({
    type: 3, seq: 2, ts: 2, orderId: 2, symbolId: 1, side: 1, ordType: 1, tif: 1, flags: 0, stpMode: 0, price: 100,
    stopPx: 0, qty, minQty: 0, displayQty: 0, expireTime: 0, sessionId: 1, firmId: 1, stpId: 0,
  });
  a.process([order(10)]);
  b.process([order(11)]);
  t.not(bookHash(a, [1]), bookHash(b, [1]));
});
