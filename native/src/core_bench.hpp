// Timing of the C++ core alone, for bench/: a fresh Engine runs a command buffer encoded by the
// TypeScript encoder, with no JavaScript in the loop. The only clock in native/ lives here; the
// engine itself never reads one.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "buffer_layout.hpp"

namespace fixgate {

struct ThroughputRun {
  double elapsedNs;
  uint64_t eventCount;
};

/**
 * Runs the `count` commands `repeats` times, each time on a fresh engine, in batches of
 * `batchSize` commands (the event buffer is emptied between batches, as the facade does).
 * Engine construction is outside the timed part.
 */
std::vector<ThroughputRun> benchThroughput(const CommandRecord* commands, size_t count, uint32_t repeats,
                                           size_t batchSize);

/** Times every command on its own on a fresh engine; returns the latencies in ns, ascending. */
std::vector<double> benchLatency(const CommandRecord* commands, size_t count);

}  // namespace fixgate
