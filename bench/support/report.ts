// What every benchmark scenario shares: medians over rounds (BENCH.md: report medians, this
// machine is noisy) and its human progress lines on stdout.

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function say(line: string): void {
  process.stdout.write(`${line}\n`);
}
