// A garbled frame is dropped and logged, but a peer sending nothing else must not flood the log:
// one warn line per connection at the 1st, 2nd, 4th, 8th... frame, with the count; debug otherwise.
import test from 'ava';
import pino from 'pino';
import { SessionHarness } from '../../support/session-harness';

interface Line {
  level: number;
  msg: string;
  remote?: string;
  garbledFrames?: number;
}

const WARN = 40;
const DEBUG = 20;

function capture(): { lines: Line[]; log: pino.Logger } {
  const lines: Line[] = [];
  const log = pino({ level: 'debug' }, { write: (line: string) => lines.push(JSON.parse(line) as Line) });
  return { lines, log };
}

const GARBLED = Buffer.from('8=FIX.4.4\x019=5\x0135=0\x0110=000\x01', 'latin1');

test('garbled frames: warn at 1, 2, 4, 8... per connection with the count, the rest at debug', async (t) => {
  const { lines, log } = capture();
  const h = await SessionHarness.create(t, { log });
  const peer = h.connect();
  for (let i = 0; i < 20; i++) await peer.deliver(GARBLED);
  const garbled = lines.filter((l) => l.garbledFrames !== undefined);
  t.deepEqual(garbled.filter((l) => l.level === WARN).map((l) => l.garbledFrames), [1, 2, 4, 8, 16]);
  t.is(garbled.filter((l) => l.level === DEBUG).length, 15);
  t.true(garbled.every((l) => l.remote === peer.remoteAddress));
});

test('garbled frames: each connection is counted on its own', async (t) => {
  const { lines, log } = capture();
  const h = await SessionHarness.create(t, { log });
  const first = h.connect();
  for (let i = 0; i < 3; i++) await first.deliver(GARBLED);
  const second = h.connect('10.0.0.6');
  await second.deliver(GARBLED);
  const warns = lines.filter((l) => l.level === WARN && l.garbledFrames !== undefined);
  t.deepEqual(warns.map((l) => [l.remote, l.garbledFrames]), [
    ['10.0.0.5', 1],
    ['10.0.0.5', 2],
    ['10.0.0.6', 1],
  ]);
});
