import test from 'ava';
import fc from 'fast-check';
import {
  decodeSequenceRecord,
  encodeSequenceRecord,
  SEQUENCE_RECORD_BYTES,
} from '../../../src/fix/session/store/sequence-record';
import { MAX_SEQ_NUM } from '../../../src/fix/session/store/session-store';

test('a record decodes to what was encoded', (t) => {
  const seq = fc.integer({ min: 1, max: MAX_SEQ_NUM + 1 });
  fc.assert(
    fc.property(seq, seq, fc.nat(), seq, fc.integer({ min: 0, max: 8_640_000_000_000_000 }), (s, r, g, k, at) => {
      const record = { nextSenderSeq: s, nextTargetSeq: r, generation: g, retainedFrom: k, createdAtMs: at };
      const bytes = encodeSequenceRecord(record);
      t.is(bytes.length, SEQUENCE_RECORD_BYTES);
      t.deepEqual(decodeSequenceRecord('S', bytes), record);
    }),
  );
});

test('the layout is the one drawn in sequence-record.ts', (t) => {
  const bytes = encodeSequenceRecord({ nextSenderSeq: 0x01020304, nextTargetSeq: 5, generation: 6, retainedFrom: 7, createdAtMs: 1 });
  t.is(bytes.subarray(0, 16).toString('hex'), '04030201' + '05000000' + '06000000' + '07000000');
  t.is(bytes.readDoubleLE(16), 1);
});

test('a record of another length is reported as corrupt, naming the session', (t) => {
  t.throws(() => decodeSequenceRecord('BROKER1', Buffer.alloc(16)), {
    message: 'GW_ERR_STORE_CORRUPT: sequence record of session "BROKER1" is 16 bytes, expected 24',
  });
});
