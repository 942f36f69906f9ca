// One side (bids or asks) of one symbol: a dense array of price levels, each an intrusive FIFO of
// pooled orders, plus the bitmap of non-empty levels. Levels are addressed by *rank*, 0 being the
// most aggressive price the symbol allows on this side (maxPrice for bids, minPrice for asks), so
// both sides share one code path: the best level is the lowest non-empty rank.
//
// The level array is allocated on the first order that rests on the side, sized to the symbol's
// price range (8 bytes a level, 8 MiB for the widest), with calloc: a symbol that never trades
// costs nothing, and a wide range is typically served by fresh zero pages that the kernel
// commits only where orders actually rest.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>

#include "level_bitmap.hpp"
#include "order_pool.hpp"

namespace fixgate {

class SideBook {
 public:
  explicit SideBook(uint32_t levelCount) : levelCount_(levelCount) {}

  /** Memory of one side once in use: the level array and (about) its bitmap. */
  static size_t bytesFor(uint32_t levelCount) { return size_t{levelCount} * (sizeof(Level) + 1); }

  bool empty() const { return best_ == kNoLevel; }
  uint32_t best() const { return best_; }
  uint32_t head(uint32_t rank) const { return levels_[rank].head; }
  /** The first non-empty rank >= from, or kNoLevel. */
  uint32_t nextFrom(uint32_t from) const { return levels_ ? bitmap_.findFrom(from) : kNoLevel; }

  void append(OrderPool& pool, uint32_t slot, uint32_t rank) {
    if (!levels_) allocate();
    Order& o = pool[slot];
    Level& level = levels_[rank];
    o.rank = rank;
    o.next = kNoSlot;
    o.prev = level.tail;
    if (level.tail == kNoSlot) {
      level.head = slot;
      bitmap_.set(rank);
      if (rank < best_) best_ = rank;
    } else {
      pool[level.tail].next = slot;
    }
    level.tail = slot;
  }

  void unlink(OrderPool& pool, uint32_t slot) {
    Order& o = pool[slot];
    Level& level = levels_[o.rank];
    if (o.prev == kNoSlot) level.head = o.next; else pool[o.prev].next = o.next;
    if (o.next == kNoSlot) level.tail = o.prev; else pool[o.next].prev = o.prev;
    if (level.head == kNoSlot) {
      bitmap_.clear(o.rank);
      if (o.rank == best_) best_ = bitmap_.findFrom(o.rank + 1);
    }
  }

  void moveToBack(OrderPool& pool, uint32_t slot) {
    if (pool[slot].next == kNoSlot) return;
    uint32_t rank = pool[slot].rank;
    unlink(pool, slot);
    append(pool, slot, rank);
  }

 private:
  struct Level {
    uint32_t head;
    uint32_t tail;
  };
  struct FreeLevels {
    void operator()(Level* p) const { std::free(p); }
  };

  void allocate() {
    levels_.reset(static_cast<Level*>(std::calloc(levelCount_, sizeof(Level))));
    bitmap_.init(levelCount_);
  }

  std::unique_ptr<Level[], FreeLevels> levels_;
  LevelBitmap bitmap_;
  uint32_t best_ = kNoLevel;
  uint32_t levelCount_;
};

}  // namespace fixgate
