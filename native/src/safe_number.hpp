// JavaScript's Number.isSafeInteger, applied to the float64 the encoder wrote. Every validation
// rule of docs/matcher.md that says "a safe integer" goes through here, before any conversion to
// int64, so NaN, infinities, fractions and |x| > 2^53 - 1 are refused exactly as in JS.
#pragma once

#include <cmath>
#include <cstdint>

namespace fixgate {

constexpr double kMaxSafeInteger = 9007199254740991.0;  // 2^53 - 1

inline bool isSafeInteger(double x) {
  // fabs(NaN) <= k is false, so NaN never reaches the cast.
  return std::fabs(x) <= kMaxSafeInteger && x == static_cast<double>(static_cast<int64_t>(x));
}

inline bool isPositiveSafeInteger(double x) { return isSafeInteger(x) && x > 0; }

inline bool isNonNegativeSafeInteger(double x) { return isSafeInteger(x) && x >= 0; }

}  // namespace fixgate
