import test, { type ExecutionContext } from 'ava';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { open } from 'lmdb';
import { LmdbSessionStore, sessionStorePath } from '../../../src/fix/session/store/lmdb-session-store';
import { MAX_SEQ_NUM } from '../../../src/fix/session/store/session-store';

/** A store in a fresh temp dir with a pinned clock; closed and removed after the test. */
function tempStore(t: ExecutionContext, clock = { now: 1_000 }) {
  const dataDir = mkdtempSync(join(tmpdir(), 'fixgate-store-'));
  const path = sessionStorePath(dataDir);
  const stores: LmdbSessionStore[] = [];
  const openStore = () => {
    const store = LmdbSessionStore.open({ path, now: () => clock.now });
    stores.push(store);
    return store;
  };
  t.teardown(async () => {
    for (const store of stores) await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
  return { path, openStore, clock };
}

const msg = (seq: number, text = 'x') => Buffer.from(`8=FIX.4.4\x0134=${seq}\x0158=${text}\x01`);

test('a new session starts at 1/1 with the store clock as its start time', (t) => {
  const { openStore } = tempStore(t, { now: 42 });
  t.deepEqual(openStore().loadSequenceNumbers('S1'), { nextSenderSeq: 1, nextTargetSeq: 1, createdAtMs: 42 });
});

test('appended messages come back in seq order with their exact bytes after commit', async (t) => {
  const { openStore } = tempStore(t);
  const store = openStore();
  for (const seq of [1, 2, 3, 10, 11]) store.append('S1', seq, msg(seq));
  await store.commit();
  const range = store.getRange('S1', 1, Infinity);
  t.deepEqual(range.map((m) => m.seq), [1, 2, 3, 10, 11]);
  for (const m of range) t.true(m.bytes.equals(msg(m.seq)));
  t.is(store.loadSequenceNumbers('S1').nextSenderSeq, 12);
});

test('getRange is inclusive, skips seqs that were never stored, and sorts numerically past 9', async (t) => {
  const { openStore } = tempStore(t);
  const store = openStore();
  for (let seq = 1; seq <= 120; seq++) if (seq % 7 !== 0) store.append('S1', seq, msg(seq));
  await store.commit();
  t.deepEqual(store.getRange('S1', 5, 15).map((m) => m.seq), [5, 6, 8, 9, 10, 11, 12, 13, 15]);
  t.deepEqual(store.getRange('S1', 98, 101).map((m) => m.seq), [99, 100, 101]);
  t.deepEqual(store.getRange('S1', 200, 300), []);
  t.deepEqual(store.getRange('S1', 7, 7), []);
});

test('append copies the bytes, so the caller may reuse its buffer at once', async (t) => {
  const { openStore } = tempStore(t);
  const store = openStore();
  const buffer = Buffer.from('first');
  store.append('S1', 1, buffer);
  buffer.write('XXXXX');
  await store.commit();
  t.is(store.getRange('S1', 1, 1)[0]!.bytes.toString(), 'first');
});

test('returned bytes stay valid after later reads and writes', async (t) => {
  const { openStore } = tempStore(t);
  const store = openStore();
  store.append('S1', 1, msg(1, 'one'));
  await store.commit();
  const [first] = store.getRange('S1', 1, 1);
  store.append('S1', 2, msg(2, 'two'));
  await store.commit();
  store.getRange('S1', 1, 2);
  t.true(first!.bytes.equals(msg(1, 'one')));
});

test('sessions are kept apart, including names that are prefixes of each other', async (t) => {
  const { openStore } = tempStore(t);
  const store = openStore();
  store.append('S1', 1, msg(1, 'a'));
  store.append('S10', 1, msg(1, 'b'));
  store.setNextTargetSeq('S10', 9);
  await store.commit();
  t.is(store.getRange('S1', 1, Infinity).length, 1);
  t.true(store.getRange('S10', 1, Infinity)[0]!.bytes.equals(msg(1, 'b')));
  t.is(store.loadSequenceNumbers('S1').nextTargetSeq, 1);
});

test('sequence numbers and messages survive closing and reopening', async (t) => {
  const { openStore } = tempStore(t, { now: 5 });
  const first = openStore();
  first.append('S1', 1, msg(1));
  first.setNextSenderSeq('S1', 4);
  first.setNextTargetSeq('S1', 17);
  await first.close();
  const second = openStore();
  t.deepEqual(second.loadSequenceNumbers('S1'), { nextSenderSeq: 4, nextTargetSeq: 17, createdAtMs: 5 });
  t.is(second.getRange('S1', 1, Infinity).length, 1);
});

test('a new session start time is kept across restarts, not taken again', async (t) => {
  const { openStore, clock } = tempStore(t, { now: 100 });
  const first = openStore();
  first.loadSequenceNumbers('S1');
  await first.close();
  clock.now = 999;
  t.is(openStore().loadSequenceNumbers('S1').createdAtMs, 100);
});

test('many appends in one turn are one commit, and all of it is durable', async (t) => {
  const { openStore } = tempStore(t);
  const store = openStore();
  for (let seq = 1; seq <= 5_000; seq++) store.append('S1', seq, msg(seq));
  await store.commit();
  await store.close();
  t.is(openStore().getRange('S1', 1, Infinity).length, 5_000);
});

test('commit with nothing pending resolves', async (t) => {
  const { openStore } = tempStore(t);
  await t.notThrowsAsync(openStore().commit());
});

test('append refuses a seq below the next sender seq: reusing one would corrupt resends', (t) => {
  const { openStore } = tempStore(t);
  const store = openStore();
  store.append('S1', 5, msg(5));
  const error = t.throws(() => store.append('S1', 5, msg(5)), { instanceOf: RangeError });
  t.regex(error!.message, /seq 5 is below the next sender seq 6/);
  store.setNextSenderSeq('S1', 9);
  t.throws(() => store.append('S1', 8, msg(8)), { instanceOf: RangeError });
});

test('out-of-range numbers and names are refused with a message naming them', (t) => {
  const { openStore } = tempStore(t);
  const store = openStore();
  t.throws(() => store.append('S1', 0, msg(0)), { instanceOf: RangeError, message: /seq must be an integer from 1/ });
  t.throws(() => store.append('S1', 1.5, msg(1)), { instanceOf: RangeError });
  t.throws(() => store.append('S1', MAX_SEQ_NUM + 1, msg(1)), { instanceOf: RangeError });
  t.throws(() => store.setNextTargetSeq('S1', -1), { instanceOf: RangeError, message: /next target seq/ });
  t.throws(() => store.getRange('S1', 0, 5), { instanceOf: RangeError, message: /fromSeq/ });
  t.throws(() => store.loadSequenceNumbers(''), { instanceOf: RangeError, message: /session name/ });
  t.throws(() => store.prune('S1', 2), { instanceOf: RangeError, message: /past the next sender seq 1/ });
});

test('reset starts a new sequence: numbers back to 1, old messages gone, new start time', async (t) => {
  const { openStore, clock } = tempStore(t, { now: 10 });
  const store = openStore();
  for (let seq = 1; seq <= 20; seq++) store.append('S1', seq, msg(seq, 'old'));
  store.setNextTargetSeq('S1', 30);
  await store.commit();
  clock.now = 20;
  store.reset('S1');
  t.deepEqual(store.loadSequenceNumbers('S1'), { nextSenderSeq: 1, nextTargetSeq: 1, createdAtMs: 20 });
  t.deepEqual(store.getRange('S1', 1, Infinity), []);
  await store.commit();
  await store.close();
  const reopened = openStore();
  t.deepEqual(reopened.loadSequenceNumbers('S1'), { nextSenderSeq: 1, nextTargetSeq: 1, createdAtMs: 20 });
  t.deepEqual(reopened.getRange('S1', 1, Infinity), []);
});

test('reset then append in the same turn keeps the new message and only it', async (t) => {
  const { openStore } = tempStore(t);
  const store = openStore();
  for (let seq = 1; seq <= 3; seq++) store.append('S1', seq, msg(seq, 'old'));
  await store.commit();
  store.append('S1', 4, msg(4, 'old'));
  store.reset('S1');
  store.append('S1', 1, msg(1, 'new'));
  await store.commit();
  const range = store.getRange('S1', 1, Infinity);
  t.deepEqual(range.map((m) => m.seq), [1]);
  t.true(range[0]!.bytes.equals(msg(1, 'new')));
});

test('prune drops messages below the given seq and keeps the rest', async (t) => {
  const { openStore } = tempStore(t);
  const store = openStore();
  for (let seq = 1; seq <= 10; seq++) store.append('S1', seq, msg(seq));
  await store.commit();
  store.prune('S1', 6);
  t.deepEqual(store.getRange('S1', 1, Infinity).map((m) => m.seq), [6, 7, 8, 9, 10]);
  store.prune('S1', 3);
  t.deepEqual(store.getRange('S1', 1, 7).map((m) => m.seq), [6, 7], 'a lower prune changes nothing');
  await store.close();
  t.deepEqual(openStore().getRange('S1', 1, Infinity).map((m) => m.seq), [6, 7, 8, 9, 10]);
});

/** Counts the message keys physically in the store, garbage included. */
async function physicalKeys(path: string): Promise<number> {
  const root = open({ path, noSubdir: false, maxDbs: 2 });
  const count = root.openDB({ name: 'messages', encoding: 'binary' }).getKeysCount();
  await root.close();
  return count;
}

test('the sweeper removes what reset and prune made unreachable', async (t) => {
  const { openStore, path } = tempStore(t);
  const store = openStore();
  for (let seq = 1; seq <= 12_000; seq++) store.append('S1', seq, msg(seq));
  for (let seq = 1; seq <= 100; seq++) store.append('S2', seq, msg(seq));
  await store.commit();
  store.reset('S1');
  store.prune('S2', 41);
  await store.commit();
  // The store's own sweeper runs too; sweeping by hand as well just finishes sooner.
  for (let removed = store.sweep(5_000); removed > 0; removed = store.sweep(5_000)) {
    t.true(removed <= 5_000);
    await store.commit();
  }
  await store.close();
  t.is(await physicalKeys(path), 60);
  const reopened = openStore();
  t.deepEqual(reopened.getRange('S2', 1, Infinity).map((m) => m.seq)[0], 41);
});

test('garbage left by an interrupted sweep is removed after the next open', async (t) => {
  const { openStore, path } = tempStore(t);
  const store = openStore();
  for (let seq = 1; seq <= 50; seq++) store.append('S1', seq, msg(seq));
  await store.commit();
  store.reset('S1');
  await store.close();
  t.is(await physicalKeys(path), 50, 'closed before its sweeper ran');
  const reopened = openStore();
  await new Promise((resolve) => setTimeout(resolve, 200));
  await reopened.commit();
  await reopened.close();
  t.is(await physicalKeys(path), 0);
});

test('a closed store refuses further use with GW_ERR_STORE_UNAVAILABLE', async (t) => {
  const { openStore } = tempStore(t);
  const store = openStore();
  await store.close();
  t.throws(() => store.append('S1', 1, msg(1)), { message: /GW_ERR_STORE_UNAVAILABLE/ });
});

test('a store that cannot be opened says where and why', (t) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'fixgate-store-'));
  t.teardown(() => rmSync(dataDir, { recursive: true, force: true }));
  const file = join(dataDir, 'a-file');
  writeFileSync(file, 'not a directory');
  const error = t.throws(() => LmdbSessionStore.open({ path: join(file, 'store') }));
  t.true(error!.message.startsWith(`GW_ERR_STORE_UNAVAILABLE: cannot open the session store at ${join(file, 'store')}: `));
});
