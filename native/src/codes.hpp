// The matcher's vocabulary in C++: the same numeric values as src/matcher/types.ts, which is the
// source of truth (these values are written into the shared buffers and never change).
#pragma once

#include <cstdint>

namespace fixgate {

namespace side {
constexpr uint8_t kBuy = 1;
constexpr uint8_t kSell = 2;
}  // namespace side

namespace ordtype {
constexpr uint8_t kLimit = 1;
constexpr uint8_t kMarket = 2;
constexpr uint8_t kStop = 3;
constexpr uint8_t kStopLimit = 4;
}  // namespace ordtype

namespace tif {
constexpr uint8_t kDay = 0;
constexpr uint8_t kGtc = 1;
constexpr uint8_t kIoc = 3;
constexpr uint8_t kFok = 4;
constexpr uint8_t kGtd = 6;
}  // namespace tif

namespace stp {
constexpr uint8_t kNone = 0;
constexpr uint8_t kCancelResting = 1;
constexpr uint8_t kCancelAggressing = 2;
constexpr uint8_t kCancelBoth = 3;
constexpr uint8_t kDecrement = 4;
}  // namespace stp

namespace trading {
constexpr uint8_t kOpen = 0;
constexpr uint8_t kHalted = 1;
constexpr uint8_t kClosed = 2;
}  // namespace trading

namespace scope {
constexpr uint8_t kAll = 0;
constexpr uint8_t kSymbol = 1;
constexpr uint8_t kSession = 2;
constexpr uint8_t kFirm = 3;
}  // namespace scope

namespace orderflag {
constexpr uint8_t kPostOnly = 1;
}

namespace command {
constexpr uint8_t kUnknown = 0;  // buffer-only: the JS type was not a CommandType
constexpr uint8_t kAddSymbol = 1;
constexpr uint8_t kSetTradingState = 2;
constexpr uint8_t kNewOrder = 3;
constexpr uint8_t kCancel = 4;
constexpr uint8_t kReplace = 5;
constexpr uint8_t kMassCancel = 6;
constexpr uint8_t kEndOfDay = 7;
constexpr uint8_t kTimeTick = 8;
}  // namespace command

namespace reject {
constexpr uint8_t kUnknownSymbol = 1;
constexpr uint8_t kInvalidQuantity = 2;
constexpr uint8_t kOffTickGrid = 3;
constexpr uint8_t kOffLotGrid = 4;
constexpr uint8_t kPriceOutOfRange = 5;
constexpr uint8_t kUnknownOrder = 6;
constexpr uint8_t kDuplicateOrderId = 7;
constexpr uint8_t kSymbolHalted = 8;
constexpr uint8_t kSymbolClosed = 9;
constexpr uint8_t kPostOnlyWouldCross = 10;
constexpr uint8_t kInvalidOrderType = 11;
constexpr uint8_t kInvalidCombination = 12;
constexpr uint8_t kInvalidStopPrice = 13;
constexpr uint8_t kExpiredOnArrival = 14;
constexpr uint8_t kReplaceBelowFilled = 15;
constexpr uint8_t kDuplicateSymbol = 16;
constexpr uint8_t kInvalidSymbolConfig = 17;
constexpr uint8_t kSequenceNotIncreasing = 18;
constexpr uint8_t kTimestampWentBack = 19;
constexpr uint8_t kInvalidDisplayQty = 20;
constexpr uint8_t kUnknownCommand = 21;
constexpr uint8_t kInvalidPrice = 22;
constexpr uint8_t kInvalidOrderId = 23;
constexpr uint8_t kInvalidScope = 24;
}  // namespace reject

namespace cancel {
constexpr uint8_t kUser = 1;
constexpr uint8_t kIocRemainder = 2;
constexpr uint8_t kSelfTrade = 3;
constexpr uint8_t kMassCancel = 4;
constexpr uint8_t kFokUnfilled = 5;
constexpr uint8_t kMinQtyUnmet = 6;
constexpr uint8_t kProtectionBand = 7;
}  // namespace cancel

namespace event {
constexpr uint8_t kSymbolAdded = 1;
constexpr uint8_t kTradingStateChanged = 2;
constexpr uint8_t kAccepted = 3;
constexpr uint8_t kRejected = 4;
constexpr uint8_t kTrade = 5;
constexpr uint8_t kCancelled = 6;
constexpr uint8_t kReduced = 7;
constexpr uint8_t kReplaced = 8;
constexpr uint8_t kTriggered = 9;
constexpr uint8_t kExpired = 10;
constexpr uint8_t kMassCancelDone = 11;
}  // namespace event

constexpr uint32_t kMaxLevels = 1u << 20;
constexpr uint32_t kMaxSymbolId = 65535;

}  // namespace fixgate
