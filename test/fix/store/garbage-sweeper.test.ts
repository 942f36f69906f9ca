import test from 'ava';
import { GarbageSweeper, SWEEP_KEYS_PER_TURN, type SweepKey, type SweepTarget } from '../../../src/fix/session/store/garbage-sweeper';

/** An in-memory target: keys sorted like ordered-binary sorts [session, generation, seq]. */
function memoryTarget(keys: SweepKey[], ends: Record<string, SweepKey>) {
  const live = new Map(keys.map((k) => [k.join('/'), k]));
  const compare = (a: SweepKey, b: SweepKey) =>
    a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1] || a[2] - b[2];
  let commits = 0;
  const target: SweepTarget = {
    sessions: () => Object.keys(ends),
    garbageEnd: (session) => ends[session]!,
    keysBetween: (start, end, limit) =>
      [...live.values()]
        .filter((k) => compare(k, start) >= 0 && compare(k, end) < 0)
        .sort(compare)
        .slice(0, limit),
    remove: (key) => void live.delete(key.join('/')),
    commit: async () => void commits++,
  };
  return { target, live: () => [...live.values()].sort(compare), commits: () => commits };
}

const keys = (session: string, generation: number, from: number, to: number): SweepKey[] =>
  Array.from({ length: to - from + 1 }, (_, i) => [session, generation, from + i]);

test('sweep removes earlier generations and pruned seqs, never the live range', (t) => {
  const memory = memoryTarget(
    [...keys('A', 0, 1, 30), ...keys('A', 1, 1, 5), ...keys('B', 0, 1, 10)],
    { A: ['A', 1, 1], B: ['B', 0, 4] },
  );
  const sweeper = new GarbageSweeper(memory.target);
  t.is(sweeper.sweep(1_000), 33);
  t.deepEqual(memory.live(), [...keys('A', 1, 1, 5), ...keys('B', 0, 4, 10)]);
  t.is(sweeper.sweep(1_000), 0);
});

test('sweep stops at maxKeys, across sessions', (t) => {
  const memory = memoryTarget([...keys('A', 0, 1, 8), ...keys('B', 0, 1, 8)], { A: ['A', 1, 1], B: ['B', 1, 1] });
  const sweeper = new GarbageSweeper(memory.target);
  t.is(sweeper.sweep(5), 5);
  t.is(sweeper.sweep(5), 5);
  t.is(sweeper.sweep(5), 5);
  t.is(sweeper.sweep(5), 1);
  t.deepEqual(memory.live(), []);
});

test('soon() sweeps by itself, a bounded chunk per turn with a commit between chunks', async (t) => {
  const total = SWEEP_KEYS_PER_TURN * 2 + 7;
  const memory = memoryTarget(keys('A', 0, 1, total), { A: ['A', 1, 1] });
  const sweeper = new GarbageSweeper(memory.target);
  sweeper.soon();
  sweeper.soon();
  await new Promise((resolve) => setImmediate(resolve));
  t.is(memory.live().length, total - SWEEP_KEYS_PER_TURN, 'one chunk in the first turn, however often soon() was called');
  for (let i = 0; i < 10 && memory.live().length > 0; i++) await new Promise((resolve) => setImmediate(resolve));
  t.deepEqual(memory.live(), []);
  t.is(memory.commits(), 3);
});

test('stop() cancels a scheduled sweep', async (t) => {
  const memory = memoryTarget(keys('A', 0, 1, 3), { A: ['A', 1, 1] });
  const sweeper = new GarbageSweeper(memory.target);
  sweeper.soon();
  sweeper.stop();
  await new Promise((resolve) => setImmediate(resolve));
  t.is(memory.live().length, 3);
});
