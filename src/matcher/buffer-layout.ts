// The JS⇄C++ shared-buffer layout, mirrored from native/src/buffer_layout.hpp (which draws each
// record in full, with the per-command and per-event tables). Every number crosses as the float64
// bits of the JS number itself, so safe integers are exact and invalid values (NaN, fractions,
// > 2^53 - 1, -0) reach the C++ rules unchanged; the small NewOrder enums cross as bytes,
// INVALID_ENUM standing for any value that is not an integer in 0..127.
//
//   command record, 128 bytes                    event record, 64 bytes
//   w0  type side ordType tif stpMode flags 0 0   w0  type aux 0 0 | symbolId (u32)
//   w1  seq                                       w1  seq
//   w2  ts                                        w2  orderId | aggressorOrderId | state | scope
//   w3  orderId                                   w3  restingOrderId | *Qty | reducedBy | stopPx | key | rejected symbolId
//   w4  symbolId                                  w4  price | commandType | count
//   w5  price      | tickSize   | scope           w5  qty
//   w6  stopPx     | lotSize    | key             w6  aggressorLeaves | leaves
//   w7  qty        | minPrice                     w7  restingLeaves
//   w8  minQty     | maxPrice
//   w9  displayQty | marketBand
//   w10 expireTime | state
//   w11 sessionId, w12 firmId, w13 stpId, w15 rawType (type byte 0)
//
// Offsets below are in 8-byte words (Float64Array index within a record) or in bytes (Uint8Array
// index within a record).

/** Checked against the addon's `layout.version` at load: a stale build is refused. */
export const LAYOUT_VERSION = 1;

export const COMMAND_RECORD_BYTES = 128;
export const COMMAND_RECORD_WORDS = COMMAND_RECORD_BYTES / 8;
export const EVENT_RECORD_BYTES = 64;
export const EVENT_RECORD_WORDS = EVENT_RECORD_BYTES / 8;
export const INVALID_ENUM = 0xff;

/** Command record, header bytes (word 0). */
export const CommandByte = {
  type: 0,
  side: 1,
  ordType: 2,
  tif: 3,
  stpMode: 4,
  flags: 5,
} as const;

/** Command record, float64 words. Several names share a word: each command reads its own. */
export const CommandWord = {
  seq: 1,
  ts: 2,
  orderId: 3,
  symbolId: 4,
  price: 5,
  stopPx: 6,
  qty: 7,
  minQty: 8,
  displayQty: 9,
  expireTime: 10,
  sessionId: 11,
  firmId: 12,
  stpId: 13,
  rawType: 15, // the JS `type` when it is not a CommandType (type byte 0)
  // AddSymbol
  tickSize: 5,
  lotSize: 6,
  minPrice: 7,
  maxPrice: 8,
  marketBand: 9,
  state: 10, // AddSymbol, SetTradingState
  // MassCancel
  scope: 5,
  key: 6,
} as const;

/** The type byte of a command whose JS `type` is not a CommandType. */
export const UNKNOWN_COMMAND_TYPE = 0;

/** Event record, header bytes (word 0): type, aux, then a uint32 symbolId at byte 4. */
export const EventByte = {
  type: 0,
  aux: 1, // Trade: aggressorSide; Rejected, Cancelled: reason; Replaced: priorityLost (0/1)
} as const;
/** Uint32Array index of the header symbolId within a record. */
export const EVENT_SYMBOL_U32 = 1;

/** Event record, float64 words (see the table in buffer_layout.hpp). */
export const EventWord = {
  seq: 1,
  orderId: 2, // also Trade.aggressorOrderId, TradingStateChanged.state, MassCancelDone.scope
  restingOrderId: 3, // also Rejected.symbolId, cancelledQty, expiredQty, reducedBy, Replaced.stopPx, MassCancelDone.key
  price: 4, // also Rejected.commandType, MassCancelDone.count
  qty: 5,
  leaves: 6, // Trade.aggressorLeaves, Reduced.leaves, Replaced.leaves
  restingLeaves: 7,
} as const;

/** Control block written by the addon after each batch (Uint32Array index). */
export const ControlWord = {
  eventGeneration: 0,
} as const;
export const CONTROL_BYTES = 16;
