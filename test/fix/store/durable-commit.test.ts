import test from 'ava';
import { DurableCommit } from '../../../src/fix/session/store/durable-commit';

function deferred() {
  let resolve!: () => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** A stand-in for lmdb's root database whose `flushed` the test settles by hand. */
function source() {
  let flush = deferred();
  return {
    get flushed() {
      return flush.promise;
    },
    flushNow() {
      flush.resolve();
      flush = deferred();
    },
  };
}

const settled = async (promise: Promise<unknown>) => {
  let done = false;
  void promise.then(
    () => (done = true),
    () => (done = true),
  );
  await new Promise((resolve) => setImmediate(resolve));
  return done;
};

test('commit waits for both the write and the flush to disk', async (t) => {
  const disk = source();
  const commits = new DurableCommit(disk);
  const write = deferred();
  commits.track(write.promise);
  const commit = commits.commit();
  write.resolve();
  t.false(await settled(commit), 'committed but not yet flushed is not durable');
  disk.flushNow();
  await t.notThrowsAsync(commit);
});

test('commit with no write tracked resolves at once', async (t) => {
  await t.notThrowsAsync(new DurableCommit(source()).commit());
});

test('a failed write rejects the commit with GW_ERR_STORE_COMMIT_FAILED, even if flushed never settles', async (t) => {
  const commits = new DurableCommit(source());
  commits.track(Promise.reject(new Error('MDB_MAP_FULL')));
  await t.throwsAsync(commits.commit(), { message: 'GW_ERR_STORE_COMMIT_FAILED: session store write failed: MDB_MAP_FULL' });
});

test('a failure is sticky: a later successful batch does not make the lost one durable', async (t) => {
  const disk = source();
  const commits = new DurableCommit(disk);
  const lost = deferred();
  const later = deferred();
  commits.track(lost.promise);
  commits.track(later.promise);
  lost.reject(new Error('EIO'));
  later.resolve();
  const first = commits.commit();
  disk.flushNow();
  await t.throwsAsync(first, { message: /GW_ERR_STORE_COMMIT_FAILED.*EIO/ });
  commits.track(Promise.resolve());
  const second = commits.commit();
  disk.flushNow();
  await t.throwsAsync(second, { message: /EIO/ });
});

test('a failure nobody awaited does not become an unhandled rejection', async (t) => {
  const commits = new DurableCommit(source());
  let unhandled = false;
  const onUnhandled = () => (unhandled = true);
  process.once('unhandledRejection', onUnhandled);
  commits.track(Promise.reject(new Error('EIO')));
  await new Promise((resolve) => setTimeout(resolve, 20));
  process.off('unhandledRejection', onUnhandled);
  t.false(unhandled);
});
