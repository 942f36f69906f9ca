// orderId -> slot for every live order, so Cancel and Replace find their order in O(1).
// Open addressing with linear probing and backward-shift deletion (no tombstones, so a churning
// book never degrades). Order ids are positive, which frees 0 to mark an empty cell. The table is
// never iterated, so its order cannot leak into the output.
#pragma once

#include <cstdint>
#include <vector>

#include "order_pool.hpp"

namespace fixgate {

class OrderIndex {
 public:
  OrderIndex() { rehash(1024); }

  size_t size() const { return size_; }
  size_t capacityBytes() const { return cells_.capacity() * sizeof(Cell); }

  uint32_t find(int64_t orderId) const {
    for (size_t i = home(orderId);; i = (i + 1) & mask_) {
      const Cell& c = cells_[i];
      if (c.key == orderId) return c.slot;
      if (c.key == 0) return kNoSlot;
    }
  }

  /** Starts loading the cell where a lookup of `orderId` begins. */
  void prefetch(int64_t orderId) const { __builtin_prefetch(&cells_[home(orderId)]); }

  /** The id must not be present. */
  void insert(int64_t orderId, uint32_t slot) {
    if ((size_ + 1) * 2 > cells_.size()) rehash(cells_.size() * 2);
    place(orderId, slot);
    ++size_;
  }

  void erase(int64_t orderId) {
    size_t i = home(orderId);
    while (cells_[i].key != orderId) {
      if (cells_[i].key == 0) return;
      i = (i + 1) & mask_;
    }
    // Pull later members of the probe run back into the hole so lookups never stop early.
    for (size_t j = (i + 1) & mask_; cells_[j].key != 0; j = (j + 1) & mask_) {
      size_t k = home(cells_[j].key);
      bool stays = (i <= j) ? (i < k && k <= j) : (i < k || k <= j);
      if (stays) continue;
      cells_[i] = cells_[j];
      i = j;
    }
    cells_[i] = Cell{};
    --size_;
  }

 private:
  struct Cell {
    int64_t key = 0;
    uint32_t slot = kNoSlot;
  };

  size_t home(int64_t key) const {
    return static_cast<size_t>((static_cast<uint64_t>(key) * 0x9E3779B97F4A7C15ull) >> shift_);
  }

  void place(int64_t key, uint32_t slot) {
    size_t i = home(key);
    while (cells_[i].key != 0) i = (i + 1) & mask_;
    cells_[i] = Cell{key, slot};
  }

  void rehash(size_t capacity) {
    std::vector<Cell> old;
    old.swap(cells_);
    cells_.assign(capacity, Cell{});
    mask_ = capacity - 1;
    shift_ = 64;
    for (size_t c = capacity; c > 1; c >>= 1) --shift_;
    for (const Cell& c : old)
      if (c.key != 0) place(c.key, c.slot);
  }

  std::vector<Cell> cells_;
  size_t size_ = 0;
  size_t mask_ = 0;
  unsigned shift_ = 0;
};

}  // namespace fixgate
