// A latency histogram in microseconds with bounded relative error: 32 linear buckets per
// power of two (≤ 3 % off), so a few kilobytes hold any run and two runs add up by summing.
const SUB_BUCKETS = 32;
const MAX_POWER = 36; // 2^36 µs ≈ 19 hours: nothing a benchmark waits for

export type Histogram = number[];

export function createHistogram(): Histogram {
  return new Array<number>((MAX_POWER + 1) * SUB_BUCKETS).fill(0);
}

export function record(histogram: Histogram, micros: number): void {
  const value = Math.max(1, micros);
  const power = Math.min(MAX_POWER, Math.floor(Math.log2(value)));
  const sub = Math.min(SUB_BUCKETS - 1, Math.floor((value / 2 ** power - 1) * SUB_BUCKETS));
  histogram[power * SUB_BUCKETS + sub]! += 1;
}

export function merge(into: Histogram, from: Histogram): void {
  for (let index = 0; index < into.length; index += 1) into[index]! += from[index] ?? 0;
}

export function count(histogram: Histogram): number {
  return histogram.reduce((sum, value) => sum + value, 0);
}

/** The value below which `p` % of the samples lie, in milliseconds (bucket middle); 0 when empty. */
export function percentileMs(histogram: Histogram, p: number): number {
  const total = count(histogram);
  if (total === 0) return 0;
  const rank = Math.max(1, Math.ceil((p / 100) * total));
  let seen = 0;
  for (let index = 0; index < histogram.length; index += 1) {
    seen += histogram[index]!;
    if (seen >= rank) {
      const power = Math.floor(index / SUB_BUCKETS);
      const sub = index % SUB_BUCKETS;
      return (2 ** power * (1 + (sub + 0.5) / SUB_BUCKETS)) / 1000;
    }
  }
  return 0;
}
