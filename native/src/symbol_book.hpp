// Everything the matcher knows about one symbol: its configuration, trading state, last trade
// price, both sides of its book and its untriggered stops.
#pragma once

#include <cstdint>

#include "codes.hpp"
#include "side_book.hpp"
#include "stop_book.hpp"

namespace fixgate {

struct SymbolConfig {
  uint16_t id;
  int64_t tickSize;
  int64_t lotSize;
  int64_t minPrice;
  int64_t maxPrice;
  int64_t marketBand;
  uint32_t levelCount;
};

class SymbolBook {
 public:
  SymbolBook(const SymbolConfig& config, uint8_t state, double stateValue)
      : config(config),
        state(state),
        stateValue(stateValue),
        bids(config.levelCount),
        asks(config.levelCount) {}

  SideBook& side(uint8_t orderSide) { return orderSide == side::kBuy ? bids : asks; }
  SideBook& opposite(uint8_t orderSide) { return orderSide == side::kBuy ? asks : bids; }

  /** Bids rank from maxPrice down, asks from minPrice up: rank 0 is the best price either side. */
  uint32_t rankOf(uint8_t orderSide, int64_t price) const {
    uint32_t index = static_cast<uint32_t>(config.tickSize == 1 ? price - config.minPrice
                                                                : (price - config.minPrice) / config.tickSize);
    return orderSide == side::kBuy ? config.levelCount - 1 - index : index;
  }

  bool onTickGrid(int64_t price) const { return price % config.tickSize == 0; }
  bool inRange(int64_t price) const { return price >= config.minPrice && price <= config.maxPrice; }

  const SymbolConfig config;
  uint8_t state;
  double stateValue;  // the JS number the state was set with, echoed back as given (-0 stays -0)
  int64_t lastTradePrice = 0;
  SideBook bids;
  SideBook asks;
  StopBook stops;
};

}  // namespace fixgate
