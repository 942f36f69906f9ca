// The log on disk: the value layout and its checksum, reading from any seq, a restart continuing
// the numbering, and damage (a flipped bit, a cut value, a missing batch) reported with its code.
import test from 'ava';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { open } from 'lmdb';
import pino from 'pino';
import { ErrorCode, GatewayError } from '../../src/errors';
import { COMMAND_RECORD_BYTES } from '../../src/matcher/buffer-layout';
import { CommandEncoder } from '../../src/matcher/command-buffer';
import { NativeMatcher } from '../../src/matcher/native-matcher';
import { TradingState } from '../../src/matcher/types';
import { crc32 } from '../../src/sequencer/crc32';
import { Sequencer, type SequencedBatch } from '../../src/sequencer/sequencer';
import { decodeWalValue, encodeWalValue, WAL_HEADER_BYTES } from '../../src/sequencer/wal-record';
import { WriteAheadLog, walPath } from '../../src/sequencer/write-ahead-log';

function tempDir(t: { teardown(f: () => void): void }): string {
  const dir = mkdtempSync(join(tmpdir(), 'fixgate-wal-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** `count` TimeTick records with seqs firstSeq.. and ts = 10 × seq. */
function ticks(firstSeq: number, count: number): Uint8Array {
  const encoder = new CommandEncoder(count);
  for (let i = 0; i < count; i++) encoder.timeTick(firstSeq + i, (firstSeq + i) * 10);
  return encoder.pendingBytes().slice();
}

/** Writes batches of the given sizes (seqs continuing from 1) and closes the log. */
async function writeBatches(dir: string, sizes: number[]): Promise<void> {
  const wal = WriteAheadLog.open({ dataDir: dir });
  let seq = 1;
  const commits: Promise<void>[] = [];
  for (const size of sizes) {
    commits.push(wal.append(seq, size, ticks(seq, size)));
    seq += size;
  }
  await Promise.all(commits);
  await wal.close();
}

/** Opens the log's LMDB environment directly, as a damaged disk would present it. */
async function tamper(dir: string, key: number, change: (value: Buffer) => Buffer | undefined): Promise<void> {
  const root = open({ path: walPath(dir), noSubdir: false, maxDbs: 2 });
  const db = root.openDB<Buffer, number>({ name: 'commands', encoding: 'binary' });
  const value = db.get(key);
  if (!value) throw new Error(`no value at ${key}`);
  const changed = change(Buffer.from(value));
  if (changed) db.putSync(key, changed);
  else db.removeSync(key);
  await root.close();
}

test('crc32 is the IEEE CRC-32 (check value of "123456789"), whole or in pieces', (t) => {
  const bytes = Buffer.from('123456789');
  t.is(crc32(bytes), 0xcbf43926);
  t.is(crc32(bytes, 4, 9, crc32(bytes, 0, 4)), 0xcbf43926);
  t.is(crc32(new Uint8Array(0)), 0);
});

test('a value holds a 32-byte header, the records byte for byte and an (empty) annotation section', (t) => {
  const records = ticks(5, 3);
  const value = encodeWalValue(5, 3, records);
  t.is(value.length, WAL_HEADER_BYTES + 3 * COMMAND_RECORD_BYTES + 4);
  t.is(value.readUInt32LE(WAL_HEADER_BYTES + 3 * COMMAND_RECORD_BYTES), 0, 'no annotations');
  t.is(value.toString('latin1', 0, 4), 'FGWL');
  const batch = decodeWalValue(5, value);
  t.deepEqual([batch.firstSeq, batch.lastSeq, batch.count], [5, 7, 3]);
  t.deepEqual(Buffer.from(batch.records), Buffer.from(records));
});

test('reading from any seq: the batch holding it is cut to start there', async (t) => {
  const dir = tempDir(t);
  await writeBatches(dir, [3, 4, 5]);
  const wal = WriteAheadLog.open({ dataDir: dir });
  t.deepEqual([...wal.batches(1)].map((b) => [b.firstSeq, b.lastSeq, b.count]), [[1, 3, 3], [4, 7, 4], [8, 12, 5]]);
  const from6 = [...wal.batches(6)];
  t.deepEqual(from6.map((b) => [b.firstSeq, b.lastSeq, b.count]), [[6, 7, 2], [8, 12, 5]]);
  t.deepEqual(Buffer.from(from6[0]!.records), Buffer.from(ticks(6, 2)));
  t.deepEqual([...wal.batches(13)], []);
  await wal.close();
});

test('a restart continues the numbering (and the time) where the log ends', async (t) => {
  const dir = tempDir(t);
  const logger = pino({ level: 'silent' });
  const consumer = { onBatch: (b: SequencedBatch) => void b.durable };
  const first = WriteAheadLog.open({ dataDir: dir });
  t.is(first.lastSeq, 0);
  const s1 = new Sequencer({ matcher: new NativeMatcher(), wal: first, consumer, logger, clock: () => 5_000 });
  s1.addSymbol(1, 1, 1, 1, 1_000, 0, TradingState.Open);
  for (let i = 0; i < 9; i++) s1.timeTick();
  await s1.drain();
  await first.close();

  const second = WriteAheadLog.open({ dataDir: dir });
  t.is(second.lastSeq, 10);
  t.is(second.lastTs, 5_000);
  const s2 = new Sequencer({ matcher: new NativeMatcher(), wal: second, consumer, logger, clock: () => 4_000 });
  t.is(s2.timeTick(), 11, 'numbering continues');
  await s2.drain();
  const last = [...second.batches(11)][0]!;
  const ts = new DataView(last.records.buffer, last.records.byteOffset).getFloat64(16, true);
  t.is(ts, 5_000, 'a clock behind the logged time is clamped to it');
  await second.close();
});

test('an append that does not continue the log is refused', async (t) => {
  const dir = tempDir(t);
  const wal = WriteAheadLog.open({ dataDir: dir });
  t.throws(() => wal.append(2, 1, ticks(2, 1)), { instanceOf: RangeError });
  await wal.append(1, 2, ticks(1, 2));
  t.throws(() => wal.append(4, 1, ticks(4, 1)), { instanceOf: RangeError });
  await wal.close();
});

test('a flipped bit in a stored value is reported as GW_ERR_WAL_CORRUPT with the key and the checksum', async (t) => {
  const dir = tempDir(t);
  await writeBatches(dir, [3, 4, 5]);
  await tamper(dir, 4, (v) => {
    v[WAL_HEADER_BYTES + 200]! ^= 0x10;
    return v;
  });
  const wal = WriteAheadLog.open({ dataDir: dir });
  const err = t.throws(() => [...wal.batches(1)]) as GatewayError;
  t.is(err.code, ErrorCode.WalCorrupt);
  t.regex(err.message, /^GW_ERR_WAL_CORRUPT: WAL value at key 4 .*checksum mismatch/);
  t.deepEqual([...wal.batches(8)].map((b) => b.firstSeq), [8], 'batches after the damage still read');
  await wal.close();
});

test('a value cut short (torn) is reported, and a damaged last value already at open', async (t) => {
  const dir = tempDir(t);
  await writeBatches(dir, [3, 4]);
  await tamper(dir, 4, (v) => v.subarray(0, v.length - 100));
  const err = t.throws(() => WriteAheadLog.open({ dataDir: dir })) as GatewayError;
  t.is(err.code, ErrorCode.WalCorrupt);
  t.regex(err.message, /key 4 .*torn or truncated/);
});

test('a missing batch is reported as GW_ERR_WAL_GAP', async (t) => {
  const dir = tempDir(t);
  await writeBatches(dir, [3, 4, 5]);
  await tamper(dir, 4, () => undefined);
  const wal = WriteAheadLog.open({ dataDir: dir });
  const err = t.throws(() => [...wal.batches(1)]) as GatewayError;
  t.is(err.code, ErrorCode.WalGap);
  t.regex(err.message, /seqs 4\.\.7 are missing/);
  await wal.close();
});
