// Annotations: the bytes a submit logs with its command (who placed it), in the same WAL value as
// the batch's records. They come back with their seqs, in order, across forced flushes and cut
// batches; the checksum covers them; values of the first layout (no annotations) are still read.
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
import {
  ANNOTATION_HEADER_BYTES,
  WAL_HEADER_BYTES,
  WAL_RECORD_VERSION,
  decodeWalValue,
  encodeWalValue,
  forEachAnnotation,
  type WalBatch,
} from '../../src/sequencer/wal-record';
import { WriteAheadLog, walPath } from '../../src/sequencer/write-ahead-log';

function tempDir(t: { teardown(f: () => void): void }): string {
  const dir = mkdtempSync(join(tmpdir(), 'fixgate-wal-ann-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function ticks(firstSeq: number, count: number): Uint8Array {
  const encoder = new CommandEncoder(count);
  for (let i = 0; i < count; i++) encoder.timeTick(firstSeq + i, (firstSeq + i) * 10);
  return encoder.pendingBytes().slice();
}

/** Annotation entries laid out as the sequencer writes them. */
function entries(list: [number, string][]): Buffer {
  const parts = list.map(([seq, text]) => {
    const bytes = Buffer.from(text);
    const head = Buffer.alloc(ANNOTATION_HEADER_BYTES);
    head.writeDoubleLE(seq, 0);
    head.writeUInt32LE(bytes.length, 8);
    return Buffer.concat([head, bytes]);
  });
  return Buffer.concat(parts);
}

function annotationsOf(batch: WalBatch): [number, string][] {
  const out: [number, string][] = [];
  forEachAnnotation(batch, (seq, bytes) => out.push([seq, Buffer.from(bytes).toString('utf8')]));
  return out;
}

/** A value of the first layout: version 1, records only, its own checksum. */
function versionOneValue(firstSeq: number, count: number): Buffer {
  const v2 = encodeWalValue(firstSeq, count, ticks(firstSeq, count));
  const value = Buffer.from(v2.subarray(0, WAL_HEADER_BYTES + count * COMMAND_RECORD_BYTES));
  value.writeUInt16LE(1, 4);
  value.writeUInt32LE(crc32(value, 16, value.length, crc32(value, 0, 12)), 12);
  return value;
}

test('encode and decode: annotations come back with their seqs, in order, after the records', (t) => {
  const records = ticks(5, 3);
  const list: [number, string][] = [[5, '["n","S1"]'], [7, 'é and more']];
  const value = encodeWalValue(5, 3, records, 2, entries(list));
  t.is(value.readUInt16LE(4), WAL_RECORD_VERSION);
  const batch = decodeWalValue(5, value);
  t.deepEqual(Buffer.from(batch.records), Buffer.from(records));
  t.deepEqual(annotationsOf(batch), list);
});

test('the checksum covers the annotations; a cut or overlong section is reported as torn', (t) => {
  const value = encodeWalValue(5, 3, ticks(5, 3), 1, entries([[6, 'CLORD-1']]));
  const flipped = Buffer.from(value);
  flipped[flipped.length - 2]! ^= 0x01;
  const e1 = t.throws(() => decodeWalValue(5, flipped), { instanceOf: GatewayError });
  t.is(e1?.code, ErrorCode.WalCorrupt);
  t.regex(e1?.message ?? '', /checksum mismatch/);
  const cut = value.subarray(0, value.length - 3);
  t.regex(t.throws(() => decodeWalValue(5, cut))?.message ?? '', /torn or truncated/);
  const longer = Buffer.from(value);
  longer.writeUInt32LE(999, WAL_HEADER_BYTES + 3 * COMMAND_RECORD_BYTES + 4 + 8);
  t.regex(t.throws(() => decodeWalValue(5, longer))?.message ?? '', /torn or truncated/);
});

test('a version 1 value (no annotation section) is read as a batch without annotations; an unknown version is refused', (t) => {
  const batch = decodeWalValue(3, versionOneValue(3, 2));
  t.deepEqual([batch.firstSeq, batch.lastSeq, batch.count], [3, 4, 2]);
  t.deepEqual(Buffer.from(batch.records), Buffer.from(ticks(3, 2)));
  t.deepEqual(annotationsOf(batch), []);
  const future = Buffer.from(encodeWalValue(3, 2, ticks(3, 2)));
  future.writeUInt16LE(WAL_RECORD_VERSION + 1, 4);
  const e = t.throws(() => decodeWalValue(3, future), { instanceOf: GatewayError });
  t.regex(e?.message ?? '', /version 3, this build reads 1 and 2/);
});

test('a log written by the first layout opens, replays, and continues in the new one', async (t) => {
  const dir = tempDir(t);
  const first = WriteAheadLog.open({ dataDir: dir });
  await first.close();
  const root = open({ path: walPath(dir), noSubdir: false, maxDbs: 2 });
  const db = root.openDB<Buffer, number>({ name: 'commands', encoding: 'binary' });
  db.putSync(1, versionOneValue(1, 3));
  await root.close();
  const wal = WriteAheadLog.open({ dataDir: dir });
  t.is(wal.lastSeq, 3);
  await wal.append(4, 2, ticks(4, 2), 1, entries([[5, 'new']]));
  const batches = [...wal.batches(1)];
  t.deepEqual(batches.map((b) => [b.firstSeq, b.count, annotationsOf(b).length]), [[1, 3, 0], [4, 2, 1]]);
  t.deepEqual(annotationsOf(batches[1]!), [[5, 'new']]);
  await wal.close();
});

test('through the sequencer: each submit\'s annotation is logged with its batch, strings and bytes, across forced flushes', async (t) => {
  const dir = tempDir(t);
  const wal = WriteAheadLog.open({ dataDir: dir });
  const consumer = { onBatch: (b: SequencedBatch) => void b.durable };
  const sequencer = new Sequencer({ matcher: new NativeMatcher(), wal, consumer, logger: pino({ level: 'silent' }), clock: () => 1_000, maxBatch: 3 });
  sequencer.addSymbol(1, 1, 1, 1, 1_000, 0, TradingState.Open);
  const o1 = sequencer.newOrder(1, 1, 2, 0, 0, 0, 100, 0, 10, 0, 0, 0, 1, 1, 0, 'order one');
  // The third command fills the batch (maxBatch 3): it is flushed inside this submit.
  const o2 = sequencer.newOrder(1, 2, 2, 0, 0, 0, 200, 0, 10, 0, 0, 0, 1, 1, 0);
  const c1 = sequencer.cancel(o1, Buffer.from('cancel one'));
  const r2 = sequencer.replace(o2, 201, 0, 5, 'replace two');
  // Larger than the sequencer's initial annotation buffer: it grows, earlier entries kept.
  const m = sequencer.massCancel(1, 1, 'x'.repeat(40_000));
  await sequencer.drain();
  const logged = [...wal.batches(1)].flatMap(annotationsOf);
  t.deepEqual(logged.map(([seq, text]) => [seq, text.length > 20 ? text.length : text]), [
    [o1, 'order one'],
    [c1, 'cancel one'],
    [r2, 'replace two'],
    [m, 40_000],
  ]);
  // Reading from inside a batch skips the annotations of the commands before the cut.
  t.deepEqual([...wal.batches(o1 + 1)].flatMap(annotationsOf).map(([seq]) => seq), [c1, r2, m]);
  await wal.close();
});
