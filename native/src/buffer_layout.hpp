// The byte layout of the two buffers shared by JavaScript and the C++ matcher. The TypeScript
// mirror is src/matcher/buffer-layout.ts; a change here is a change there, and the addon exports
// kLayoutVersion so that a stale build is refused at load time.
//
// Both buffers are arrays of fixed-size records in the machine's byte order (the typed arrays and
// this code run in one process, so they agree; little-endian on x86-64 and arm64). Every number
// that JavaScript hands over or gets back is an IEEE-754 float64, the very bits of the JS number:
// a Float64Array store and a C++ `double` load are both exact, so a safe integer arrives exact
// (every |x| <= 2^53 - 1 is a double) and anything else (NaN, 1.5, -3, 2^60) arrives as itself
// and is refused by the rules of docs/matcher.md exactly as JavaScript would refuse it. Values
// the C++ echoes back (a rejected command's orderId, a mass cancel's key) are copied bit for
// bit, so -0 stays -0; values it computes are int64 converted back to double, exact because
// every one of them is a safe integer (the one sum it reports, an L2 level's qty, is added up in
// double in FIFO order, as JavaScript adds it).
//
// The small enumerations of a NewOrder (side, ordType, tif, stpMode, flags) travel as bytes; the
// encoder writes kInvalidEnum for any value that is not an integer in 0..127, so an out-of-range
// value can never alias a valid one.
//
// ---------------------------------------------------------------------------------------------
// Command record: kCommandRecordBytes = 128 bytes = 16 words of 8 bytes.
//
//   byte   0        1        2         3       4         5        6    7
//        +--------+--------+---------+-------+---------+--------+----+----+
//   w0   | type   | side   | ordType | tif   | stpMode | flags  |  0 |  0 |   u8 each
//        +--------+--------+---------+-------+---------+--------+----+----+
//   w1   | seq                                                       f64  |
//   w2   | ts                                                        f64  |
//   w3   | orderId                                                   f64  |
//   w4   | symbolId                                                  f64  |
//   w5   | price      | tickSize   | scope                             f64  |
//   w6   | stopPx     | lotSize    | key                               f64  |
//   w7   | qty        | minPrice                                      f64  |
//   w8   | minQty     | maxPrice                                      f64  |
//   w9   | displayQty | marketBand                                    f64  |
//   w10  | expireTime | state                                         f64  |
//   w11  | sessionId                                                 f64  |
//   w12  | firmId                                                    f64  |
//   w13  | stpId                                                     f64  |
//   w14  | (unused)                                                       |
//   w15  | rawType: the JS `type` value when the type byte is 0      f64  |
//        +----------------------------------------------------------------+
//
//   type byte  words read by the matcher
//   0 unknown  w1 seq, w2 ts, w15 rawType
//   1 AddSymbol        w1, w2, w4 symbolId, w5 tickSize, w6 lotSize, w7 minPrice, w8 maxPrice,
//                      w9 marketBand, w10 state
//   2 SetTradingState  w1, w2, w4 symbolId, w10 state
//   3 NewOrder         w0 bytes 1..5, w1..w13 as named in the first column
//   4 Cancel           w1, w2, w3 orderId
//   5 Replace          w1, w2, w3 orderId, w5 price, w6 stopPx, w7 qty
//   6 MassCancel       w1, w2, w5 scope, w6 key
//   7 EndOfDay         w1, w2, w4 symbolId
//   8 TimeTick         w1, w2
//
// ---------------------------------------------------------------------------------------------
// Event record: kEventRecordBytes = 64 bytes = 8 words of 8 bytes.
//
//   byte   0        1        2  3      4                 7
//        +--------+--------+------+-----------------------+
//   w0   | type   | aux    |  0   | symbolId          u32 |
//        +--------+--------+------+-----------------------+
//   w1   | seq (of the command that caused it)       f64 |
//   w2   | a                                         f64 |
//   w3   | b                                         f64 |
//   w4   | c                                         f64 |
//   w5   | d                                         f64 |
//   w6   | e                                         f64 |
//   w7   | f                                         f64 |
//        +-----------------------------------------------+
//
//   event                aux            a (w2)            b (w3)           c (w4)       d (w5)  e (w6)           f (w7)
//   1 SymbolAdded        -              -                 -                -            -       -                -
//   2 TradingStateChanged -             state             -                -            -       -                -
//   3 Accepted           -              orderId           -                -            -       -                -
//   4 Rejected           reason         orderId           symbolId         commandType  -       -                -
//   5 Trade              aggressorSide  aggressorOrderId  restingOrderId   price        qty     aggressorLeaves  restingLeaves
//   6 Cancelled          reason         orderId           cancelledQty     -            -       -                -
//   7 Reduced            -              orderId           reducedBy        -            -       leaves           -
//   8 Replaced           priorityLost   orderId           stopPx           price        qty     leaves           -
//   9 Triggered          -              orderId           -                -            -       -                -
//   10 Expired           -              orderId           expiredQty       -            -       -                -
//   11 MassCancelDone    -              scope             key              count        -       -                -
//
//   The header symbolId is 0 for Rejected (whose symbolId is the command's raw value, in w3)
//   and for MassCancelDone. Unused words are written as +0.
#pragma once

#include <cstddef>
#include <cstdint>

namespace fixgate {

constexpr uint32_t kLayoutVersion = 1;

constexpr size_t kCommandRecordBytes = 128;
constexpr size_t kEventRecordBytes = 64;
constexpr uint8_t kInvalidEnum = 0xFF;

namespace cmdword {
constexpr int kSeq = 1;
constexpr int kTs = 2;
constexpr int kOrderId = 3;
constexpr int kSymbolId = 4;
constexpr int kPrice = 5;
constexpr int kStopPx = 6;
constexpr int kQty = 7;
constexpr int kMinQty = 8;
constexpr int kDisplayQty = 9;
constexpr int kExpireTime = 10;
constexpr int kSessionId = 11;
constexpr int kFirmId = 12;
constexpr int kStpId = 13;
constexpr int kRawType = 15;
// AddSymbol
constexpr int kTickSize = 5;
constexpr int kLotSize = 6;
constexpr int kMinPrice = 7;
constexpr int kMaxPrice = 8;
constexpr int kMarketBand = 9;
constexpr int kState = 10;
// MassCancel
constexpr int kScope = 5;
constexpr int kKey = 6;
}  // namespace cmdword

struct CommandRecord {
  uint8_t type;
  uint8_t side;
  uint8_t ordType;
  uint8_t tif;
  uint8_t stpMode;
  uint8_t flags;
  uint8_t reserved[2];
  double word[15];  // word[i - 1] is w<i> of the diagram

  double at(int w) const { return word[w - 1]; }
};
static_assert(sizeof(CommandRecord) == kCommandRecordBytes, "command record layout");

struct EventRecord {
  uint8_t type;
  uint8_t aux;
  uint16_t reserved;
  uint32_t symbolId;
  double seq;
  double a;
  double b;
  double c;
  double d;
  double e;
  double f;
};
static_assert(sizeof(EventRecord) == kEventRecordBytes, "event record layout");

}  // namespace fixgate
