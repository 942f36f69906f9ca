// Smoke tests of the native matcher's build and binding: the addon loads and matches, the fast
// path (encoder, flush, flyweight reader) agrees with process(), the shared buffers grow when a
// batch needs it, bad values are refused without touching the book, and the bench hooks run.
// The rules themselves are pinned by the differential and rule tests against the reference book.
import test from 'ava';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  CancelReason,
  CommandType,
  EventType,
  MassCancelScope,
  OrdType,
  RejectReason,
  Side,
  StpMode,
  TimeInForce,
  TradingState,
  encodeCommands,
  loadNativeAddon,
  NativeMatcher,
  type Command,
  type NewOrderCommand,
} from '../../src/matcher';

const ADDON = join(__dirname, '..', '..', 'native', 'build', 'Release', 'fixgate_matcher.node');

class Stream {
  private seq = 0;
  private readonly commands: Command[] = [];

  addSymbol(symbolId = 1): this {
    this.seq += 1;
    this.commands.push({
      type: CommandType.AddSymbol,
      seq: this.seq,
      ts: this.seq,
      symbolId,
      tickSize: 1,
      lotSize: 1,
      minPrice: 1,
      maxPrice: 1_000_000,
      marketBand: 10,
      state: TradingState.Open,
    });
    return this;
  }

  order(orderId: number, side: Side, price: number, qty: number, extra: Partial<NewOrderCommand> = {}): this {
    this.seq += 1;
    this.commands.push({ ...newOrder(this.seq, orderId, side, price, qty), ...extra });
    return this;
  }

  push(make: (seq: number) => Command): this {
    this.seq += 1;
    this.commands.push(make(this.seq));
    return this;
  }

  get all(): Command[] {
    return this.commands;
  }
}

function newOrder(seq: number, orderId: number, side: Side, price: number, qty: number): NewOrderCommand {
  return {
    type: CommandType.NewOrder,
    seq,
    ts: seq,
    orderId,
    symbolId: 1,
    side,
    ordType: OrdType.Limit,
    tif: TimeInForce.GTC,
    flags: 0,
    stpMode: StpMode.None,
    price,
    stopPx: 0,
    qty,
    minQty: 0,
    displayQty: 0,
    expireTime: 0,
    sessionId: 1,
    firmId: 1,
    stpId: 0,
  };
}

/** A stream with a bit of everything: resting, crossing, iceberg, stops, replace, cancel, rejects. */
function mixedStream(): Command[] {
  return new Stream()
    .addSymbol()
    .order(1, Side.Sell, 101, 10)
    .order(2, Side.Sell, 102, 20, { displayQty: 5 })
    .order(3, Side.Buy, 99, 7)
    .order(4, Side.Buy, 102, 12)
    .order(5, Side.Buy, 0, 5, { ordType: OrdType.Stop, stopPx: 103 })
    .order(6, Side.Sell, 103, 50)
    .push((seq) => ({ type: CommandType.Replace, seq, ts: seq, orderId: 3, price: 100, stopPx: 0, qty: 9 }))
    .order(7, Side.Buy, 103, 20)
    .push((seq) => ({ type: CommandType.Cancel, seq, ts: seq, orderId: 3 }))
    .push((seq) => ({ type: CommandType.Cancel, seq, ts: seq, orderId: 3 }))
    .order(8, Side.Buy, 100, 1.5).all;
}

test('the addon is built and loads with the layout this code expects', (t) => {
  t.true(existsSync(ADDON), `run \`make build\`: ${ADDON} is missing`);
  const addon = loadNativeAddon();
  t.deepEqual(addon.layout, { version: 1, commandRecordBytes: 128, eventRecordBytes: 64 });
});

test('a resting order and a crossing order trade at the resting price', (t) => {
  const m = new NativeMatcher();
  const events = m.process(new Stream().addSymbol().order(1, Side.Sell, 100, 10).order(2, Side.Buy, 101, 4).all);
  t.deepEqual(events, [
    { type: EventType.SymbolAdded, seq: 1, symbolId: 1 },
    { type: EventType.Accepted, seq: 2, orderId: 1, symbolId: 1 },
    { type: EventType.Accepted, seq: 3, orderId: 2, symbolId: 1 },
    {
      type: EventType.Trade,
      seq: 3,
      symbolId: 1,
      aggressorOrderId: 2,
      restingOrderId: 1,
      aggressorSide: Side.Buy,
      price: 100,
      qty: 4,
      aggressorLeaves: 0,
      restingLeaves: 6,
    },
  ]);
  t.deepEqual(m.l2(1, 5), { symbolId: 1, bids: [], asks: [{ price: 100, qty: 6, orders: 1 }] });
  t.deepEqual(m.l3(1), {
    symbolId: 1,
    state: TradingState.Open,
    lastTradePrice: 100,
    bids: [],
    asks: [{ orderId: 1, side: Side.Sell, price: 100, leaves: 6, displayed: 6 }],
    stops: [],
  });
  t.is(m.l2(2, 5), undefined);
  t.is(m.l3(2), undefined);
});

test('the fast path (encoder, flush, flyweight reader) sees the same events as process()', (t) => {
  const commands = mixedStream();
  const expected = new NativeMatcher().process(commands);

  const m = new NativeMatcher();
  for (const c of commands) m.encoder.command(c);
  const count = m.flush();
  t.is(count, expected.length);
  t.deepEqual(
    Array.from({ length: count }, (_, i) => m.events.decode(i)),
    expected,
  );
  const tradeIndex = expected.findIndex((e) => e.type === EventType.Trade);
  const trade = expected[tradeIndex];
  if (trade?.type !== EventType.Trade) return t.fail('the stream trades');
  t.is(m.events.type(tradeIndex), EventType.Trade);
  t.is(m.events.aggressorOrderId(tradeIndex), trade.aggressorOrderId);
  t.is(m.events.restingOrderId(tradeIndex), trade.restingOrderId);
  t.is(m.events.price(tradeIndex), trade.price);
  t.is(m.events.qty(tradeIndex), trade.qty);
  t.is(m.events.restingLeaves(tradeIndex), trade.restingLeaves);
  t.is(m.flush(), 0, 'a flush with nothing pending has no events');
});

test('the same stream gives byte-identical event buffers', (t) => {
  const commands = mixedStream();
  const raw = (): Buffer => {
    const m = new NativeMatcher();
    for (const c of commands) m.encoder.command(c);
    m.flush();
    return Buffer.from(m.events.recordBytes());
  };
  const first = raw();
  t.is(first.length, 64 * new NativeMatcher().process(commands).length);
  t.true(first.equals(raw()));
});

test('mass cancel of 100k orders in one command grows the event buffer mid-batch', (t) => {
  const n = 100_000;
  const m = new NativeMatcher({ commandCapacity: 16 });
  m.encoder.addSymbol(1, 1, 1, 1, 1, 1, 1_000_000, 0, TradingState.Open);
  for (let id = 1; id <= n; id += 1) {
    m.encoder.newOrder(1 + id, 1, id, 1, Side.Buy, OrdType.Limit, TimeInForce.GTC, 0, StpMode.None, 1 + (id % 5000), 0, 1, 0, 0, 0, 1, 1, 0);
  }
  t.is(m.flush(), 1 + n, 'the command buffer grew from 16 records to hold the whole batch');
  m.encoder.massCancel(n + 2, 1, MassCancelScope.All, 0);
  t.is(m.flush(), n + 1);
  t.is(m.events.type(0), EventType.Cancelled);
  t.is(m.events.reason(0), CancelReason.MassCancel);
  t.is(m.events.type(n), EventType.MassCancelDone);
  t.is(m.events.count(n), n);
  // Book order: bids best price first, FIFO within a price.
  t.is(m.events.orderId(0), 4999);
  t.is(m.events.orderId(n - 1), 100_000);
  t.deepEqual(m.l2(1, 1), { symbolId: 1, bids: [], asks: [] });
});

test('invalid values are refused with the documented reason and leave the book as it was', (t) => {
  const m = new NativeMatcher();
  m.process(new Stream().addSymbol().order(1, Side.Sell, 100, 10).order(2, Side.Buy, 90, 10).all);
  const before = m.l3(1);
  const base = newOrder(0, 50, Side.Buy, 100, 5);
  let seq = 3;
  const refused = (change: Record<string, unknown>) => {
    seq += 1;
    return m.process([{ ...base, seq, ts: seq, ...change } as unknown as Command]);
  };
  const reasonOf = (change: Record<string, unknown>) => {
    const events = refused(change);
    const first = events[0];
    return first?.type === EventType.Rejected && events.length === 1 ? first.reason : undefined;
  };
  t.is(reasonOf({ orderId: NaN }), RejectReason.InvalidOrderId);
  t.is(reasonOf({ orderId: 2 ** 53 }), RejectReason.InvalidOrderId);
  t.is(reasonOf({ orderId: 1 }), RejectReason.DuplicateOrderId);
  t.is(reasonOf({ symbolId: 1.5 }), RejectReason.UnknownSymbol);
  t.is(reasonOf({ side: 3 }), RejectReason.InvalidOrderType);
  t.is(reasonOf({ side: 1.5 }), RejectReason.InvalidOrderType);
  t.is(reasonOf({ side: 'buy' }), RejectReason.InvalidOrderType);
  t.is(reasonOf({ flags: 2 }), RejectReason.InvalidOrderType);
  t.is(reasonOf({ qty: -5 }), RejectReason.InvalidQuantity);
  t.is(reasonOf({ qty: undefined }), RejectReason.InvalidQuantity);
  t.is(reasonOf({ price: 2 ** 60 }), RejectReason.InvalidPrice);
  t.is(reasonOf({ price: 2_000_000 }), RejectReason.PriceOutOfRange);
  t.is(reasonOf({ minQty: 1 }), RejectReason.InvalidCombination);
  t.is(reasonOf({ displayQty: -1 }), RejectReason.InvalidDisplayQty);
  t.is(reasonOf({ tif: TimeInForce.GTD, expireTime: 1 }), RejectReason.ExpiredOnArrival);
  t.is(reasonOf({ flags: 1 }), RejectReason.PostOnlyWouldCross);

  seq += 1;
  t.deepEqual(m.process([{ type: 42, seq, ts: seq } as unknown as Command]), [
    { type: EventType.Rejected, seq, commandType: 42 as CommandType, orderId: 0, symbolId: 0, reason: RejectReason.UnknownCommand },
  ]);
  t.deepEqual(m.process([{ type: CommandType.Cancel, seq, ts: seq, orderId: -0 }]), [
    { type: EventType.Rejected, seq, commandType: CommandType.Cancel, orderId: -0, symbolId: 0, reason: RejectReason.SequenceNotIncreasing },
  ]);
  t.deepEqual(m.l3(1), before);
});

test('benchCore and benchCoreLatency time a fresh engine over an encoded stream', (t) => {
  const { buffer, count } = encodeCommands(mixedStream());
  const addon = loadNativeAddon();
  const throughput = addon.benchCore(buffer, count, 3);
  t.is(throughput.runsNs.length, 3);
  t.is(throughput.eventCount, 3 * new NativeMatcher().process(mixedStream()).length);
  t.true(throughput.elapsedNs > 0);
  const latency = addon.benchCoreLatency(buffer, count);
  t.is(latency.samplesNs.length, count);
  t.true(latency.p50Ns <= latency.p99Ns && latency.p99Ns <= latency.maxNs);
  t.throws(() => addon.benchCore(buffer, count + 1, 1), { instanceOf: TypeError });
});
