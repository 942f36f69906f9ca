// The untriggered stop orders of one symbol, kept twice over:
//  - per side, an indexed binary heap on the trigger price (buys: lowest stopPx on top, sells:
//    highest), so "is anything triggered by this last price?" reads one heap top and every
//    triggered stop is popped in O(log n) — and a cancel or replace fixes the heap in place;
//  - one doubly-linked list in entry sequence (both sides), which is the order the doc uses both
//    for triggering several stops at once and for book order (mass cancel, end of day, L3).
#pragma once

#include <algorithm>
#include <cstdint>
#include <vector>

#include "codes.hpp"
#include "order_pool.hpp"

namespace fixgate {

class StopBook {
 public:
  uint32_t first() const { return head_; }
  bool empty() const { return head_ == kNoSlot; }

  void add(OrderPool& pool, uint32_t slot, uint64_t entryOrder) {
    appendEntry(pool, slot, entryOrder);
    heapFor(pool[slot].side).push(pool, slot);
  }

  void remove(OrderPool& pool, uint32_t slot) {
    unlinkEntry(pool, slot);
    heapFor(pool[slot].side).erase(pool, slot);
  }

  /** Moves the stop to the back of the entry sequence (a replace that lost priority). */
  void reenter(OrderPool& pool, uint32_t slot, uint64_t entryOrder) {
    unlinkEntry(pool, slot);
    appendEntry(pool, slot, entryOrder);
  }

  void changeStopPx(OrderPool& pool, uint32_t slot, int64_t stopPx) {
    Heap& heap = heapFor(pool[slot].side);
    heap.erase(pool, slot);
    pool[slot].stopPx = stopPx;
    heap.push(pool, slot);
  }

  /**
   * Removes every stop triggered by `last` (buys with stopPx <= last, sells with stopPx >= last)
   * and appends their slots to `out` in entry sequence.
   */
  void takeTriggered(OrderPool& pool, int64_t last, std::vector<uint32_t>& out) {
    size_t from = out.size();
    while (!buys_.empty() && buys_.topKey() <= last) out.push_back(buys_.pop(pool));
    while (!sells_.empty() && sells_.topKey() <= -last) out.push_back(sells_.pop(pool));
    if (out.size() - from > 1) {
      std::sort(out.begin() + static_cast<std::ptrdiff_t>(from), out.end(),
                [&pool](uint32_t a, uint32_t b) { return pool[a].entryOrder < pool[b].entryOrder; });
    }
    for (size_t i = from; i < out.size(); ++i) unlinkEntry(pool, out[i]);
  }

 private:
  // A min-heap of slots keyed by stopPx (buys) or -stopPx (sells); each order knows its position.
  class Heap {
   public:
    bool empty() const { return items_.empty(); }
    int64_t topKey() const { return items_[0].key; }

    void push(OrderPool& pool, uint32_t slot) {
      const Order& o = pool[slot];
      items_.push_back(Item{o.side == side::kBuy ? o.stopPx : -o.stopPx, slot});
      siftUp(pool, items_.size() - 1);
    }

    uint32_t pop(OrderPool& pool) {
      uint32_t slot = items_[0].slot;
      removeAt(pool, 0);
      return slot;
    }

    void erase(OrderPool& pool, uint32_t slot) { removeAt(pool, pool[slot].heapPos); }

   private:
    struct Item {
      int64_t key;
      uint32_t slot;
    };

    void removeAt(OrderPool& pool, size_t pos) {
      size_t last = items_.size() - 1;
      if (pos != last) {
        uint32_t moved = items_[last].slot;
        items_[pos] = items_[last];
        items_.pop_back();
        siftDown(pool, pos);
        siftUp(pool, pool[moved].heapPos);
      } else {
        items_.pop_back();
      }
    }

    void place(OrderPool& pool, size_t pos) { pool[items_[pos].slot].heapPos = static_cast<uint32_t>(pos); }

    void siftUp(OrderPool& pool, size_t pos) {
      Item item = items_[pos];
      while (pos > 0) {
        size_t parent = (pos - 1) / 2;
        if (items_[parent].key <= item.key) break;
        items_[pos] = items_[parent];
        place(pool, pos);
        pos = parent;
      }
      items_[pos] = item;
      place(pool, pos);
    }

    void siftDown(OrderPool& pool, size_t pos) {
      Item item = items_[pos];
      size_t n = items_.size();
      for (;;) {
        size_t child = 2 * pos + 1;
        if (child >= n) break;
        if (child + 1 < n && items_[child + 1].key < items_[child].key) ++child;
        if (item.key <= items_[child].key) break;
        items_[pos] = items_[child];
        place(pool, pos);
        pos = child;
      }
      items_[pos] = item;
      place(pool, pos);
    }

    std::vector<Item> items_;
  };

  Heap& heapFor(uint8_t orderSide) { return orderSide == side::kBuy ? buys_ : sells_; }

  void appendEntry(OrderPool& pool, uint32_t slot, uint64_t entryOrder) {
    Order& o = pool[slot];
    o.entryOrder = entryOrder;
    o.next = kNoSlot;
    o.prev = tail_;
    if (tail_ == kNoSlot) head_ = slot; else pool[tail_].next = slot;
    tail_ = slot;
  }

  void unlinkEntry(OrderPool& pool, uint32_t slot) {
    Order& o = pool[slot];
    if (o.prev == kNoSlot) head_ = o.next; else pool[o.prev].next = o.next;
    if (o.next == kNoSlot) tail_ = o.prev; else pool[o.next].prev = o.prev;
  }

  Heap buys_;
  Heap sells_;
  uint32_t head_ = kNoSlot;
  uint32_t tail_ = kNoSlot;
};

}  // namespace fixgate
