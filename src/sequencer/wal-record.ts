// One WAL value: the command records of one sequencer batch, behind a 32-byte header, then the
// batch's annotations. The LMDB key is the batch's first seq (a number, which lmdb-js's
// ordered-binary keys sort numerically).
//
//   byte 0               4        6        8                12               16
//        +---------------+--------+--------+----------------+----------------+
//        | magic "FGWL"  | version| recLen | count (u32)    | crc32 (u32)    |
//        +---------------+--------+--------+----------------+----------------+
//   16   | firstSeq (f64)                  | lastSeq (f64)                   |
//        +---------------------------------+---------------------------------+
//   32   | record 0: 128 bytes, exactly as the matcher's command buffer holds it |
//        | (layout: src/matcher/buffer-layout.ts, native/src/buffer_layout.hpp)  |
//        +-----------------------------------------------------------------------+
//        | record 1 ... record count-1                                           |
//        +-----------------------------------------------------------------------+
//        | annotation count (u32), then per annotation: seq (f64), length (u32), |
//        | that many bytes. Version 2 only; a version 1 value ends with records. |
//        +-----------------------------------------------------------------------+
//
// An annotation is what the matcher does not need but recovery of everything around it does (the
// gateway logs who placed a command: src/app/order-annotation.ts); its bytes are opaque here. It
// sits in the same value as its command so both are durable in the same commit or neither is.
//
// All header integers little-endian. version = WAL_RECORD_VERSION; recLen = 128 (a layout change
// is a new version, never a silent reinterpretation). Version 1 values (no annotation section) are
// still read, as batches without annotations. The seqs of a batch are consecutive:
// lastSeq = firstSeq + count - 1. crc32 covers bytes [0, 12) and [16, end): the whole value but
// the checksum itself, so a torn write, a flipped bit or a value cut short are all caught.
import { ErrorCode, GatewayError } from '../errors';
import { COMMAND_RECORD_BYTES } from '../matcher/buffer-layout';
import { crc32 } from './crc32';

export const WAL_RECORD_VERSION = 2;
/** The first layout: no annotation section. Still read, never written. */
export const WAL_RECORD_VERSION_1 = 1;
export const WAL_HEADER_BYTES = 32;
/** "FGWL" read as a little-endian u32. */
export const WAL_MAGIC = 0x4c574746;

const MAGIC_AT = 0;
const VERSION_AT = 4;
const RECORD_LENGTH_AT = 6;
const COUNT_AT = 8;
const CRC_AT = 12;
const FIRST_SEQ_AT = 16;
const LAST_SEQ_AT = 24;
const RECORD_BYTES = COMMAND_RECORD_BYTES;
/** seq (f64) + length (u32) in front of each annotation's bytes. */
export const ANNOTATION_HEADER_BYTES = 12;
const EMPTY = new Uint8Array(0);

/** A decoded WAL value; `records` is a view into the value it came from. */
export interface WalBatch {
  readonly firstSeq: number;
  readonly lastSeq: number;
  readonly count: number;
  /** count × 128 bytes of command records. */
  readonly records: Uint8Array;
  /**
   * The annotation entries (without their count): seq, length, bytes, one after the other. Read
   * them with forEachAnnotation; entries for seqs before `firstSeq` (a batch cut to start later)
   * are skipped there. Empty for a version 1 value.
   */
  readonly annotations: Uint8Array;
}

/** Calls `fn(seq, bytes)` for each annotation of `batch` from its firstSeq on, in logged order. */
export function forEachAnnotation(batch: WalBatch, fn: (seq: number, bytes: Uint8Array) => void): void {
  const a = batch.annotations;
  if (a.length === 0) return;
  const view = new DataView(a.buffer, a.byteOffset, a.byteLength);
  for (let at = 0; at < a.length; ) {
    const seq = view.getFloat64(at, true);
    const length = view.getUint32(at + 8, true);
    at += ANNOTATION_HEADER_BYTES;
    if (seq >= batch.firstSeq) fn(seq, a.subarray(at, at + length));
    at += length;
  }
}

/**
 * Builds the value for `count` records (the first count × 128 bytes of `records`) starting at
 * `firstSeq`, followed by `annotationCount` annotation entries already laid out in `annotations`
 * (seq, length, bytes each: the sequencer writes them so, see Sequencer.flush). Always a fresh
 * buffer: lmdb-js reads it on its writer thread after put() returns, while the matcher's command
 * buffer and the sequencer's annotation buffer are reused for the next batch.
 */
export function encodeWalValue(
  firstSeq: number,
  count: number,
  records: Uint8Array,
  annotationCount = 0,
  annotations: Uint8Array = EMPTY,
): Buffer {
  const payload = count * RECORD_BYTES;
  const value = Buffer.allocUnsafe(WAL_HEADER_BYTES + payload + 4 + annotations.length);
  value.writeUInt32LE(WAL_MAGIC, MAGIC_AT);
  value.writeUInt16LE(WAL_RECORD_VERSION, VERSION_AT);
  value.writeUInt16LE(RECORD_BYTES, RECORD_LENGTH_AT);
  value.writeUInt32LE(count, COUNT_AT);
  value.writeDoubleLE(firstSeq, FIRST_SEQ_AT);
  value.writeDoubleLE(firstSeq + count - 1, LAST_SEQ_AT);
  value.set(records.subarray(0, payload), WAL_HEADER_BYTES);
  value.writeUInt32LE(annotationCount, WAL_HEADER_BYTES + payload);
  if (annotations.length > 0) value.set(annotations, WAL_HEADER_BYTES + payload + 4);
  value.writeUInt32LE(checksum(value), CRC_AT);
  return value;
}

/**
 * Checks and decodes a stored value; `key` is its LMDB key. Anything inconsistent is refused with
 * GW_ERR_WAL_CORRUPT naming the key and what is wrong: recovery must never run a damaged log.
 */
export function decodeWalValue(key: number, value: Uint8Array): WalBatch {
  const corrupt = (what: string): GatewayError =>
    new GatewayError(ErrorCode.WalCorrupt, `WAL value at key ${key} (${value.length} bytes): ${what}`);
  if (value.length < WAL_HEADER_BYTES) throw corrupt(`shorter than the ${WAL_HEADER_BYTES}-byte header`);
  const view = new DataView(value.buffer, value.byteOffset, value.byteLength);
  if (view.getUint32(MAGIC_AT, true) !== WAL_MAGIC) throw corrupt('bad magic (not a WAL record)');
  const version = view.getUint16(VERSION_AT, true);
  if (version !== WAL_RECORD_VERSION && version !== WAL_RECORD_VERSION_1) {
    throw corrupt(`version ${version}, this build reads ${WAL_RECORD_VERSION_1} and ${WAL_RECORD_VERSION}`);
  }
  const recordLength = view.getUint16(RECORD_LENGTH_AT, true);
  if (recordLength !== RECORD_BYTES) throw corrupt(`record length ${recordLength}, expected ${RECORD_BYTES}`);
  const count = view.getUint32(COUNT_AT, true);
  const recordsEnd = WAL_HEADER_BYTES + count * RECORD_BYTES;
  const annotationsEnd = version === WAL_RECORD_VERSION_1 ? recordsEnd : annotationSectionEnd(view, recordsEnd);
  if (value.length !== annotationsEnd) {
    throw corrupt(`length does not match its ${count} records and their annotations (torn or truncated value)`);
  }
  const stored = view.getUint32(CRC_AT, true);
  const actual = checksum(value);
  if (stored !== actual) throw corrupt(`checksum mismatch: stored ${hex(stored)}, computed ${hex(actual)}`);
  const firstSeq = view.getFloat64(FIRST_SEQ_AT, true);
  const lastSeq = view.getFloat64(LAST_SEQ_AT, true);
  if (firstSeq !== key) throw corrupt(`first seq ${firstSeq} differs from its key`);
  if (count === 0 || lastSeq !== firstSeq + count - 1) throw corrupt(`seqs ${firstSeq}..${lastSeq} do not match ${count} records`);
  const records = value.subarray(WAL_HEADER_BYTES, recordsEnd);
  const annotations = version === WAL_RECORD_VERSION_1 ? EMPTY : value.subarray(recordsEnd + 4);
  return { firstSeq, lastSeq, count, records, annotations };
}

/**
 * Where the annotation section starting at `at` ends, by walking its entries; -1 when it does not
 * fit in the value (so the length check above reports a torn value rather than reading past it).
 */
function annotationSectionEnd(view: DataView, at: number): number {
  if (at + 4 > view.byteLength) return -1;
  const n = view.getUint32(at, true);
  let end = at + 4;
  for (let i = 0; i < n; i++) {
    if (end + ANNOTATION_HEADER_BYTES > view.byteLength) return -1;
    end += ANNOTATION_HEADER_BYTES + view.getUint32(end + 8, true);
  }
  return end;
}

function checksum(value: Uint8Array): number {
  return crc32(value, CRC_AT + 4, value.length, crc32(value, 0, CRC_AT));
}

function hex(n: number): string {
  return `0x${n.toString(16).padStart(8, '0')}`;
}
