#include "core_bench.hpp"

#include <algorithm>
#include <chrono>
#include <memory>

#include "engine.hpp"

namespace fixgate {

using Clock = std::chrono::steady_clock;

static double nanosBetween(Clock::time_point from, Clock::time_point to) {
  return static_cast<double>(std::chrono::duration_cast<std::chrono::nanoseconds>(to - from).count());
}

std::vector<ThroughputRun> benchThroughput(const CommandRecord* commands, size_t count, uint32_t repeats,
                                           size_t batchSize) {
  std::vector<ThroughputRun> runs;
  if (batchSize == 0) batchSize = count == 0 ? 1 : count;
  for (uint32_t r = 0; r < repeats; ++r) {
    HeapEventStorage storage;
    auto engine = std::make_unique<Engine>(storage);
    uint64_t events = 0;
    const Clock::time_point start = Clock::now();
    for (size_t done = 0; done < count; done += batchSize) {
      engine->events().clear();
      engine->process(commands + done, std::min(batchSize, count - done));
      events += engine->events().size();
    }
    const Clock::time_point end = Clock::now();
    runs.push_back(ThroughputRun{nanosBetween(start, end), events});
  }
  return runs;
}

std::vector<double> benchLatency(const CommandRecord* commands, size_t count) {
  HeapEventStorage storage;
  auto engine = std::make_unique<Engine>(storage);
  std::vector<double> samples(count);
  for (size_t i = 0; i < count; ++i) {
    engine->events().clear();
    const Clock::time_point start = Clock::now();
    engine->process(commands + i, 1);
    samples[i] = nanosBetween(start, Clock::now());
  }
  std::sort(samples.begin(), samples.end());
  return samples;
}

}  // namespace fixgate
