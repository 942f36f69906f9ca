// Everything that visits many orders in the doc's "book order": symbols by ascending id; within a
// symbol the bids best price first and FIFO within a price, then the asks likewise, then the
// untriggered stops in entry sequence. Mass cancel and end of day remove orders while walking,
// so each walk reads the next link before it visits an order.
#include <cmath>

#include "codes.hpp"
#include "engine.hpp"

namespace fixgate {

using namespace cmdword;

template <typename Visit>
void Engine::walkBookOrder(SymbolBook& s, Visit visit) {
  for (SideBook* side : {&s.bids, &s.asks}) {
    for (uint32_t rank = side->best(); rank != kNoLevel; rank = side->nextFrom(rank + 1)) {
      for (uint32_t slot = side->head(rank); slot != kNoSlot;) {
        const uint32_t next = pool_[slot].next;
        visit(s, slot);
        slot = next;
      }
    }
  }
  for (uint32_t slot = s.stops.first(); slot != kNoSlot;) {
    const uint32_t next = pool_[slot].next;
    visit(s, slot);
    slot = next;
  }
}

void Engine::massCancel(const CommandRecord& c) {
  const double scopeValue = c.at(kScope);
  const double key = c.at(kKey);
  uint8_t which;
  if (scopeValue == scope::kAll) which = scope::kAll;
  else if (scopeValue == scope::kSymbol) which = scope::kSymbol;
  else if (scopeValue == scope::kSession) which = scope::kSession;
  else if (scopeValue == scope::kFirm) which = scope::kFirm;
  else return reject(c, reject::kInvalidScope);

  SymbolBook* only = nullptr;
  if (which == scope::kSymbol) {
    only = findSymbol(key);
    if (only == nullptr) return reject(c, reject::kUnknownSymbol);
  }
  int64_t count = 0;
  auto visit = [&](SymbolBook& s, uint32_t slot) {
    const Order& o = pool_[slot];
    if (which == scope::kSession && !(o.sessionId == key)) return;
    if (which == scope::kFirm && !(o.firmId == key)) return;
    events_.cancelled(seq_, s.config.id, o.orderId, cancel::kMassCancel, o.leaves);
    removeLive(s, slot);
    ++count;
  };
  if (only != nullptr) {
    walkBookOrder(*only, visit);
  } else {
    for (uint16_t id : symbolIds_) walkBookOrder(*symbols_[id], visit);
  }
  events_.massCancelDone(seq_, scopeValue, key, count);
}

void Engine::endOfDay(const CommandRecord& c) {
  const double symbolId = c.at(kSymbolId);
  SymbolBook* only = nullptr;
  if (symbolId != 0) {
    only = findSymbol(symbolId);
    if (only == nullptr) return reject(c, reject::kUnknownSymbol);
  }
  auto visit = [&](SymbolBook& s, uint32_t slot) {
    const Order& o = pool_[slot];
    if (o.tif != tif::kDay) return;
    events_.expired(seq_, s.config.id, o.orderId, o.leaves);
    removeLive(s, slot);
  };
  if (only != nullptr) {
    walkBookOrder(*only, visit);
  } else {
    for (uint16_t id : symbolIds_) walkBookOrder(*symbols_[id], visit);
  }
}

bool Engine::l2(double symbolId, double depth, std::vector<double>& out) const {
  const SymbolBook* s = findSymbol(symbolId);
  if (s == nullptr) return false;
  // Depth as JS slice(0, depth) reads it: truncated, NaN as 0, Infinity as everything.
  const double maxLevels = std::isnan(depth) ? 0 : std::trunc(depth);
  out.assign(2, 0);
  for (int sideIndex = 0; sideIndex < 2; ++sideIndex) {
    const SideBook& side = sideIndex == 0 ? s->bids : s->asks;
    double levels = 0;
    for (uint32_t rank = side.best(); rank != kNoLevel && levels < maxLevels; rank = side.nextFrom(rank + 1)) {
      // Summed as JS numbers, front to back, so a total beyond 2^53 rounds as it would in JS.
      double qty = 0;
      double orders = 0;
      const uint32_t head = side.head(rank);
      for (uint32_t slot = head; slot != kNoSlot; slot = pool_[slot].next) {
        qty += static_cast<double>(pool_[slot].displayed);
        orders += 1;
      }
      out.push_back(static_cast<double>(pool_[head].price));
      out.push_back(qty);
      out.push_back(orders);
      levels += 1;
    }
    out[sideIndex] = levels;
  }
  return true;
}

bool Engine::l3(double symbolId, std::vector<double>& out) const {
  const SymbolBook* s = findSymbol(symbolId);
  if (s == nullptr) return false;
  out.assign(5, 0);
  out[0] = s->stateValue;
  out[1] = static_cast<double>(s->lastTradePrice);
  for (int sideIndex = 0; sideIndex < 2; ++sideIndex) {
    const SideBook& side = sideIndex == 0 ? s->bids : s->asks;
    double count = 0;
    for (uint32_t rank = side.best(); rank != kNoLevel; rank = side.nextFrom(rank + 1)) {
      for (uint32_t slot = side.head(rank); slot != kNoSlot; slot = pool_[slot].next) {
        const Order& o = pool_[slot];
        out.insert(out.end(), {static_cast<double>(o.orderId), static_cast<double>(o.side),
                               static_cast<double>(o.price), static_cast<double>(o.leaves),
                               static_cast<double>(o.displayed)});
        count += 1;
      }
    }
    out[2 + sideIndex] = count;
  }
  double stops = 0;
  for (uint32_t slot = s->stops.first(); slot != kNoSlot; slot = pool_[slot].next) {
    const Order& o = pool_[slot];
    out.insert(out.end(), {static_cast<double>(o.orderId), static_cast<double>(o.side),
                           static_cast<double>(o.ordType), static_cast<double>(o.stopPx),
                           o.reportedPrice(), static_cast<double>(o.leaves)});
    stops += 1;
  }
  out[4] = stops;
  return true;
}

}  // namespace fixgate
