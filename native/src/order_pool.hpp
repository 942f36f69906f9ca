// Every live order of every symbol lives in one vector, addressed by a 32-bit slot. Slots are
// reused through a free list, so a steady book allocates nothing. Slot 0 is never handed out: it
// is the "no order" link, which lets freshly zeroed price levels read as empty.
#pragma once

#include <cstdint>
#include <vector>

namespace fixgate {

constexpr uint32_t kNoSlot = 0;

enum class OrderState : uint8_t {
  Free,
  Resting,  // in a price level of its side
  Stop,     // untriggered, in its symbol's stop book
  Working,  // aggressing: a new order, a replace that lost priority, or a triggered stop
};

// Two cache lines: the first holds everything the matching loop and a cancel touch, so a
// prefetch of the first line is enough for the commands that hit a random resting order.
struct alignas(64) Order {
  double reportedPrice() const { return negativeZeroPrice ? -0.0 : static_cast<double>(price); }

  int64_t price;
  int64_t leaves;
  int64_t displayed;
  double stpId;  // compared as the JS number it came in as
  int64_t orderId;
  uint32_t prev;  // FIFO neighbours in the price level, or in the stop entry list
  uint32_t next;
  int64_t qty;
  uint16_t symbolId;
  uint8_t side;
  uint8_t ordType;
  uint8_t tif;
  uint8_t stpMode;
  bool postOnly;
  OrderState state;

  int64_t displayQty;
  int64_t minQty;
  int64_t stopPx;
  int64_t expireTime;
  double sessionId;
  double firmId;
  uint64_t entryOrder;  // untriggered stops: position in entry sequence (larger = later)
  union {
    uint32_t rank;     // resting: the level's rank in its side (0 = best possible price)
    uint32_t heapPos;  // untriggered stops: position in the trigger heap of its side
  };
  bool negativeZeroPrice;  // a Stop order given price -0: reported back as -0, as JS would
};
static_assert(sizeof(Order) == 128, "an order is two cache lines");

class OrderPool {
 public:
  OrderPool() { orders_.resize(1); }

  Order& operator[](uint32_t slot) { return orders_[slot]; }
  const Order& operator[](uint32_t slot) const { return orders_[slot]; }

  // The reference returned by operator[] is invalidated by allocate(): take it afterwards.
  uint32_t allocate() {
    if (freeHead_ != kNoSlot) {
      uint32_t slot = freeHead_;
      freeHead_ = orders_[slot].next;
      return slot;
    }
    orders_.emplace_back();
    return static_cast<uint32_t>(orders_.size() - 1);
  }

  size_t capacityBytes() const { return orders_.capacity() * sizeof(Order); }

  void release(uint32_t slot) {
    Order& o = orders_[slot];
    o.state = OrderState::Free;
    o.next = freeHead_;
    freeHead_ = slot;
  }

 private:
  std::vector<Order> orders_;
  uint32_t freeHead_ = kNoSlot;
};

}  // namespace fixgate
