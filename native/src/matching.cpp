// Aggression and the trigger cascade (docs/matcher.md, "Aggression" and "Trigger cascade").
// Nothing in here allocates an order, so references into the pool stay valid throughout.
#include <algorithm>

#include "codes.hpp"
#include "engine.hpp"

namespace fixgate {

namespace {

struct Liquidity {
  int64_t executable;
  bool blocked;
};

/**
 * The FOK/minQty pre-check: liquidity within the limit, without side effects. Summing stops once
 * `target` is reached (so the sum cannot overflow int64 and a deep book is not walked for
 * nothing) unless STP could still block, in which case the rest is scanned for a self order.
 * Stopping early agrees with a plain JS sum: past `target` it only compares as ">= target".
 */
Liquidity scanLiquidity(const OrderPool& pool, const SideBook& opposite, bool buy, int64_t limit, int64_t target,
                        bool stpActive, bool watchSelf, double stpId) {
  Liquidity result{0, false};
  for (uint32_t rank = opposite.best(); rank != kNoLevel; rank = opposite.nextFrom(rank + 1)) {
    uint32_t slot = opposite.head(rank);
    const int64_t price = pool[slot].price;
    if (buy ? price > limit : price < limit) break;
    for (; slot != kNoSlot; slot = pool[slot].next) {
      const Order& r = pool[slot];
      if (stpActive && r.stpId == stpId) {
        if (watchSelf) {
          result.blocked = true;
          return result;
        }
        continue;
      }
      if (result.executable < target) {
        result.executable += r.leaves;
      } else if (!watchSelf) {
        return result;
      }
    }
  }
  return result;
}

}  // namespace

bool Engine::aggress(SymbolBook& s, uint32_t slot) {
  Order& a = pool_[slot];
  const bool buy = a.side == side::kBuy;
  SideBook& opposite = s.opposite(a.side);
  const uint32_t symbolId = s.config.id;
  const bool marketLike = a.ordType == ordtype::kMarket || a.ordType == ordtype::kStop;

  bool hasLimit = true;
  int64_t limit = a.price;
  if (marketLike) {
    if (opposite.empty()) {
      hasLimit = false;
    } else {
      const int64_t best = pool_[opposite.head(opposite.best())].price;
      limit = buy ? best + s.config.marketBand : best - s.config.marketBand;
    }
  }
  const bool stpActive = a.stpMode != stp::kNone && a.stpId != 0;

  if (a.tif == tif::kFok || a.minQty > 0) {
    const bool fok = a.tif == tif::kFok;
    const int64_t target = fok ? a.leaves : a.minQty;
    const bool watchSelf = stpActive && a.stpMode != stp::kCancelResting;
    const Liquidity liquidity = hasLimit ? scanLiquidity(pool_, opposite, buy, limit, target, stpActive, watchSelf, a.stpId)
                                         : Liquidity{0, false};
    if (liquidity.blocked || liquidity.executable < target) {
      events_.cancelled(seq_, symbolId, a.orderId, fok ? cancel::kFokUnfilled : cancel::kMinQtyUnmet, a.leaves);
      return false;
    }
  }

  while (a.leaves > 0 && hasLimit && !opposite.empty()) {
    const uint32_t restingSlot = opposite.head(opposite.best());
    Order& r = pool_[restingSlot];
    if (buy ? r.price > limit : r.price < limit) break;

    if (stpActive && r.stpId == a.stpId) {
      switch (a.stpMode) {
        case stp::kCancelResting:
          events_.cancelled(seq_, symbolId, r.orderId, cancel::kSelfTrade, r.leaves);
          removeResting(s, restingSlot);
          continue;
        case stp::kCancelAggressing:
          events_.cancelled(seq_, symbolId, a.orderId, cancel::kSelfTrade, a.leaves);
          return false;
        case stp::kCancelBoth:
          events_.cancelled(seq_, symbolId, r.orderId, cancel::kSelfTrade, r.leaves);
          removeResting(s, restingSlot);
          events_.cancelled(seq_, symbolId, a.orderId, cancel::kSelfTrade, a.leaves);
          return false;
        default: {  // Decrement
          const int64_t q = std::min(a.leaves, r.leaves);
          if (r.leaves > q) {
            r.qty -= q;
            r.leaves -= q;
            r.displayed = std::min(r.displayed, r.leaves);
            events_.reduced(seq_, symbolId, r.orderId, q, r.leaves);
            events_.cancelled(seq_, symbolId, a.orderId, cancel::kSelfTrade, q);
            return false;
          }
          if (r.leaves < a.leaves) {
            events_.cancelled(seq_, symbolId, r.orderId, cancel::kSelfTrade, r.leaves);
            removeResting(s, restingSlot);
            a.qty -= q;
            a.leaves -= q;
            events_.reduced(seq_, symbolId, a.orderId, q, a.leaves);
            continue;
          }
          events_.cancelled(seq_, symbolId, r.orderId, cancel::kSelfTrade, q);
          removeResting(s, restingSlot);
          events_.cancelled(seq_, symbolId, a.orderId, cancel::kSelfTrade, q);
          return false;
        }
      }
    }

    const int64_t q = std::min(a.leaves, r.displayed);
    a.leaves -= q;
    r.leaves -= q;
    r.displayed -= q;
    events_.trade(seq_, symbolId, a.orderId, r.orderId, a.side, r.price, q, a.leaves, r.leaves);
    s.lastTradePrice = r.price;
    if (r.leaves == 0) {
      removeResting(s, restingSlot);
    } else if (r.displayed == 0) {
      r.displayed = std::min(r.displayQty, r.leaves);
      opposite.moveToBack(pool_, restingSlot);
    }
  }

  if (a.leaves == 0) return false;
  if (a.tif == tif::kIoc || a.tif == tif::kFok || marketLike) {
    const uint8_t reason = marketLike && !opposite.empty() ? cancel::kProtectionBand : cancel::kIocRemainder;
    events_.cancelled(seq_, symbolId, a.orderId, reason, a.leaves);
    return false;
  }
  a.displayed = a.displayQty > 0 ? std::min(a.displayQty, a.leaves) : a.leaves;
  a.state = OrderState::Resting;
  s.side(a.side).append(pool_, slot, s.rankOf(a.side, a.price));
  return true;
}

void Engine::settle(uint32_t slot, bool rested) {
  if (rested) return;
  index_.erase(pool_[slot].orderId);
  pool_.release(slot);
}

void Engine::triggerCascade(SymbolBook& s) {
  takeTriggered(s);
  for (size_t i = 0; i < pending_.size(); ++i) {
    const uint32_t slot = pending_[i];
    settle(slot, aggress(s, slot));
    takeTriggered(s);
  }
  pending_.clear();
}

void Engine::takeTriggered(SymbolBook& s) {
  if (s.lastTradePrice == 0 || s.stops.empty()) return;
  const size_t from = pending_.size();
  s.stops.takeTriggered(pool_, s.lastTradePrice, pending_);
  for (size_t i = from; i < pending_.size(); ++i) {
    Order& o = pool_[pending_[i]];
    o.state = OrderState::Working;
    events_.triggered(seq_, s.config.id, o.orderId);
  }
}

void Engine::removeResting(SymbolBook& s, uint32_t slot) {
  Order& o = pool_[slot];
  s.side(o.side).unlink(pool_, slot);
  index_.erase(o.orderId);
  pool_.release(slot);
}

}  // namespace fixgate
