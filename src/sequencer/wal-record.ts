// One WAL value: the command records of one sequencer batch, behind a 32-byte header. The LMDB key
// is the batch's first seq (a number, which lmdb-js's ordered-binary keys sort numerically).
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
//
// All header integers little-endian. version = WAL_RECORD_VERSION; recLen = 128 (a layout change
// is a new version, never a silent reinterpretation). The seqs of a batch are consecutive:
// lastSeq = firstSeq + count - 1. crc32 covers bytes [0, 12) and [16, end): the whole value but
// the checksum itself, so a torn write, a flipped bit or a value cut short are all caught.
import { ErrorCode, GatewayError } from '../errors';
import { COMMAND_RECORD_BYTES } from '../matcher/buffer-layout';
import { crc32 } from './crc32';

export const WAL_RECORD_VERSION = 1;
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

/** A decoded WAL value; `records` is a view into the value it came from. */
export interface WalBatch {
  readonly firstSeq: number;
  readonly lastSeq: number;
  readonly count: number;
  /** count × 128 bytes of command records. */
  readonly records: Uint8Array;
}

/**
 * Builds the value for `count` records (the first count × 128 bytes of `records`) starting at
 * `firstSeq`. Always a fresh buffer: lmdb-js reads it on its writer thread after put() returns,
 * while the matcher's command buffer is reused for the next batch.
 */
export function encodeWalValue(firstSeq: number, count: number, records: Uint8Array): Buffer {
  const payload = count * RECORD_BYTES;
  const value = Buffer.allocUnsafe(WAL_HEADER_BYTES + payload);
  value.writeUInt32LE(WAL_MAGIC, MAGIC_AT);
  value.writeUInt16LE(WAL_RECORD_VERSION, VERSION_AT);
  value.writeUInt16LE(RECORD_BYTES, RECORD_LENGTH_AT);
  value.writeUInt32LE(count, COUNT_AT);
  value.writeDoubleLE(firstSeq, FIRST_SEQ_AT);
  value.writeDoubleLE(firstSeq + count - 1, LAST_SEQ_AT);
  value.set(records.subarray(0, payload), WAL_HEADER_BYTES);
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
  if (version !== WAL_RECORD_VERSION) throw corrupt(`version ${version}, this build reads ${WAL_RECORD_VERSION}`);
  const recordLength = view.getUint16(RECORD_LENGTH_AT, true);
  if (recordLength !== RECORD_BYTES) throw corrupt(`record length ${recordLength}, expected ${RECORD_BYTES}`);
  const count = view.getUint32(COUNT_AT, true);
  if (value.length !== WAL_HEADER_BYTES + count * RECORD_BYTES) {
    throw corrupt(`length does not match its ${count} records (torn or truncated value)`);
  }
  const stored = view.getUint32(CRC_AT, true);
  const actual = checksum(value);
  if (stored !== actual) throw corrupt(`checksum mismatch: stored ${hex(stored)}, computed ${hex(actual)}`);
  const firstSeq = view.getFloat64(FIRST_SEQ_AT, true);
  const lastSeq = view.getFloat64(LAST_SEQ_AT, true);
  if (firstSeq !== key) throw corrupt(`first seq ${firstSeq} differs from its key`);
  if (count === 0 || lastSeq !== firstSeq + count - 1) throw corrupt(`seqs ${firstSeq}..${lastSeq} do not match ${count} records`);
  return { firstSeq, lastSeq, count, records: value.subarray(WAL_HEADER_BYTES) };
}

function checksum(value: Uint8Array): number {
  return crc32(value, CRC_AT + 4, value.length, crc32(value, 0, CRC_AT));
}

function hex(n: number): string {
  return `0x${n.toString(16).padStart(8, '0')}`;
}
