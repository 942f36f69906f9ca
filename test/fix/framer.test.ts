import test from 'ava';
import { FrameReader } from '../../src/fix/codec/frame-reader';
import { ChecksumCalculator, checksum } from '../../src/fix/codec/checksum';
import { Framer, FrameStatus, GarbledReason } from '../../src/fix/codec/framer';
import { frame, header, pipes, soh } from './fix-text';

const heartbeat = (seq: number): Buffer => frame(`${header('0', seq)}`);
const order = (seq: number): Buffer =>
  frame(`${header('D', seq)}11=ORD-${seq}|55=AAPL|54=1|60=20240102-03:04:05.678|38=100|40=2|44=100.1|`);

/** Feeds chunks through a FrameReader and returns the frames and garbled runs it reported. */
function readAll(chunks: Buffer[]): { frames: string[]; garbled: GarbledReason[] } {
  const reader = new FrameReader(64);
  const frames: string[] = [];
  const garbled: GarbledReason[] = [];
  for (const chunk of chunks) {
    reader.push(chunk);
    for (;;) {
      const status = reader.next();
      if (status === FrameStatus.Incomplete) break;
      if (status === FrameStatus.Complete) {
        frames.push(pipes(reader.buffer.subarray(reader.framer.frameStart, reader.framer.frameEnd)));
      } else {
        garbled.push(reader.framer.garbledReason);
      }
    }
  }
  return { frames, garbled };
}

test('a whole frame is Complete, with body and checksum positions', (t) => {
  const bytes = order(1);
  const framer = new Framer();
  t.is(framer.scan(bytes, 0, bytes.length), FrameStatus.Complete);
  t.is(framer.frameStart, 0);
  t.is(framer.frameEnd, bytes.length);
  t.is(pipes(bytes.subarray(framer.bodyStart, framer.bodyStart + 5)), '35=D|');
  t.is(pipes(bytes.subarray(framer.checksumStart)).slice(0, 3), '10=');
});

test('checksum is the byte sum mod 256', (t) => {
  // '8' + '=' + '1' + SOH = 56 + 61 + 49 + 1 = 167
  t.is(checksum(soh('8=1|'), 0, 4), 167);
  t.is(checksum(Buffer.from([200, 100]), 0, 2), 44);
});

test('the word-at-a-time checksum equals the byte sum for every alignment and length', (t) => {
  const memory = Buffer.alloc(2100);
  for (let i = 0; i < memory.length; i++) memory[i] = (i * 131 + 7) & 0xff;
  memory.fill(0xff, 600, 1900); // long runs of 255 would overflow a lane without folding
  const calculator = new ChecksumCalculator();
  let mismatches = 0;
  for (const view of [memory, memory.subarray(1), memory.subarray(3, 2003)]) {
    for (let start = 0; start < 9; start++) {
      for (let end = start; end < view.length; end += end < 300 ? 1 : 61) {
        if (calculator.sum(view, start, end) !== checksum(view, start, end)) mismatches++;
      }
    }
  }
  t.is(mismatches, 0);
});

test('every prefix of a frame is Incomplete, never Garbled', (t) => {
  const bytes = order(7);
  const framer = new Framer();
  for (let end = 0; end < bytes.length; end++) {
    t.is(framer.scan(bytes, 0, end), FrameStatus.Incomplete, `prefix of ${end} bytes`);
  }
});

test('a message split at every possible point is reassembled', (t) => {
  const bytes = order(3);
  for (let cut = 1; cut < bytes.length; cut++) {
    const { frames, garbled } = readAll([bytes.subarray(0, cut), bytes.subarray(cut)]);
    t.deepEqual(garbled, []);
    t.deepEqual(frames, [pipes(bytes)], `cut at ${cut}`);
  }
});

test('a message delivered one byte per read is reassembled', (t) => {
  const bytes = order(4);
  const chunks = [...bytes].map((b) => Buffer.from([b]));
  t.deepEqual(readAll(chunks).frames, [pipes(bytes)]);
});

test('several messages in one read come out one by one, in order', (t) => {
  const messages = [heartbeat(1), order(2), heartbeat(3), order(4)];
  const { frames, garbled } = readAll([Buffer.concat(messages)]);
  t.deepEqual(garbled, []);
  t.deepEqual(frames, messages.map(pipes));
});

test('reads that end mid-message and start the next message are handled', (t) => {
  const all = Buffer.concat([order(1), order(2), heartbeat(3)]);
  const chunks = [all.subarray(0, 50), all.subarray(50, 190), all.subarray(190, 191), all.subarray(191)];
  t.deepEqual(readAll(chunks).frames, [order(1), order(2), heartbeat(3)].map(pipes));
});

test('a wrong CheckSum is Garbled (BadCheckSum) and exactly that frame is dropped', (t) => {
  const bad = Buffer.from(order(2));
  const at = bad.length - 2; // last checksum digit
  bad[at] = bad[at] === 0x30 ? 0x31 : 0x30;
  const { frames, garbled } = readAll([Buffer.concat([order(1), bad, order(3)])]);
  t.deepEqual(garbled, [GarbledReason.BadCheckSum]);
  t.deepEqual(frames, [order(1), order(3)].map(pipes));
});

test('a BodyLength too short is Garbled and the stream resynchronises on the next 8=FIX', (t) => {
  const good = order(2);
  const text = pipes(good).replace(/\|9=(\d+)\|/, (_m, n: string) => `|9=${Number(n) - 3}|`);
  const { frames, garbled } = readAll([Buffer.concat([soh(text), good])]);
  t.deepEqual(garbled, [GarbledReason.BodyLengthMismatch]);
  t.deepEqual(frames, [pipes(good)]);
});

test('a BodyLength too long waits for bytes, then is Garbled when 10= is not where it points', (t) => {
  const good = order(2);
  const text = pipes(good).replace(/\|9=(\d+)\|/, (_m, n: string) => `|9=${Number(n) + 5}|`);
  const framer = new Framer();
  const alone = soh(text);
  t.is(framer.scan(alone, 0, alone.length), FrameStatus.Incomplete);
  const { frames, garbled } = readAll([Buffer.concat([alone, good])]);
  t.deepEqual(garbled, [GarbledReason.BodyLengthMismatch]);
  t.deepEqual(frames, [pipes(good)]);
});

test('a non-numeric BodyLength is Garbled (BadBodyLength)', (t) => {
  const bytes = soh('8=FIX.4.4|9=1x|35=0|10=000|');
  const framer = new Framer();
  t.is(framer.scan(bytes, 0, bytes.length), FrameStatus.Garbled);
  t.is(framer.garbledReason, GarbledReason.BadBodyLength);
});

test('a second field other than 9= is Garbled', (t) => {
  const bytes = soh('8=FIX.4.4|35=0|9=5|10=000|');
  const framer = new Framer();
  t.is(framer.scan(bytes, 0, bytes.length), FrameStatus.Garbled);
  t.is(framer.garbledReason, GarbledReason.BadBodyLength);
});

test('a BodyLength above the maximum is Garbled (TooLong) without waiting for the bytes', (t) => {
  const bytes = soh('8=FIX.4.4|9=5000|35=0|');
  const framer = new Framer(1000);
  t.is(framer.scan(bytes, 0, bytes.length), FrameStatus.Garbled);
  t.is(framer.garbledReason, GarbledReason.TooLong);
});

test('garbage before a message is dropped and the message still arrives', (t) => {
  const good = order(1);
  const { frames, garbled } = readAll([Buffer.concat([Buffer.from('hello world|'), good])]);
  t.deepEqual(garbled, [GarbledReason.BadBeginString]);
  t.deepEqual(frames, [pipes(good)]);
});

test('garbage whose tail may start a message keeps that tail across reads', (t) => {
  const good = order(1);
  const { frames } = readAll([Buffer.from('junk8=F'), good.subarray(3)]);
  t.deepEqual(frames, [pipes(good)]);
});

test('the reader grows for a message larger than its buffer', (t) => {
  const big = frame(`${header('D', 1)}11=X|58=${'x'.repeat(500)}|`);
  const { frames } = readAll([big.subarray(0, 100), big.subarray(100)]);
  t.deepEqual(frames, [pipes(big)]);
});
