/** Percentile (0–100) of a sample by linear interpolation between closest ranks. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  const lowValue = sorted[low] ?? Number.NaN;
  const highValue = sorted[high] ?? Number.NaN;
  return lowValue + (highValue - lowValue) * (rank - low);
}

/** Prints rows as an aligned text table. */
export function printTable(rows: ReadonlyArray<readonly [string, string]>, title: string): void {
  const width = Math.max(...rows.map(([name]) => name.length));
  console.log(`\n${title}`);
  console.log('-'.repeat(width + 20));
  for (const [name, value] of rows) console.log(`${name.padEnd(width)}  ${value}`);
  console.log('-'.repeat(width + 20));
}
