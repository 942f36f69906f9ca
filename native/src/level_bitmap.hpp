// Which price levels of one side hold orders: a 64-ary hierarchy of bit words. Layer 0 has one
// bit per level; each bit of layer n+1 says "word i of layer n is not zero". For 2^20 levels that
// is 16384 + 256 + 4 + 1 words, and finding the next non-empty level from any point touches at
// most two words per layer.
#pragma once

#include <cstdint>
#include <vector>

namespace fixgate {

constexpr uint32_t kNoLevel = 0xFFFFFFFFu;

class LevelBitmap {
 public:
  void init(uint32_t bits) {
    layers_ = 0;
    size_t total = 0;
    uint32_t n = bits;
    do {
      uint32_t words = (n + 63) / 64;
      offset_[layers_] = static_cast<uint32_t>(total);
      bits_[layers_] = n;
      total += words;
      ++layers_;
      n = words;
    } while (n > 1 && layers_ < kMaxLayers);
    words_.assign(total, 0);
  }

  void set(uint32_t i) {
    for (uint32_t layer = 0; layer < layers_; ++layer) {
      uint64_t& w = words_[offset_[layer] + (i >> 6)];
      bool wasEmpty = w == 0;
      w |= uint64_t{1} << (i & 63);
      if (!wasEmpty) return;
      i >>= 6;
    }
  }

  void clear(uint32_t i) {
    for (uint32_t layer = 0; layer < layers_; ++layer) {
      uint64_t& w = words_[offset_[layer] + (i >> 6)];
      w &= ~(uint64_t{1} << (i & 63));
      if (w != 0) return;
      i >>= 6;
    }
  }

  /** The lowest set bit >= i, or kNoLevel. */
  uint32_t findFrom(uint32_t i) const {
    // Climb until a layer has a set bit at or after the position, then descend through the
    // first set bit of each word that bit points to.
    uint32_t layer = 0;
    for (;;) {
      if (i >= bits_[layer]) return kNoLevel;
      const uint32_t w = i >> 6;
      const uint64_t m = words_[offset_[layer] + w] & (~uint64_t{0} << (i & 63));
      if (m != 0) {
        i = (w << 6) | static_cast<uint32_t>(__builtin_ctzll(m));
        break;
      }
      if (++layer >= layers_) return kNoLevel;
      i = w + 1;
    }
    while (layer > 0) {
      --layer;
      i = (i << 6) | static_cast<uint32_t>(__builtin_ctzll(words_[offset_[layer] + i]));
    }
    return i;
  }

 private:
  static constexpr uint32_t kMaxLayers = 4;  // 64^4 >= MAX_LEVELS

  std::vector<uint64_t> words_;
  uint32_t offset_[kMaxLayers] = {};
  uint32_t bits_[kMaxLayers] = {};
  uint32_t layers_ = 0;
};

}  // namespace fixgate
