// The node-addon-api face of the matcher. One native call per batch: JavaScript encodes commands
// into a command ArrayBuffer it registered once, calls process(count), and reads the events in
// place from an ArrayBuffer owned by V8 (layout: buffer_layout.hpp). When a batch needs more room
// for events, the engine allocates a bigger V8 ArrayBuffer mid-batch and bumps the generation it
// writes into the control block, which tells the facade to fetch eventBuffer() again.
//
// Exports: Matcher (class), benchCore, benchCoreLatency, layout.
#include <napi.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <vector>

#include "buffer_layout.hpp"
#include "core_bench.hpp"
#include "engine.hpp"
#include "event_buffer.hpp"

namespace fixgate {
namespace {

constexpr size_t kControlGeneration = 0;  // uint32 word of the control block
constexpr size_t kControlBytes = 4;

/** Event memory that JavaScript reads in place: each block is a V8 ArrayBuffer. */
class V8EventStorage final : public EventStorage {
 public:
  explicit V8EventStorage(Napi::Env env) : env_(env) {}

  EventRecord* allocate(size_t capacity) override {
    Napi::ArrayBuffer block = Napi::ArrayBuffer::New(env_, capacity * sizeof(EventRecord));
    previous_ = std::move(current_);
    current_ = Napi::Persistent(block);
    return static_cast<EventRecord*>(block.Data());
  }

  // The old block stays referenced until the engine has copied out of it; after that only
  // a JS view the facade has already dropped can keep it alive.
  void release(EventRecord*) override { previous_.Reset(); }

  Napi::ArrayBuffer current() const { return current_.Value(); }

 private:
  Napi::Env env_;
  Napi::Reference<Napi::ArrayBuffer> current_;
  Napi::Reference<Napi::ArrayBuffer> previous_;
};

bool isCount(const Napi::Value& v, double limit) {
  if (!v.IsNumber()) return false;
  const double n = v.As<Napi::Number>().DoubleValue();
  return n >= 0 && n <= limit && std::floor(n) == n;
}

Napi::Value throwType(Napi::Env env, const char* message) {
  Napi::TypeError::New(env, message).ThrowAsJavaScriptException();
  return env.Undefined();
}

class MatcherHandle final : public Napi::ObjectWrap<MatcherHandle> {
 public:
  static Napi::Function define(Napi::Env env) {
    return DefineClass(env, "Matcher",
                       {
                           InstanceMethod<&MatcherHandle::process>("process"),
                           InstanceMethod<&MatcherHandle::setCommandBuffer>("setCommandBuffer"),
                           InstanceMethod<&MatcherHandle::eventBuffer>("eventBuffer"),
                           InstanceMethod<&MatcherHandle::l2>("l2"),
                           InstanceMethod<&MatcherHandle::l3>("l3"),
                       });
  }

  // new Matcher(commandBuffer: ArrayBuffer, control: ArrayBuffer)
  explicit MatcherHandle(const Napi::CallbackInfo& info) : Napi::ObjectWrap<MatcherHandle>(info), storage_(info.Env()) {
    Napi::Env env = info.Env();
    if (info.Length() < 2 || !info[1].IsArrayBuffer() ||
        info[1].As<Napi::ArrayBuffer>().ByteLength() < kControlBytes) {
      throwType(env, "Matcher(commandBuffer, control): control must be an ArrayBuffer of at least 4 bytes");
      return;
    }
    if (!adoptCommandBuffer(info[0])) {
      throwType(env, "Matcher(commandBuffer, control): commandBuffer must be an ArrayBuffer");
      return;
    }
    Napi::ArrayBuffer control = info[1].As<Napi::ArrayBuffer>();
    control_ = Napi::Persistent(control);
    controlData_ = static_cast<uint32_t*>(control.Data());
    engine_ = std::make_unique<Engine>(storage_);
    controlData_[kControlGeneration] = engine_->events().generation();
    reportMemory(env);
  }

  ~MatcherHandle() override {
    if (reportedBytes_ != 0) Napi::MemoryManagement::AdjustExternalMemory(Env(), -reportedBytes_);
  }

 private:
  // process(count: number): number — runs the first `count` records, returns the event count.
  Napi::Value process(const Napi::CallbackInfo& info) {
    Napi::Env env = info.Env();
    if (!engine_) return throwType(env, "Matcher was not constructed");
    if (info.Length() < 1 || !isCount(info[0], static_cast<double>(commandCapacity_)))
      return throwType(env, "process(count): count must be an integer within the command buffer");
    const size_t count = static_cast<size_t>(info[0].As<Napi::Number>().DoubleValue());
    EventBuffer& events = engine_->events();
    events.clear();
    engine_->process(commands_, count);
    controlData_[kControlGeneration] = events.generation();
    reportMemory(env);
    return Napi::Number::New(env, static_cast<double>(events.size()));
  }

  // The books' memory is malloc'd, invisible to V8; without this a test that makes thousands of
  // matchers would grow until its JS heap happened to need a collection.
  void reportMemory(Napi::Env env) {
    const int64_t now = static_cast<int64_t>(engine_->approximateBytes());
    if (now == reportedBytes_) return;
    Napi::MemoryManagement::AdjustExternalMemory(env, now - reportedBytes_);
    reportedBytes_ = now;
  }

  // setCommandBuffer(buffer: ArrayBuffer): void — after the encoder grew its buffer.
  Napi::Value setCommandBuffer(const Napi::CallbackInfo& info) {
    if (info.Length() < 1 || !adoptCommandBuffer(info[0]))
      return throwType(info.Env(), "setCommandBuffer(buffer): buffer must be an ArrayBuffer");
    return info.Env().Undefined();
  }

  // eventBuffer(): ArrayBuffer — the block the last batch wrote its events into.
  Napi::Value eventBuffer(const Napi::CallbackInfo& info) {
    if (!engine_) return throwType(info.Env(), "Matcher was not constructed");
    return storage_.current();
  }

  // l2(symbolId, depth): Float64Array | undefined (layout: Engine::l2)
  Napi::Value l2(const Napi::CallbackInfo& info) {
    Napi::Env env = info.Env();
    if (!engine_) return throwType(env, "Matcher was not constructed");
    if (info.Length() < 2 || !info[0].IsNumber() || !info[1].IsNumber())
      return throwType(env, "l2(symbolId, depth): numbers expected");
    std::vector<double> out;
    if (!engine_->l2(info[0].As<Napi::Number>().DoubleValue(), info[1].As<Napi::Number>().DoubleValue(), out))
      return env.Undefined();
    return toFloat64Array(env, out);
  }

  // l3(symbolId): Float64Array | undefined (layout: Engine::l3)
  Napi::Value l3(const Napi::CallbackInfo& info) {
    Napi::Env env = info.Env();
    if (!engine_) return throwType(env, "Matcher was not constructed");
    if (info.Length() < 1 || !info[0].IsNumber()) return throwType(env, "l3(symbolId): number expected");
    std::vector<double> out;
    if (!engine_->l3(info[0].As<Napi::Number>().DoubleValue(), out)) return env.Undefined();
    return toFloat64Array(env, out);
  }

  static Napi::Value toFloat64Array(Napi::Env env, const std::vector<double>& values) {
    Napi::Float64Array array = Napi::Float64Array::New(env, values.size());
    std::copy(values.begin(), values.end(), array.Data());
    return array;
  }

  bool adoptCommandBuffer(const Napi::Value& value) {
    if (!value.IsArrayBuffer()) return false;
    Napi::ArrayBuffer buffer = value.As<Napi::ArrayBuffer>();
    commandBuffer_ = Napi::Persistent(buffer);
    commands_ = static_cast<const CommandRecord*>(buffer.Data());
    commandCapacity_ = buffer.ByteLength() / kCommandRecordBytes;
    return true;
  }

  // Declared before engine_: the engine's event buffer releases into it on destruction.
  V8EventStorage storage_;
  std::unique_ptr<Engine> engine_;
  Napi::Reference<Napi::ArrayBuffer> commandBuffer_;
  const CommandRecord* commands_ = nullptr;
  size_t commandCapacity_ = 0;
  Napi::Reference<Napi::ArrayBuffer> control_;
  uint32_t* controlData_ = nullptr;
  int64_t reportedBytes_ = 0;
};

// Reads (buffer: ArrayBuffer, count: number) shared by both bench functions.
bool commandArgs(const Napi::CallbackInfo& info, const CommandRecord*& commands, size_t& count) {
  if (info.Length() < 2 || !info[0].IsArrayBuffer()) return false;
  Napi::ArrayBuffer buffer = info[0].As<Napi::ArrayBuffer>();
  const double capacity = static_cast<double>(buffer.ByteLength() / kCommandRecordBytes);
  if (!isCount(info[1], capacity)) return false;
  commands = static_cast<const CommandRecord*>(buffer.Data());
  count = static_cast<size_t>(info[1].As<Napi::Number>().DoubleValue());
  return true;
}

// benchCore(buffer, count, repeats, batchSize = 4096):
//   { elapsedNs, eventCount, runsNs: number[] } — totals over all repeats, and each run's time.
Napi::Value benchCore(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  const CommandRecord* commands = nullptr;
  size_t count = 0;
  if (!commandArgs(info, commands, count) || info.Length() < 3 || !isCount(info[2], 1e6))
    return throwType(env, "benchCore(buffer, count, repeats, batchSize?): bad arguments");
  const uint32_t repeats = static_cast<uint32_t>(info[2].As<Napi::Number>().DoubleValue());
  size_t batchSize = 4096;
  if (info.Length() > 3 && !info[3].IsUndefined()) {
    if (!isCount(info[3], 1e9) || info[3].As<Napi::Number>().DoubleValue() < 1)
      return throwType(env, "benchCore: batchSize must be a positive integer");
    batchSize = static_cast<size_t>(info[3].As<Napi::Number>().DoubleValue());
  }
  const std::vector<ThroughputRun> runs = benchThroughput(commands, count, repeats, batchSize);
  double elapsed = 0;
  double events = 0;
  Napi::Array runsNs = Napi::Array::New(env, runs.size());
  for (size_t i = 0; i < runs.size(); ++i) {
    elapsed += runs[i].elapsedNs;
    events += static_cast<double>(runs[i].eventCount);
    runsNs.Set(static_cast<uint32_t>(i), Napi::Number::New(env, runs[i].elapsedNs));
  }
  Napi::Object result = Napi::Object::New(env);
  result.Set("elapsedNs", Napi::Number::New(env, elapsed));
  result.Set("eventCount", Napi::Number::New(env, events));
  result.Set("runsNs", runsNs);
  return result;
}

// benchCoreLatency(buffer, count):
//   { p50Ns, p99Ns, p999Ns, maxNs, samplesNs: Float64Array (ascending, one per command) }
Napi::Value benchCoreLatency(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  const CommandRecord* commands = nullptr;
  size_t count = 0;
  if (!commandArgs(info, commands, count)) return throwType(env, "benchCoreLatency(buffer, count): bad arguments");
  const std::vector<double> samples = benchLatency(commands, count);
  auto quantile = [&samples](double q) {
    if (samples.empty()) return 0.0;
    const size_t rank = static_cast<size_t>(std::ceil(q * static_cast<double>(samples.size())));
    return samples[std::min(samples.size() - 1, rank == 0 ? 0 : rank - 1)];
  };
  Napi::Object result = Napi::Object::New(env);
  result.Set("p50Ns", Napi::Number::New(env, quantile(0.50)));
  result.Set("p99Ns", Napi::Number::New(env, quantile(0.99)));
  result.Set("p999Ns", Napi::Number::New(env, quantile(0.999)));
  result.Set("maxNs", Napi::Number::New(env, samples.empty() ? 0.0 : samples.back()));
  Napi::Float64Array sorted = Napi::Float64Array::New(env, samples.size());
  std::copy(samples.begin(), samples.end(), sorted.Data());
  result.Set("samplesNs", sorted);
  return result;
}

Napi::Object init(Napi::Env env, Napi::Object exports) {
  exports.Set("Matcher", MatcherHandle::define(env));
  exports.Set("benchCore", Napi::Function::New(env, benchCore, "benchCore"));
  exports.Set("benchCoreLatency", Napi::Function::New(env, benchCoreLatency, "benchCoreLatency"));
  Napi::Object layout = Napi::Object::New(env);
  layout.Set("version", Napi::Number::New(env, kLayoutVersion));
  layout.Set("commandRecordBytes", Napi::Number::New(env, static_cast<double>(kCommandRecordBytes)));
  layout.Set("eventRecordBytes", Napi::Number::New(env, static_cast<double>(kEventRecordBytes)));
  exports.Set("layout", layout);
  return exports;
}

}  // namespace
}  // namespace fixgate

static Napi::Object initModule(Napi::Env env, Napi::Object exports) { return fixgate::init(env, exports); }

NODE_API_MODULE(fixgate_matcher, initModule)
