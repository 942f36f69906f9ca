// GTD orders by (expireTime, orderId), smallest first — the order in which the pre-step expires
// them. Entries are never removed when an order ends some other way (lazy deletion): the engine
// checks, on pop, that the id still names a live GTD order with that expireTime. compact() drops
// the dead entries when they outnumber the live ones, so a book that cancels its GTD orders
// before they expire keeps this heap bounded.
#pragma once

#include <algorithm>
#include <cstdint>
#include <vector>

namespace fixgate {

class ExpiryQueue {
 public:
  struct Entry {
    int64_t expireTime;
    int64_t orderId;
  };

  bool empty() const { return heap_.empty(); }
  size_t size() const { return heap_.size(); }
  size_t capacityBytes() const { return heap_.capacity() * sizeof(Entry); }
  const Entry& top() const { return heap_.front(); }

  void push(int64_t expireTime, int64_t orderId) {
    heap_.push_back(Entry{expireTime, orderId});
    std::push_heap(heap_.begin(), heap_.end(), later);
  }

  Entry pop() {
    std::pop_heap(heap_.begin(), heap_.end(), later);
    Entry e = heap_.back();
    heap_.pop_back();
    return e;
  }

  template <typename IsLive>
  void compact(IsLive isLive) {
    heap_.erase(std::remove_if(heap_.begin(), heap_.end(), [&](const Entry& e) { return !isLive(e); }), heap_.end());
    std::make_heap(heap_.begin(), heap_.end(), later);
  }

 private:
  // std heap functions keep the *largest* on top; "later" as the ordering puts the earliest there.
  static bool later(const Entry& a, const Entry& b) {
    return a.expireTime != b.expireTime ? a.expireTime > b.expireTime : a.orderId > b.orderId;
  }

  std::vector<Entry> heap_;
};

}  // namespace fixgate
