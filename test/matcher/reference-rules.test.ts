// Pins the core of docs/matcher.md with written-out event lists: price-time matching, IOC, market
// orders and their protection band, FOK and minimum quantity, Cancel, trading states, MassCancel and
// book order, EndOfDay, GTD expiry, TimeTick and the queries. (STP, icebergs, stops, replace and
// validation have their own files.)
import {
  CancelReason,
  CommandType,
  MassCancelScope,
  OrdType,
  RejectReason,
  Side,
  TimeInForce,
  TradingState,
} from '../../src/matcher/types';
import {
  accepted,
  addSymbol,
  cancel,
  cancelled,
  endOfDay,
  expired,
  limit,
  market,
  massCancel,
  massCancelDone,
  matcherTest,
  orderRejected,
  rejected,
  replace,
  setState,
  stateChanged,
  stop,
  stopLimit,
  SYM,
  symbolAdded,
  timeTick,
  trade,
} from '../support/scenario';

// ------------------------------------------------------------ price-time matching

matcherTest('matching: best price first, FIFO within a price, each trade at the resting price', (t, d) => {
  d.open();
  d.sendAll(limit(1, Side.Sell, 101, 5), limit(2, Side.Sell, 100, 5), limit(3, Side.Sell, 100, 5));
  t.deepEqual(d.send(limit(4, Side.Buy, 101, 12)), [
    accepted(4),
    trade({ aggressorOrderId: 4, restingOrderId: 2, aggressorSide: Side.Buy, price: 100, qty: 5, aggressorLeaves: 7, restingLeaves: 0 }),
    trade({ aggressorOrderId: 4, restingOrderId: 3, aggressorSide: Side.Buy, price: 100, qty: 5, aggressorLeaves: 2, restingLeaves: 0 }),
    trade({ aggressorOrderId: 4, restingOrderId: 1, aggressorSide: Side.Buy, price: 101, qty: 2, aggressorLeaves: 0, restingLeaves: 3 }),
  ]);
  t.deepEqual(d.side(Side.Sell), [[1, 101, 3, 3]]);
  t.deepEqual(d.side(Side.Buy), []);
  t.is(d.l3()?.lastTradePrice, 101);
});

matcherTest('matching: a sell aggressor takes the highest bids first, at their prices', (t, d) => {
  d.open();
  d.sendAll(limit(1, Side.Buy, 99, 5), limit(2, Side.Buy, 100, 5));
  t.deepEqual(d.send(limit(3, Side.Sell, 95, 8)), [
    accepted(3),
    trade({ aggressorOrderId: 3, restingOrderId: 2, aggressorSide: Side.Sell, price: 100, qty: 5, aggressorLeaves: 3, restingLeaves: 0 }),
    trade({ aggressorOrderId: 3, restingOrderId: 1, aggressorSide: Side.Sell, price: 99, qty: 3, aggressorLeaves: 0, restingLeaves: 2 }),
  ]);
  t.deepEqual(d.side(Side.Buy), [[1, 99, 2, 2]]);
});

matcherTest('matching: the remainder of a limit order rests at the back of the level at its price', (t, d) => {
  d.open();
  d.sendAll(limit(1, Side.Sell, 100, 10), limit(2, Side.Buy, 99, 5));
  t.deepEqual(d.send(limit(3, Side.Buy, 100, 15, { tif: TimeInForce.Day })), [
    accepted(3),
    trade({ aggressorOrderId: 3, restingOrderId: 1, aggressorSide: Side.Buy, price: 100, qty: 10, aggressorLeaves: 5, restingLeaves: 0 }),
  ]);
  t.deepEqual(d.send(limit(4, Side.Buy, 100, 5)), [accepted(4)]);
  t.deepEqual(d.side(Side.Buy), [
    [3, 100, 5, 5],
    [4, 100, 5, 5],
    [2, 99, 5, 5],
  ]);
});

matcherTest('matching: an order that does not reach the other side rests without trading', (t, d) => {
  d.open();
  d.send(limit(1, Side.Sell, 101, 5));
  t.deepEqual(d.send(limit(2, Side.Buy, 100, 5)), [accepted(2)]);
  t.deepEqual(d.send(limit(3, Side.Sell, 102, 5, { tif: TimeInForce.GTD, expireTime: 9_000_000 })), [accepted(3)]);
  t.deepEqual(d.side(Side.Sell), [
    [1, 101, 5, 5],
    [3, 102, 5, 5],
  ]);
  t.is(d.l3()?.lastTradePrice, 0);
});

// ------------------------------------------------------------ IOC

matcherTest('IOC: trades what it can; the rest is cancelled with IocRemainder', (t, d) => {
  d.open();
  d.send(limit(1, Side.Sell, 100, 5));
  t.deepEqual(d.send(limit(2, Side.Buy, 100, 8, { tif: TimeInForce.IOC })), [
    accepted(2),
    trade({ aggressorOrderId: 2, restingOrderId: 1, aggressorSide: Side.Buy, price: 100, qty: 5, aggressorLeaves: 3, restingLeaves: 0 }),
    cancelled(2, CancelReason.IocRemainder, 3),
  ]);
  t.deepEqual(d.send(limit(3, Side.Buy, 99, 5, { tif: TimeInForce.IOC })), [accepted(3), cancelled(3, CancelReason.IocRemainder, 5)]);
  t.deepEqual(d.side(Side.Buy), []);
});

// ------------------------------------------------------------ market orders

matcherTest('Market: limit is best opposite + band, fixed at the start; liquidity left beyond it → ProtectionBand', (t, d) => {
  d.open({ marketBand: 2 });
  d.sendAll(limit(1, Side.Sell, 100, 5), limit(2, Side.Sell, 102, 5), limit(3, Side.Sell, 103, 5));
  t.deepEqual(d.send(market(4, Side.Buy, 20)), [
    accepted(4),
    trade({ aggressorOrderId: 4, restingOrderId: 1, aggressorSide: Side.Buy, price: 100, qty: 5, aggressorLeaves: 15, restingLeaves: 0 }),
    trade({ aggressorOrderId: 4, restingOrderId: 2, aggressorSide: Side.Buy, price: 102, qty: 5, aggressorLeaves: 10, restingLeaves: 0 }),
    cancelled(4, CancelReason.ProtectionBand, 10),
  ]);
  t.deepEqual(d.side(Side.Sell), [[3, 103, 5, 5]]);
});

matcherTest('Market sell: limit is best bid - band; Day behaves as IOC', (t, d) => {
  d.open({ marketBand: 5 });
  d.sendAll(limit(1, Side.Buy, 100, 5), limit(2, Side.Buy, 95, 5), limit(3, Side.Buy, 94, 5));
  t.deepEqual(d.send(market(4, Side.Sell, 20, { tif: TimeInForce.Day })), [
    accepted(4),
    trade({ aggressorOrderId: 4, restingOrderId: 1, aggressorSide: Side.Sell, price: 100, qty: 5, aggressorLeaves: 15, restingLeaves: 0 }),
    trade({ aggressorOrderId: 4, restingOrderId: 2, aggressorSide: Side.Sell, price: 95, qty: 5, aggressorLeaves: 10, restingLeaves: 0 }),
    cancelled(4, CancelReason.ProtectionBand, 10),
  ]);
  t.deepEqual(d.side(Side.Buy), [[3, 94, 5, 5]]);
});

matcherTest('Market: a book that runs dry inside the band → IocRemainder', (t, d) => {
  d.open({ marketBand: 2 });
  d.send(limit(1, Side.Sell, 100, 5));
  t.deepEqual(d.send(market(2, Side.Buy, 8)), [
    accepted(2),
    trade({ aggressorOrderId: 2, restingOrderId: 1, aggressorSide: Side.Buy, price: 100, qty: 5, aggressorLeaves: 3, restingLeaves: 0 }),
    cancelled(2, CancelReason.IocRemainder, 3),
  ]);
});

matcherTest('Market: an empty opposite side leaves nothing executable → IocRemainder', (t, d) => {
  d.open();
  d.send(limit(1, Side.Buy, 100, 5));
  t.deepEqual(d.send(market(2, Side.Buy, 5)), [accepted(2), cancelled(2, CancelReason.IocRemainder, 5)]);
});

matcherTest('Market: band 0 trades at the best price only', (t, d) => {
  d.open({ marketBand: 0 });
  d.sendAll(limit(1, Side.Sell, 100, 5), limit(2, Side.Sell, 101, 5));
  t.deepEqual(d.send(market(3, Side.Buy, 8)), [
    accepted(3),
    trade({ aggressorOrderId: 3, restingOrderId: 1, aggressorSide: Side.Buy, price: 100, qty: 5, aggressorLeaves: 3, restingLeaves: 0 }),
    cancelled(3, CancelReason.ProtectionBand, 3),
  ]);
});

// ------------------------------------------------------------ FOK and minimum quantity

matcherTest('FOK: fills completely within its limit, or is cancelled FokUnfilled without touching the book', (t, d) => {
  d.open();
  d.sendAll(limit(1, Side.Sell, 100, 5), limit(2, Side.Sell, 101, 5));
  t.deepEqual(d.send(limit(3, Side.Buy, 101, 12, { tif: TimeInForce.FOK })), [accepted(3), cancelled(3, CancelReason.FokUnfilled, 12)]);
  t.deepEqual(d.send(limit(4, Side.Buy, 100, 6, { tif: TimeInForce.FOK })), [accepted(4), cancelled(4, CancelReason.FokUnfilled, 6)]);
  t.deepEqual(d.side(Side.Sell), [
    [1, 100, 5, 5],
    [2, 101, 5, 5],
  ]);
  t.deepEqual(d.send(limit(5, Side.Buy, 101, 10, { tif: TimeInForce.FOK })), [
    accepted(5),
    trade({ aggressorOrderId: 5, restingOrderId: 1, aggressorSide: Side.Buy, price: 100, qty: 5, aggressorLeaves: 5, restingLeaves: 0 }),
    trade({ aggressorOrderId: 5, restingOrderId: 2, aggressorSide: Side.Buy, price: 101, qty: 5, aggressorLeaves: 0, restingLeaves: 0 }),
  ]);
});

matcherTest('FOK market: executable is counted within best + band', (t, d) => {
  d.open({ marketBand: 1 });
  d.sendAll(limit(1, Side.Sell, 100, 5), limit(2, Side.Sell, 101, 5), limit(3, Side.Sell, 102, 5));
  t.deepEqual(d.send(market(4, Side.Buy, 15, { tif: TimeInForce.FOK })), [accepted(4), cancelled(4, CancelReason.FokUnfilled, 15)]);
  t.deepEqual(d.send(market(5, Side.Buy, 10, { tif: TimeInForce.FOK })), [
    accepted(5),
    trade({ aggressorOrderId: 5, restingOrderId: 1, aggressorSide: Side.Buy, price: 100, qty: 5, aggressorLeaves: 5, restingLeaves: 0 }),
    trade({ aggressorOrderId: 5, restingOrderId: 2, aggressorSide: Side.Buy, price: 101, qty: 5, aggressorLeaves: 0, restingLeaves: 0 }),
  ]);
  t.deepEqual(d.send(market(6, Side.Buy, 5, { tif: TimeInForce.FOK })), [
    accepted(6),
    trade({ aggressorOrderId: 6, restingOrderId: 3, aggressorSide: Side.Buy, price: 102, qty: 5, aggressorLeaves: 0, restingLeaves: 0 }),
  ]);
});

matcherTest('minQty: below it within the limit → MinQtyUnmet and nothing trades; at it → trades, rest IocRemainder', (t, d) => {
  d.open();
  d.sendAll(limit(1, Side.Sell, 100, 5), limit(2, Side.Sell, 101, 5), limit(9, Side.Sell, 102, 5));
  t.deepEqual(d.send(limit(3, Side.Buy, 101, 15, { tif: TimeInForce.IOC, minQty: 11 })), [
    accepted(3),
    cancelled(3, CancelReason.MinQtyUnmet, 15),
  ]);
  t.deepEqual(d.send(limit(4, Side.Buy, 101, 15, { tif: TimeInForce.IOC, minQty: 10 })), [
    accepted(4),
    trade({ aggressorOrderId: 4, restingOrderId: 1, aggressorSide: Side.Buy, price: 100, qty: 5, aggressorLeaves: 10, restingLeaves: 0 }),
    trade({ aggressorOrderId: 4, restingOrderId: 2, aggressorSide: Side.Buy, price: 101, qty: 5, aggressorLeaves: 5, restingLeaves: 0 }),
    cancelled(4, CancelReason.IocRemainder, 5),
  ]);
});

matcherTest('minQty on a market IOC order counts within best + band', (t, d) => {
  d.open({ marketBand: 0 });
  d.sendAll(limit(1, Side.Buy, 100, 5), limit(2, Side.Buy, 99, 5));
  t.deepEqual(d.send(market(3, Side.Sell, 10, { minQty: 6 })), [accepted(3), cancelled(3, CancelReason.MinQtyUnmet, 10)]);
  t.deepEqual(d.send(market(4, Side.Sell, 10, { minQty: 5 })), [
    accepted(4),
    trade({ aggressorOrderId: 4, restingOrderId: 1, aggressorSide: Side.Sell, price: 100, qty: 5, aggressorLeaves: 5, restingLeaves: 0 }),
    cancelled(4, CancelReason.ProtectionBand, 5),
  ]);
});

// ------------------------------------------------------------ Cancel

matcherTest('Cancel: a live order is cancelled User with its leaves; then, like any ended or unknown id, UnknownOrder', (t, d) => {
  d.open();
  d.sendAll(limit(1, Side.Buy, 100, 10), limit(2, Side.Sell, 100, 4));
  t.deepEqual(d.send(cancel(1)), [cancelled(1, CancelReason.User, 6)]);
  t.deepEqual(d.send(cancel(1)), [rejected(CommandType.Cancel, RejectReason.UnknownOrder, { orderId: 1 })]);
  t.deepEqual(d.send(cancel(2)), [rejected(CommandType.Cancel, RejectReason.UnknownOrder, { orderId: 2 })]);
  t.deepEqual(d.send(cancel(99)), [rejected(CommandType.Cancel, RejectReason.UnknownOrder, { orderId: 99 })]);
  t.deepEqual(d.side(Side.Buy), []);
});

matcherTest('Cancel: an untriggered stop is cancelled too', (t, d) => {
  d.open();
  d.send(stopLimit(1, Side.Sell, 90, 89, 7));
  t.deepEqual(d.send(cancel(1)), [cancelled(1, CancelReason.User, 7)]);
  t.deepEqual(d.stops(), []);
});

// ------------------------------------------------------------ trading states

matcherTest('Halted: NewOrder and Replace refused, Cancel works; Closed likewise; no order touched by the change', (t, d) => {
  d.open();
  d.sendAll(limit(1, Side.Buy, 100, 10), limit(2, Side.Buy, 99, 10), stop(3, Side.Sell, 90, 5));
  const before = d.l3();
  t.deepEqual(d.send(setState(SYM, TradingState.Halted)), [stateChanged(SYM, TradingState.Halted)]);
  t.deepEqual(d.l3(), { ...before!, state: TradingState.Halted });
  t.deepEqual(d.send(limit(4, Side.Sell, 100, 10)), [orderRejected(4, RejectReason.SymbolHalted)]);
  t.deepEqual(d.send(replace(1, 101, 10)), [rejected(CommandType.Replace, RejectReason.SymbolHalted, { orderId: 1 })]);
  t.deepEqual(d.send(cancel(1)), [cancelled(1, CancelReason.User, 10)]);
  t.deepEqual(d.send(setState(SYM, TradingState.Closed)), [stateChanged(SYM, TradingState.Closed)]);
  t.deepEqual(d.send(market(5, Side.Sell, 10)), [orderRejected(5, RejectReason.SymbolClosed)]);
  t.deepEqual(d.send(replace(2, 99, 5)), [rejected(CommandType.Replace, RejectReason.SymbolClosed, { orderId: 2 })]);
  t.deepEqual(d.send(cancel(3)), [cancelled(3, CancelReason.User, 5)]);
  t.deepEqual(d.send(setState(SYM, TradingState.Open)), [stateChanged(SYM, TradingState.Open)]);
  t.deepEqual(d.send(limit(6, Side.Sell, 99, 10)), [
    accepted(6),
    trade({ aggressorOrderId: 6, restingOrderId: 2, aggressorSide: Side.Sell, price: 99, qty: 10, aggressorLeaves: 0, restingLeaves: 0 }),
  ]);
});

matcherTest('trading state is per symbol', (t, d) => {
  d.open().open({ symbolId: 2 });
  d.send(setState(2, TradingState.Halted));
  t.deepEqual(d.send(limit(1, Side.Buy, 100, 10)), [accepted(1)]);
  t.deepEqual(d.send(limit(2, Side.Buy, 100, 10, { symbolId: 2 })), [orderRejected(2, RejectReason.SymbolHalted, 2)]);
});

// ------------------------------------------------------------ MassCancel and book order

/** Symbol 2 added before symbol 1; orders on both, on both sides and as stops, in mixed sessions and firms. */
function twoSymbolBook(d: Parameters<Parameters<typeof matcherTest>[1]>[1]): void {
  d.open({ symbolId: 2 }).open({ symbolId: 1 });
  d.sendAll(
    limit(21, Side.Buy, 50, 1, { symbolId: 2, sessionId: 1, firmId: 2 }),
    stop(22, Side.Buy, 60, 2, { symbolId: 2, sessionId: 2, firmId: 2 }),
    limit(11, Side.Buy, 99, 3, { sessionId: 1, firmId: 1 }),
    limit(12, Side.Buy, 100, 4, { sessionId: 2, firmId: 1 }),
    limit(13, Side.Buy, 100, 5, { sessionId: 1, firmId: 2, tif: TimeInForce.Day }),
    limit(14, Side.Sell, 105, 6, { sessionId: 2, firmId: 1 }),
    limit(15, Side.Sell, 104, 7, { sessionId: 1, firmId: 1, tif: TimeInForce.Day }),
    stop(17, Side.Sell, 90, 8, { sessionId: 1, firmId: 2 }),
    stopLimit(16, Side.Buy, 110, 111, 9, { sessionId: 2, firmId: 1, tif: TimeInForce.Day }),
  );
}

matcherTest('MassCancel All: every live order in book order (symbol id; bids best first FIFO; asks; stops by entry)', (t, d) => {
  twoSymbolBook(d);
  t.deepEqual(d.send(massCancel(MassCancelScope.All, 0)), [
    cancelled(12, CancelReason.MassCancel, 4),
    cancelled(13, CancelReason.MassCancel, 5),
    cancelled(11, CancelReason.MassCancel, 3),
    cancelled(15, CancelReason.MassCancel, 7),
    cancelled(14, CancelReason.MassCancel, 6),
    cancelled(17, CancelReason.MassCancel, 8),
    cancelled(16, CancelReason.MassCancel, 9),
    cancelled(21, CancelReason.MassCancel, 1, 2),
    cancelled(22, CancelReason.MassCancel, 2, 2),
    massCancelDone(MassCancelScope.All, 0, 9),
  ]);
  t.like(d.l3(1), { bids: [], asks: [], stops: [] });
  t.like(d.l3(2), { bids: [], asks: [], stops: [] });
});

matcherTest('MassCancel by Symbol, Session and Firm', (t, d) => {
  twoSymbolBook(d);
  t.deepEqual(d.send(massCancel(MassCancelScope.Session, 2)), [
    cancelled(12, CancelReason.MassCancel, 4),
    cancelled(14, CancelReason.MassCancel, 6),
    cancelled(16, CancelReason.MassCancel, 9),
    cancelled(22, CancelReason.MassCancel, 2, 2),
    massCancelDone(MassCancelScope.Session, 2, 4),
  ]);
  t.deepEqual(d.send(massCancel(MassCancelScope.Firm, 2)), [
    cancelled(13, CancelReason.MassCancel, 5),
    cancelled(17, CancelReason.MassCancel, 8),
    cancelled(21, CancelReason.MassCancel, 1, 2),
    massCancelDone(MassCancelScope.Firm, 2, 3),
  ]);
  t.deepEqual(d.send(massCancel(MassCancelScope.Symbol, 2)), [massCancelDone(MassCancelScope.Symbol, 2, 0)]);
  t.deepEqual(d.send(massCancel(MassCancelScope.Symbol, 1)), [
    cancelled(11, CancelReason.MassCancel, 3),
    cancelled(15, CancelReason.MassCancel, 7),
    massCancelDone(MassCancelScope.Symbol, 1, 2),
  ]);
});

matcherTest('MassCancel: unknown scope → InvalidScope; Symbol scope with unknown symbol → UnknownSymbol; works when Closed', (t, d) => {
  d.open();
  d.send(limit(1, Side.Buy, 100, 10));
  t.deepEqual(d.send(massCancel(4 as MassCancelScope, 0)), [rejected(CommandType.MassCancel, RejectReason.InvalidScope)]);
  t.deepEqual(d.send(massCancel(MassCancelScope.Symbol, 3)), [rejected(CommandType.MassCancel, RejectReason.UnknownSymbol, { symbolId: 3 })]);
  d.send(setState(SYM, TradingState.Closed));
  t.deepEqual(d.send(massCancel(MassCancelScope.Firm, 1)), [
    cancelled(1, CancelReason.MassCancel, 10),
    massCancelDone(MassCancelScope.Firm, 1, 1),
  ]);
});

// ------------------------------------------------------------ EndOfDay

matcherTest('EndOfDay: expires the Day orders (resting and stops) of the symbol, in book order; GTC and GTD stay', (t, d) => {
  twoSymbolBook(d);
  d.send(limit(23, Side.Sell, 70, 1, { symbolId: 2, tif: TimeInForce.Day }));
  t.deepEqual(d.send(endOfDay(1)), [expired(13, 5), expired(15, 7), expired(17, 8), expired(16, 9)]);
  t.deepEqual(
    d.side(Side.Buy).map(([id]) => id),
    [12, 11],
  );
  t.deepEqual(d.send(endOfDay(0)), [expired(23, 1, 2), expired(22, 2, 2)]);
  t.deepEqual(d.send(endOfDay(0)), []);
});

matcherTest('EndOfDay: unknown symbol → UnknownSymbol; works in any trading state', (t, d) => {
  d.open();
  d.send(limit(1, Side.Buy, 100, 10, { tif: TimeInForce.Day }));
  t.deepEqual(d.send(endOfDay(5)), [rejected(CommandType.EndOfDay, RejectReason.UnknownSymbol, { symbolId: 5 })]);
  d.send(setState(SYM, TradingState.Halted));
  t.deepEqual(d.send(endOfDay(SYM)), [expired(1, 10)]);
});

// ------------------------------------------------------------ GTD expiry and TimeTick

matcherTest('GTD expiry: in the pre-step of any command, every symbol, in (expireTime, orderId) order', (t, d) => {
  d.at(1_000).open().open({ symbolId: 2 });
  const gtd = (expireTime: number) => ({ tif: TimeInForce.GTD, expireTime });
  d.sendAll(
    limit(5, Side.Buy, 100, 1, gtd(5_000)),
    limit(4, Side.Sell, 110, 2, gtd(3_000)),
    limit(2, Side.Buy, 50, 3, { ...gtd(3_000), symbolId: 2 }),
    stop(3, Side.Buy, 120, 4, gtd(3_000)),
    limit(1, Side.Buy, 100, 5, gtd(9_000)),
  );
  t.deepEqual(d.at(2_999).send(timeTick()), []);
  t.deepEqual(d.at(3_000).send(timeTick()), [expired(2, 3, 2), expired(3, 4), expired(4, 2)]);
  t.deepEqual(d.at(6_000).send(cancel(1)), [expired(5, 1), cancelled(1, CancelReason.User, 5)]);
});

matcherTest('GTD expiry runs before the command: an expired order cannot trade with it', (t, d) => {
  d.at(1_000).open();
  d.send(limit(1, Side.Sell, 100, 5, { tif: TimeInForce.GTD, expireTime: 2_000 }));
  t.deepEqual(d.at(2_000).send(limit(2, Side.Buy, 100, 5)), [expired(1, 5), accepted(2)]);
  t.deepEqual(d.side(Side.Buy), [[2, 100, 5, 5]]);
});

matcherTest('GTD expiry runs even when the command itself is then refused, and in any trading state', (t, d) => {
  d.at(1_000).open();
  d.sendAll(
    limit(1, Side.Sell, 100, 5, { tif: TimeInForce.GTD, expireTime: 2_000 }),
    limit(2, Side.Sell, 101, 5, { tif: TimeInForce.GTD, expireTime: 3_000 }),
  );
  d.send(setState(SYM, TradingState.Halted));
  t.deepEqual(d.at(2_500).send(limit(3, Side.Buy, 100, 5, { symbolId: 9 })), [expired(1, 5), orderRejected(3, RejectReason.UnknownSymbol, 9)]);
  t.deepEqual(d.at(3_000).send(addSymbol()), [expired(2, 5), rejected(CommandType.AddSymbol, RejectReason.DuplicateSymbol, { symbolId: SYM })]);
});

matcherTest('GTD expiry: a partly filled order expires with its leaves', (t, d) => {
  d.at(1_000).open();
  d.sendAll(limit(1, Side.Sell, 100, 10, { tif: TimeInForce.GTD, expireTime: 2_000 }), limit(2, Side.Buy, 100, 4));
  t.deepEqual(d.at(2_000).send(timeTick()), [expired(1, 6)]);
});

matcherTest('TimeTick: no event of its own', (t, d) => {
  d.open();
  d.send(limit(1, Side.Buy, 100, 10));
  t.deepEqual(d.send(timeTick()), []);
  t.deepEqual(d.side(Side.Buy), [[1, 100, 10, 10]]);
});

// ------------------------------------------------------------ queries

matcherTest('l2: up to depth levels per side, best first, displayed qty summed and orders counted', (t, d) => {
  d.open();
  d.sendAll(
    limit(1, Side.Buy, 100, 5),
    limit(2, Side.Buy, 100, 7),
    limit(3, Side.Buy, 98, 1),
    limit(4, Side.Buy, 99, 2),
    limit(5, Side.Sell, 103, 3),
    limit(6, Side.Sell, 101, 20, { displayQty: 4 }),
    limit(7, Side.Sell, 101, 6),
  );
  t.deepEqual(d.l2(SYM, 2), {
    symbolId: SYM,
    bids: [
      { price: 100, qty: 12, orders: 2 },
      { price: 99, qty: 2, orders: 1 },
    ],
    asks: [
      { price: 101, qty: 10, orders: 2 },
      { price: 103, qty: 3, orders: 1 },
    ],
  });
  t.deepEqual(d.l2(SYM, 0), { symbolId: SYM, bids: [], asks: [] });
  t.is(d.l2(2, 5), undefined);
});

matcherTest('l3: resting orders in book order with leaves and displayed, stops in entry order, state and last price', (t, d) => {
  d.open();
  d.sendAll(
    limit(1, Side.Buy, 100, 5),
    limit(2, Side.Sell, 101, 20, { displayQty: 4 }),
    stopLimit(3, Side.Sell, 90, 89, 6),
    stop(4, Side.Buy, 120, 7),
    limit(5, Side.Sell, 100, 2),
  );
  t.deepEqual(d.l3(), {
    symbolId: SYM,
    state: TradingState.Open,
    lastTradePrice: 100,
    bids: [{ orderId: 1, side: Side.Buy, price: 100, leaves: 3, displayed: 3 }],
    asks: [{ orderId: 2, side: Side.Sell, price: 101, leaves: 20, displayed: 4 }],
    stops: [
      { orderId: 3, side: Side.Sell, ordType: OrdType.StopLimit, stopPx: 90, price: 89, leaves: 6 },
      { orderId: 4, side: Side.Buy, ordType: OrdType.Stop, stopPx: 120, price: 0, leaves: 7 },
    ],
  });
  t.is(d.l3(2), undefined);
});

matcherTest('AddSymbol with several symbols: each has its own book', (t, d) => {
  t.deepEqual(d.sendAll(addSymbol({ symbolId: 3 }), addSymbol({ symbolId: 2 })), [symbolAdded(3), symbolAdded(2)]);
  d.sendAll(limit(1, Side.Buy, 100, 5, { symbolId: 3 }));
  t.deepEqual(d.send(limit(2, Side.Sell, 100, 5, { symbolId: 2 })), [accepted(2, 2)]);
  t.deepEqual(d.side(Side.Buy, 3), [[1, 100, 5, 5]]);
  t.deepEqual(d.side(Side.Sell, 2), [[2, 100, 5, 5]]);
});
