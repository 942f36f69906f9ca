// Where the engine writes its events: a growable array of EventRecord, one typed writer per event
// (layout in buffer_layout.hpp). The memory comes from an EventStorage so that the binding can
// hand out V8-owned ArrayBuffers that JavaScript reads in place, while the pure C++ benchmark uses
// plain heap memory. A batch never fails for lack of room: the buffer grows mid-batch, bumps its
// generation, and the JS facade re-reads the buffer when it sees the generation change.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>

#include "buffer_layout.hpp"
#include "codes.hpp"

namespace fixgate {

class EventStorage {
 public:
  virtual ~EventStorage() = default;
  /** Zeroed memory for `capacity` records; the block handed out before stays valid until release. */
  virtual EventRecord* allocate(size_t capacity) = 0;
  /** Called once the buffer has copied what it needs out of a block it no longer uses. */
  virtual void release(EventRecord* block) = 0;
};

/** Plain heap memory, for engines that live outside JavaScript (the core benchmark). */
class HeapEventStorage final : public EventStorage {
 public:
  EventRecord* allocate(size_t capacity) override {
    return static_cast<EventRecord*>(std::calloc(capacity, sizeof(EventRecord)));
  }
  void release(EventRecord* block) override { std::free(block); }
};

class EventBuffer {
 public:
  EventBuffer(EventStorage& storage, size_t initialCapacity) : storage_(storage) { reserve(initialCapacity); }
  ~EventBuffer() { storage_.release(data_); }
  EventBuffer(const EventBuffer&) = delete;
  EventBuffer& operator=(const EventBuffer&) = delete;

  void clear() { size_ = 0; }
  size_t size() const { return size_; }
  size_t capacity() const { return capacity_; }
  uint32_t generation() const { return generation_; }
  const EventRecord* data() const { return data_; }

  void symbolAdded(double seq, uint32_t symbolId) { next(event::kSymbolAdded, 0, symbolId, seq); }

  void tradingStateChanged(double seq, uint32_t symbolId, double state) {
    next(event::kTradingStateChanged, 0, symbolId, seq).a = state;
  }

  void accepted(double seq, uint32_t symbolId, int64_t orderId) {
    next(event::kAccepted, 0, symbolId, seq).a = static_cast<double>(orderId);
  }

  void rejected(double seq, double commandType, double orderId, double symbolId, uint8_t reason) {
    EventRecord& r = next(event::kRejected, reason, 0, seq);
    r.a = orderId;
    r.b = symbolId;
    r.c = commandType;
  }

  void trade(double seq, uint32_t symbolId, int64_t aggressorOrderId, int64_t restingOrderId, uint8_t aggressorSide,
             int64_t price, int64_t qty, int64_t aggressorLeaves, int64_t restingLeaves) {
    EventRecord& r = next(event::kTrade, aggressorSide, symbolId, seq);
    r.a = static_cast<double>(aggressorOrderId);
    r.b = static_cast<double>(restingOrderId);
    r.c = static_cast<double>(price);
    r.d = static_cast<double>(qty);
    r.e = static_cast<double>(aggressorLeaves);
    r.f = static_cast<double>(restingLeaves);
  }

  void cancelled(double seq, uint32_t symbolId, int64_t orderId, uint8_t reason, int64_t cancelledQty) {
    EventRecord& r = next(event::kCancelled, reason, symbolId, seq);
    r.a = static_cast<double>(orderId);
    r.b = static_cast<double>(cancelledQty);
  }

  void reduced(double seq, uint32_t symbolId, int64_t orderId, int64_t reducedBy, int64_t leaves) {
    EventRecord& r = next(event::kReduced, 0, symbolId, seq);
    r.a = static_cast<double>(orderId);
    r.b = static_cast<double>(reducedBy);
    r.e = static_cast<double>(leaves);
  }

  void replaced(double seq, uint32_t symbolId, int64_t orderId, double price, int64_t stopPx, int64_t qty,
                int64_t leaves, bool priorityLost) {
    EventRecord& r = next(event::kReplaced, priorityLost ? 1 : 0, symbolId, seq);
    r.a = static_cast<double>(orderId);
    r.b = static_cast<double>(stopPx);
    r.c = price;
    r.d = static_cast<double>(qty);
    r.e = static_cast<double>(leaves);
  }

  void triggered(double seq, uint32_t symbolId, int64_t orderId) {
    next(event::kTriggered, 0, symbolId, seq).a = static_cast<double>(orderId);
  }

  void expired(double seq, uint32_t symbolId, int64_t orderId, int64_t expiredQty) {
    EventRecord& r = next(event::kExpired, 0, symbolId, seq);
    r.a = static_cast<double>(orderId);
    r.b = static_cast<double>(expiredQty);
  }

  void massCancelDone(double seq, double scope, double key, int64_t count) {
    EventRecord& r = next(event::kMassCancelDone, 0, 0, seq);
    r.a = scope;
    r.b = key;
    r.c = static_cast<double>(count);
  }

 private:
  EventRecord& next(uint8_t type, uint8_t aux, uint32_t symbolId, double seq) {
    if (size_ == capacity_) reserve(capacity_ * 2);
    EventRecord& r = data_[size_++];
    r = EventRecord{};
    r.type = type;
    r.aux = aux;
    r.symbolId = symbolId;
    r.seq = seq;
    return r;
  }

  void reserve(size_t capacity) {
    EventRecord* previous = data_;
    EventRecord* fresh = storage_.allocate(capacity);
    if (size_ > 0) std::memcpy(fresh, previous, size_ * sizeof(EventRecord));
    if (previous != nullptr) storage_.release(previous);
    data_ = fresh;
    capacity_ = capacity;
    ++generation_;
  }

  EventStorage& storage_;
  EventRecord* data_ = nullptr;
  size_t capacity_ = 0;
  size_t size_ = 0;
  uint32_t generation_ = 0;
};

}  // namespace fixgate
