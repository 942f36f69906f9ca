// A latency histogram in the manner of HdrHistogram: log-linear buckets, so every recorded value
// lands in a bucket whose width is at most 1/2^(subBits-1) of its value, whatever the magnitude,
// and memory is a few thousand counters however many samples are recorded (no per-sample array).
//
// Values are non-negative integers (the bench records nanoseconds). Below 2^subBits each value has
// its own bucket (exact); above, the value's top `subBits` bits pick the bucket. With 2 significant
// decimal digits, subBits = 8: 256 exact values, then 128 buckets per power of two, so a bucket
// spans at most 1/128 (0.78%) of the values in it. A percentile reports the highest value of its
// bucket (never below the true sample, as HdrHistogram does), clamped to the largest value seen.

/** Powers of two up to 2^53 (Number's exact integer range). */
const MAX_EXPONENT = 53;
const TWO_32 = 2 ** 32;

/** floor(log2(v)) for an integer 1 <= v < 2^53, exact (Math.log2 rounds near powers of two). */
function log2Floor(v: number): number {
  if (v < TWO_32) return 31 - Math.clz32(v);
  return 32 + 31 - Math.clz32(Math.floor(v / TWO_32));
}

export class LatencyHistogram {
  /** Bits of the value kept exactly: 2^subBits >= 2 × 10^significantDigits. */
  readonly subBits: number;
  private readonly subCount: number;
  private readonly halfCount: number;
  private readonly counts: Float64Array;
  count = 0;
  min = Number.POSITIVE_INFINITY;
  max = 0;
  private sum = 0;

  constructor(readonly significantDigits = 2) {
    if (!(significantDigits >= 1 && significantDigits <= 5)) throw new RangeError(`significantDigits must be 1..5, got ${significantDigits}`);
    this.subBits = Math.ceil(Math.log2(2 * 10 ** significantDigits));
    this.subCount = 2 ** this.subBits;
    this.halfCount = this.subCount / 2;
    this.counts = new Float64Array(this.subCount + (MAX_EXPONENT - this.subBits + 1) * this.halfCount);
  }

  /** The largest relative distance between a value and what its bucket reports. */
  get relativeError(): number {
    return 1 / this.halfCount;
  }

  private indexOf(value: number): number {
    if (value < this.subCount) return value;
    // shift: how many low bits the bucket ignores, so that value >> shift lies in [half, sub)
    const shift = log2Floor(value) - this.subBits + 1;
    const top = Math.floor(value / 2 ** shift);
    return this.subCount + (shift - 1) * this.halfCount + (top - this.halfCount);
  }

  /** Highest value that falls in bucket `index`. */
  private highestIn(index: number): number {
    if (index < this.subCount) return index;
    const k = index - this.subCount;
    const shift = Math.floor(k / this.halfCount) + 1;
    const top = (k % this.halfCount) + this.halfCount;
    return (top + 1) * 2 ** shift - 1;
  }

  /** Records `value` (rounded to an integer; negatives count as 0) `times` times. */
  record(value: number, times = 1): void {
    let v = Math.round(value);
    if (!(v > 0)) v = 0;
    if (v >= 2 ** MAX_EXPONENT) v = 2 ** MAX_EXPONENT - 1;
    this.counts[this.indexOf(v)]! += times;
    this.count += times;
    this.sum += v * times;
    if (v < this.min) this.min = v;
    if (v > this.max) this.max = v;
  }

  /** Adds every sample of `other` (same precision) to this one. */
  add(other: LatencyHistogram): void {
    if (other.subBits !== this.subBits) throw new RangeError('histograms of different precision');
    for (let i = 0; i < other.counts.length; i++) this.counts[i]! += other.counts[i]!;
    this.count += other.count;
    this.sum += other.sum;
    if (other.min < this.min) this.min = other.min;
    if (other.max > this.max) this.max = other.max;
  }

  reset(): void {
    this.counts.fill(0);
    this.count = 0;
    this.sum = 0;
    this.min = Number.POSITIVE_INFINITY;
    this.max = 0;
  }

  get mean(): number {
    return this.count === 0 ? NaN : this.sum / this.count;
  }

  /** The value at `percentile` (0..100): the smallest bucket holding that share of samples. NaN when empty. */
  percentile(percentile: number): number {
    if (this.count === 0) return NaN;
    if (percentile <= 0) return this.min;
    const wanted = Math.min(this.count, Math.ceil((percentile / 100) * this.count));
    let seen = 0;
    for (let i = 0; i < this.counts.length; i++) {
      seen += this.counts[i]!;
      if (seen >= wanted) return Math.max(this.min, Math.min(this.max, this.highestIn(i)));
    }
    return this.max;
  }
}
