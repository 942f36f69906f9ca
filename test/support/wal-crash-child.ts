// The child process of the WAL crash test: reopens the WAL in <dataDir>, replays it into a fresh
// native matcher, prints "ready <lastSeq>", then sequences orders at full speed, <perTurn> per
// event-loop turn, and prints "durable <lastSeq>" each time a batch's `durable` resolves. The
// parent kills it with SIGKILL at random moments and checks that every seq printed survived.
// Run: node --import tsx test/support/wal-crash-child.ts <dataDir> <perTurn>
//
// Also exports `feedCommand`, which tests and bench/wal.bench.ts use to push a generated Command
// stream through a Sequencer.
import { createLogger } from '../../src/log';
import { NativeMatcher } from '../../src/matcher/native-matcher';
import { CommandType, OrdType, Side, StpMode, TimeInForce, TradingState, type Command } from '../../src/matcher/types';
import { replay } from '../../src/sequencer/replay';
import { Sequencer, type SequencedBatch } from '../../src/sequencer/sequencer';
import { WriteAheadLog } from '../../src/sequencer/write-ahead-log';

/**
 * Submits a generated command through the sequencer (its seq and ts are the sequencer's).
 * Generated streams choose their own order ids; the sequencer's are seqs, so `orderIds` maps the
 * first to the second for the cancels and replaces that follow. An id never mapped stays as it is
 * (generated streams aim some commands at unknown ids on purpose).
 */
export function feedCommand(sequencer: Sequencer, c: Command, orderIds: Map<number, number>): number {
  switch (c.type) {
    case CommandType.NewOrder: {
      const seq = sequencer.newOrder(
        c.symbolId, c.side, c.ordType, c.tif, c.flags, c.stpMode, c.price, c.stopPx, c.qty, c.minQty, c.displayQty,
        c.expireTime, c.sessionId, c.firmId, c.stpId,
      );
      orderIds.set(c.orderId, seq);
      return seq;
    }
    case CommandType.Cancel:
      return sequencer.cancel(orderIds.get(c.orderId) ?? c.orderId);
    case CommandType.Replace:
      return sequencer.replace(orderIds.get(c.orderId) ?? c.orderId, c.price, c.stopPx, c.qty);
    case CommandType.MassCancel:
      return sequencer.massCancel(c.scope, c.key);
    case CommandType.EndOfDay:
      return sequencer.endOfDay(c.symbolId);
    case CommandType.SetTradingState:
      return sequencer.setTradingState(c.symbolId, c.state);
    case CommandType.AddSymbol:
      return sequencer.addSymbol(c.symbolId, c.tickSize, c.lotSize, c.minPrice, c.maxPrice, c.marketBand, c.state);
    case CommandType.TimeTick:
      return sequencer.timeTick();
  }
}

/** The child's symbol. */
export const CRASH_SYMBOL = 7;
const MID = 10_000;

async function main(): Promise<void> {
  const [dataDir, perTurnText] = process.argv.slice(2);
  if (!dataDir || !perTurnText) throw new Error('usage: wal-crash-child <dataDir> <perTurn>');
  const perTurn = Number(perTurnText);
  const wal = WriteAheadLog.open({ dataDir });
  const matcher = new NativeMatcher();
  const recovered = replay(wal, matcher, 1);
  const out = (line: string): void => {
    // Pipes are written synchronously on Linux: once this returns, the parent can read the line.
    process.stdout.write(`${line}\n`);
  };
  const consumer = {
    onBatch(batch: SequencedBatch): void {
      const last = batch.lastSeq;
      batch.durable.then(
        () => out(`durable ${last}`),
        (err: unknown) => out(`failed ${String(err)}`),
      );
    },
  };
  const sequencer = new Sequencer({ matcher, wal, consumer, logger: createLogger('silent') });
  out(`ready ${recovered.lastSeq}`);
  if (!recovered.symbolIds.includes(CRASH_SYMBOL)) {
    sequencer.addSymbol(CRASH_SYMBOL, 1, 1, 1, MID * 2, 100, TradingState.Open);
  }
  // A deterministic mix keyed on the seq: resting limits around the mid, crossing IOCs, cancels of
  // recent orders (after a restart some are gone: their Rejected is part of the log too).
  const recent: number[] = [];
  for (;;) {
    for (let k = 0; k < perTurn; k++) {
      const n = sequencer.lastSeq + 1;
      const side = n % 2 === 0 ? Side.Buy : Side.Sell;
      if (n % 5 === 0 && recent.length > 0) {
        sequencer.cancel(recent[(n >>> 3) % recent.length]!);
      } else {
        const ioc = n % 7 === 0;
        const offset = ioc ? -(n % 5) : 1 + (n % 50);
        const price = side === Side.Buy ? MID - offset : MID + offset;
        const id = sequencer.newOrder(
          CRASH_SYMBOL, side, OrdType.Limit, ioc ? TimeInForce.IOC : TimeInForce.GTC, 0, StpMode.None, price, 0,
          1 + (n % 20), 0, 0, 0, 1, 1, 0,
        );
        if (!ioc && recent.length < 64) recent.push(id);
        else if (!ioc) recent[n % 64] = id;
      }
    }
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

if (require.main === module) {
  main().catch((err: unknown) => {
    process.stderr.write(`wal-crash-child failed: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  });
}
