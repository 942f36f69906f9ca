// The child process of the store's crash test: appends messages to an LmdbSessionStore in turns,
// commits each turn, and prints "committed <lastSeq> <nextTargetSeq>" only after the commit
// resolved. The parent kills it with SIGKILL at a random moment and checks that everything
// printed survived. Run: tsx test/support/store-crash-child.ts <storeDir> <session> <perTurn>
import { LmdbSessionStore } from '../../src/fix/session/store/lmdb-session-store';

/** The bytes stored for `seq`: a FIX-like message whose length and content depend on the seq. */
export function crashMessage(seq: number): Buffer {
  const padding = 'x'.repeat(seq % 97);
  return Buffer.from(`8=FIX.4.4\x0135=8\x0134=${seq}\x0158=${padding}\x0110=${String(seq % 256).padStart(3, '0')}\x01`);
}

/** The next target seq the child sets with the turn whose last message is `lastSeq`. */
export function crashTargetSeq(lastSeq: number): number {
  return lastSeq * 2;
}

async function main(): Promise<void> {
  const [dir, session, perTurnText] = process.argv.slice(2);
  if (!dir || !session || !perTurnText) throw new Error('usage: store-crash-child <storeDir> <session> <perTurn>');
  const perTurn = Number(perTurnText);
  const store = LmdbSessionStore.open({ path: dir });
  let seq = store.loadSequenceNumbers(session).nextSenderSeq;
  process.stdout.write(`ready ${seq}\n`);
  for (;;) {
    const last = seq + perTurn - 1;
    for (; seq <= last; seq++) store.append(session, seq, crashMessage(seq));
    store.setNextTargetSeq(session, crashTargetSeq(last));
    await store.commit();
    // Pipes are written synchronously on Linux: once this returns, the parent can read the line.
    process.stdout.write(`committed ${last} ${crashTargetSeq(last)}\n`);
  }
}

if (require.main === module) {
  main().catch((err: unknown) => {
    process.stderr.write(`store-crash-child failed: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  });
}
