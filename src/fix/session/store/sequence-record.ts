// The per-session record in the `sequences` database, in a fixed 24-byte little-endian layout
// (no encoder to configure, nothing to version yet):
//
//   0               4               8               12              16                              24
//   +---------------+---------------+---------------+---------------+-------------------------------+
//   | nextSenderSeq | nextTargetSeq |  generation   | retainedFrom  |          createdAtMs          |
//   |    u32 LE     |    u32 LE     |    u32 LE     |    u32 LE     |            f64 LE             |
//   +---------------+---------------+---------------+---------------+-------------------------------+
//
// `generation` is part of every message key and grows by one on each reset, so a reset is one
// ordered write and the previous generation's messages become garbage at once. `retainedFrom`
// is the lowest seq a prune kept: messages below it are garbage too. The store's sweeper removes
// garbage later, in bounded chunks. A record of any other length is reported, never guessed at.
import { ErrorCode, GatewayError } from '../../../errors';
import type { SequenceNumbers } from './session-store';

export const SEQUENCE_RECORD_BYTES = 24;

export interface SequenceRecord extends SequenceNumbers {
  readonly generation: number;
  readonly retainedFrom: number;
}

export function encodeSequenceRecord(record: SequenceRecord): Buffer {
  const bytes = Buffer.allocUnsafe(SEQUENCE_RECORD_BYTES);
  bytes.writeUInt32LE(record.nextSenderSeq, 0);
  bytes.writeUInt32LE(record.nextTargetSeq, 4);
  bytes.writeUInt32LE(record.generation, 8);
  bytes.writeUInt32LE(record.retainedFrom, 12);
  bytes.writeDoubleLE(record.createdAtMs, 16);
  return bytes;
}

export function decodeSequenceRecord(session: string, bytes: Uint8Array): SequenceRecord {
  if (bytes.length !== SEQUENCE_RECORD_BYTES) {
    throw new GatewayError(
      ErrorCode.StoreCorrupt,
      `sequence record of session "${session}" is ${bytes.length} bytes, expected ${SEQUENCE_RECORD_BYTES}`,
    );
  }
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  return {
    nextSenderSeq: view.readUInt32LE(0),
    nextTargetSeq: view.readUInt32LE(4),
    generation: view.readUInt32LE(8),
    retainedFrom: view.readUInt32LE(12),
    createdAtMs: view.readDoubleLE(16),
  };
}
