// The matcher: a deterministic function of the sequenced command stream (docs/matcher.md is the
// contract, rule for rule). Pure C++: no N-API, no clock, no randomness, and no container whose
// iteration order could reach the output — books are walked in the doc's "book order" only.
//
// Work is split by concern over three translation units:
//   engine.cpp    the pre-step, command dispatch and every validation rule;
//   matching.cpp  aggression (FOK/minQty, STP, icebergs) and the stop trigger cascade;
//   book_walk.cpp book-order walks: mass cancel, end of day, L2/L3 snapshots.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

#include "buffer_layout.hpp"
#include "event_buffer.hpp"
#include "expiry_queue.hpp"
#include "order_index.hpp"
#include "order_pool.hpp"
#include "symbol_book.hpp"

namespace fixgate {

class Engine {
 public:
  static constexpr size_t kInitialEventCapacity = 1024;  // grows on demand

  explicit Engine(EventStorage& storage);

  /** Runs the commands in order, appending their events to events() (which the caller clears). */
  void process(const CommandRecord* commands, size_t count);

  EventBuffer& events() { return events_; }

  /**
   * Roughly how much memory the books hold outside the event buffer (pool, index, expiry queue,
   * and each symbol's level arrays counted as if both sides were in use). O(1): the binding
   * reports it to V8 after every batch so that garbage collection accounts for it.
   */
  size_t approximateBytes() const {
    return pool_.capacityBytes() + index_.capacityBytes() + expiry_.capacityBytes() + symbolBytes_;
  }

  /**
   * L2 of a symbol as flat numbers: [bidLevels, askLevels, then (price, qty, orders) per level,
   * bids best first, then asks]. Returns false for an unknown symbol.
   */
  bool l2(double symbolId, double depth, std::vector<double>& out) const;

  /**
   * L3 of a symbol as flat numbers: [state, lastTradePrice, bidCount, askCount, stopCount, then
   * (orderId, side, price, leaves, displayed) per bid and per ask in book order, then
   * (orderId, side, ordType, stopPx, price, leaves) per stop in entry sequence].
   */
  bool l3(double symbolId, std::vector<double>& out) const;

 private:
  // engine.cpp
  void prefetchCell(const CommandRecord& c) const;
  void prefetchOrder(const CommandRecord& c) const;
  void processOne(const CommandRecord& c);
  void expireDue(double ts);
  void reject(const CommandRecord& c, uint8_t reason);
  void addSymbol(const CommandRecord& c);
  void setTradingState(const CommandRecord& c);
  void newOrder(const CommandRecord& c, double ts);
  void cancelOrder(const CommandRecord& c);
  void replaceOrder(const CommandRecord& c);
  SymbolBook* findSymbol(double symbolId) const;
  uint32_t findLive(double orderId) const;
  uint8_t checkPrice(const SymbolBook& s, double raw, int64_t& price) const;
  bool wouldCross(SymbolBook& s, uint8_t orderSide, int64_t price);
  void removeLive(SymbolBook& s, uint32_t slot);
  void trackExpiry(const Order& o);

  // matching.cpp
  /** Runs the order at `slot` as aggressor; returns true if it rested. */
  bool aggress(SymbolBook& s, uint32_t slot);
  /** Ends the aggression of an order that was live before (a replace, a triggered stop). */
  void settle(uint32_t slot, bool rested);
  void triggerCascade(SymbolBook& s);
  void takeTriggered(SymbolBook& s);
  void removeResting(SymbolBook& s, uint32_t slot);

  // book_walk.cpp
  void massCancel(const CommandRecord& c);
  void endOfDay(const CommandRecord& c);
  template <typename Visit>
  void walkBookOrder(SymbolBook& s, Visit visit);

  EventBuffer events_;
  OrderPool pool_;
  OrderIndex index_;
  ExpiryQueue expiry_;
  std::vector<std::unique_ptr<SymbolBook>> symbols_;  // indexed by symbolId, grown on demand
  std::vector<uint16_t> symbolIds_;                   // ascending: the book order of symbols
  std::vector<uint32_t> pending_;                     // triggered stops waiting to aggress
  double seq_ = 0;     // seq of the command being processed, stamped on its events
  double lastSeq_ = 0;
  double lastTs_ = 0;
  uint64_t entryCounter_ = 0;
  size_t symbolBytes_ = 0;
};

}  // namespace fixgate
