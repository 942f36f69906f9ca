// The e2e bench's latency histogram (bench/support/latency-histogram.ts): percentiles of known
// distributions within the stated relative error, compared with the exact order statistic of the
// same samples sorted; exact values below 2^subBits; never reporting below the true value.
import test from 'ava';
import { LatencyHistogram } from '../../bench/support/latency-histogram';

/** A small deterministic PRNG (mulberry32): the same samples on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The exact value at `percentile` of `sorted`, with the same rank rule as the histogram. */
function exactPercentile(sorted: readonly number[], percentile: number): number {
  const rank = Math.max(1, Math.ceil((percentile / 100) * sorted.length));
  return sorted[rank - 1]!;
}

const PERCENTILES = [1, 10, 50, 90, 99, 99.9, 99.99, 100];

function checkAgainstExact(samples: number[], t: import('ava').ExecutionContext): void {
  const h = new LatencyHistogram(2);
  for (const s of samples) h.record(s);
  const sorted = samples.map((s) => Math.round(s)).sort((a, b) => a - b);
  t.is(h.count, samples.length);
  t.is(h.min, sorted[0]);
  t.is(h.max, sorted[sorted.length - 1]!);
  for (const p of PERCENTILES) {
    const exact = exactPercentile(sorted, p);
    const got = h.percentile(p);
    t.true(got >= exact, `p${p}: ${got} is below the true ${exact}`);
    t.true((got - exact) / exact <= h.relativeError, `p${p}: ${got} vs ${exact} is off by more than ${h.relativeError}`);
  }
}

test('2 significant digits: buckets no wider than 1% of their values', (t) => {
  const h = new LatencyHistogram(2);
  t.is(h.subBits, 8);
  t.true(h.relativeError <= 0.01);
});

test('uniform latencies from 10 µs to 10 ms (in ns): every percentile within the relative error', (t) => {
  const next = random(1);
  const samples = Array.from({ length: 100_000 }, () => 10_000 + next() * 9_990_000);
  checkAgainstExact(samples, t);
});

test('exponential latencies with a 1 ms tail (in ns): every percentile within the relative error', (t) => {
  const next = random(2);
  const samples = Array.from({ length: 100_000 }, () => 50_000 - Math.log(1 - next()) * 1_000_000);
  checkAgainstExact(samples, t);
});

test('log-normal latencies spanning six decades: every percentile within the relative error', (t) => {
  const next = random(3);
  const samples = Array.from({ length: 50_000 }, () => {
    // Box-Muller: a normal deviate from two uniforms
    const z = Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
    return Math.exp(11 + 2.5 * z);
  });
  checkAgainstExact(samples, t);
});

test('a bimodal distribution with a rare stall: p99.9 sees the stall, p50 does not', (t) => {
  const h = new LatencyHistogram(2);
  h.record(20_000, 99_800);
  h.record(250_000_000, 200);
  t.true(Math.abs(h.percentile(50) - 20_000) / 20_000 <= h.relativeError);
  t.true(Math.abs(h.percentile(99.9) - 250_000_000) / 250_000_000 <= h.relativeError);
  t.is(h.percentile(100), 250_000_000);
});

test('values below 2^subBits are exact', (t) => {
  const h = new LatencyHistogram(2);
  for (let v = 0; v < 256; v++) h.record(v);
  t.is(h.percentile(50), 127);
  t.is(h.percentile(100), 255);
  t.is(h.percentile(0), 0);
});

test('add merges two histograms as if every sample had been recorded in one', (t) => {
  const a = new LatencyHistogram(2);
  const b = new LatencyHistogram(2);
  const both = new LatencyHistogram(2);
  const next = random(4);
  for (let i = 0; i < 10_000; i++) {
    const v = next() * 1e7;
    (i % 2 === 0 ? a : b).record(v);
    both.record(v);
  }
  a.add(b);
  t.is(a.count, both.count);
  for (const p of PERCENTILES) t.is(a.percentile(p), both.percentile(p));
  t.is(Math.round(a.mean), Math.round(both.mean));
});

test('an empty histogram answers NaN; negatives count as zero; huge values are clamped, not lost', (t) => {
  const h = new LatencyHistogram(2);
  t.true(Number.isNaN(h.percentile(50)));
  h.record(-5);
  h.record(2 ** 60);
  t.is(h.count, 2);
  t.is(h.min, 0);
  t.is(h.percentile(100), 2 ** 53 - 1);
});

test('three significant digits narrow the buckets to 0.1%', (t) => {
  const h = new LatencyHistogram(3);
  t.true(h.relativeError <= 0.001);
  const next = random(5);
  const samples = Array.from({ length: 20_000 }, () => 1_000 + next() * 1e9);
  for (const s of samples) h.record(s);
  const sorted = samples.map((s) => Math.round(s)).sort((x, y) => x - y);
  for (const p of PERCENTILES) {
    const exact = exactPercentile(sorted, p);
    t.true(Math.abs(h.percentile(p) - exact) / exact <= h.relativeError, `p${p}`);
  }
});
